// The log's text search gives exactly the old LIKE result (case-insensitive ASCII substring of
// procedure, notes, verifier or site name) whichever way it is served: trigram index (rare terms),
// LIKE walk (frequent or 1–2 character terms), and after edits, soft deletes and a site rename.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { entryPageSql, listEntries, setDeleted, updateEntry, type EntryQuery } from '../../../../../electron/core/tables/entries';
import { tempDir } from '../../../../helpers/tmp';

let db: DB;
const now = '2026-11-24T12:00:00.000Z';

/** The search as it was before migration 008: LIKE over every live row. */
function oldLike(q: string): number[] {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .prepare(
        `SELECT e.id FROM entries e WHERE e.deleted_at IS NULL AND (e.procedure_name LIKE @like ESCAPE '\\' OR e.notes LIKE @like ESCAPE '\\'
           OR e.verifier_name LIKE @like ESCAPE '\\' OR e.site_id IN (SELECT id FROM sites WHERE name LIKE @like ESCAPE '\\'))
         ORDER BY e.performed_on DESC, e.id DESC`,
      )
      .all({ like }) as Array<{ id: number }>
  ).map((r) => r.id);
}

const query = (q: string): EntryQuery => ({ q, sort: 'date-desc', limit: 500, offset: 0 });
const both = (q: string) =>
  (['fts', 'like'] as const).map((mode) => {
    const { sql, params } = entryPageSql(query(q), mode);
    return (db.prepare(sql).all(params) as Array<{ id: number }>).map((r) => r.id);
  });

const TERMS = ['mercy', 'MERCY GEN', 'ct', 'c', 'head', 'reaction', 'Dr. Ada', '50%', 'a_b', 'ngio', 'zzz', 'valley', 'Grace'];

function expectSameAsLike() {
  for (const t of TERMS) {
    const expected = oldLike(t);
    const [fts, like] = both(t);
    expect(fts, `fts "${t}"`).toEqual(expected);
    expect(like, `like "${t}"`).toEqual(expected);
    const served = listEntries(db, query(t));
    expect(served.rows.map((r) => r.id), `listEntries "${t}"`).toEqual(expected.slice(0, 500));
    expect(served.total, `total "${t}"`).toBe(expected.length);
  }
}

describe('log text search', () => {
  beforeAll(() => {
    db = openDatabase(path.join(tempDir(), 'radledger.sqlite'));
    db.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2023-01-01', ?, ?)").run(now, now);
    const site = db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)');
    for (const name of ['Mercy General', 'Valley Imaging', 'St. Luke']) site.run(name, now, now);
    const insert = db.prepare(
      `INSERT INTO entries (track_id, performed_on, procedure_name, site_id, verifier_name, status, notes, created_at, updated_at)
       VALUES (1, @day, @proc, @site, @verifier, 'draft', @notes, @now, @now)`,
    );
    const procs = ['CT Head', 'CT Angiography', 'CT Chest'];
    const notes = ['', 'contrast REACTION noted', 'dose 50% reduced', 'a_b marker', 'ctx'];
    const verifiers = [null, 'Dr. Ada Lovelace', 'dr. grace hopper'];
    for (let i = 0; i < 300; i++) {
      insert.run({
        day: `2026-${String((i % 11) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        proc: procs[i % 3],
        site: i % 7 === 6 ? null : (i % 3) + 1,
        verifier: verifiers[i % 3],
        notes: notes[i % 5],
        now,
      });
    }
  });
  afterAll(() => db.close());

  it('matches the old LIKE search on a fresh log', () => {
    expectSameAsLike();
    expect(oldLike('reaction')).toHaveLength(60);
  });

  it('follows edits, soft deletes, restores and a site rename', () => {
    // Soft-delete an entry matching "reaction": it leaves the results; restored, it returns.
    const gone = oldLike('reaction')[0]!;
    expect(setDeleted(db, gone, now, now)).toBe(true);
    expect(both('reaction')[0]).not.toContain(gone);
    expectSameAsLike();
    expect(setDeleted(db, gone, null, now)).toBe(true);
    expect(both('reaction')[0]).toContain(gone);
    // Edit the notes: the old text no longer matches, the new one does.
    const e = listEntries(db, query('reaction')).rows[0]!;
    updateEntry(db, e.id, { ...e, siteId: e.siteId, notes: 'uneventful', now });
    expect(both('reaction')[0]).not.toContain(e.id);
    expect(both('uneventful')[0]).toEqual([e.id]);
    // Rename a site: its entries match the new name at once, and no longer the old one.
    db.prepare("UPDATE sites SET name = 'Grace Memorial' WHERE name = 'Valley Imaging'").run();
    expect(oldLike('valley')).toEqual([]);
    expectSameAsLike();
    // A physical delete leaves nothing behind in the index.
    db.prepare('DELETE FROM entries WHERE id = ?').run(e.id);
    expect(both('uneventful')[0]).toEqual([]);
    expectSameAsLike();
  });
});
