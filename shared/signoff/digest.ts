// What a signature's digest covers: exactly the signed entries' reportable fields, in a canonical
// form. The hashing itself (SHA-256) runs in the backend with node:crypto, because shared code may
// not import node modules; this module only builds the text that is hashed, so the renderer, the
// backend and the packet's JSON twin agree on it byte for byte.
//
// Reportable fields are the ones a verifier confirms and ARRT receives: date, time, procedure,
// site, simulation, the anonymous same-patient marker. Notes (private), status (it changes *because*
// of signing) and bookkeeping timestamps are left out, so signing never voids itself and a private
// note never voids a verifier's signature.
import type { Entry } from '../domain';

export const DIGEST_FORMAT = 1;

export interface DigestEntry {
  id: number;
  trackId: number;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteId: number | null;
  simulated: boolean;
  patientMarker: number | null;
}

/** The reportable fields of an entry, keys in a fixed order (JSON.stringify keeps insertion order). */
export function reportableFields(e: Pick<Entry, keyof DigestEntry>): DigestEntry {
  return {
    id: e.id,
    trackId: e.trackId,
    performedOn: e.performedOn,
    performedAt: e.performedAt,
    procedureId: e.procedureId,
    procedureName: e.procedureName,
    siteId: e.siteId,
    simulated: e.simulated,
    patientMarker: e.patientMarker,
  };
}

/** Canonical text of a batch: entries sorted by id, fixed key order, no whitespace. */
export function digestPayload(entries: ReadonlyArray<Pick<Entry, keyof DigestEntry>>): string {
  const rows = [...entries].sort((a, b) => a.id - b.id).map(reportableFields);
  return JSON.stringify({ format: DIGEST_FORMAT, entries: rows });
}

/** How a digest is shown to people: groups of 8 hex digits, easy to compare by eye. */
export function formatDigest(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

// ── Per-entry digests (format 2) ─────────────────────────────────────────────────────────────────
// A signature records one digest per entry it covers, so an edit voids the signature of that entry
// only. The entry is named by its stable UUID, never by its local row id, and its site by name, so
// a digest can be recomputed on any computer the log moves to (JSON export/import, restore).

export const ENTRY_DIGEST_FORMAT = 2;

export interface EntryDigestFields {
  uuid: string;
  performedOn: string;
  performedAt: string | null;
  procedureId: string | null;
  procedureName: string;
  siteName: string | null;
  simulated: boolean;
  patientMarker: number | null;
}

/** The reportable fields of one entry, keys in a fixed order. */
export function entryDigestFields(e: Pick<Entry, Exclude<keyof EntryDigestFields, 'uuid'>> & { uuid: string }): EntryDigestFields {
  return {
    uuid: e.uuid,
    performedOn: e.performedOn,
    performedAt: e.performedAt,
    procedureId: e.procedureId,
    procedureName: e.procedureName,
    siteName: e.siteName,
    simulated: e.simulated,
    patientMarker: e.patientMarker,
  };
}

/** Canonical text of one entry, hashed (SHA-256) into its entry digest. */
export function entryDigestPayload(e: Parameters<typeof entryDigestFields>[0]): string {
  return JSON.stringify({ format: ENTRY_DIGEST_FORMAT, entry: entryDigestFields(e) });
}

/**
 * Canonical text of a set of entry digests (what a reviewer saw as a whole): pairs sorted by UUID.
 * Hashed into the "review digest" shown on screen and printed on the review form.
 */
export function reviewDigestPayload(pairs: ReadonlyArray<{ uuid: string; digest: string }>): string {
  const rows = [...pairs].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0)).map((p) => [p.uuid, p.digest]);
  return JSON.stringify({ format: ENTRY_DIGEST_FORMAT, entries: rows });
}
