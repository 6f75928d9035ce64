// The log table must stay smooth at 100,000 entries: its first page and its filtered pages are
// read from indexes (migration 003) in the order they are shown, never by scanning the table or
// sorting in a temporary b-tree.
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { countEntries, COUNT_ON_DAY_SQL, countOnDay, entryPageSql, SEARCH_DRIVE_LIMIT, entryWhere, lastLoggedEntry, listEntries, loggedProcedureNames, type EntryQuery } from '../../../../../electron/core/tables/entries';
import { SEED_PROCEDURES, seedLog } from '../../../../helpers/seed-log';
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
  const entriesStep = details.find((d) => / e\b/.test(d))!;
  expect(entriesStep, details.join('\n')).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
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

  it("counts one day's entries (the daily cap) from the track's date index, not the whole track", () => {
    const details = plan(COUNT_ON_DAY_SQL.replaceAll('?', '@p'), { p: 1 }).join('\n');
    expect(details).toMatch(/USING INDEX entries_track_date \(track_id=\? AND performed_on=\?\)/);
    const day = db.prepare('SELECT performed_on FROM entries WHERE track_id = 1 AND deleted_at IS NULL LIMIT 1').pluck().get() as string;
    const expected = db.prepare('SELECT count(*) FROM entries NOT INDEXED WHERE track_id = 1 AND performed_on = ? AND deleted_at IS NULL').pluck().get(day);
    expect(countOnDay(db, 1, day)).toBe(expected);
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

  it('reads the total of the whole log, or of one track, from entry_counts', () => {
    for (const q of [{}, { trackId: 1 }, { trackId: 2 }]) {
      const { where, params } = entryWhere(q);
      const counted = (db.prepare(`SELECT count(*) AS n FROM entries e WHERE ${where}`).get(params) as { n: number }).n;
      expect(countEntries(db, q)).toEqual({ total: counted, capped: false });
    }
    expect(countEntries(db, { trackId: 1 }).total + countEntries(db, { trackId: 2 }).total).toBe(100_000 - 1031);
  });

  it('serves a deep page by walking the index alone, then reading 100 rows by id', () => {
    const deep = listEntries(db, page({ offset: 50_000 }));
    expect(deep.rows).toHaveLength(100);
    const { sql, params } = entryPageSql(page({ offset: 50_000 }));
    // One step, no join: OFFSET skips index entries instead of joined rows.
    expect(plan(sql, params)).toHaveLength(1);
    expect(plan(sql, params)[0]).toMatch(/^SCAN e USING (COVERING )?INDEX entries_live_date$/);
    // Rows come back in the page's order even though they are read by id.
    const dates = deep.rows.map((r) => `${r.performedOn}|${String(r.id).padStart(10, '0')}`);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('answers the quick log\'s look-ups (last entry, names logged before) with index seeks', () => {
    const last = plan('SELECT max(id) FROM entries WHERE track_id = @t AND deleted_at IS NULL', { t: 1 });
    expect(last).toEqual(['SEARCH entries USING INDEX entries_track_id (track_id=?)']);
    expect(lastLoggedEntry(db, 2)!.trackId).toBe(2);
    // Every seeded procedure is logged on track 1; all share the latest day, so they tie and sort by name.
    expect(loggedProcedureNames(db, 1, 500)).toEqual([...SEED_PROCEDURES].sort());
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
    // The page reports a bounded total (10,000 beyond the page, "10,100+"); asked to count
    // further, the same count is exact.
    expect(signed).toMatchObject({ total: 10_100, totalCapped: true });
    expect(countEntries(db, { trackId: 1, status: 'signed' }, 20_000)).toEqual({ total: expected, capped: false });
  });

  it('serves a rare text search from the trigram index and a site filter from the site index', () => {
    // Seeded notes are empty: give 40 entries a rare note (ids 1000, 3500, ..., a live row each).
    db.exec("UPDATE entries SET notes = 'Contrast reaction' WHERE id % 2500 = 1000");
    const rare = page({ q: 'REACTION' });
    const { sql, params } = entryPageSql(rare, 'fts');
    const details = plan(sql, params).join('\n');
    expect(details).toMatch(/VIRTUAL TABLE INDEX/);
    expect(details).not.toMatch(/^SCAN (e|entries)$/m);
    const found = listEntries(db, rare);
    expect(found.total).toBe(40);
    expect(found.totalCapped).toBe(false);
    expect(found.rows.every((r) => r.notes === 'Contrast reaction')).toBe(true);
    // The site filter's page and its (bounded) total walk the site index.
    expectIndexedPage(page({ siteId: 3 }), 'entries_site_date');
    const site = listEntries(db, page({ siteId: 3 }));
    expect(site.total).toBe(10_100);
    expect(site.totalCapped).toBe(true);
    // Deeper pages raise the bound, so the virtual list can always scroll further.
    // Site 3 is every 5th entry (i % 5 == 2: 20,000) less the soft-deleted among them (206).
    expect(listEntries(db, page({ siteId: 3, offset: 15_000 }))).toMatchObject({ total: 19_794, totalCapped: false });
    // A frequent term ("mercy": a site name, 19,794 entries) is served by the LIKE walk instead.
    expect(listEntries(db, page({ q: 'mercy' }))).toMatchObject({ total: 10_100, totalCapped: true });
    expect(SEARCH_DRIVE_LIMIT).toBeLessThan(19_794);
  });
});

