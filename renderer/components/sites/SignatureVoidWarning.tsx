// Asked before a site rename or merge, or a procedure rename across the log, that would void
// signatures: a signature covers each entry's site by name and its procedure, so the change voids the
// signatures of the signed entries it touches. Says how many and whose, then "Rename anyway" /
// "Merge anyway" or Cancel. Focus lands on the warning (so it is read
// out and Tab reaches the choices); Escape cancels. The form behind it keeps everything typed.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { SIGNATURE_KIND_LABEL, type SignatureImpact } from '../../../shared/sites/signature-impact';
import '../../styles/sites.css';

export function SignatureVoidWarning(props: {
  /** 'rename' and 'merge' are of a site; 'rename-procedure' renames a procedure across the log. */
  action: 'rename' | 'merge' | 'rename-procedure';
  /** The site's name, or the procedure's name as logged. */
  siteName: string;
  /** The kept site's name for a merge; the new procedure name for a procedure rename. */
  into?: string;
  impact: SignatureImpact;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  const n = props.impact.entries;
  const entries = `${n.toLocaleString()} signed ${n === 1 ? 'entry' : 'entries'}`;
  const title =
    props.action === 'rename'
      ? `Renaming “${props.siteName}” voids the signatures on ${entries}`
      : props.action === 'merge'
        ? `Merging “${props.siteName}” into “${props.into ?? ''}” voids the signatures on ${entries}`
        : `Renaming “${props.siteName}” to “${props.into ?? ''}” voids the signatures on ${entries}`;
  const these = n === 1 ? 'this entry shows' : 'these entries show';
  const why =
    props.action === 'rename-procedure'
      ? `A signature covers each entry’s procedure as it was signed. After the rename ${these} “Signature void” in the Log and ${n === 1 ? 'needs' : 'need'} signing again; entries of this name that were not signed are simply renamed, and undoing the rename makes the signatures hold again.`
      : `A signature covers the site's name as it was signed. After the ${props.action === 'rename' ? 'rename' : 'merge'} ${these} “Signature void” in the Log and ${n === 1 ? 'needs' : 'need'} signing again; ${
          props.action === 'merge' && props.into ? `entries already at “${props.into}”` : 'entries at other sites'
        } stay signed.`;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    }
  }

  return (
    <div ref={ref} className="banner banner-warn site-void-warning" role="alert" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
      <p id={titleId}>
        <strong>{title}</strong>
      </p>
      <ul className="site-void-signers" aria-label="Signatures it voids">
        {props.impact.voids.map((v) => (
          <li key={v.signatureId}>
            {v.signerName}
            {v.signerCredentials ? `, ${v.signerCredentials}` : ''} — {SIGNATURE_KIND_LABEL[v.kind]}, signed {v.signedAt.slice(0, 10)}, {v.entries.toLocaleString()}{' '}
            {v.entries === 1 ? 'entry' : 'entries'}
          </li>
        ))}
      </ul>
      <p className="small">{why}</p>
      <div className="row">
        <button className="btn btn-danger" type="button" disabled={props.busy} onClick={props.onConfirm}>
          {props.action === 'merge' ? 'Merge anyway' : 'Rename anyway'}
        </button>
        <button className="btn" type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
