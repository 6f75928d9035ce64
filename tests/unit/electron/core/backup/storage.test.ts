// Disk full and read-only storage, produced for real: the user gets a clear error and nothing
// already saved is lost.
//  - Disk full: PRAGMA max_page_count caps the live database, so SQLite itself answers SQLITE_FULL.
//  - Read-only while running: PRAGMA query_only makes the live connection refuse writes with
//    SQLITE_READONLY, the error a folder turned read-only under a running app produces.
//  - Read-only folder at start-up: real permissions. Root ignores permission bits, so when the
//    tests run as root the child process is started as the unprivileged user "nobody" (uid 65534)
//    on a root-owned folder; otherwise the folder and file are chmod'ed read-only.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import { databasePath } from '../../../../../electron/core/paths';
import type { ImportMapping } from '../../../../../shared/ipc/import';
import type { Result } from '../../../../../shared/result';
import { dumpDb, seedLog } from '../../../../helpers/db-dump';
import { bundleChild, worldReadableChild } from '../../../../helpers/bundle-child';
import { fixedClock, tempDir } from '../../../../helpers/tmp';

function open(dataDir = tempDir()): Backend {
  return openBackend({ dataDir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
}

function expectStorageError(r: Result<unknown>, message: RegExp) {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.kind).toBe('storage');
    expect(r.error.message).toMatch(message);
  }
}

describe('storage failures', () => {
  it('disk full: SQLITE_FULL gives a clear error, the failed write leaves no trace, saved entries all remain', async () => {
    const dir = tempDir();
    const backend = open(dir);
    const trackId = await seedLog(backend, 40);
    const before = dumpDb(backend.db);
    const pages = backend.db.pragma('page_count', { simple: true }) as number;
    backend.db.pragma(`max_page_count = ${pages}`);

    let saved = 0;
    let failure: Result<unknown> | undefined;
    for (let i = 0; i < 500 && !failure; i++) {
      const r = await backend.dispatch('entries.create', { trackId, performedOn: '2026-04-01', procedureName: `CT ${i}`, notes: 'n'.repeat(1900) });
      if (r.ok) saved++;
      else failure = r;
    }
    expectStorageError(failure!, /disk is full\. Nothing was changed/);

    // An import that does not fit is rolled back whole.
    const csv = ['date,procedure,notes', ...Array.from({ length: 300 }, (_, i) => `2026-05-01,CT ${i},${'x'.repeat(1500)}`)].join('\n');
    const mapping: ImportMapping = { date: 0, time: null, procedure: 1, site: null, verifier: null, notes: 2, simulated: null, status: null };
    const countBefore = backend.db.prepare('SELECT count(*) FROM entries').pluck().get();
    const imp = await backend.dispatch('import.commit', { fileName: 'a.csv', dataBase64: Buffer.from(csv).toString('base64'), trackId, mapping, skipDuplicates: false });
    expectStorageError(imp, /disk is full/);
    expect(backend.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(countBefore);
    backend.close();

    const again = open(dir);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const after = dumpDb(again.db);
    for (const row of before.entries!) expect(after.entries).toContainEqual(row);
    expect(after.entries!.length).toBe(before.entries!.length + saved);
    again.close();
  });

  it('read-only while running: SQLITE_READONLY gives a clear error and saved entries remain', async () => {
    const dir = tempDir();
    const backend = open(dir);
    const trackId = await seedLog(backend, 5);
    const before = dumpDb(backend.db);
    backend.db.pragma('query_only = ON');
    const r = await backend.dispatch('entries.create', { trackId, performedOn: '2026-04-01', procedureName: 'CT Head' });
    expectStorageError(r, /cannot write to its data folder\. Nothing was changed/);
    backend.close();
    const again = open(dir);
    expect(dumpDb(again.db)).toEqual(before);
    again.close();
  });

  it('read-only data folder at start-up (real permissions): a clear error, the file untouched and not set aside', async () => {
    const dir = tempDir();
    const backend = open(dir);
    await seedLog(backend, 5);
    const saved = dumpDb(backend.db);
    backend.close();
    const file = databasePath(dir);
    const bytes = readFileSync(file);

    const bundle = await bundleChild('tests/unit/electron/core/backup/readonly-child.ts', 'readonly-child');

    const isRoot = process.getuid?.() === 0;
    if (isRoot) chmodSync(dir, 0o755); // root-owned, not writable by "nobody"
    else {
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
    }
    // As root the child runs as "nobody", who may not reach the checkout (a clone under a 0700
    // folder): it runs from a world-readable copy of the Node binary, the bundle and better-sqlite3.
    const run = isRoot ? worldReadableChild(bundle) : { node: process.execPath, script: bundle };
    const child = spawnSync(run.node, [run.script, dir], { encoding: 'utf8', ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
    if (!isRoot) chmodSync(dir, 0o755);
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const outcome = JSON.parse(child.stdout) as { stage: string; kind: string; message: string };
    expect(outcome).toMatchObject({ stage: 'open', kind: 'storage' });
    expect(outcome.message).toMatch(/cannot write to its data folder .* Nothing was changed or deleted/);

    expect(readFileSync(file).equals(bytes)).toBe(true);
    const again = open(dir);
    expect(again.startup.damaged).toBeNull();
    expect(dumpDb(again.db)).toEqual(saved);
    again.close();
  });
});
