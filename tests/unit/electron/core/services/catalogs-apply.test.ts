// Requirements in, in one step, applied: saving or importing a catalog for a track puts the new
// revision on the track, except where that would change the requirements under an existing log;
// imported catalogs stay labelled as someone else's across restarts; revisions can be compared;
// the first-run steps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { CatalogDiff } from '../../../../../shared/catalog/diff';
import type { Track } from '../../../../../shared/domain';
import type { CatalogListing, ProgressReport, SavedCatalog } from '../../../../../shared/ipc/catalogs';
import type { StartState } from '../../../../../shared/ipc/start';
import type { AppError, Result } from '../../../../../shared/result';

let dir: string;
let backend: Backend;
const NOW = new Date('2026-03-01T12:00:00Z');
const exampleText = readFileSync(path.resolve('resources/catalogs/example.json'), 'utf8');

function open() {
  backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 'test', now: () => NOW });
}
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-apply-'));
  open();
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
const tracks = () => call<Track[]>('tracks.list');

/** The shipped CT catalog, filled with a few procedures as a user would from the worksheet. */
async function filledCt(reps = 15) {
  const doc = await call<{ catalog: Record<string, unknown> }>('catalogs.get', { key: 'arrt-ct' });
  const src = { source: 'My ARRT worksheet', confirmed: false };
  return {
    ...doc.catalog,
    proceduresStatus: 'complete',
    categories: [
      {
        id: 'head',
        name: 'Head',
        procedures: [
          { id: 'routine-head', name: 'Routine head', kind: 'mandatory', repetitionsRequired: { value: reps, ...src } },
          { id: 'orbits', name: 'Orbits', kind: 'elective', repetitionsRequired: { value: 5, ...src } },
        ],
      },
    ],
  };
}

describe('saving requirements for a track', () => {
  it('puts the saved revision on the track in the same step: progress leaves "fill in the catalog"', async () => {
    const t = await track('CT', '2026-01-05');
    const before = await call<ProgressReport>('progress.evaluate', { trackId: t.id });
    expect(before.catalogAssigned).toBe(false);

    const saved = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(), trackId: t.id });
    expect(saved.assignment).toMatchObject({ trackId: t.id, status: 'assigned', message: `${t.name} now uses revision 1.` });
    expect((await tracks())[0]!.catalogId).toBe(saved.summary.id);
    const after = await call<ProgressReport>('progress.evaluate', { trackId: t.id, verdicts: 'none' });
    expect(after).toMatchObject({ catalogAssigned: true, catalog: { procedureCount: 2, revision: 1 } });
    // Audited as a change to the track, in the same transaction as the revision.
    const audit = backend.db.prepare("SELECT entity, action FROM audit_log WHERE entity IN ('catalog','track') ORDER BY id").all();
    expect(audit).toEqual([
      { entity: 'track', action: 'create' },
      { entity: 'catalog', action: 'create' },
      { entity: 'track', action: 'update' },
    ]);
  });

  it('a track whose free-text entries had no list to count against takes the filled list, and the names match', async () => {
    const t = await track('CT', '2026-01-05');
    await call('entries.create', { trackId: t.id, performedOn: '2026-02-02', procedureName: 'routine HEAD' });
    const saved = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(), trackId: t.id });
    expect(saved.assignment?.status).toBe('assigned');
    const report = await call<ProgressReport>('progress.evaluate', { trackId: t.id, verdicts: 'all' });
    expect(report.evaluation?.entries.filter((v) => v.counts)).toHaveLength(1);
  });

  it('never changes filled requirements under an existing log: a new revision waits for an explicit switch', async () => {
    const t = await track('CT', '2026-01-05');
    const first = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(15), trackId: t.id });
    await call('entries.create', { trackId: t.id, performedOn: '2026-02-02', procedureName: 'Routine head' });
    const second = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(20), trackId: t.id });
    expect(second.summary.revision).toBe(2);
    expect(second.assignment).toMatchObject({ status: 'kept' });
    expect(second.assignment!.message).toMatch(/stays on its current requirements: its 1 entry is measured against them\. Switch to revision 2/);
    expect((await tracks())[0]!.catalogId).toBe(first.summary.id);
    // The explicit choice is still there.
    await call('catalogs.assign', { trackId: t.id, catalog: { id: second.summary.id } });
    expect((await tracks())[0]!.catalogId).toBe(second.summary.id);
    // Saving the same content again changes nothing.
    const again = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(20), trackId: t.id });
    expect(again).toMatchObject({ created: false, assignment: { status: 'already' } });
  });

  it('saves but does not apply a catalog of another discipline, and says why', async () => {
    const t = await track('MR', '2026-01-05');
    const saved = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(), trackId: t.id });
    expect(saved.created).toBe(true);
    expect(saved.assignment).toMatchObject({ status: 'refused' });
    expect(saved.assignment!.message).toMatch(/This catalog is for CT; the track is MR/);
    expect((await tracks())[0]!.catalogId).toBeNull();
  });

  it('refuses an unknown track before saving anything', async () => {
    const err = await failure('catalogs.save', { catalog: await filledCt(), trackId: 99 });
    expect(err.kind).toBe('not-found');
    expect((await call<CatalogListing>('catalogs.list')).saved).toEqual([]);
  });
});

describe('imported catalogs', () => {
  it('are labelled with the file they came from, also after a restart, and edits keep the label', async () => {
    const t = await track('CT', '2026-01-05');
    const imported = await call<SavedCatalog>('catalogs.import', { text: exampleText, fileName: 'from-dana.catalog.json', trackId: t.id });
    expect(imported.summary.importedFrom).toBe('from-dana.catalog.json');
    expect(imported.assignment?.status).toBe('assigned');

    backend.close();
    open();
    const list = await call<CatalogListing>('catalogs.list');
    expect(list.saved.map((s) => [s.key, s.importedFrom])).toEqual([['example-ct-like', 'from-dana.catalog.json']]);

    const edited = JSON.parse(exampleText);
    edited.categories[0].procedures[0].repetitionsRequired.value = 20;
    const saved = await call<SavedCatalog>('catalogs.save', { catalog: edited });
    expect(saved.summary).toMatchObject({ revision: 2, importedFrom: 'from-dana.catalog.json' });
    // A catalog filled here carries no such label.
    const mine = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt() });
    expect(mine.summary.importedFrom).toBeNull();
  });

  it('a revision row still cannot be edited after migration 013', async () => {
    await call('catalogs.import', { text: exampleText, fileName: 'x.json' });
    expect(() => backend.db.prepare('UPDATE catalogs SET imported_from = NULL').run()).toThrow(/immutable/);
  });
});

describe('comparing revisions', () => {
  it('lists procedures added, removed and changed, and changed rules', async () => {
    const one = await call<SavedCatalog>('catalogs.save', { catalog: await filledCt(15) });
    const next = await filledCt(20);
    const head = (next.categories as Array<{ procedures: Array<Record<string, unknown>> }>)[0]!;
    head.procedures = [
      head.procedures[0]!,
      { id: 'sinuses', name: 'Sinuses', kind: 'mandatory', repetitionsRequired: { value: 10, source: 'My ARRT worksheet', confirmed: false } },
    ];
    const two = await call<SavedCatalog>('catalogs.save', { catalog: next });
    const diff = await call<CatalogDiff>('catalogs.compare', { from: { id: one.summary.id }, to: { id: two.summary.id } });
    expect(diff.added.map((p) => p.name)).toEqual(['Sinuses']);
    expect(diff.removed.map((p) => p.name)).toEqual(['Orbits']);
    expect(diff.changed).toEqual([{ id: 'routine-head', name: 'Routine head', category: 'Head', changes: ['repetitions 15 → 20'] }]);
    expect(diff.same).toBe(false);
    const none = await call<CatalogDiff>('catalogs.compare', { from: { id: two.summary.id }, to: { id: two.summary.id } });
    expect(none.same).toBe(true);
  });
});

describe('start.state', () => {
  it('follows the three first-run steps', async () => {
    expect(await call<StartState>('start.state')).toEqual({ track: null, trackCount: 0, requirementsIn: false, catalogKey: null, entryCount: 0 });
    const t = await track('CT', '2026-01-05');
    expect(await call<StartState>('start.state')).toMatchObject({ track: { id: t.id, discipline: 'CT' }, requirementsIn: false, catalogKey: 'arrt-ct', entryCount: 0 });
    await call('catalogs.save', { catalog: await filledCt(), trackId: t.id });
    expect(await call<StartState>('start.state')).toMatchObject({ requirementsIn: true, catalogKey: 'arrt-ct', entryCount: 0 });
    await call('entries.create', { trackId: t.id, performedOn: '2026-02-02', procedureName: 'Orbits' });
    expect(await call<StartState>('start.state')).toMatchObject({ requirementsIn: true, entryCount: 1 });
  });
});

describe('a custom catalog with its own daily cap and window', () => {
  it('is measured with its own numbers, not ARRT’s', async () => {
    const t = await track('CT', '2025-01-06');
    const own = { value: 0, source: 'Program handbook', confirmed: false };
    const catalog = {
      format: 1, key: 'program-ct', kind: 'custom', title: 'Program CT list', discipline: 'CUSTOM', versionLabel: '2026',
      effectiveDate: null, dailyCap: { ...own, value: 2 }, windowMonths: { ...own, value: 6 }, proceduresStatus: 'complete',
      categories: [{ id: 'head', name: 'Head', procedures: [{ id: 'ct-head', name: 'CT Head', kind: 'mandatory', repetitionsRequired: { ...own, value: 10 } }] }],
    };
    const saved = await call<SavedCatalog>('catalogs.save', { catalog, trackId: t.id });
    expect(saved.assignment?.status).toBe('assigned');
    for (let i = 0; i < 3; i++) await call('entries.create', { trackId: t.id, performedOn: '2026-02-02', procedureName: 'CT Head' });
    await call('entries.create', { trackId: t.id, performedOn: '2025-08-01', procedureName: 'CT Head' });
    const report = await call<ProgressReport>('progress.evaluate', { trackId: t.id, verdicts: 'exceptions' });
    expect(report.evaluation!.entries.map((v) => v.reason).sort()).toEqual(['expired', 'over-daily-cap']);
    expect(report.reasonTexts['over-daily-cap']).toMatch(/daily limit of 2 entries/);
    expect(report.reasonTexts.expired).toMatch(/more than 6 months/);
  });
});
