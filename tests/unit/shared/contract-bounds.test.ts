// Every string the contract accepts is bounded by a length check that stops the parse before any
// pattern, refinement or transform sees the value, and every object refuses unknown keys.
import { describe, expect, it } from 'vitest';
import { contract, CHANNEL_NAMES } from '../../../shared/ipc/contract';
import { abortingMaxLength, walkSchema } from '../../helpers/zod-walk';

describe('the IPC contract bounds its input', () => {
  it('finds strings and objects to check (the walker sees the contract)', () => {
    const walks = CHANNEL_NAMES.map((name) => walkSchema(contract[name].input));
    expect(walks.reduce((n, w) => n + w.strings.length, 0)).toBeGreaterThan(50);
    expect(walks.reduce((n, w) => n + w.objects.length, 0)).toBeGreaterThan(50);
  });

  it('every string has a max length that aborts the parse and runs before any pattern', () => {
    const unbounded: string[] = [];
    for (const name of CHANNEL_NAMES) {
      for (const leaf of walkSchema(contract[name].input).strings) {
        if (abortingMaxLength(leaf.schema) === null) unbounded.push(`${name}:${leaf.path.join('.') || '(input)'}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('every object is strict (unknown keys are refused, not dropped)', () => {
    const loose: string[] = [];
    for (const name of CHANNEL_NAMES) {
      for (const obj of walkSchema(contract[name].input).objects) {
        if (!obj.strict) loose.push(`${name}:${obj.path.join('.') || '(input)'}`);
      }
    }
    expect(loose).toEqual([]);
  });
});
