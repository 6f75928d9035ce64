// The review session on the candidate's device: the verifier (or supervisor) sees the entries by
// day and site (over-cap entries flagged), accepts, rejects or sends back each one, attests ARRT's
// checklist and signs the accepted ones by drawing or typing their name. Or, for the paper path,
// the scanned signed packet is attached.
import { useState, type FormEvent } from 'react';
import type { ReviewResult } from '../../../shared/ipc/review';
import type { BatchInput } from '../../../shared/ipc/signoff';
import type { SignatureKind } from '../../../shared/signoff/checklist';
import { formatDigest } from '../../../shared/signoff/digest';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field, fieldErrors } from '../ui';
import { readFileBase64 } from './files';
import { SignaturePad } from './SignaturePad';
import { ReviewList, submitLabel, type Decision } from './ReviewList';

export function SessionPanel(props: { batch: BatchInput; kind: SignatureKind; verifierId: number; onSigned: (r: ReviewResult) => void }) {
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
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const errors = fieldErrors(error);
  const p = preview.value;
  const role = props.kind === 'verifier' ? 'Verifier' : 'Clinical supervisor';
  const signerName = typedName ?? p?.signer?.name ?? '';

  if (preview.error) return <Banner tone="error">{preview.error.message}</Banner>;
  if (!p) return <p className="muted">Loading the batch…</p>;
  if (p.entries.length === 0) return <Banner tone="info">No entries match this batch. Change the site, dates or status.</Banner>;

  const allAttested = p.checklist.every((c) => attested[c.id]);
  const counts = { accept: 0, reject: 0, correct: 0, none: 0 };
  for (const e of p.entries) counts[decisions[e.id]?.decision ?? 'none']++;
  const needsSignature = counts.accept > 0;
  const missingReason = p.entries.some((e) => decisions[e.id] && decisions[e.id]!.decision !== 'accept' && decisions[e.id]!.reason.trim() === '');

  function acceptAllShown() {
    setDecisions((all) => {
      const next = { ...all };
      for (const e of p!.entries) if (!next[e.id]) next[e.id] = { decision: 'accept', reason: '' };
      return next;
    });
  }

  async function sign(e: FormEvent) {
    e.preventDefault();
    if (!p) return;
    setBusy(true);
    const r = await api.review.submit({
      batch: props.batch,
      kind: props.kind,
      verifierId: props.verifierId,
      decisions: p.entries.map((x) => ({ entryId: x.id, decision: decisions[x.id]!.decision, reason: decisions[x.id]!.reason })),
      digest: p.digest,
      signerName,
      method,
      signaturePng: method === 'drawn' ? png : null,
      attested: needsSignature ? attested : {},
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
    props.onSigned({ signature: r.value, accepted: r.value.entryIds.length, rejected: 0, corrections: 0 });
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

      <ReviewList
        entries={p.entries}
        overCapIds={p.overCapIds}
        dayCounts={p.dayCounts}
        dailyCap={p.dailyCap}
        decisions={decisions}
        errors={errors}
        marks={signStates.value?.marks ?? {}}
        onChange={(id, d) => setDecisions((all) => ({ ...all, [id]: d }))}
      />
      <div className="row so-review-summary">
        <button type="button" className="btn" onClick={acceptAllShown}>
          Accept all shown
        </button>
        <span className="small muted" role="status">
          {counts.accept} accepted · {counts.reject} rejected · {counts.correct} need correction · {counts.none} undecided · digest{' '}
          <code>{formatDigest(p.digest).slice(0, 17)}…</code>
        </span>
      </div>

      <form className="stack" onSubmit={(e) => void sign(e)}>
        <fieldset className="so-checklist">
          <legend>{props.kind === 'verifier' ? 'By signing, I confirm for every entry I accept:' : 'As clinical supervisor:'}</legend>
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

        <fieldset className="so-sign-method" disabled={!needsSignature && counts.none === 0}>
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
          <button
            className="btn btn-primary"
            type="submit"
            disabled={busy || counts.none > 0 || missingReason || (needsSignature && (!allAttested || (method === 'drawn' && !png))) || !signerName.trim()}
          >
            {submitLabel(counts)}
          </button>
          {missingReason ? (
            <span className="small muted">Give a reason for every entry you reject or send back.</span>
          ) : counts.none > 0 ? (
            <span className="small muted">Decide on every entry ({counts.none} left).</span>
          ) : needsSignature && !allAttested ? (
            <span className="small muted">Confirm every statement to sign.</span>
          ) : null}
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
