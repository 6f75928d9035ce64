// The sign-off session on the candidate's device: the verifier (or supervisor) sees the entries,
// RadLedger's eligibility warnings and ARRT's checklist, attests each statement and signs by
// drawing or typing their name. Or, for the paper path, the scanned signed packet is attached.
import { useState, type FormEvent } from 'react';
import { ENTRY_STATUS_LABELS } from '../../../shared/domain';
import type { BatchInput, SignatureView } from '../../../shared/ipc/signoff';
import type { SignatureKind } from '../../../shared/signoff/checklist';
import { formatDigest } from '../../../shared/signoff/digest';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field, fieldErrors } from '../ui';
import { readFileBase64 } from './files';
import { SignaturePad } from './SignaturePad';
import { SignStateBadge } from './SignStateBadge';

export function SessionPanel(props: { batch: BatchInput; kind: SignatureKind; verifierId: number; onSigned: (s: SignatureView) => void }) {
  const preview = useResult(() => api.signoff.preview({ batch: props.batch, kind: props.kind, verifierId: props.verifierId }), [
    JSON.stringify(props.batch),
    props.kind,
    props.verifierId,
  ]);
  const signStates = useResult(() => api.signoff.entryStates({ trackId: props.batch.trackId }), [props.batch.trackId]);
  const [attested, setAttested] = useState<Record<string, boolean>>({});
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [png, setPng] = useState<string | null>(null);
  const [typedName, setTypedName] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const errors = fieldErrors(error);
  const p = preview.value;
  const role = props.kind === 'verifier' ? 'Verifier' : 'Clinical supervisor';
  const signerName = typedName ?? p?.signer?.name ?? '';

  if (preview.error) return <Banner tone="error">{preview.error.message}</Banner>;
  if (!p) return <p className="muted">Loading the batch…</p>;
  if (p.entries.length === 0) return <Banner tone="info">No entries match this batch. Change the site, dates or status.</Banner>;

  const allAttested = p.checklist.every((c) => attested[c.id]);

  async function sign(e: FormEvent) {
    e.preventDefault();
    if (!p) return;
    setBusy(true);
    const r = await api.signoff.sign({
      batch: props.batch,
      kind: props.kind,
      verifierId: props.verifierId,
      entryIds: p.entries.map((x) => x.id),
      digest: p.digest,
      signerName,
      method,
      signaturePng: method === 'drawn' ? png : null,
      attested,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onSigned(r.value);
  }

  async function attachScan() {
    if (!p || !scan) return;
    setBusy(true);
    const r = await api.signoff.attachPaper({
      batch: props.batch,
      kind: props.kind,
      verifierId: props.verifierId,
      digest: p.digest,
      entryIds: p.entries.map((x) => x.id),
      fileName: scan.name,
      base64: await readFileBase64(scan),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onSigned(r.value);
  }

  return (
    <section className="card stack so-session" aria-labelledby="session-title">
      <h2 id="session-title" className="card-title">
        {role} sign-off: {p.signer?.name}
        {p.signer?.credentials ? `, ${p.signer.credentials}` : ''}
      </h2>
      {p.warnings.map((w) => (
        <Banner key={w.code} tone={w.level === 'warn' ? 'warn' : 'info'}>
          {w.level === 'unknown' ? <strong>Not known to RadLedger: </strong> : null}
          {w.message}
        </Banner>
      ))}

      <div className="table-wrap so-entries" role="region" aria-label="Entries to sign" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{p.entries.length} entries in this batch</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Time</th>
              <th scope="col">Procedure</th>
              <th scope="col">Site</th>
              <th scope="col">Simulated</th>
              <th scope="col">Status</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {p.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.performedOn}</td>
                <td>{e.performedAt ?? ''}</td>
                <td>{e.procedureName}</td>
                <td>{e.siteName ?? ''}</td>
                <td>{e.simulated ? 'Yes' : 'No'}</td>
                <td>{ENTRY_STATUS_LABELS[e.status]}</td>
                <td>
                  <SignStateBadge state={signStates.value?.states[e.id] ?? 'unsigned'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        {p.entries.length} {p.entries.length === 1 ? 'entry' : 'entries'} · digest <code>{formatDigest(p.digest).slice(0, 35)}…</code>
      </p>

      <form className="stack" onSubmit={(e) => void sign(e)}>
        <fieldset className="so-checklist">
          <legend>{props.kind === 'verifier' ? 'By signing, I confirm for every entry above:' : 'As clinical supervisor:'}</legend>
          {p.checklist.map((c) => (
            <label key={c.id} className="so-check so-statement">
              <input
                type="checkbox"
                checked={!!attested[c.id]}
                aria-invalid={!!errors[`attested.${c.id}`]}
                onChange={(e) => setAttested((a) => ({ ...a, [c.id]: e.target.checked }))}
              />
              <span>
                <strong>{c.label}.</strong> {c.text}
              </span>
            </label>
          ))}
          {p.notes.length ? <p className="small muted">{p.notes.join(' ')}</p> : null}
        </fieldset>

        <fieldset className="so-sign-method">
          <legend>Signature</legend>
          <div className="row" role="radiogroup" aria-label="How to sign">
            <label className="so-check">
              <input type="radio" name="method" checked={method === 'drawn'} onChange={() => setMethod('drawn')} /> Draw
            </label>
            <label className="so-check">
              <input type="radio" name="method" checked={method === 'typed'} onChange={() => setMethod('typed')} /> Type name
            </label>
          </div>
          {method === 'drawn' ? <SignaturePad label={`Signature of ${signerName}`} onChange={setPng} /> : null}
          <Field label="Signer's name" error={errors.signerName} hint={method === 'typed' ? 'Typing your name is your signature.' : undefined}>
            {(id, d) => (
              <input id={id} aria-describedby={d} className={method === 'typed' ? 'so-typed' : ''} value={signerName} onChange={(e) => setTypedName(e.target.value)} />
            )}
          </Field>
          {errors.signaturePng ? <span className="error">{errors.signaturePng}</span> : null}
        </fieldset>

        {error ? <Banner tone="error">{error.message}</Banner> : null}
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={busy || !allAttested || (method === 'drawn' && !png) || !signerName.trim()}>
            Sign {p.entries.length} {p.entries.length === 1 ? 'entry' : 'entries'}
          </button>
          {!allAttested ? <span className="small muted">Confirm every statement to sign.</span> : null}
        </div>
      </form>

      <details className="so-paper">
        <summary>Signed on paper instead? Attach the scanned packet</summary>
        <div className="row">
          <Field label="Scanned signed packet" hint="PDF, PNG or JPEG, up to 15 MB">
            {(id, d) => <input id={id} aria-describedby={d} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setScan(e.target.files?.[0] ?? null)} />}
          </Field>
          <button className="btn" type="button" disabled={!scan || busy} onClick={() => void attachScan()}>
            Attach scan and mark signed on paper
          </button>
        </div>
      </details>
    </section>
  );
}
