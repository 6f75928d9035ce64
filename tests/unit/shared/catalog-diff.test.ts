// diffCatalogs: what a user reads when comparing two revisions.
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../shared/catalog/builtin';
import { diffCatalogs } from '../../../shared/catalog/diff';
import type { Catalog } from '../../../shared/catalog/schema';

const example = builtinCatalog('example-ct-like')!;

describe('diffCatalogs', () => {
  it('pairs a re-pasted procedure whose id changed by its name, and reports kind, count and category moves', () => {
    const next: Catalog = structuredClone(example);
    const [head, second] = next.categories;
    const routine = head!.procedures[0]!;
    routine.id = 'routine-head-2';
    routine.kind = 'elective';
    routine.repetitionsRequired = { value: 20, source: 'mine', confirmed: false };
    const moved = head!.procedures.splice(1, 1)[0]!;
    second!.procedures.push(moved);
    const d = diffCatalogs(example, next);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed.map((c) => [c.name, c.changes])).toEqual([
      ['Routine Head', ['mandatory → elective', 'repetitions 15 → 20']],
      [moved.name, [`moved from ${head!.name} to ${second!.name}`]],
    ]);
    expect(d.same).toBe(false);
  });

  it('lists rules that changed, and says "same" for identical catalogs', () => {
    expect(diffCatalogs(example, example)).toEqual({ added: [], removed: [], changed: [], rules: [], same: true });
    const next: Catalog = { ...structuredClone(example), dailyCap: null, groupRules: [] };
    expect(diffCatalogs(example, next).rules).toEqual(['Daily cap: 9 → not set', 'Electives: at least 5 → not set', 'Total repetitions: 100 → not set']);
  });
});
