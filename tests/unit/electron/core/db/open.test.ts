import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../electron/core/db/open';
import { migrate, NewerDatabaseError } from '../../../../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../../electron/core/db/migrations';
import type { Migration } from '../../../../../electron/core/db/migrations/types';
import { tempDir } from '../../../../helpers/tmp';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('sets every pragma on purpose and migrates a new file to the latest schema', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('cache_size', { simple: true })).toBe(-4096); // 4 MiB, not better-sqlite3's 16 MiB
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer RadLedger and leaves its bytes unchanged', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY); INSERT INTO future_things VALUES (1);');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);

    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of RadLedger/);
    expect(sha(file)).toBe(before);
  });

  it('reopens an up-to-date database without running migrations again', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    openDatabase(file).close();
    let called = 0;
    const db = openDatabase(file, { beforeMigrate: () => called++ });
    expect(called).toBe(0);
    db.close();
  });
});

describe('migrate', () => {
  const step = (version: number, sql: string): Migration => ({ version, name: `v${version}`, up: (db) => db.exec(sql) });

  it('applies all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(':memory:');
    migrate(db, [step(1, 'CREATE TABLE a (x)')]);
    const list = [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (y)'), step(3, 'THIS IS NOT SQL')];
    expect(() => migrate(db, list)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([{ name: 'a' }]);
  });

  it('calls beforeMigrate once with from and to, only when something is pending', () => {
    const db = new Database(':memory:');
    const calls: Array<[number, number]> = [];
    const list = [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (y)')];
    migrate(db, list, { beforeMigrate: (f, t) => calls.push([f, t]) });
    migrate(db, list, { beforeMigrate: (f, t) => calls.push([f, t]) });
    expect(calls).toEqual([[0, 2]]);
  });

  it('rejects a list that is not strictly increasing', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [step(2, 'SELECT 1'), step(2, 'SELECT 1')])).toThrow(/must come after/);
  });

  it('the shipped list is strictly increasing and ends at LATEST_SCHEMA_VERSION', () => {
    const versions = migrations.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('migration 001 (initial)', () => {
  it('creates tracks, sites, entries and the audit log with their constraints', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version <= 1));
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['audit_log', 'entries', 'sites', 'tracks']));
    // An entry must belong to a track.
    expect(() =>
      db.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, created_at, updated_at) VALUES (99, '2026-01-01', 'x', 'a', 'a')").run(),
    ).toThrow(/FOREIGN KEY/);
    // Status is a closed set.
    db.prepare("INSERT INTO tracks (discipline, name, start_date, created_at, updated_at) VALUES ('CT', 'CT', '2026-01-01', 'a', 'a')").run();
    expect(() =>
      db.prepare("INSERT INTO entries (track_id, performed_on, procedure_name, status, created_at, updated_at) VALUES (1, '2026-01-01', 'x', 'approved', 'a', 'a')").run(),
    ).toThrow(/CHECK/);
    // Site names are unique regardless of case.
    db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('Mercy', 'a', 'a')").run();
    expect(() => db.prepare("INSERT INTO sites (name, created_at, updated_at) VALUES ('MERCY', 'a', 'a')").run()).toThrow(/UNIQUE/);
  });
});
