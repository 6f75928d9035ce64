import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { digestPayload, entryDigestPayload } from '../../../../shared/signoff/digest';
import type { Migration } from './types';

// Per-entry review and signatures (issue 15).
// - Every entry gets a stable UUID (backfilled here; a trigger fills it for any insert that does
//   not set one), so a signature names its entries independently of local row ids.
// - signature_entries gains, per covered entry, its UUID and the SHA-256 of its reportable fields
//   at signing time (digest format 2, shared/signoff/digest.ts). An edit voids the signature of
//   that entry only. NULL entry_digest = "not known": the entry's signature reads as void.
// - review_decisions: entries a reviewer rejected or sent back for correction, with the reason.
// - review_forms: fillable PDF review forms sent to a remote reviewer, and what came back.
// - ledger: one random id for this log ("candidate file"), so a form from another log is refused.
//
// Existing signatures keep their meaning. A released signature stored one digest over its whole
// batch (format 1, by row id). For each one, the entries as they were when signed are found: the
// current rows when the batch digest still matches them, else the last audited version of each
// entry before the signature's 'sign' audit row, accepted only if those versions hash to the stored
// batch digest. Each entry then gets its own format-2 digest of that signed content: entries
// unchanged since read as signed, edited ones as void. When neither source reproduces the stored
// batch digest, the signature stays void for every entry it covers, as it was.

/** A random RFC 4122 version-4 UUID, in SQL (used for the backfill and the insert trigger). */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

interface Snapshot {
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

function currentEntries(db: Database, ids: number[]): Map<number, Snapshot> {
  const rows = db
    .prepare(
      `SELECT id, track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, simulated, patient_marker
       FROM entries WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Array<Record<string, unknown>>;
  return new Map(
    rows.map((r) => [
      r.id as number,
      {
        id: r.id as number,
        trackId: r.track_id as number,
        performedOn: r.performed_on as string,
        performedAt: (r.performed_at as string | null) ?? null,
        procedureId: (r.procedure_id as string | null) ?? null,
        procedureName: r.procedure_name as string,
        siteId: (r.site_id as number | null) ?? null,
        simulated: r.simulated === 1,
        patientMarker: (r.patient_marker as number | null) ?? null,
      },
    ]),
  );
}

/** Each entry as the audit log last recorded it before the signature's 'sign' row. */
function auditedAtSigning(db: Database, ids: number[], signatureId: number): Map<number, Snapshot> | null {
  const sign = db.prepare("SELECT max(id) AS id FROM audit_log WHERE entity = 'signature' AND entity_id = ? AND action = 'sign'").get(signatureId) as {
    id: number | null;
  };
  if (sign.id === null) return null;
  const last = db.prepare(
    "SELECT after_json FROM audit_log WHERE entity = 'entry' AND entity_id = ? AND id < ? AND after_json IS NOT NULL ORDER BY id DESC LIMIT 1",
  );
  const out = new Map<number, Snapshot>();
  for (const id of ids) {
    const row = last.get(id, sign.id) as { after_json: string } | undefined;
    if (!row) return null;
    const a = JSON.parse(row.after_json) as Partial<Snapshot>;
    out.set(id, {
      id,
      trackId: a.trackId as number,
      performedOn: a.performedOn as string,
      performedAt: a.performedAt ?? null,
      procedureId: a.procedureId ?? null,
      procedureName: a.procedureName as string,
      siteId: a.siteId ?? null,
      simulated: a.simulated === true,
      patientMarker: a.patientMarker ?? null,
    });
  }
  return out;
}

function anchorSignatures(db: Database): void {
  const signatures = db.prepare('SELECT id, entries_digest, entry_ids_json FROM signatures ORDER BY id').all() as Array<{
    id: number;
    entries_digest: string;
    entry_ids_json: string;
  }>;
  const uuidOf = db.prepare('SELECT uuid FROM entries WHERE id = ?');
  const siteName = db.prepare('SELECT name FROM sites WHERE id = ?');
  const setLink = db.prepare('UPDATE signature_entries SET entry_uuid = @uuid, entry_digest = @digest WHERE signature_id = @signatureId AND entry_id = @entryId');
  for (const s of signatures) {
    const ids = JSON.parse(s.entry_ids_json) as number[];
    const matches = (m: Map<number, Snapshot> | null) => m !== null && m.size === ids.length && hash(digestPayload([...m.values()])) === s.entries_digest;
    let signed: Map<number, Snapshot> | null = currentEntries(db, ids);
    if (!matches(signed)) signed = auditedAtSigning(db, ids, s.id);
    if (!matches(signed)) signed = null;
    for (const entryId of ids) {
      const uuid = (uuidOf.get(entryId) as { uuid: string } | undefined)?.uuid ?? null;
      const snap = signed?.get(entryId);
      // A site is named in the new digest; the old one named its id, so a rename never voided: the
      // site's current name keeps that meaning.
      const digest =
        snap && uuid
          ? hash(
              entryDigestPayload({
                ...snap,
                uuid,
                siteName: snap.siteId === null ? null : ((siteName.get(snap.siteId) as { name: string } | undefined)?.name ?? null),
              }),
            )
          : null;
      setLink.run({ uuid, digest, signatureId: s.id, entryId });
    }
  }
}

export const m009Review: Migration = {
  version: 9,
  name: 'review',
  up(db) {
    db.exec(`
      ALTER TABLE entries ADD COLUMN uuid TEXT;
      UPDATE entries SET uuid = ${SQL_UUID};
      CREATE UNIQUE INDEX entries_uuid ON entries(uuid);
      CREATE TRIGGER entries_uuid_fill AFTER INSERT ON entries WHEN NEW.uuid IS NULL BEGIN
        UPDATE entries SET uuid = ${SQL_UUID} WHERE id = NEW.id;
      END;

      CREATE TABLE ledger (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        uuid TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO ledger (id, uuid, created_at) VALUES (1, ${SQL_UUID}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      ALTER TABLE signature_entries ADD COLUMN entry_uuid TEXT;
      ALTER TABLE signature_entries ADD COLUMN entry_digest TEXT;
      CREATE INDEX signature_entries_uuid ON signature_entries(entry_uuid);

      CREATE TABLE review_forms (
        id INTEGER PRIMARY KEY,
        form_uuid TEXT NOT NULL UNIQUE,
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE RESTRICT,
        site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('verifier', 'supervisor')),
        verifier_id INTEGER REFERENCES verifiers(id) ON DELETE SET NULL,
        -- [{ "entryId", "uuid", "digest" }] in the form's order: what the reviewer was sent.
        entries_json TEXT NOT NULL,
        -- SHA-256 of the data embedded in the PDF: any change to it is an altered file.
        payload_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        applied_at TEXT,
        -- The returned, filled PDF kept as evidence (attachments/ folder, by content hash).
        evidence_sha256 TEXT,
        evidence_name TEXT,
        evidence_size INTEGER
      ) STRICT;

      -- How a signature was given: on this device (NULL) or in a returned review form.
      ALTER TABLE signatures ADD COLUMN review_form_id INTEGER REFERENCES review_forms(id) ON DELETE SET NULL;

      CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL,
        entry_uuid TEXT NOT NULL,
        -- The entry's digest when the decision was made: an edit since then is a correction.
        entry_digest TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('reject', 'correct')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('verifier', 'supervisor')),
        verifier_id INTEGER REFERENCES verifiers(id) ON DELETE SET NULL,
        signer_name TEXT NOT NULL,
        review_form_id INTEGER REFERENCES review_forms(id) ON DELETE SET NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_decisions_entry ON review_decisions(entry_uuid, id);
    `);
    anchorSignatures(db);
  },
};
