// Calling the real backend from tests: unwrap a Result or fail loudly with its error.
import type { Backend } from '../../electron/core/backend';
import type { ChannelName, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

/** Dispatches a typed call and returns its value; throws with the channel and message on failure. */
export async function call<K extends ChannelName>(b: Backend, channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = (await b.dispatch(channel, input)) as Result<OutputOf<K>>;
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
  return r.value;
}

/** The value of a successful Result; throws with the error kind and message otherwise. */
export function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value as T;
}
