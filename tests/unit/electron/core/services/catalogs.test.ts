// Catalog channels and progress.evaluate on a real SQLite file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { Track } from '../../../../../shared/domain';
import type { CatalogDocument, CatalogExport, CatalogListing, ProgressReport, SavedCatalog } from '../../../../../shared/ipc/catalogs';
import type { PasteResult } from '../../../../../shared/catalog/paste-parser';
import type { AppError, Result } from '../../../../../shared/result';

let dir: string;
let backend: Backend;
const NOW = new Date('2026-03-01T12:00:00Z');
const exampleText = readFileSync(path.resolve('resources/catalogs/example.json'), 'utf8');
const count = (sql: string) => (backend.db.prepare(sql).get() as { n: number }).n;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-catalogs-'));
  backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'test', now: () => NOW });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T = unknown>(channel: string, input?: unknown): Promise<T> {
  const r = (await backend.dispatch(channel, input)) as Result<T>;
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
  return r.value;
}
async function failure(channel: string, input?: unknown): Promise<AppError> {
  const r = (await backend.dispatch(channel, input)) as Result<unknown>;
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}
const track = (discipline: string, startDate: string) => call<Track>('tracks.create', { discipline, startDate });

describe('catalog storage', () => {
  it('lists the shipped catalogs and no saved ones on a new database', async () => {
    const list = await call<CatalogListing>('catalogs.list');
    expect(list.builtin.map((c) => c.key)).toContain('arrt-m-2025-09');
    expect(list.builtin.find((c) => c.key === 'example-ct-like')).toMatchObject({ label: 'Example — not ARRT requirements', procedureCount: 20 });
    expect(list.saved).toEqual([]);
  });

  it('saves a changed catalog as a new revision and never changes the one a track uses', async () => {
    const t = await track('CT', '2026-01-05');
    const first = await call<SavedCatalog>('catalogs.import', { text: exampleText });
    expect(first).toMatchObject({ created: true, summary: { origin: 'saved', revision: 1, key: 'example-ct-like' } });
    await call('catalogs.assign', { trackId: t.id, catalog: { id: first.summary.id } });

    const edited = JSON.parse(exampleText);
    edited.categories[0].procedures[0].repetitionsRequired.value = 20;
    const second = await call<SavedCatalog>('catalogs.save', { catalog: edited });
    expect(second.summary).toMatchObject({ revision: 2, latest: true });
    expect(second.summary.id).not.toBe(first.summary.id);

    // The track still reads revision 1: 15 repetitions of Routine Head, not 20.
    const kept = await call<CatalogDocument>('catalogs.get', { id: first.summary.id! });
    expect(kept.catalog.categories[0]!.procedures[0]!.repetitionsRequired!.value).toBe(15);
    expect(kept.summary).toMatchObject({ tracksUsing: 1, latest: false });
    expect((await call<CatalogDocument>('catalogs.get', { key: 'example-ct-like' })).summary.revision).toBe(2);

    // Saving identical content again adds nothing.
    expect(await call<SavedCatalog>('catalogs.save', { catalog: edited })).toMatchObject({ created: false, summary: { revision: 2 } });
    expect(count('SELECT count(*) AS n FROM catalogs')).toBe(2);

    // The database refuses to edit or delete a revision in use, whatever the code does.
    expect(() => backend.db.prepare("UPDATE catalogs SET json = '{}' WHERE id = ?").run(first.summary.id)).toThrow(/immutable/);
    expect(() => backend.db.prepare('DELETE FROM catalogs WHERE id = ?').run(first.summary.id)).toThrow(/used by a track/);
  });

  it('explains what is wrong with an imported file, field by field', async () => {
    const bad = JSON.parse(exampleText);
    bad.dailyCap.value = 0;
    delete bad.title;
    const err = await failure('catalogs.import', { text: JSON.stringify(bad) });
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/^This catalog file cannot be used:/);
    expect(err.issues!.map((i) => i.path).sort()).toEqual(['dailyCap.value', 'title']);
    expect((await failure('catalogs.import', { text: '{"format": 1' })).message).toMatch(/not a JSON file/);
    expect(count('SELECT count(*) AS n FROM catalogs')).toBe(0);
  });

  it('exports a catalog that imports back to the same content', async () => {
    const out = await call<CatalogExport>('catalogs.export', { key: 'arrt-m-2025-09' });
    expect(out.fileName).toBe('arrt-m-2025-09.catalog.json');
    const back = await call<SavedCatalog>('catalogs.import', { text: out.text });
    const builtin = await call<CatalogDocument>('catalogs.get', { key: 'arrt-m-2025-09' });
    expect(back.catalog).toEqual(JSON.parse(out.text));
    expect(builtin.summary.origin).toBe('saved'); // the key now resolves to the saved revision
  });

  it('parses pasted worksheet text for the preview', async () => {
    const r = await call<PasteResult>('catalogs.parsePaste', { text: 'Head\nRoutine Head\t15\tMandatory\nOops\t1-2\tElective', defaultKind: 'mandatory' });
    expect(r.rows.map((x) => x.name)).toEqual(['Routine Head']);
    expect(r.unparsed.map((x) => x.line)).toEqual([3]);
  });
});

describe('assigning a catalog to a track', () => {
  it('refuses the older mammography version for a track starting on or after 2025-09-01', async () => {
    const late = await track('M', '2025-09-01');
    const err = await failure('catalogs.assign', { trackId: late.id, catalog: { key: 'arrt-m-2020-07' } });
    expect(err).toMatchObject({ kind: 'validation' });
    expect(err.message).toMatch(/newer version took effect on 2025-09-01/);
    expect((await call<Track[]>('tracks.list')).find((x) => x.id === late.id)!.catalogId).toBeNull();

    const early = await track('M', '2025-08-15');
    const assigned = await call<Track>('catalogs.assign', { trackId: early.id, catalog: { key: 'arrt-m-2020-07' } });
    expect(assigned.catalogId).not.toBeNull();
    // A shipped catalog is copied in once; assigning it again reuses the revision.
    const again = await call<Track>('catalogs.assign', { trackId: late.id, catalog: { key: 'arrt-m-2025-09' } });
    const again2 = await call<Track>('catalogs.assign', { trackId: early.id, catalog: { key: 'arrt-m-2025-09' } });
    expect(again2.catalogId).toBe(again.catalogId);
    expect(count('SELECT count(*) AS n FROM catalogs')).toBe(2);
  });

  it('refuses a catalog of another discipline', async () => {
    const t = await track('MR', '2026-01-05');
    expect((await failure('catalogs.assign', { trackId: t.id, catalog: { key: 'arrt-ct' } })).message).toMatch(/for CT; the track is MR/);
  });
});

describe('progress.evaluate', () => {
  async function log(trackId: number, performedOn: string, procedureName: string, n: number) {
    for (let i = 0; i < n; i++) await call('entries.create', { trackId, performedOn, procedureName, performedAt: `0${i % 10}:00` });
  }

  it('evaluates a track on its catalog and live entries, matching logged names to procedures', async () => {
    const t = await track('CT', '2026-01-05');
    await log(t.id, '2026-02-02', 'Routine Head', 10); // cap 9: one over
    await log(t.id, '2026-02-03', 'routine chest', 2);
    await call('catalogs.assign', { trackId: t.id, catalog: { key: 'example-ct-like' } });

    const r = await call<ProgressReport>('progress.evaluate', { trackId: t.id });
    expect(r.catalogAssigned).toBe(true);
    expect(r.catalog).toMatchObject({ key: 'example-ct-like', origin: 'saved' });
    const ev = r.evaluation!;
    expect(ev.totals).toMatchObject({ performed: 12, counted: 11, required: 100 });
    expect(ev.totals.notCounting['over-daily-cap']).toBe(1);
    expect(ev.missing.map((m) => m.text)).toContain('6 more Routine Head (9 of 15)');
    expect(ev.missing.map((m) => m.text)).toContain('8 more Routine Chest (2 of 10)');
    // Only the exception is returned by default; the reason reads with the catalog's cap.
    expect(ev.entries).toHaveLength(1);
    expect(ev.entries[0]).toMatchObject({ counts: false, reason: 'over-daily-cap' });
    expect(r.reasonTexts['over-daily-cap']).toMatch(/daily limit of 9 entries/);
    expect((await call<ProgressReport>('progress.evaluate', { trackId: t.id, verdicts: 'all' })).evaluation!.entries).toHaveLength(12);
  });

  it('uses the shipped version for the discipline until a catalog is chosen, and warns before an old version expires', async () => {
    const t = await track('CT', '2026-01-05');
    const r = await call<ProgressReport>('progress.evaluate', { trackId: t.id });
    expect(r).toMatchObject({ catalogAssigned: false, catalog: { key: 'arrt-ct', origin: 'builtin' } });
    expect(r.evaluation!.missing[0]!.kind).toBe('catalog');

    const m = await track('M', '2025-06-01');
    await call('catalogs.assign', { trackId: m.id, catalog: { key: 'arrt-m-2020-07' } });
    const rm = await call<ProgressReport>('progress.evaluate', { trackId: m.id });
    expect(rm.versionWarnings).toEqual([]); // 2026-03-01: 549 days before 2027-09-01
  });

  it('reports a missing track as not found', async () => {
    expect((await failure('progress.evaluate', { trackId: 999 })).kind).toBe('not-found');
  });
});
