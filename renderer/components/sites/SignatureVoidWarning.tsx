// Asked before a site rename or merge that would void signatures: a signature covers each entry's
// site by name, so the change voids the signatures of the site's signed entries. Says how many and
// whose, then "Rename anyway" / "Merge anyway" or Cancel. Focus lands on the warning (so it is read
// out and Tab reaches the choices); Escape cancels. The form behind it keeps everything typed.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { SIGNATURE_KIND_LABEL, type SiteSignatureImpact } from '../../../shared/sites/signature-impact';

export function SignatureVoidWarning(props: {
  action: 'rename' | 'merge';
  siteName: string;
  /** The kept site's name, for a merge. */
  into?: string;
  impact: SiteSignatureImpact;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => ref.current?.focus(), []);
  const n = props.impact.entries;
  const entries = `${n.toLocaleString()} signed ${n === 1 ? 'entry' : 'entries'}`;
  const title = props.action === 'rename' ? `Renaming “${props.siteName}” voids the signatures on ${entries}` : `Merging “${props.siteName}” into “${props.into ?? ''}” voids the signatures on ${entries}`;

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
      <p className="small">
        A signature covers the site&apos;s name as it was signed. After the {props.action === 'rename' ? 'rename' : 'merge'} these entries show “Signature void” in the Log and
        need signing again; {props.action === 'merge' && props.into ? `entries already at “${props.into}”` : 'entries at other sites'} stay signed.
      </p>
      <div className="row">
        <button className="btn btn-danger" type="button" disabled={props.busy} onClick={props.onConfirm}>
          {props.action === 'rename' ? 'Rename anyway' : 'Merge anyway'}
        </button>
        <button className="btn" type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
