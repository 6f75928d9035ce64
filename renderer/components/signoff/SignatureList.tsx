// Every signature with its validity, computed when read: a void one says when and asks for a new one.
import type { SignatureView } from '../../../shared/ipc/signoff';
import { api } from '../../api';
import { localDateTime, methodText, validityText } from './format';
import { saveFile } from './files';

export function SignatureList(props: { signatures: SignatureView[]; onSignAgain?: (s: SignatureView) => void }) {
  if (props.signatures.length === 0) return <p className="muted">No signatures yet.</p>;
  async function download(s: SignatureView) {
    const r = await api.signoff.attachment({ signatureId: s.id });
    if (r.ok) saveFile(r.value);
  }
  return (
    <ul className="so-signature-list" aria-label="Signatures">
      {props.signatures.map((s) => (
        <li key={s.id} className={s.validity.state !== 'valid' ? 'so-void' : ''}>
          <div className="so-tight">
            <div>
              <strong>{s.signerName}</strong>
              {s.signerCredentials ? <span className="muted">, {s.signerCredentials}</span> : null}
              <span className="muted"> · {s.kind === 'verifier' ? 'verifier' : 'clinical supervisor'}</span>
            </div>
            <div className="small muted">
              {s.entryIds.length} {s.entryIds.length === 1 ? 'entry' : 'entries'}
              {s.siteName ? ` at ${s.siteName}` : ''} · {methodText(s)} · {localDateTime(s.signedAt)}
              {s.reviewFormId !== null ? ' · returned review form (kept as evidence)' : ''}
            </div>
          </div>
          <div className="row">
            <span className={`badge ${s.validity.state === 'valid' ? 'badge-ok' : 'badge-danger'}`}>{validityText(s.validity)}</span>
            {s.validity.state !== 'valid' && props.onSignAgain && s.verifierId !== null ? (
              <button className="btn btn-primary" type="button" onClick={() => props.onSignAgain?.(s)}>
                Sign again
              </button>
            ) : null}
            {s.attachment ? (
              <button className="btn" type="button" onClick={() => void download(s)}>
                {s.reviewFormId !== null ? 'Save the returned form' : 'Save scan'}
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
