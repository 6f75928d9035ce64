// The catalog editor's pure draft model and the column-mapping override of the paste preview.
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../../../shared/catalog/builtin';
import { parsePaste } from '../../../../../shared/catalog/paste-parser';
import { catalogSchema, type Catalog } from '../../../../../shared/catalog/schema';
import {
  addRow,
  applyPaste,
  checkDraft,
  draftFrom,
  moveRow,
  setText,
  uniqueKey,
  type Draft,
} from '../../../../../renderer/components/catalogs/draft';
import { readableMessage, readablePath } from '../../../../../renderer/components/catalogs/issues';
import { parseWithMapping } from '../../../../../renderer/components/catalogs/paste-mapping';

const example = builtinCatalog('example-ct-like')!;
const mammo = builtinCatalog('arrt-m-2025-09')!;
const MINE = 'My ARRT worksheet (entered by me)';

const rowUid = (d: Draft, name: string) => d.categories.flatMap((c) => c.procedures).find((p) => p.name === name)!.uid;
const proc = (c: Catalog, name: string) => c.categories.flatMap((x) => x.procedures).find((p) => p.name === name)!;

describe('draft model', () => {
  it('turns an untouched catalog back into the same catalog, sources and ids unchanged', () => {
    const checked = checkDraft(draftFrom(example));
    expect(checked.issues).toEqual([]);
    expect(checked.parsed).toEqual(example);
  });

  it('marks a number the user changes as theirs, never as confirmed', () => {
    const base = draftFrom(example);
    expect(base.mySource).toBe(MINE);
    const c = checkDraft(setText(base, rowUid(base, 'Sinuses'), 'reps', '7')).parsed!;
    expect(proc(c, 'Sinuses').repetitionsRequired).toEqual({ value: 7, source: MINE, confirmed: false });
    // An untouched neighbour keeps its original source.
    expect(proc(c, 'Routine Head').repetitionsRequired!.source).toBe('Example value invented for demonstration; not an ARRT requirement');
  });

  it('places a bad count and a missing name at their cells and refuses to build', () => {
    const base = draftFrom(example);
    let d = setText(base, rowUid(base, 'Sinuses'), 'reps', '12a');
    d = setText(d, rowUid(d, 'Orbits'), 'name', '');
    const checked = checkDraft(d);
    expect(checked.parsed).toBeNull();
    const targets = checked.issues.map((i) => i.target);
    expect(targets).toContainEqual({ at: 'proc', uid: rowUid(base, 'Sinuses'), field: 'reps' });
    expect(targets).toContainEqual({ at: 'proc', uid: rowUid(base, 'Orbits'), field: 'name' });
    expect(checked.issues.find((i) => i.message.includes('12a'))!.message).toBe('"12a" is not a whole number.');
  });

  it('leaves a blank added row out and computes the procedures status', () => {
    const base = draftFrom(example);
    const { draft } = addRow(base, base.categories[0]!.uid);
    const c = checkDraft(draft).parsed!;
    expect(c.categories[0]!.procedures).toHaveLength(example.categories[0]!.procedures.length);
    expect(c.proceduresStatus).toBe('complete');
  });

  it('moves a row only within its category', () => {
    const base = draftFrom(example);
    const first = base.categories[1]!.procedures[0]!;
    expect(moveRow(base, first.uid, -1)).toEqual(base);
    const down = moveRow(base, first.uid, 1);
    expect(down.categories[1]!.procedures[1]!.uid).toBe(first.uid);
  });

  it('re-pasting reuses the ids of procedures with the same name, so logged entries stay linked', () => {
    const base = draftFrom(example);
    const paste = parsePaste('Head\nrouting typo\t4\tMandatory\nROUTINE HEAD\t12\tMandatory', { source: MINE });
    const c = checkDraft(applyPaste(base, paste, 'replace')).parsed!;
    expect(c.categories.map((x) => x.id)).toEqual(['head']);
    expect(proc(c, 'ROUTINE HEAD')).toMatchObject({ id: 'routine-head', repetitionsRequired: { value: 12, source: MINE, confirmed: false } });
    expect(proc(c, 'routing typo').id).toBe('routing-typo');
  });

  it('appends pasted rows to the category of the same name', () => {
    const base = draftFrom(example);
    const paste = parsePaste('Category\tProcedure\tRepetitions\tType\nhead\tFacial bones\t2\tElective', { source: MINE });
    const c = checkDraft(applyPaste(base, paste, 'append')).parsed!;
    expect(c.categories).toHaveLength(example.categories.length);
    expect(c.categories[0]!.procedures.at(-1)).toMatchObject({ id: 'facial-bones', kind: 'elective' });
  });

  it('keeps a confirmed ARRT rule when a pasted table states another number for it', () => {
    const paste = parsePaste('Screening mammogram\t10\tMandatory\nAt least 3 electives', { source: MINE });
    const d = applyPaste(draftFrom(mammo), paste, 'replace');
    const c = checkDraft(d).parsed!;
    expect(c.groupRules).toEqual(mammo.groupRules);
    expect(c.proceduresStatus).toBe('complete');
    expect(catalogSchema.safeParse(c).success).toBe(true);
  });

  it('gives a new custom catalog a key no other catalog uses', () => {
    expect(uniqueKey('School CT list', new Set(['school-ct-list', 'school-ct-list-2']))).toBe('school-ct-list-3');
    expect(uniqueKey('!!!', new Set())).toBe('item');
  });
});

describe('column mapping override', () => {
  const spaced = ['HEAD', 'Routine head      10     Mandatory', 'Sinus study       3      yes', 'Page 2 of 4'].join('\n');

  it('reads the detected layout when the user picks nothing', () => {
    const m = parseWithMapping(spaced, null, {});
    expect(m.columnCount).toBe(3);
    expect(m.roles).toEqual(['ignore', 'ignore', 'ignore']);
    // "yes" without a header naming its column cannot be read.
    expect(m.result.unparsed.map((u) => u.line)).toEqual([3, 4]);
  });

  it('applies the picked columns and keeps the line numbers of the paste', () => {
    const m = parseWithMapping(spaced, ['name', 'repetitions', 'kind'], {});
    expect(m.result.rows.map((r) => [r.line, r.category, r.name, r.repetitions, r.kind])).toEqual([
      [2, 'HEAD', 'Routine head', 10, 'mandatory'],
      [3, 'HEAD', 'Sinus study', 3, 'unknown'],
    ]);
    expect(m.result.unparsed.map((u) => u.line)).toEqual([4]);
  });

  it('replaces a detected header in place', () => {
    const text = 'Procedure\tReps\tNote\nRoutine head\t10\tMandatory';
    const detected = parseWithMapping(text, null, {});
    expect(detected.headerCells).toEqual(['Procedure', 'Reps', 'Note']);
    expect(detected.roles).toEqual(['name', 'repetitions', 'ignore']);
    const m = parseWithMapping(text, ['name', 'repetitions', 'kind'], {});
    expect(m.result.rows).toEqual([{ line: 2, category: 'General', name: 'Routine head', repetitions: 10, kind: 'mandatory' }]);
  });

  it('says so when a picked mapping has no name column', () => {
    const m = parseWithMapping(spaced, ['ignore', 'repetitions', 'kind'], {});
    expect(m.overrideIgnored).toBe(true);
    // The detected reading stays on screen meanwhile.
    expect(m.result.rows.map((r) => r.name)).toEqual(['Routine head']);
  });
});

describe('readable catalog issues', () => {
  it('names categories and procedures from the file and rewords zod', () => {
    expect(readablePath('categories.1.procedures.0.repetitionsRequired.value', example)).toBe(
      'category 2 (Neck and Spine) › procedure 1 (Soft Tissue Neck) › repetitions',
    );
    expect(readablePath('dailyCap', undefined)).toBe('daily entry cap');
    expect(readablePath('', undefined)).toBe('The file');
    expect(readableMessage('Too small: expected number to be >=1')).toBe('Use a whole number of 1 or more.');
    expect(readableMessage('Invalid input: expected object, received string')).toBe(
      'Expected a value with its source ({ "value", "source", "confirmed" }), found text.',
    );
    expect(readableMessage('Name the procedure.')).toBe('Name the procedure.');
  });
});

describe('a custom catalog’s own cap and window', () => {
  const custom: Catalog = { ...example, key: 'program-ct', kind: 'custom', label: null, discipline: 'CUSTOM', dailyCap: null, windowMonths: null };

  it('become sourced values with the user’s source; empty means none', () => {
    const d = { ...draftFrom(custom), mySource: 'Program handbook', dailyCap: '6', windowMonths: '18' };
    const checked = checkDraft(d);
    expect(checked.issues).toEqual([]);
    expect(checked.parsed!.dailyCap).toEqual({ value: 6, source: 'Program handbook', confirmed: false });
    expect(checked.parsed!.windowMonths).toEqual({ value: 18, source: 'Program handbook', confirmed: false });
    expect(checkDraft({ ...d, dailyCap: '', windowMonths: '' }).parsed).toMatchObject({ dailyCap: null, windowMonths: null });
  });

  it('a bad number is an issue at its field, and an ARRT catalog keeps ARRT’s rules whatever the draft holds', () => {
    const bad = checkDraft({ ...draftFrom(custom), dailyCap: 'x' });
    expect(bad.parsed).toBeNull();
    expect(bad.issues.map((i) => [i.target, i.message])).toEqual([[{ at: 'meta', field: 'dailyCap' }, '"x" is not a whole number.']]);
    const arrt = checkDraft({ ...draftFrom(mammo), dailyCap: '99' });
    expect(arrt.parsed!.dailyCap).toEqual(mammo.dailyCap);
  });
});
