// The per-connection statement cache behind db.prepare() (electron/core/db/statement-cache.ts) must
// behave exactly like a fresh prepare: modes reset, never a statement that is still iterating, and
// a bounded size.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../../../../electron/core/db/open';
import { CACHE_SIZE } from '../../../../../electron/core/db/statement-cache';
import { tempDir } from '../../../../helpers/tmp';

let db: DB | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function open(): DB {
  db = openDatabase(path.join(tempDir(), 'radledger.sqlite'));
  db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
  db.prepare('INSERT INTO t VALUES (?, ?)').run(1, 'one');
  db.prepare('INSERT INTO t VALUES (?, ?)').run(2, 'two');
  return db;
}

describe('statement cache', () => {
  it('hands back the compiled statement with the modes of a fresh one', () => {
    const d = open();
    const sql = 'SELECT a, b FROM t ORDER BY a';
    const first = d.prepare(sql);
    expect(first.pluck().get()).toBe(1);
    expect(d.prepare(sql)).toBe(first);
    expect(d.prepare(sql).get()).toEqual({ a: 1, b: 'one' });
    expect(d.prepare(sql).raw().all()).toEqual([[1, 'one'], [2, 'two']]);
    expect(d.prepare(sql).all()).toEqual([{ a: 1, b: 'one' }, { a: 2, b: 'two' }]);
    // Writers have no modes; they are cached as well.
    expect(d.prepare('INSERT INTO t VALUES (?, ?)')).toBe(d.prepare('INSERT INTO t VALUES (?, ?)'));
  });

  it('never hands out a statement that is still iterating', () => {
    const d = open();
    const sql = 'SELECT a FROM t ORDER BY a';
    const seen: Array<[number, number]> = [];
    for (const row of d.prepare(sql).iterate() as IterableIterator<{ a: number }>) {
      // The same SQL while the first is mid-iteration: a fresh statement, not "busy" errors.
      seen.push([row.a, (d.prepare(sql).all() as unknown[]).length]);
    }
    expect(seen).toEqual([[1, 2], [2, 2]]);
  });

  it('keeps at most CACHE_SIZE statements, dropping the least recently used', () => {
    const d = open();
    const first = d.prepare('SELECT 0 FROM t');
    for (let i = 1; i <= CACHE_SIZE; i++) {
      d.prepare(`SELECT ${i} FROM t`);
      if (i % 10 === 0) d.prepare('SELECT 0 FROM t'); // used again: stays
    }
    expect(d.prepare('SELECT 0 FROM t')).toBe(first);
    const early = d.prepare(`SELECT ${CACHE_SIZE + 1} FROM t`);
    for (let i = 0; i < CACHE_SIZE; i++) d.prepare(`SELECT ${CACHE_SIZE + 2 + i} FROM t`);
    expect(d.prepare(`SELECT ${CACHE_SIZE + 1} FROM t`)).not.toBe(early);
  });

  it('sees a column added after the statement was compiled', () => {
    const d = open();
    const sql = 'SELECT * FROM t WHERE a = 1';
    expect(d.prepare(sql).get()).toEqual({ a: 1, b: 'one' });
    d.exec("ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'x'");
    expect(d.prepare(sql).get()).toEqual({ a: 1, b: 'one', c: 'x' });
  });
});
