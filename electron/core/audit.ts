import { createHash } from 'node:crypto';
import type { DB } from './db/open';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'sign' | 'void';

export interface AuditRow {
  id: number;
  at: string;
  entity: string;
  entityId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON: keys sorted at every level, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function rowHash(prevHash: string, at: string, entity: string, entityId: number, action: string, beforeJson: string | null, afterJson: string | null) {
  return sha256([prevHash, at, entity, String(entityId), action, beforeJson ?? '', afterJson ?? ''].join('\u001f'));
}

/** Appends one audit row chained to the last. Call inside the transaction of the change it records. */
export function appendAudit(
  db: DB,
  at: string,
  entity: string,
  entityId: number,
  action: AuditAction,
  before: unknown,
  after: unknown,
): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const beforeJson = before === undefined || before === null ? null : canonicalJson(before);
  const afterJson = after === undefined || after === null ? null : canonicalJson(after);
  const hash = rowHash(prevHash, at, entity, entityId, action, beforeJson, afterJson);
  db.prepare(
    `INSERT INTO audit_log (at, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (@at, @entity, @entityId, @action, @beforeJson, @afterJson, @prevHash, @hash)`,
  ).run({ at, entity, entityId, action, beforeJson, afterJson, prevHash, hash });
}

export interface ChainBreak {
  auditId: number;
  reason: string;
}

/** Walks the whole chain; returns every row whose hash or link does not match. */
export function verifyAuditChain(db: DB): { rows: number; breaks: ChainBreak[] } {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let rows = 0;
  const iter = db
    .prepare('SELECT id, at, entity, entity_id, action, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<{
    id: number; at: string; entity: string; entity_id: number; action: string;
    before_json: string | null; after_json: string | null; prev_hash: string; hash: string;
  }>;
  for (const r of iter) {
    rows++;
    if (r.prev_hash !== prev) breaks.push({ auditId: r.id, reason: 'link to the previous row does not match (a row was removed or reordered)' });
    const expected = rowHash(r.prev_hash, r.at, r.entity, r.entity_id, r.action, r.before_json, r.after_json);
    if (expected !== r.hash) breaks.push({ auditId: r.id, reason: 'content does not match its hash (the row was altered)' });
    prev = r.hash;
  }
  return { rows, breaks };
}

export function auditHistory(db: DB, entity: string, entityId: number): AuditRow[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, entityId) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as number,
    at: r.at as string,
    entity: r.entity as string,
    entityId: r.entity_id as number,
    action: r.action as AuditAction,
    before: r.before_json ? JSON.parse(r.before_json as string) : null,
    after: r.after_json ? JSON.parse(r.after_json as string) : null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}
