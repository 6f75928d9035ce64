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
