// The compliance wallet's rows and the attachment index (the files themselves: ../attachments.ts).
import type {
  AttachmentMeta,
  AttachmentMime,
  ComplianceItem,
  ComplianceKind,
  HipaaSource,
  InsuranceCoverage,
} from '../../../shared/sites/types';
import type { DB } from '../db/open';

interface ItemRow extends AttachedRow {
  id: number;
  kind: string;
  label: string;
  issued_on: string | null;
  expires_on: string | null;
  hipaa_source: string | null;
  insurance_coverage: string | null;
  insurer: string;
  policy_number: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

/** The document columns of a row that references `attachments` (wallet items, education activities). */
export interface AttachedRow {
  attachment_id: number | null;
  attachment_name: string | null;
  a_original_name: string | null;
  a_mime: string | null;
  a_size_bytes: number | null;
  a_sha256: string | null;
}

/**
 * `SELECT <alias>.*` with the document columns of AttachedRow, from `table` joined to its
 * attachment. The name is the row's own (migration 014); the attachment row's is the first upload's.
 */
export function attachedSelect(table: 'compliance_items' | 'education_activities', alias: string): string {
  return `
  SELECT ${alias}.*, COALESCE(${alias}.attachment_name, a.original_name) AS a_original_name, a.mime AS a_mime, a.size_bytes AS a_size_bytes, a.sha256 AS a_sha256
  FROM ${table} ${alias} LEFT JOIN attachments a ON a.id = ${alias}.attachment_id`;
}

/** The row's document as the app shows it, or null. */
export function attachmentOf(r: AttachedRow): AttachmentMeta | null {
  return r.attachment_id === null
    ? null
    : { id: r.attachment_id, originalName: r.a_original_name ?? '', mime: r.a_mime as AttachmentMime, sizeBytes: r.a_size_bytes ?? 0, sha256: r.a_sha256 ?? '' };
}

const ITEM_SELECT = attachedSelect('compliance_items', 'c');

function toItem(r: ItemRow): ComplianceItem {
  return {
    id: r.id,
    kind: r.kind as ComplianceKind,
    label: r.label,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    hipaaSource: r.hipaa_source as HipaaSource | null,
    insuranceCoverage: r.insurance_coverage as InsuranceCoverage | null,
    insurer: r.insurer,
    policyNumber: r.policy_number,
    notes: r.notes,
    attachment: attachmentOf(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface ItemFields {
  kind: ComplianceKind;
  label: string;
  issuedOn: string | null;
  expiresOn: string | null;
  hipaaSource: HipaaSource | null;
  insuranceCoverage: InsuranceCoverage | null;
  insurer: string;
  policyNumber: string;
  notes: string;
  attachmentId: number | null;
  /** The name the document was attached under to this item (null without a document). */
  attachmentName: string | null;
}

export function getItem(db: DB, id: number, opts: { includeDeleted?: boolean } = {}): ComplianceItem | undefined {
  const row = db
    .prepare(`${ITEM_SELECT} WHERE c.id = ?${opts.includeDeleted ? '' : ' AND c.deleted_at IS NULL'}`)
    .get(id) as ItemRow | undefined;
  return row && toItem(row);
}

/**
 * A live wallet item's or education activity's document reference: which stored file, under which
 * name (null: none; undefined: no such live row).
 */
export function attachmentRefOf(db: DB, table: 'compliance_items' | 'education_activities', id: number): AttachmentRef | null | undefined {
  const row = db
    .prepare(
      `SELECT r.attachment_id AS id, COALESCE(r.attachment_name, a.original_name) AS name
       FROM ${table} r LEFT JOIN attachments a ON a.id = r.attachment_id WHERE r.id = ? AND r.deleted_at IS NULL`,
    )
    .get(id) as { id: number | null; name: string | null } | undefined;
  if (!row) return undefined;
  return row.id === null ? null : { id: row.id, name: row.name ?? '' };
}

export const getItemAttachmentRef = (db: DB, id: number) => attachmentRefOf(db, 'compliance_items', id);

/** Live items, grouped by kind in wallet order, then soonest expiry first. */
export function listItems(db: DB): ComplianceItem[] {
  const rows = db
    .prepare(`${ITEM_SELECT} WHERE c.deleted_at IS NULL ORDER BY c.kind, c.label, c.expires_on IS NULL, c.expires_on, c.id`)
    .all() as ItemRow[];
  return rows.map(toItem);
}

export function insertItem(db: DB, f: ItemFields, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO compliance_items (kind, label, issued_on, expires_on, hipaa_source, insurance_coverage, insurer,
                                       policy_number, notes, attachment_id, attachment_name, created_at, updated_at)
         VALUES (@kind, @label, @issuedOn, @expiresOn, @hipaaSource, @insuranceCoverage, @insurer,
                 @policyNumber, @notes, @attachmentId, @attachmentName, @now, @now)`,
      )
      .run({ ...f, now }).lastInsertRowid,
  );
}

export function updateItem(db: DB, id: number, f: ItemFields, now: string): void {
  db.prepare(
    `UPDATE compliance_items SET kind = @kind, label = @label, issued_on = @issuedOn, expires_on = @expiresOn,
            hipaa_source = @hipaaSource, insurance_coverage = @insuranceCoverage, insurer = @insurer,
            policy_number = @policyNumber, notes = @notes, attachment_id = @attachmentId,
            attachment_name = @attachmentName, updated_at = @now
     WHERE id = @id`,
  ).run({ ...f, id, now });
}

export function setItemDeleted(db: DB, id: number, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE compliance_items SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id);
}

export function findAttachmentByHash(db: DB, sha256: string): AttachmentMeta | undefined {
  const row = db.prepare('SELECT id, original_name, mime, size_bytes, sha256 FROM attachments WHERE sha256 = ?').get(sha256) as
    | { id: number; original_name: string; mime: string; size_bytes: number; sha256: string }
    | undefined;
  return row && { id: row.id, originalName: row.original_name, mime: row.mime as AttachmentMime, sizeBytes: row.size_bytes, sha256: row.sha256 };
}

export function insertAttachment(
  db: DB,
  a: { sha256: string; mime: AttachmentMime; sizeBytes: number; originalName: string },
  now: string,
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO attachments (sha256, mime, size_bytes, original_name, created_at) VALUES (@sha256, @mime, @sizeBytes, @originalName, @now)',
      )
      .run({ ...a, now }).lastInsertRowid,
  );
}

/** A row's document: the stored content's attachment row and the name this row keeps for it. */
export interface AttachmentRef {
  id: number;
  name: string;
}

/**
 * The reference an upload makes: its content's attachment row (reused when the same bytes are
 * already stored, whatever name they were first stored under) and the upload's own name.
 */
export function referAttachment(
  db: DB,
  a: { sha256: string; mime: AttachmentMime; sizeBytes: number; originalName: string },
  now: string,
): AttachmentRef {
  return { id: findAttachmentByHash(db, a.sha256)?.id ?? insertAttachment(db, a, now), name: a.originalName };
}

export function getAttachment(db: DB, id: number): AttachmentMeta | undefined {
  const row = db.prepare('SELECT id, original_name, mime, size_bytes, sha256 FROM attachments WHERE id = ?').get(id) as
    | { id: number; original_name: string; mime: string; size_bytes: number; sha256: string }
    | undefined;
  return row && { id: row.id, originalName: row.original_name, mime: row.mime as AttachmentMime, sizeBytes: row.size_bytes, sha256: row.sha256 };
}

export interface LinkRow {
  kind: ComplianceKind;
  label: string;
  itemId: number;
}

/** Links to live items only (a deleted item's link stays, so an undo brings it back). */
export function listLinks(db: DB): LinkRow[] {
  return db
    .prepare(
      `SELECT l.requirement_kind AS kind, l.requirement_label AS label, l.item_id AS itemId FROM compliance_links l
       JOIN compliance_items c ON c.id = l.item_id WHERE c.deleted_at IS NULL ORDER BY l.id`,
    )
    .all() as LinkRow[];
}

export function getLink(db: DB, kind: string, label: string): LinkRow | undefined {
  return db
    .prepare('SELECT requirement_kind AS kind, requirement_label AS label, item_id AS itemId FROM compliance_links WHERE requirement_kind = ? AND requirement_label = ?')
    .get(kind, label) as LinkRow | undefined;
}

export function setLink(db: DB, l: LinkRow, now: string): number {
  db.prepare(
    `INSERT INTO compliance_links (requirement_kind, requirement_label, item_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (requirement_kind, requirement_label) DO UPDATE SET item_id = excluded.item_id, created_at = excluded.created_at`,
  ).run(l.kind, l.label, l.itemId, now);
  return (db.prepare('SELECT id FROM compliance_links WHERE requirement_kind = ? AND requirement_label = ?').get(l.kind, l.label) as { id: number }).id;
}

export function removeLink(db: DB, kind: string, label: string): number | null {
  const row = db.prepare('SELECT id FROM compliance_links WHERE requirement_kind = ? AND requirement_label = ?').get(kind, label) as { id: number } | undefined;
  if (!row) return null;
  db.prepare('DELETE FROM compliance_links WHERE id = ?').run(row.id);
  return row.id;
}
