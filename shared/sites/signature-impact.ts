// What renaming or merging a site, or renaming a procedure across the log, does to signatures. A
// signature's per-entry digest covers the entry's site *by name* and its procedure (id and name)
// (shared/signoff/digest.ts): the signer attested what was done where. So a change of those stored
// values voids the signatures of the signed entries it touches. The backend refuses such a change
// until it is confirmed; this module words the warning for both the refusal and the UI, so they say
// the same thing.
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

/** The same shape for any bulk change (site rename or merge, procedure rename). */
export type SignatureImpact = SiteSignatureImpact;

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

/** The sentence that says what renaming a procedure across the log would void. */
export function procedureImpactMessage(from: string, to: string, impact: SignatureImpact): string {
  const n = impact.entries;
  const what = `${n} signed ${n === 1 ? 'entry' : 'entries'}`;
  return (
    `Renaming “${from}” to “${to}” voids the signatures on ${what}, because a signature covers the procedure as signed: ${signerList(impact.voids)}. ` +
    `Those entries would need signing again.`
  );
}
