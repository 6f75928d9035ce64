// Structured-education rows: activities per track (soft-deleted for undo) and the content categories
// a user names for a discipline whose categories RadLedger does not know.
import type { EducationActivityRecord, EducationCategoryOption } from '../../../shared/education/summary';
import type { DB } from '../db/open';
import { attachedSelect, attachmentOf, attachmentRefOf, type AttachedRow } from './compliance';

interface ActivityRow extends AttachedRow {
  id: number;
  track_id: number;
  completed_on: string;
  title: string;
  provider: string;
  credits: number;
  category_key: string;
  created_at: string;
  updated_at: string;
}

const SELECT = attachedSelect('education_activities', 'e');

function toActivity(r: ActivityRow): EducationActivityRecord {
  return {
    id: r.id,
    trackId: r.track_id,
    completedOn: r.completed_on,
    title: r.title,
    provider: r.provider,
    credits: r.credits,
    categoryKey: r.category_key,
    attachment: attachmentOf(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listActivities(db: DB, trackId: number): EducationActivityRecord[] {
  const rows = db.prepare(`${SELECT} WHERE e.track_id = ? AND e.deleted_at IS NULL ORDER BY e.completed_on DESC, e.id DESC`).all(trackId) as ActivityRow[];
  return rows.map(toActivity);
}

export function getActivity(db: DB, id: number, opts: { includeDeleted?: boolean } = {}): EducationActivityRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE e.id = ?${opts.includeDeleted ? '' : ' AND e.deleted_at IS NULL'}`).get(id) as ActivityRow | undefined;
  return row && toActivity(row);
}

/** A live activity's certificate reference: which stored file, under which name (null: none). */
export const getActivityAttachmentRef = (db: DB, id: number) => attachmentRefOf(db, 'education_activities', id);

export interface ActivityFields {
  completedOn: string;
  title: string;
  provider: string;
  credits: number;
  categoryKey: string;
  attachmentId: number | null;
  /** The name the certificate was attached under to this activity (null without one). */
  attachmentName: string | null;
}

export function insertActivity(db: DB, trackId: number, f: ActivityFields, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO education_activities (track_id, completed_on, title, provider, credits, category_key, attachment_id, attachment_name, created_at, updated_at)
       VALUES (@trackId, @completedOn, @title, @provider, @credits, @categoryKey, @attachmentId, @attachmentName, @now, @now)`,
    )
    .run({ ...f, trackId, now });
  return Number(info.lastInsertRowid);
}

export function updateActivity(db: DB, id: number, f: ActivityFields, now: string): void {
  db.prepare(
    `UPDATE education_activities SET completed_on = @completedOn, title = @title, provider = @provider, credits = @credits,
            category_key = @categoryKey, attachment_id = @attachmentId, attachment_name = @attachmentName, updated_at = @now
     WHERE id = @id`,
  ).run({ ...f, id, now });
}

export function setActivityDeleted(db: DB, id: number, deletedAt: string | null, now: string): void {
  db.prepare('UPDATE education_activities SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id);
}

export function listUserCategories(db: DB, trackId: number): EducationCategoryOption[] {
  return db.prepare('SELECT category_key AS key, name FROM education_categories WHERE track_id = ? ORDER BY id').all(trackId) as EducationCategoryOption[];
}

export function replaceUserCategories(db: DB, trackId: number, categories: readonly EducationCategoryOption[], now: string): void {
  db.prepare('DELETE FROM education_categories WHERE track_id = ?').run(trackId);
  const insert = db.prepare('INSERT INTO education_categories (track_id, category_key, name, created_at) VALUES (?, ?, ?, ?)');
  for (const c of categories) insert.run(trackId, c.key, c.name, now);
}

/** Live activities filed under each category key (a category in use cannot be dropped). */
export function activityCountsByCategory(db: DB, trackId: number): Map<string, number> {
  const rows = db
    .prepare('SELECT category_key AS key, count(*) AS n FROM education_activities WHERE track_id = ? AND deleted_at IS NULL GROUP BY category_key')
    .all(trackId) as Array<{ key: string; n: number }>;
  return new Map(rows.map((r) => [r.key, r.n]));
}
