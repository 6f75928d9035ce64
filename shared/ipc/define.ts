// The building block of the IPC contract: a channel is a zod schema for its argument plus a
// phantom result type. Main, preload, preview server and renderer all derive from these.
import type { z } from 'zod';

export interface Channel<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: never set at run time, only carries the result type. */
  readonly __output?: O;
}

/** `channel<Result>()(inputSchema)`: curried so the result type is explicit and the input inferred. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
