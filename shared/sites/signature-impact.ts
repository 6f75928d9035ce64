// What renaming or merging a site does to signatures. A signature's per-entry digest covers the
// entry's site *by name* (shared/signoff/digest.ts): the signer attested where the work was done.
// So a change of the stored name voids the signatures of that site's signed entries. The backend
// refuses such a change until it is confirmed; this module words the warning for both the refusal
// and the Sites page, so they say the same thing.
import type { SignatureKind } from '../signoff/checklist';

export interface SiteSignatureVoid {
  signatureId: number;
  kind: SignatureKind;
  signerName: string;
  signerCredentials: string;
  signedAt: string;
  /** How many of this signature's entries the change voids. */
  entries: number;
}

/** Whose signatures a site rename or merge would void; `entries` counts signed entries affected. */
export interface SiteSignatureImpact {
  entries: number;
  voids: SiteSignatureVoid[];
}

export const NO_SIGNATURE_IMPACT: SiteSignatureImpact = { entries: 0, voids: [] };

export const SIGNATURE_KIND_LABEL: Record<SignatureKind, string> = { verifier: 'verifier', supervisor: 'clinical supervisor' };

/** "Dana Okafor, R.T.(R)(CT)(ARRT) (verifier, signed 2026-06-15, 3 entries)", joined with "and". */
export function signerList(voids: readonly SiteSignatureVoid[]): string {
  const parts = voids.map((v) => {
    const who = v.signerCredentials ? `${v.signerName}, ${v.signerCredentials}` : v.signerName;
    return `${who} (${SIGNATURE_KIND_LABEL[v.kind]}, signed ${v.signedAt.slice(0, 10)}, ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'})`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join('; ')} and ${parts[parts.length - 1]}`;
}

/** The sentence that says what a rename or merge would void. */
export function siteImpactMessage(action: 'rename' | 'merge', siteName: string, impact: SiteSignatureImpact): string {
  const n = impact.entries;
  const what = `${n} signed ${n === 1 ? 'entry' : 'entries'}`;
  const doing = action === 'rename' ? `Renaming “${siteName}”` : `Merging “${siteName}” into another site`;
  return (
    `${doing} voids the signatures on ${what} at this site, because a signature covers the site's name as signed: ${signerList(impact.voids)}. ` +
    `Those entries would need signing again.`
  );
}
