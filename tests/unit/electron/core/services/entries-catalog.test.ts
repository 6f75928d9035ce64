// Capture on a track whose catalog lists procedures: the type-ahead offers the catalog, names
// outside it are refused at the field, and the log filters by what the engine counts.
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../../electron/core/backend';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call } from '../../../../helpers/backend';

const school = {
  format: 1,
  key: 'school-ct',
  kind: 'custom',
  title: 'School CT competencies',
  discipline: 'CUSTOM',
  versionLabel: '2026',
  effectiveDate: null,
  dailyCap: null,
  windowMonths: null,
  proceduresStatus: 'complete',
  categories: [
    {
      id: 'head',
      name: 'Head',
      procedures: [
        { id: 'ct-head', name: 'CT Head', kind: 'mandatory', repetitionsRequired: { value: 3, source: 'School list', confirmed: true }, simulationAllowed: false },
      ],
    },
    {
      id: 'body',
      name: 'Body',
      procedures: [{ id: 'ct-chest', name: 'CT Chest', kind: 'mandatory', repetitionsRequired: { value: 2, source: 'School list', confirmed: true } }],
    },
  ],
};

describe('capture with a catalog', () => {
  it('offers and enforces the catalog, and filters the log by what counts', async () => {
    const b = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    const track = await call(b, 'tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    const saved = await call(b, 'catalogs.save', { catalog: school });
    await call(b, 'catalogs.assign', { trackId: track.id, catalog: { id: saved.summary.id! } });

    expect(await call(b, 'entries.procedureOptions', { trackId: track.id })).toEqual({
      catalogHasProcedures: true,
      options: [
        { id: 'ct-head', name: 'CT Head', group: 'Head' },
        { id: 'ct-chest', name: 'CT Chest', group: 'Body' },
      ],
    });

    const unknown = await b.dispatch('entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Knee' });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'procedureName' }] } });
    const badShift = await b.dispatch('entries.createShift', {
      trackId: track.id, performedOn: '2026-11-20', rows: [{ procedureName: 'CT Head', count: 1 }, { procedureName: 'CT Knee', count: 1 }],
    });
    expect(badShift).toMatchObject({ ok: false, error: { issues: [{ path: 'rows.1.procedureName' }] } });
    expect((await call(b, 'entries.list', { trackId: track.id })).total).toBe(0);

    // A name typed in another case is stored under the catalog's id and spelling.
    const head = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'ct head' });
    expect(head).toMatchObject({ procedureId: 'ct-head', procedureName: 'CT Head' });
    // CT Head may not be simulated: that entry does not count.
    const sim = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-21', procedureName: 'CT Head', simulated: true });
    await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-21', procedureName: 'CT Chest', procedureId: 'ct-chest' });

    const counts = await call(b, 'entries.list', { trackId: track.id, counting: 'counts' });
    expect(counts.total).toBe(2);
    const notCounting = await call(b, 'entries.list', { trackId: track.id, counting: 'not-counting' });
    expect(notCounting.rows.map((r) => r.id)).toEqual([sim.id]);
    expect(notCounting.judgements[sim.id]).toEqual({ counts: false, text: 'This procedure may not be simulated.' });
    // Without a track picked, each track is judged by its own catalog (one track: no need to pick it).
    const noTrack = await call(b, 'entries.list', { counting: 'not-counting' });
    expect(noTrack.rows.map((r) => r.id)).toEqual([sim.id]);
    // Every page says, per row, whether it counts and why not.
    const all = await call(b, 'entries.list', {});
    expect(all.judgements[head.id]).toEqual({ counts: true, text: 'Counts.' });
    expect(all.judgements[sim.id]!.counts).toBe(false);
    b.close();
  });
});

describe('capture with a partial catalog', () => {
  it('matches the procedures the list names and keeps others as free text (mammography 2020-07-01)', async () => {
    const b = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2025-06-10T12:00:00Z') });
    // A mammography track that started before 2025-09-01 falls back to the 2020-07-01 version,
    // whose list names only what ARRT's update changed.
    const track = await call(b, 'tracks.create', { discipline: 'M', startDate: '2025-01-06' });
    const listed = await call(b, 'entries.create', { trackId: track.id, performedOn: '2025-06-02', procedureName: 'phantom image quality' });
    expect(listed).toMatchObject({ procedureName: 'Phantom image quality' });
    expect(listed.procedureId).not.toBeNull();
    const unlisted = await call(b, 'entries.create', { trackId: track.id, performedOn: '2025-06-02', procedureName: 'Screening mammogram, 2D' });
    expect(unlisted).toMatchObject({ procedureName: 'Screening mammogram, 2D', procedureId: null });
    b.close();
  });
});
