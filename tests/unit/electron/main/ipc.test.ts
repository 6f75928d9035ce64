import { describe, expect, it } from 'vitest';
import { registerIpc } from '../../../../electron/main/ipc';
import { CHANNEL_NAMES } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/result';

type Listener = (event: unknown, input: unknown) => Promise<Result<unknown>>;

function setup() {
  const registered = new Map<string, Listener>();
  const calls: Array<[string, unknown]> = [];
  registerIpc(
    { handle: (ch: string, fn: Listener) => registered.set(ch, fn) } as never,
    async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: 'dispatched' };
    },
    () => 7,
  );
  const ev = (id: number, url: string, parent: unknown = null) => ({ sender: { id }, senderFrame: { url, parent } });
  return { registered, calls, ev };
}

describe('handle() wrapper', () => {
  it('registers every channel of the contract through the wrapper', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('passes calls from our window showing app://radledger to the dispatcher', async () => {
    const { registered, calls, ev } = setup();
    const r = await registered.get('tracks.list')!(ev(7, 'app://radledger/index.html'), undefined);
    expect(r).toEqual({ ok: true, value: 'dispatched' });
    expect(calls).toEqual([['tracks.list', undefined]]);
  });

  it('rejects another web contents, another origin, and sub-frames before dispatching', async () => {
    const { registered, calls, ev } = setup();
    const list = registered.get('tracks.list')!;
    for (const e of [
      ev(8, 'app://radledger/index.html'),
      ev(7, 'https://evil.example/'),
      ev(7, 'file:///index.html'),
      ev(7, 'app://radledger/index.html', { url: 'app://radledger/' }),
    ]) {
      expect(await list(e, undefined)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });
});
