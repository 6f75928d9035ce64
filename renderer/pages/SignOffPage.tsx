// Sign-off: verifiers, an on-device session in which a verifier (or supervisor) reviews a batch,
// attests ARRT's checklist and signs; and every signature with its validity.
import { useEffect, useState } from 'react';
import type { ReviewResult } from '../../shared/ipc/review';
import type { SignatureView } from '../../shared/ipc/signoff';
import { readFileBase64, saveFile } from '../components/signoff/files';
import type { SignatureKind } from '../../shared/signoff/checklist';
import { api } from '../api';
import { BatchPicker, toBatchInput, type BatchState } from '../components/signoff/BatchPicker';
import { SessionPanel } from '../components/signoff/SessionPanel';
import { SignatureList } from '../components/signoff/SignatureList';
import { SignCoverage } from '../components/signoff/SignStateBadge';
import { CandidateForm, VerifierPanel } from '../components/signoff/VerifierPanel';
import { Banner, Field, PageHeader, useToast } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/signoff.css';

export function SignOffPage() {
  const tracks = useResult(() => api.tracks.list(), []);
  const options = useResult(() => api.signoff.options(), []);
  const verifiers = useResult(() => api.verifiers.list(), []);
  const [batch, setBatch] = useState<BatchState>({ trackId: null, siteId: null, from: '', to: '', status: 'draft' });
  const [kind, setKind] = useState<SignatureKind>('verifier');
  const [verifierId, setVerifierId] = useState<number | null>(null);
  const [session, setSession] = useState<{ key: number; batch: NonNullable<ReturnType<typeof toBatchInput>>; kind: SignatureKind; verifierId: number } | null>(null);
  const signatures = useResult(() => api.signoff.list({ trackId: batch.trackId }), [batch.trackId]);
  const coverage = useResult(
    () => (batch.trackId === null ? Promise.resolve({ ok: true as const, value: null }) : api.signoff.entryStates({ trackId: batch.trackId })),
    [batch.trackId],
  );
  const toast = useToast();
  const [remote, setRemote] = useState<{ busy: boolean; message: string | null; error: string | null }>({ busy: false, message: null, error: null });

  const trackList = tracks.value ?? [];
  const sites = options.value?.sites ?? [];
  const people = verifiers.value ?? [];
  useEffect(() => {
    if (batch.trackId === null && trackList[0]) setBatch((b) => ({ ...b, trackId: trackList[0]!.id }));
  }, [trackList.length]);
  useEffect(() => {
    if (verifierId === null && people[0]) setVerifierId(people[0].id);
  }, [people.length]);

  function open() {
    const input = toBatchInput(batch);
    if (!input || verifierId === null) return;
    setSession({ key: Date.now(), batch: input, kind, verifierId });
  }

  /** Reopens a void signature's batch (its site, any status) for the same signer and role. */
  function signAgain(s: SignatureView) {
    if (s.verifierId === null) return;
    const next: BatchState = { trackId: s.trackId, siteId: s.siteId, from: '', to: '', status: 'any' };
    setBatch(next);
    setKind(s.kind);
    setVerifierId(s.verifierId);
    const input = toBatchInput(next);
    if (input) setSession({ key: Date.now(), batch: input, kind: s.kind, verifierId: s.verifierId });
  }

  function signed(r: ReviewResult) {
    setSession(null);
    void signatures.reload();
    void coverage.reload();
    const back = r.rejected + r.corrections;
    toast(
      [r.accepted ? `${r.signature?.signerName ?? 'The reviewer'} signed ${r.accepted} ${r.accepted === 1 ? 'entry' : 'entries'}` : null, back ? `${back} returned to you with the reason` : null]
        .filter(Boolean)
        .join('; ') + '.',
    );
  }

  async function sendForReview() {
    const input = toBatchInput(batch);
    if (!input || verifierId === null) return;
    setRemote({ busy: true, message: null, error: null });
    const r = await api.review.sendForm({ batch: input, kind, verifierId });
    if (!r.ok) return setRemote({ busy: false, message: null, error: r.error.message });
    saveFile(r.value.pdf);
    setRemote({ busy: false, error: null, message: `Saved ${r.value.pdf.fileName} (${r.value.entryCount} entries). Send it to the reviewer; import it here when it comes back filled in.` });
  }

  async function importReturned(file: File) {
    setRemote({ busy: true, message: null, error: null });
    const r = await api.review.importForm({ fileName: file.name, base64: await readFileBase64(file) });
    if (!r.ok) return setRemote({ busy: false, message: null, error: r.error.message });
    setRemote({ busy: false, error: null, message: `Applied ${r.value.signerName}'s review: ${r.value.accepted} signed, ${r.value.rejected + r.value.corrections} returned. The form is kept as evidence.` });
    void signatures.reload();
    void coverage.reload();
  }

  return (
    <div className="page signoff-page">
      <PageHeader title="Sign-off" subtitle="Verifiers review each entry (accept, reject or send back) and sign on this device or in a PDF form; supervisors give final approval." />
      {tracks.error ? <Banner tone="error">{tracks.error.message}</Banner> : null}
      {!tracks.loading && trackList.length === 0 ? <Banner tone="info">Create a track and log entries first (Log page).</Banner> : null}

      <section className="card stack" aria-labelledby="session-setup-title">
        <h2 id="session-setup-title" className="card-title">
          Start a sign-off session
        </h2>
        <div className="row">
          <Field label="Who signs">
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SignatureKind)}>
                <option value="verifier">Verifier</option>
                <option value="supervisor">Clinical supervisor (final approval)</option>
              </select>
            )}
          </Field>
          <Field label="Signer">
            {(id) => (
              <select id={id} value={verifierId ?? ''} onChange={(e) => setVerifierId(e.target.value ? Number(e.target.value) : null)}>
                {people.length === 0 ? <option value="">Add a verifier below first</option> : null}
                {people.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                    {v.credentials ? `, ${v.credentials}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <BatchPicker tracks={trackList} sites={sites} value={batch} onChange={setBatch} />
        <div className="row">
          <button className="btn btn-primary" type="button" onClick={open} disabled={batch.trackId === null || verifierId === null}>
            Open the batch for signing
          </button>
          <span className="small muted">Hand the device to the signer once the batch is open.</span>
        </div>
      </section>

      <section className="card stack" aria-labelledby="remote-title">
        <h2 id="remote-title" className="card-title">
          Reviewer not here? Send a fillable PDF
        </h2>
        <p className="small muted">
          The form lists the batch above with a decision and reason per entry, the checklist and a signature. The reviewer fills it in any PDF reader and
          returns it; RadLedger applies it only if every entry is still exactly as sent.
        </p>
        <div className="row">
          <button className="btn" type="button" disabled={remote.busy || batch.trackId === null || verifierId === null} onClick={() => void sendForReview()}>
            Send for review (PDF form)
          </button>
          <label className="btn">
            Import a returned form
            <input
              className="visually-hidden"
              type="file"
              accept="application/pdf"
              disabled={remote.busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void importReturned(f);
              }}
            />
          </label>
        </div>
        {remote.error ? <Banner tone="error">{remote.error}</Banner> : null}
        {remote.message ? <Banner tone="info">{remote.message}</Banner> : null}
      </section>

      {session ? <SessionPanel key={session.key} batch={session.batch} kind={session.kind} verifierId={session.verifierId} onSigned={signed} /> : null}

      <section className="card stack" aria-labelledby="signatures-title">
        <h2 id="signatures-title" className="card-title">
          Signatures
        </h2>
        <p className="small muted">
          A signature keeps a SHA-256 digest of each entry it covers. Editing or deleting one of them voids the signature of that entry only,
          until a new review covers it; nothing is ever locked.
        </p>
        {coverage.value ? <SignCoverage data={coverage.value} /> : null}
        {signatures.value ? <SignatureList signatures={signatures.value} onSignAgain={signAgain} /> : null}
      </section>

      <VerifierPanel
        verifiers={people}
        sites={sites}
        onChanged={() => {
          void verifiers.reload();
        }}
      />
      <section className="card stack" aria-labelledby="candidate-title">
        <h2 id="candidate-title" className="card-title">
          Your name on packets
        </h2>
        <CandidateForm candidate={options.value?.candidate ?? null} onSaved={() => void options.reload()} />
      </section>
    </div>
  );
}
