// Bulk changes against signatures: site renames and merges, procedure renames across the log. A
// signature's per-entry digest covers the entry's site by name and its procedure id and name, so
// changing those stored values voids the signatures of the signed entries touched. Exactly those:
// the digests of the entries a still-valid signature covers are taken before the write and compared
// after it, in its transaction, so a change that leaves the stored values alone (e.g. surrounding
// spaces, trimmed before storing) voids nothing, a change of letter case does, and a change that
// puts a signed digest back (undoing a rename) voids nothing (its signatures hold again). Nothing
// else is written: validity is recomputed from the digests whenever it is read (./signoff.ts).
import type { Entry } from '../../../shared/domain';
import { AppFailure } from '../../../shared/result';
import { NO_SIGNATURE_IMPACT, type SignatureImpact, type SiteSignatureVoid } from '../../../shared/sites/signature-impact';
import type { DB } from '../db/open';
import { entryEvents, liveEntriesByIds, signedEntriesAtSite, type EntryEventRow } from '../tables/signoff';
import { entryDigest } from './signoff';

/** Signed entries with their digests and the signatures that still hold for them. */
export interface SignatureProbe {
  entries: Array<{ entry: Entry; digest: string; live: EntryEventRow[] }>;
}

export const NO_SIGNED_ENTRIES: SignatureProbe = { entries: [] };

/** Read before the write: of these entries, the ones some signature still holds for. */
export function probeSignatures(db: DB, candidates: readonly Entry[]): SignatureProbe {
  if (candidates.length === 0) return NO_SIGNED_ENTRIES;
  const byUuid = new Map<string, EntryEventRow[]>();
  for (const ev of entryEvents(db, candidates.map((e) => e.uuid))) {
    if (ev.source !== 'signature') continue;
    const list = byUuid.get(ev.entry_uuid);
    if (list) list.push(ev);
    else byUuid.set(ev.entry_uuid, [ev]);
  }
  return {
    entries: candidates.flatMap((entry) => {
      const events = byUuid.get(entry.uuid);
      if (!events) return [];
      const digest = entryDigest(entry);
      const live = events.filter((ev) => ev.digest === digest);
      return live.length ? [{ entry, digest, live }] : [];
    }),
  };
}

/** The signed entries of a site (what a rename or merge of the site could void). */
export function probeSiteSignatures(db: DB, siteId: number): SignatureProbe {
  return probeSignatures(db, signedEntriesAtSite(db, siteId));
}

/** These live entries, by id (what a procedure rename could void). */
export function probeEntrySignatures(db: DB, ids: readonly number[]): SignatureProbe {
  return ids.length === 0 ? NO_SIGNED_ENTRIES : probeSignatures(db, liveEntriesByIds(db, ids));
}

/** Read after the write (same transaction): the signatures whose entries' digests changed. */
export function voidedSince(db: DB, probe: SignatureProbe): SignatureImpact {
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

/**
 * Refuses (rolling the transaction back) a change that voids signatures without `voidSignatures`.
 * `message` words what would be voided (shared/sites/signature-impact.ts); `go` names the button.
 */
export function requireVoidConfirmed(impact: SignatureImpact, confirmed: boolean | undefined, message: (impact: SignatureImpact) => string, go: string): void {
  if (impact.entries === 0 || confirmed === true) return;
  throw new AppFailure('conflict', `${message(impact)} Choose “${go}” to go ahead.`);
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
