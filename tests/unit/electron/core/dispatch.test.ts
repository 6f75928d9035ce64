import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../../electron/core/backend';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { handlers } from '../../../../electron/core/services';
import type { HandlerMap } from '../../../../electron/core/services/types';
import { CHANNEL_NAMES, type ChannelName } from '../../../../shared/ipc/contract';
import { fixedClock, tempDir } from '../../../helpers/tmp';

describe('dispatch', () => {
  it('has exactly one handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('parses the argument with zod before any service code runs', async () => {
    const backend = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    let called = false;
    const spyHandlers = { ...handlers, 'tracks.create': () => { called = true; throw new Error('must not run'); } } as HandlerMap<ChannelName>;
    const dispatch = createDispatcher(() => backend.ctx, spyHandlers);
    const r = await dispatch('tracks.create', { discipline: 'XX', startDate: 'yesterday' });
    expect(called).toBe(false);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['discipline', 'startDate']);
    }
    backend.close();
  });

  it('answers an unknown channel and a thrown bug as data, never as an exception', async () => {
    const backend = openBackend({ dataDir: tempDir(), host: 'preview', appVersion: 't' });
    const boom = { ...handlers, 'tracks.list': () => { throw new Error('kaboom'); } } as HandlerMap<ChannelName>;
    const dispatch = createDispatcher(() => backend.ctx, boom);
    expect(await dispatch('nope.nothing', {})).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await dispatch('tracks.list', undefined)).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('kaboom') } });
    backend.close();
  });

  it('creates a track and an entry end to end on a real SQLite file, with an audit row for each', async () => {
    const dir = tempDir();
    const backend = openBackend({ dataDir: dir, host: 'preview', appVersion: 't', now: fixedClock('2026-11-24T12:00:00Z') });
    const t = await backend.dispatch('tracks.create', { discipline: 'CT', startDate: '2026-01-05' });
    expect(t).toMatchObject({ ok: true, value: { id: 1, name: 'Computed Tomography', discipline: 'CT' } });
    const e = await backend.dispatch('entries.create', { trackId: 1, performedOn: '2026-11-20', procedureName: 'CT Head', siteName: 'Mercy' });
    expect(e).toMatchObject({ ok: true, value: { procedureName: 'CT Head', siteName: 'Mercy', status: 'draft' } });
    const future = await backend.dispatch('entries.create', { trackId: 1, performedOn: '2026-11-25', procedureName: 'CT Head' });
    expect(future).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'performedOn' }] } });
    const early = await backend.dispatch('entries.create', { trackId: 1, performedOn: '2025-12-31', procedureName: 'CT Head' });
    expect(early).toMatchObject({ ok: false, error: { kind: 'validation' } });
    backend.close();

    const reopened = openBackend({ dataDir: dir, host: 'preview', appVersion: 't' });
    const list = await reopened.dispatch('entries.list', { trackId: 1 });
    expect(list).toMatchObject({ ok: true, value: { total: 1, rows: [{ procedureName: 'CT Head' }] } });
    const audits = reopened.db.prepare('SELECT entity, action FROM audit_log ORDER BY id').all();
    expect(audits).toEqual([{ entity: 'track', action: 'create' }, { entity: 'entry', action: 'create' }]);
    reopened.close();
  });
});
