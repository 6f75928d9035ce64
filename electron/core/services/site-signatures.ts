// Site renames and merges against signatures. A signature's per-entry digest covers the entry's
// site by name, so changing the stored name of a site (rename, or merge into another site) voids the
// signatures of its signed entries. Exactly those: the digests are compared before and after the
// write, in its transaction, so a change that leaves the stored name alone (e.g. surrounding spaces,
// trimmed before storing) voids nothing, and a change of letter case does. Nothing else is written:
// validity is recomputed from the digests whenever it is read (./signoff.ts).
import type { Entry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { NO_SIGNATURE_IMPACT, siteImpactMessage, type SiteSignatureImpact, type SiteSignatureVoid } from '../../../shared/sites/signature-impact';
import type { DB } from '../db/open';
import { entryEvents, liveEntriesByIds, signedEntriesAtSite, type EntryEventRow } from '../tables/signoff';
import { entryDigest } from './signoff';

/** The signed entries of a site with their digests and the signatures that still hold for them. */
export interface SiteSignatureProbe {
  entries: Array<{ entry: Entry; digest: string; live: EntryEventRow[] }>;
}

export const NO_SIGNED_ENTRIES: SiteSignatureProbe = { entries: [] };

/** Read before the write. */
export function probeSiteSignatures(db: DB, siteId: number): SiteSignatureProbe {
  const signed = signedEntriesAtSite(db, siteId);
  if (signed.length === 0) return { entries: [] };
  const byUuid = new Map<string, EntryEventRow[]>();
  for (const ev of entryEvents(db, signed.map((e) => e.uuid))) {
    if (ev.source !== 'signature') continue;
    const list = byUuid.get(ev.entry_uuid);
    if (list) list.push(ev);
    else byUuid.set(ev.entry_uuid, [ev]);
  }
  return {
    entries: signed.flatMap((entry) => {
      const digest = entryDigest(entry);
      const live = (byUuid.get(entry.uuid) ?? []).filter((ev) => ev.digest === digest);
      return live.length ? [{ entry, digest, live }] : [];
    }),
  };
}

/** Read after the write (same transaction): the signatures whose entries' digests changed. */
export function voidedSince(db: DB, probe: SiteSignatureProbe): SiteSignatureImpact {
  if (probe.entries.length === 0) return NO_SIGNATURE_IMPACT;
  const now = new Map(liveEntriesByIds(db, probe.entries.map((p) => p.entry.id)).map((e) => [e.id, e] as const));
  const bySignature = new Map<number, SiteSignatureVoid>();
  let entries = 0;
  for (const p of probe.entries) {
    const after = now.get(p.entry.id);
    if (after && entryDigest(after) === p.digest) continue;
    entries += 1;
    for (const ev of p.live) {
      const v = bySignature.get(ev.row_id);
      if (v) v.entries += 1;
      else
        bySignature.set(ev.row_id, {
          signatureId: ev.row_id,
          kind: ev.kind,
          signerName: ev.signer_name,
          signerCredentials: ev.signer_credentials ?? '',
          signedAt: ev.at,
          entries: 1,
        });
    }
  }
  return { entries, voids: [...bySignature.values()].sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.signatureId - b.signatureId) };
}

/** Refuses (rolling the transaction back) a change that voids signatures without `voidSignatures`. */
export function requireVoidConfirmed(impact: SiteSignatureImpact, confirmed: boolean | undefined, action: 'rename' | 'merge', siteName: string): void {
  if (impact.entries === 0 || confirmed === true) return;
  const go = action === 'rename' ? 'Rename anyway' : 'Merge anyway';
  throw new AppFailure('conflict', `${siteImpactMessage(action, siteName, impact)} Choose “${go}” to go ahead.`);
}

class DryRun extends Error {}

/** Runs a write in a transaction that is always rolled back, returning what it computed. */
export function dryRun<T>(db: DB, write: () => T): T {
  let out: { value: T } | undefined;
  try {
    db.transaction(() => {
      out = { value: write() };
      throw new DryRun();
    })();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return out!.value;
}
