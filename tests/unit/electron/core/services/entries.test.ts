import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../../electron/core/audit';
import { openBackend, type Backend } from '../../../../../electron/core/backend';
import type { InputOf } from '../../../../../shared/ipc/contract';
import { fixedClock, tempDir } from '../../../../helpers/tmp';
import { call } from '../../../../helpers/backend';

// Today, for every test here, is 2026-11-24 (noon UTC).
function backend(): Backend {
  return openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
}

async function withTrack(discipline: 'CT' | 'MR' = 'CT') {
  const b = backend();
  const track = await call(b, 'tracks.create', { discipline, startDate: '2026-01-05' });
  return { b, track };
}

const countRows = (b: Backend, sql: string) => (b.db.prepare(sql).get() as { n: number }).n;

describe('entries service', () => {
  it('remembers site and verifier from the last entry and reuses the patient marker only when asked', async () => {
    const { b, track } = await withTrack();
    const first = await call(b, 'entries.create', {
      trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head', siteName: 'Mercy General', verifierName: 'J. Ortiz, R.T.(CT)',
    });
    expect(await call(b, 'entries.memory', { trackId: track.id })).toEqual({ siteName: 'Mercy General', verifierId: null, verifierName: 'J. Ortiz, R.T.(CT)' });
    const same = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Chest', samePatientAsPrevious: true });
    const other = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Neck' });
    expect(first.patientMarker).toBe(1);
    expect(same.patientMarker).toBe(1);
    expect(other.patientMarker).toBe(2);
    b.close();
  });

  it('warns (but saves) when the day passes the discipline cap and when notes look like PHI', async () => {
    const { b, track } = await withTrack('MR'); // MR: 7 entries per day
    for (let i = 0; i < 7; i++) {
      const e = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-23', procedureName: 'MRI Brain' });
      expect(e.warnings).toEqual([]);
    }
    expect(await call(b, 'entries.dayCount', { trackId: track.id, performedOn: '2026-11-23' })).toMatchObject({ count: 7, cap: 7 });
    const eighth = await call(b, 'entries.create', {
      trackId: track.id, performedOn: '2026-11-23', procedureName: 'MRI Knee', notes: 'MRN 48213377 motion artifact',
    });
    expect(eighth.id).toBeGreaterThan(0);
    expect(eighth.warnings.map((w) => w.kind)).toEqual(['over-daily-cap', 'phi']);
    expect(eighth.warnings[0]).toMatchObject({ count: 8, cap: 7 });
    expect(countRows(b, 'SELECT count(*) AS n FROM entries')).toBe(8);
    // Before 2020 the caps did not apply.
    const old = await call(b, 'entries.dayCount', { trackId: track.id, performedOn: '2019-12-31' });
    expect(old.cap).toBeNull();
    b.close();
  });

  it("takes the day's limit from the track's own requirement list, and never calls it ARRT's", async () => {
    const { b, track } = await withTrack();
    // ARRT's CT list (shipped): 9 per day, named as ARRT's.
    expect(await call(b, 'entries.dayCount', { trackId: track.id, performedOn: '2026-11-23' })).toMatchObject({ cap: 9, capSource: 'arrt' });
    const doc = await call(b, 'catalogs.get', { key: 'arrt-ct' });
    const src = { source: 'Our program handbook', confirmed: false };
    await call(b, 'catalogs.save', {
      trackId: track.id,
      catalog: {
        ...doc.catalog,
        kind: 'custom',
        title: 'Program list',
        dailyCap: { value: 3, ...src },
        dailyCapAppliesFrom: null,
        proceduresStatus: 'complete',
        categories: [{ id: 'head', name: 'Head', procedures: [{ id: 'routine-head', name: 'Routine head', kind: 'mandatory', repetitionsRequired: { value: 5, ...src } }] }],
      },
    });
    const day = await call(b, 'entries.dayCount', { trackId: track.id, performedOn: '2026-11-23' });
    expect(day).toMatchObject({ cap: 3, capSource: 'requirements', capFrom: null });
    // With no start date the list's limit applies to every day, 2019 included.
    expect(await call(b, 'entries.dayCount', { trackId: track.id, performedOn: '2019-06-03' })).toMatchObject({ cap: 3 });
    let last;
    for (let i = 0; i < 4; i++) last = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-23', procedureName: 'Routine head' });
    expect(last!.warnings[0]).toMatchObject({ kind: 'over-daily-cap', count: 4, cap: 3, source: 'requirements' });
    expect(last!.warnings[0]!.message).toContain('your requirement list counts 3 per day');
    expect(last!.warnings[0]!.message).not.toContain('ARRT');
    // The engine applies the same limit: the fourth entry of the day does not count.
    const progress = await call(b, 'progress.evaluate', { trackId: track.id, verdicts: 'all' });
    expect(progress.evaluation!.totals.notCounting['over-daily-cap']).toBe(1);
    b.close();
  });

  it('refuses bad input at the field and writes nothing, not even an audit row', async () => {
    const { b, track } = await withTrack();
    const before = countRows(b, 'SELECT count(*) AS n FROM audit_log');
    const cases: Array<[InputOf<'entries.create'>, string]> = [
      [{ trackId: track.id, performedOn: '2026-11-25', procedureName: 'CT Head' }, 'performedOn'],
      [{ trackId: track.id, performedOn: '2026-01-04', procedureName: 'CT Head' }, 'performedOn'],
      [{ trackId: track.id, performedOn: '2026-11-20', procedureName: '   ' }, 'procedureName'],
      [{ trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head', notes: 'x'.repeat(2001) }, 'notes'],
      [{ trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head', siteName: 's'.repeat(121) }, 'siteName'],
      [{ trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head', performedAt: '25:00' }, 'performedAt'],
    ];
    for (const [input, path] of cases) {
      const r = await b.dispatch('entries.create', input);
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path }] } });
    }
    expect(countRows(b, 'SELECT count(*) AS n FROM entries')).toBe(0);
    expect(countRows(b, 'SELECT count(*) AS n FROM audit_log')).toBe(before);
    b.close();
  });

  it('logs a shift all-or-nothing: one bad row saves none', async () => {
    const { b, track } = await withTrack();
    const bad = await b.dispatch('entries.createShift', {
      trackId: track.id, performedOn: '2026-11-23', siteName: 'Valley Imaging',
      rows: [{ procedureName: 'CT Head', count: 3 }, { procedureName: 'CT Chest', count: 0 }],
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'rows.1.count' }] } });
    expect(countRows(b, 'SELECT count(*) AS n FROM entries')).toBe(0);

    const shift = await call(b, 'entries.createShift', {
      trackId: track.id, performedOn: '2026-11-23', siteName: 'Valley Imaging', verifierName: 'Dr. Ames',
      rows: [{ procedureName: 'CT Head', count: 6 }, { procedureName: 'CT Chest', count: 4 }],
    });
    expect(shift.created).toBe(10);
    // CT accepts 9 per day: the tenth is kept and flagged.
    expect(shift.warnings).toMatchObject([{ kind: 'over-daily-cap', count: 10, cap: 9 }]);
    const page = await call(b, 'entries.list', { trackId: track.id, procedureName: 'CT Chest' });
    expect(page.total).toBe(4);
    expect(page.rows[0]).toMatchObject({ siteName: 'Valley Imaging', verifierName: 'Dr. Ames', status: 'draft' });
    b.close();
  });

  it('edits, deletes and restores with a before/after audit row each, in an intact chain', async () => {
    const { b, track } = await withTrack();
    const e = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head', siteName: 'Mercy' });
    const edited = await call(b, 'entries.update', {
      id: e.id, performedOn: '2026-11-21', procedureName: 'CT Head with contrast', siteName: 'Mercy', notes: 'Edited', simulated: false, status: 'signed',
    });
    expect(edited).toMatchObject({ performedOn: '2026-11-21', procedureName: 'CT Head with contrast', status: 'signed' });
    expect(await call(b, 'entries.delete', { ids: [e.id] })).toEqual({ deleted: 1 });
    expect((await call(b, 'entries.list', { trackId: track.id })).total).toBe(0);
    // The row is still on disk: a delete is a mark, never a loss.
    expect(countRows(b, 'SELECT count(*) AS n FROM entries WHERE deleted_at IS NOT NULL')).toBe(1);
    expect(await call(b, 'entries.restore', { ids: [e.id] })).toEqual({ restored: 1 });
    expect((await call(b, 'entries.list', { trackId: track.id })).rows[0]).toMatchObject({ id: e.id, procedureName: 'CT Head with contrast' });

    const history = await call(b, 'entries.history', { id: e.id });
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(history[1]!.before).toMatchObject({ procedureName: 'CT Head', performedOn: '2026-11-20' });
    expect(history[1]!.after).toMatchObject({ procedureName: 'CT Head with contrast', performedOn: '2026-11-21' });
    expect(history[1]!.changed).toEqual(['notes', 'performedOn', 'procedureName', 'status']);
    expect(verifyAuditChain(b.db).breaks).toEqual([]);
    b.close();
  });

  it('changes status in bulk and undoes it back to each entry’s own previous status', async () => {
    const { b, track } = await withTrack();
    const a = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Head' });
    const c = await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-20', procedureName: 'CT Chest', status: 'signed' });
    const change = await call(b, 'entries.setStatus', { ids: [a.id, c.id], status: 'entered' });
    expect(change).toEqual({ updated: 2, previous: [{ id: a.id, status: 'draft' }, { id: c.id, status: 'signed' }] });
    expect((await call(b, 'entries.list', { trackId: track.id, status: 'entered' })).total).toBe(2);
    await call(b, 'entries.restoreStatuses', { changes: change.previous });
    const rows = (await call(b, 'entries.list', { trackId: track.id, sort: 'procedure' })).rows;
    expect(rows.map((r) => [r.procedureName, r.status])).toEqual([['CT Chest', 'signed'], ['CT Head', 'draft']]);
    b.close();
  });

  it('filters and searches the log', async () => {
    const { b, track } = await withTrack();
    const mr = await call(b, 'tracks.create', { discipline: 'MR', startDate: '2026-01-05' });
    await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-10-01', procedureName: 'CT Head', siteName: 'Mercy' });
    await call(b, 'entries.create', { trackId: track.id, performedOn: '2026-11-01', procedureName: 'CT Chest', siteName: 'Valley', notes: 'contrast 100%' });
    await call(b, 'entries.create', { trackId: mr.id, performedOn: '2026-11-02', procedureName: 'MRI Brain', siteName: 'Mercy' });
    const ids = (p: { rows: Array<{ procedureName: string }> }) => p.rows.map((r) => r.procedureName);
    expect(ids(await call(b, 'entries.list', {}))).toEqual(['MRI Brain', 'CT Chest', 'CT Head']);
    expect(ids(await call(b, 'entries.list', { sort: 'date-asc' }))).toEqual(['CT Head', 'CT Chest', 'MRI Brain']);
    expect(ids(await call(b, 'entries.list', { trackId: track.id, from: '2026-10-15' }))).toEqual(['CT Chest']);
    const { sites } = await call(b, 'entries.filterOptions', {});
    const mercy = sites.find((s) => s.name === 'Mercy')!;
    expect(ids(await call(b, 'entries.list', { siteId: mercy.id }))).toEqual(['MRI Brain', 'CT Head']);
    expect(ids(await call(b, 'entries.list', { q: 'valley' }))).toEqual(['CT Chest']);
    // The user's % is a character, not a wildcard.
    expect(ids(await call(b, 'entries.list', { q: '100%' }))).toEqual(['CT Chest']);
    expect(ids(await call(b, 'entries.list', { q: '0%c' }))).toEqual([]);
    const opts = await call(b, 'entries.procedureOptions', { trackId: track.id });
    expect(opts).toEqual({
      catalogHasProcedures: false,
      options: [{ id: null, name: 'CT Chest', group: 'Logged before' }, { id: null, name: 'CT Head', group: 'Logged before' }],
    });
    b.close();
  });
});
