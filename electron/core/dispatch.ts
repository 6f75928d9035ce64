// The transport-independent door to the backend. Electron's handle() wrapper and the preview
// server both call dispatch(); it parses the argument with the channel's zod schema before any
// service code runs and turns every outcome into a Result.
import { ZodError } from 'zod';
import { contract, isChannelName, type ChannelName } from '../../shared/ipc/contract';
import { fail, ok, AppFailure, type Result, type FieldIssue } from '../../shared/result';
import type { Ctx } from './context';
import type { HandlerMap } from './services/types';
import { handlers as defaultHandlers } from './services';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

type ZodIssue = ZodError['issues'][number];

function fieldIssues(issues: readonly ZodIssue[], prefix: PropertyKey[]): FieldIssue[] {
  return issues.flatMap((i): FieldIssue[] => {
    const at = [...prefix, ...i.path];
    // Strict objects: one issue per unknown key, at the key's own path, so a caller's typo is named.
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...at, key].join('.'), message: `Unknown field "${key}".` }));
    // A plain union that no branch accepted: report the branch that came closest (fewest issues),
    // at its fields, instead of one "Invalid input" for the whole value.
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const closest = i.errors.reduce((best, e) => (e.length < best.length ? e : best));
      if (closest.length > 0) return fieldIssues(closest, at);
    }
    return [{ path: at.join('.'), message: i.message }];
  });
}

export function zodIssues(err: ZodError): FieldIssue[] {
  return fieldIssues(err.issues, []);
}

export function toFailure(err: unknown): Result<never> {
  if (err instanceof AppFailure) return fail(err.kind, err.message, err.issues);
  if (err instanceof ZodError) {
    const issues = zodIssues(err);
    return fail('validation', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(' '), issues);
  }
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return fail('storage', 'The disk is full. Nothing was changed; free some space and try again.');
  }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return fail('storage', 'RadLedger cannot write to its data folder. Nothing was changed; check the folder permissions.');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return fail('corrupt-database', 'The data file is damaged. Nothing was changed.');
  }
  const message = err instanceof Error ? err.message : String(err);
  return fail('internal', `Something went wrong inside RadLedger: ${message}`);
}

export function createDispatcher(getCtx: () => Ctx, handlers: HandlerMap<ChannelName> = defaultHandlers): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) return fail('not-found', `Unknown channel "${String(channel)}".`);
    const parsed = contract[channel].input.safeParse(rawInput);
    if (!parsed.success) return toFailure(parsed.error);
    try {
      const handler = handlers[channel] as (ctx: Ctx, input: unknown) => unknown;
      return ok(await handler(getCtx(), parsed.data));
    } catch (err) {
      return toFailure(err);
    }
  };
}
