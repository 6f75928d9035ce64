// The log table must stay smooth at 100,000 entries: its first page and its filtered pages are
// read from indexes (migration 003) in the order they are shown, never by scanning the table or
// sorting in a temporary b-tree.
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { entryPageSql, entryWhere, listEntries, type EntryQuery } from '../../../../../electron/core/tables/entries';
import { seedLog } from '../../../../helpers/seed-log';
import { tempDir } from '../../../../helpers/tmp';

let db: DB;
let dir: string;

beforeAll(() => {
  dir = tempDir();
});

function plan(sql: string, params: Record<string, unknown>): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

const page = (q: Partial<EntryQuery>): EntryQuery => ({ sort: 'date-desc', limit: 100, offset: 0, ...q });

function expectIndexedPage(q: EntryQuery, index: string) {
  const { sql, params } = entryPageSql(q);
  const details = plan(sql, params);
  const entriesStep = details.find((d) => / e\b/.test(d) || d.includes('entries'))!;
  expect(entriesStep, details.join('\n')).toContain(`USING INDEX ${index}`);
  expect(details.join('\n')).not.toMatch(/TEMP B-TREE/);
  expect(details.some((d) => /^SCAN e$/.test(d) || /^SCAN entries$/.test(d))).toBe(false);
}

describe('log queries at 100,000 entries', () => {
  beforeAll(() => {
    db = openDatabase(path.join(dir, 'radledger.sqlite'));
    seedLog(db, 100_000);
  });
  afterAll(() => db.close());

  it('serves the first page of the whole log from the date index', () => {
    expectIndexedPage(page({}), 'entries_live_date');
    const first = listEntries(db, page({}));
    expect(first.rows).toHaveLength(100);
    // 100,000 seeded, every 97th soft-deleted (1,031 rows: i = 0, 97, ..., 99,910).
    expect(first.total).toBe(100_000 - 1031);
    expect(first.rows[0]!.performedOn).toBe('2026-11-20');
  });

  it('serves filtered pages from the matching index without sorting', () => {
    expectIndexedPage(page({ trackId: 1 }), 'entries_track_date');
    expectIndexedPage(page({ trackId: 1, from: '2025-01-01', to: '2025-06-30' }), 'entries_track_date');
    expectIndexedPage(page({ trackId: 1, status: 'signed' }), 'entries_track_status_date');
    expectIndexedPage(page({ status: 'entered' }), 'entries_status_date');
    expectIndexedPage(page({ siteId: 3 }), 'entries_site_date');
    expectIndexedPage(page({ trackId: 1, procedureName: 'CT Chest' }), 'entries_track_procedure_date');
    expectIndexedPage(page({ trackId: 1, sort: 'date-asc' }), 'entries_track_date');
    expectIndexedPage(page({ trackId: 1, sort: 'procedure' }), 'entries_track_procedure_date');
    expectIndexedPage(page({ status: 'draft', sort: 'status' }), 'entries_status_date');
  });

  it('counts a filtered page from an index too', () => {
    const { where, params } = entryWhere({ trackId: 1, status: 'signed' });
    const details = plan(`SELECT count(*) AS n FROM entries e WHERE ${where}`, params);
    expect(details.join('\n')).toMatch(/USING (COVERING )?INDEX entries_track_status_date/);
    const signed = listEntries(db, page({ trackId: 1, status: 'signed' }));
    // Track 1 holds i % 5 in {0..3}; status signed is i % 4 == 1; together i % 20 in {1, 5, 9, 13}
    // minus the soft-deleted ones (i % 97 == 0) among them.
    let expected = 0;
    for (let i = 0; i < 100_000; i++) if (i % 5 <= 3 && i % 4 === 1 && i % 97 !== 0) expected++;
    expect(signed.total).toBe(expected);
  });
});
