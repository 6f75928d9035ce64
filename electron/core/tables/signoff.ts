// SQL for signatures, the entries they cover, paper attachments and the candidate's name.
import type { Entry, Site } from '../../../shared/domain';
import type { Candidate, SignMethod } from '../../../shared/ipc/signoff';
import type { AttestedItem, SignatureKind } from '../../../shared/signoff/checklist';
import type { DB } from '../db/open';
import { ENTRY_SELECT, toEntry, type EntryRow } from './entries';

export interface BatchFilter {
  trackId: number;
  siteId?: number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  statuses?: readonly string[] | null | undefined;
}

/** Live entries of a batch in the order a paper log lists them: day, time, then logging order. */
export function selectBatch(db: DB, b: BatchFilter): Entry[] {
  const where = ['e.deleted_at IS NULL', 'e.track_id = @trackId'];
  if (b.siteId) where.push('e.site_id = @siteId');
  if (b.from) where.push('e.performed_on >= @from');
  if (b.to) where.push('e.performed_on <= @to');
  const statuses = b.statuses && b.statuses.length > 0 ? b.statuses : null;
  if (statuses) where.push(`e.status IN (SELECT value FROM json_each(@statuses))`);
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.performed_on, coalesce(e.performed_at, '99:99'), e.id`)
    .all({
      trackId: b.trackId,
      siteId: b.siteId ?? null,
      from: b.from ?? null,
      to: b.to ?? null,
      statuses: statuses ? JSON.stringify(statuses) : null,
    }) as EntryRow[];
  return rows.map(toEntry);
}

/** The live entries among these ids (a deleted or missing id is simply absent). */
export function liveEntriesByIds(db: DB, ids: readonly number[]): Entry[] {
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE e.id IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL ORDER BY e.id`)
    .all(JSON.stringify(ids)) as EntryRow[];
  return rows.map(toEntry);
}

/**
 * When an entry among these ids was first edited or deleted by the app after the signature was
 * recorded (its 'sign' audit row), from the audit log; null when the audit log records no such
 * change (then the row was changed outside the app). Audit ids, not instants, order the events, so
 * an edit in the same second as the signing is still seen as after it.
 */
export function firstChangeAfter(db: DB, ids: readonly number[], signatureId: number): string | null {
  const row = db
    .prepare(
      `SELECT min(at) AS at FROM audit_log
       WHERE entity = 'entry' AND action IN ('update', 'delete')
         AND id > (SELECT coalesce(max(id), 0) FROM audit_log WHERE entity = 'signature' AND entity_id = @signatureId AND action = 'sign')
         AND entity_id IN (SELECT value FROM json_each(@ids))`,
    )
    .get({ signatureId, ids: JSON.stringify(ids) }) as { at: string | null };
  return row.at;
}

export interface NewSignature {
  kind: SignatureKind;
  method: SignMethod;
  trackId: number;
  siteId: number | null;
  verifierId: number | null;
  signerName: string;
  signerCredentials: string;
  signaturePng: string | null;
  checklist: AttestedItem[];
  signedAt: string;
  digest: string;
  entryIds: number[];
}

export function insertSignature(db: DB, s: NewSignature): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO signatures (kind, method, track_id, site_id, verifier_id, signer_name, signer_credentials,
                                 signature_png, checklist_json, signed_at, entries_digest, entry_ids_json)
         VALUES (@kind, @method, @trackId, @siteId, @verifierId, @signerName, @signerCredentials,
                 @signaturePng, @checklistJson, @signedAt, @digest, @entryIdsJson)`,
      )
      .run({ ...s, checklistJson: JSON.stringify(s.checklist), entryIdsJson: JSON.stringify(s.entryIds) }).lastInsertRowid,
  );
  const link = db.prepare('INSERT INTO signature_entries (signature_id, entry_id) VALUES (?, ?)');
  for (const entryId of s.entryIds) link.run(id, entryId);
  return id;
}

export interface SignatureRow {
  id: number;
  kind: SignatureKind;
  method: SignMethod;
  track_id: number;
  site_id: number | null;
  site_name: string | null;
  verifier_id: number | null;
  signer_name: string;
  signer_credentials: string;
  signature_png: string | null;
  checklist_json: string;
  signed_at: string;
  entries_digest: string;
  entry_ids_json: string;
  review_form_id: number | null;
  attachment_id: number | null;
  attachment_name: string | null;
  attachment_mime: string | null;
  attachment_size: number | null;
  /** A returned review form kept as evidence (attachments/ folder), when signed through one. */
  evidence_name?: string | null;
  evidence_size?: number | null;
  evidence_sha256?: string | null;
}

const SIGNATURE_SELECT = `
  SELECT g.*, s.name AS site_name, a.id AS attachment_id, a.file_name AS attachment_name,
         a.mime AS attachment_mime, a.size AS attachment_size,
         rf.evidence_name, rf.evidence_size, rf.evidence_sha256
  FROM signatures g
  LEFT JOIN sites s ON s.id = g.site_id
  LEFT JOIN paper_attachments a ON a.signature_id = g.id
  LEFT JOIN review_forms rf ON rf.id = g.review_form_id`;

export function listSignatureRows(db: DB, trackId: number | null): SignatureRow[] {
  return db
    .prepare(`${SIGNATURE_SELECT} WHERE (@trackId IS NULL OR g.track_id = @trackId) ORDER BY g.signed_at DESC, g.id DESC`)
    .all({ trackId }) as SignatureRow[];
}

export function getSignatureRow(db: DB, id: number): SignatureRow | undefined {
  return db.prepare(`${SIGNATURE_SELECT} WHERE g.id = ?`).get(id) as SignatureRow | undefined;
}

export interface NewAttachment {
  signatureId: number;
  fileName: string;
  mime: string;
  bytes: Buffer;
  sha256: string;
  now: string;
}

export function insertAttachment(db: DB, a: NewAttachment): number {
  return Number(
    db
      .prepare(
        `INSERT INTO paper_attachments (signature_id, file_name, mime, size, sha256, bytes, created_at)
         VALUES (@signatureId, @fileName, @mime, @size, @sha256, @bytes, @now)`,
      )
      .run({ ...a, size: a.bytes.length }).lastInsertRowid,
  );
}

export function getAttachment(db: DB, signatureId: number): { fileName: string; mime: string; bytes: Buffer } | undefined {
  const row = db
    .prepare('SELECT file_name, mime, bytes FROM paper_attachments WHERE signature_id = ?')
    .get(signatureId) as { file_name: string; mime: string; bytes: Buffer } | undefined;
  return row && { fileName: row.file_name, mime: row.mime, bytes: row.bytes };
}

export function getCandidate(db: DB): Candidate | null {
  const row = db.prepare('SELECT name, arrt_id FROM candidate WHERE id = 1').get() as { name: string; arrt_id: string | null } | undefined;
  return row ? { name: row.name, arrtId: row.arrt_id } : null;
}

export function saveCandidate(db: DB, c: Candidate, now: string): void {
  db.prepare(
    `INSERT INTO candidate (id, name, arrt_id, updated_at) VALUES (1, @name, @arrtId, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, arrt_id = excluded.arrt_id, updated_at = excluded.updated_at`,
  ).run({ ...c, now });
}

export function listSitesForSignoff(db: DB): Site[] {
  return db.prepare('SELECT id, name FROM sites ORDER BY name COLLATE NOCASE').all() as Site[];
}

/** Sets the status of live entries, returning the ids actually changed. */
export function setEntryStatus(db: DB, ids: readonly number[], from: readonly string[], to: string, now: string): number[] {
  const stmt = db.prepare(
    `UPDATE entries SET status = @to, updated_at = @now
     WHERE id = @id AND deleted_at IS NULL AND status IN (SELECT value FROM json_each(@from))`,
  );
  const changed: number[] = [];
  for (const id of ids) if (stmt.run({ id, to, now, from: JSON.stringify(from) }).changes === 1) changed.push(id);
  return changed;
}

export interface EntryAuditRow {
  id: number;
  track_id: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  action: string | null;
  after_json: string | null;
}

/** Every entry row (deleted too) with its last audit snapshot, for the integrity check. */
export function entriesWithLastAudit(db: DB): EntryAuditRow[] {
  return db
    .prepare(
      `SELECT e.id, e.track_id, e.created_at, e.updated_at, e.deleted_at, a.action, a.after_json
       FROM entries e
       LEFT JOIN audit_log a ON a.id = (SELECT max(id) FROM audit_log WHERE entity = 'entry' AND entity_id = e.id)
       ORDER BY e.id`,
    )
    .all() as EntryAuditRow[];
}

/** The id ranges spreadsheet imports recorded in the audit log (one audit row per import). */
export function importRanges(db: DB): Array<{ at: string; trackId: number; first: number; last: number }> {
  const rows = db.prepare("SELECT at, after_json FROM audit_log WHERE entity = 'import' AND action = 'create'").all() as Array<{
    at: string;
    after_json: string | null;
  }>;
  return rows.flatMap((r) => {
    const a = (r.after_json ? JSON.parse(r.after_json) : {}) as { trackId?: unknown; firstEntryId?: unknown; lastEntryId?: unknown };
    return typeof a.firstEntryId === 'number' && typeof a.lastEntryId === 'number' && typeof a.trackId === 'number'
      ? [{ at: r.at, trackId: a.trackId, first: a.firstEntryId, last: a.lastEntryId }]
      : [];
  });
}

// ── Per-entry signatures, review decisions, review forms (migration 009) ─────────────────────────

/** The signed digest of each entry a signature covers (NULL digest: not known, reads as void). */
export interface SignedEntryRow {
  signature_id: number;
  entry_id: number;
  entry_uuid: string | null;
  entry_digest: string | null;
}

export function signedEntries(db: DB, signatureId: number): SignedEntryRow[] {
  return db
    .prepare('SELECT signature_id, entry_id, entry_uuid, entry_digest FROM signature_entries WHERE signature_id = ? ORDER BY entry_id')
    .all(signatureId) as SignedEntryRow[];
}

export function setSignedEntryDigests(db: DB, signatureId: number, rows: ReadonlyArray<{ entryId: number; uuid: string; digest: string }>): void {
  const stmt = db.prepare('UPDATE signature_entries SET entry_uuid = @uuid, entry_digest = @digest WHERE signature_id = @signatureId AND entry_id = @entryId');
  for (const r of rows) stmt.run({ ...r, signatureId });
}

/** Live entries by UUID (a deleted or unknown UUID is simply absent). */
export function liveEntriesByUuids(db: DB, uuids: readonly string[]): Entry[] {
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE e.uuid IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL ORDER BY e.id`)
    .all(JSON.stringify(uuids)) as EntryRow[];
  return rows.map(toEntry);
}

/** Every signature link and review decision touching these entries, newest first. */
export interface EntryEventRow {
  source: 'signature' | 'decision';
  entry_uuid: string;
  at: string;
  row_id: number;
  kind: SignatureKind;
  method: SignMethod | null;
  signer_name: string;
  signer_credentials: string | null;
  digest: string | null;
  decision: 'reject' | 'correct' | null;
  reason: string | null;
}

export function entryEvents(db: DB, uuids: readonly string[]): EntryEventRow[] {
  return db
    .prepare(
      `SELECT 'signature' AS source, se.entry_uuid, g.signed_at AS at, g.id AS row_id, g.kind, g.method, g.signer_name,
              g.signer_credentials, se.entry_digest AS digest, NULL AS decision, NULL AS reason
       FROM signature_entries se JOIN signatures g ON g.id = se.signature_id
       WHERE se.entry_uuid IN (SELECT value FROM json_each(@uuids))
       UNION ALL
       SELECT 'decision', d.entry_uuid, d.decided_at, d.id, d.kind, NULL, d.signer_name, NULL, d.entry_digest, d.decision, d.reason
       FROM review_decisions d WHERE d.entry_uuid IN (SELECT value FROM json_each(@uuids))
       ORDER BY at DESC, source DESC, row_id DESC`,
    )
    .all({ uuids: JSON.stringify(uuids) }) as EntryEventRow[];
}

/** Live entries at a site that some signature covers (what a rename or merge of the site could void). */
export function signedEntriesAtSite(db: DB, siteId: number): Entry[] {
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE e.site_id = ? AND e.deleted_at IS NULL
         AND e.uuid IN (SELECT entry_uuid FROM signature_entries WHERE entry_uuid IS NOT NULL) ORDER BY e.id`,
    )
    .all(siteId) as EntryRow[];
  return rows.map(toEntry);
}

/** Live entries (of one track, or all) that some signature covers. */
export function signedLiveEntries(db: DB, trackId: number | undefined): Entry[] {
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE (@trackId IS NULL OR e.track_id = @trackId) AND e.deleted_at IS NULL
         AND e.uuid IN (SELECT entry_uuid FROM signature_entries WHERE entry_uuid IS NOT NULL)`,
    )
    .all({ trackId: trackId ?? null }) as EntryRow[];
  return rows.map(toEntry);
}

/** Live entries of a track that any signature or review decision is about (the others are unsigned). */
export function reviewedEntriesOfTrack(db: DB, trackId: number): Entry[] {
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE e.track_id = @trackId AND e.deleted_at IS NULL AND e.uuid IN (
         SELECT entry_uuid FROM signature_entries WHERE entry_uuid IS NOT NULL
         UNION SELECT entry_uuid FROM review_decisions)`,
    )
    .all({ trackId }) as EntryRow[];
  return rows.map(toEntry);
}

export interface NewDecision {
  entryId: number;
  entryUuid: string;
  entryDigest: string;
  decision: 'reject' | 'correct';
  reason: string;
  kind: SignatureKind;
  verifierId: number | null;
  signerName: string;
  reviewFormId: number | null;
  decidedAt: string;
}

export function insertDecision(db: DB, d: NewDecision): number {
  return Number(
    db
      .prepare(
        `INSERT INTO review_decisions (entry_id, entry_uuid, entry_digest, decision, reason, kind, verifier_id, signer_name, review_form_id, decided_at)
         VALUES (@entryId, @entryUuid, @entryDigest, @decision, @reason, @kind, @verifierId, @signerName, @reviewFormId, @decidedAt)`,
      )
      .run(d).lastInsertRowid,
  );
}

export function setSignatureForm(db: DB, signatureId: number, reviewFormId: number): void {
  db.prepare('UPDATE signatures SET review_form_id = ? WHERE id = ?').run(reviewFormId, signatureId);
}

export function ledgerId(db: DB): string {
  return (db.prepare('SELECT uuid FROM ledger WHERE id = 1').get() as { uuid: string }).uuid;
}

export interface ReviewFormRow {
  id: number;
  form_uuid: string;
  track_id: number;
  site_id: number | null;
  kind: SignatureKind;
  verifier_id: number | null;
  entries_json: string;
  payload_sha256: string;
  created_at: string;
  applied_at: string | null;
  evidence_sha256: string | null;
  evidence_name: string | null;
  evidence_size: number | null;
}

export function insertReviewForm(
  db: DB,
  f: { formUuid: string; trackId: number; siteId: number | null; kind: SignatureKind; verifierId: number | null; entriesJson: string; payloadSha256: string; now: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO review_forms (form_uuid, track_id, site_id, kind, verifier_id, entries_json, payload_sha256, created_at)
         VALUES (@formUuid, @trackId, @siteId, @kind, @verifierId, @entriesJson, @payloadSha256, @now)`,
      )
      .run(f).lastInsertRowid,
  );
}

export function getReviewFormByUuid(db: DB, formUuid: string): ReviewFormRow | undefined {
  return db.prepare('SELECT * FROM review_forms WHERE form_uuid = ?').get(formUuid) as ReviewFormRow | undefined;
}

export function getReviewForm(db: DB, id: number): ReviewFormRow | undefined {
  return db.prepare('SELECT * FROM review_forms WHERE id = ?').get(id) as ReviewFormRow | undefined;
}

export function markReviewFormApplied(db: DB, id: number, e: { now: string; sha256: string; name: string; size: number }): void {
  db.prepare('UPDATE review_forms SET applied_at = @now, evidence_sha256 = @sha256, evidence_name = @name, evidence_size = @size WHERE id = @id').run({ ...e, id });
}
