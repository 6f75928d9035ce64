import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, canonicalJson, verifyAuditChain } from '../../../../electron/core/audit';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';

function db() {
  const d = new Database(':memory:');
  migrate(d, migrations);
  return d;
}

describe('hash-chained audit log', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('an untouched chain verifies; altering, deleting or reordering a past row is reported', () => {
    const d = db();
    for (let i = 1; i <= 5; i++) appendAudit(d, `2026-11-0${i}T10:00:00Z`, 'entry', i, 'create', null, { id: i, procedure: `P${i}` });
    expect(verifyAuditChain(d)).toEqual({ rows: 5, breaks: [] });

    d.prepare(`UPDATE audit_log SET after_json = '{"id":2,"procedure":"FORGED"}' WHERE id = 2`).run();
    expect(verifyAuditChain(d).breaks).toEqual([{ auditId: 2, reason: expect.stringContaining('altered') }]);

    const d2 = db();
    for (let i = 1; i <= 4; i++) appendAudit(d2, 't', 'entry', i, 'create', null, { id: i });
    d2.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(d2).breaks).toEqual([{ auditId: 3, reason: expect.stringContaining('removed') }]);
  });
});
