import { describe, expect, it } from 'vitest';
import { buildApi, CHANNEL_NAMES } from '../../../shared/ipc/contract';

describe('the IPC contract', () => {
  it('channel names are namespace.verb', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('buildApi gives one named verb per channel, routed through the one transport', async () => {
    const seen: Array<[string, unknown]> = [];
    const api = buildApi(async (ch, input) => {
      seen.push([ch, input]);
      return { ok: true, value: null };
    });
    await api.tracks.create({ discipline: 'CT', startDate: '2026-01-01' });
    await api.tracks.list();
    expect(seen).toEqual([
      ['tracks.create', { discipline: 'CT', startDate: '2026-01-01' }],
      ['tracks.list', undefined],
    ]);
    const verbs = Object.entries(api).flatMap(([ns, v]) => Object.keys(v as object).map((k) => `${ns}.${k}`));
    expect(verbs.sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
