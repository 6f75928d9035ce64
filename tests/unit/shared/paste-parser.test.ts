import { describe, expect, it } from 'vitest';
import { draftCatalog, parsePaste } from '../../../shared/catalog/paste-parser';
import { catalogSchema } from '../../../shared/catalog/schema';

// The same small worksheet, as it arrives from four places.
const spreadsheetCopy = [
  'Category\tProcedure\tRepetitions\tMandatory/Elective',
  'Head\tRoutine Head\t15\tMandatory',
  'Head\tTemporal Bones\t3\tElective',
  'Chest\tRoutine Chest\t10\tMandatory',
  'Chest\tCTA Chest (PE)\t5\tElective',
].join('\n');

const worksheetTabsWithMarks = [
  'Procedure\tMandatory\tElective\tRepetitions',
  'HEAD',
  'Routine Head\t✓\t\t15',
  'Temporal Bones\t\t✓\t3',
  '',
  'CHEST',
  'Routine Chest\tx\t\t10',
  'CTA Chest (PE)\t\tx\t5',
].join('\n');

const spacedColumns = [
  'Head',
  '  Routine Head          15      Mandatory',
  '  Temporal Bones         3      Elective',
  'Chest',
  '  Routine Chest         10      Mandatory',
  '  CTA Chest (PE)         5      Elective',
].join('\n');

const pdfText = [
  'Category: Head',
  'Routine Head 15 Mandatory',
  'Temporal Bones 3 Elective',
  'Page 2 of 9',
  'Category: Chest',
  'Routine Chest 10 Mandatory',
  'CTA Chest (PE) 5 Elective',
].join('\n');

const csv = [
  'Category,Procedure,Repetitions,Type',
  'Head,Routine Head,15,M',
  'Head,Temporal Bones,3,E',
  'Chest,Routine Chest,10,M',
  'Chest,"CTA Chest (PE)",5,E',
].join('\r\n');

const expected = [
  {
    id: 'head',
    name: 'Head',
    procedures: [
      { id: 'routine-head', name: 'Routine Head', kind: 'mandatory', repetitionsRequired: { value: 15, source: 'ARRT worksheet (pasted)', confirmed: false } },
      { id: 'temporal-bones', name: 'Temporal Bones', kind: 'elective', repetitionsRequired: { value: 3, source: 'ARRT worksheet (pasted)', confirmed: false } },
    ],
  },
  {
    id: 'chest',
    name: 'Chest',
    procedures: [
      { id: 'routine-chest', name: 'Routine Chest', kind: 'mandatory', repetitionsRequired: { value: 10, source: 'ARRT worksheet (pasted)', confirmed: false } },
      { id: 'cta-chest-pe', name: 'CTA Chest (PE)', kind: 'elective', repetitionsRequired: { value: 5, source: 'ARRT worksheet (pasted)', confirmed: false } },
    ],
  },
];

const lower = (cats: ReturnType<typeof parsePaste>['categories']) => cats.map((c) => ({ ...c, name: c.name[0] + c.name.slice(1).toLowerCase() }));

describe('paste parser', () => {
  it('reads a total written as one cell ("Total 180", e.g. one run of PDF text) as a rule, not a procedure', () => {
    const r = parsePaste(['Procedure\tRepetitions\tMandatory\tElective', 'Routine head\t15\tX\t', 'Total 180', 'Total repetitions: 200'].join('\n'));
    expect(r.rows.map((x) => x.name)).toEqual(['Routine head']);
    expect(r.rules.map((x) => x.count.value)).toEqual([180, 200]);
    expect(r.unparsed).toEqual([]);
  });

  it('reads a spreadsheet copy with a header row', () => {
    const r = parsePaste(spreadsheetCopy);
    expect(r.format).toBe('tab');
    expect(r.columns).toMatchObject({ category: 0, name: 1, repetitions: 2, kind: 3 });
    expect(r.categories).toEqual(expected);
    expect(r.unparsed).toEqual([]);
  });

  it('reads a worksheet with Mandatory/Elective check-mark columns and category lines', () => {
    const r = parsePaste(worksheetTabsWithMarks);
    expect(r.columns).toMatchObject({ name: 0, mandatoryMark: 1, electiveMark: 2, repetitions: 3 });
    expect(lower(r.categories)).toEqual(expected);
    expect(r.unparsed).toEqual([]);
  });

  it('reads columns separated by runs of spaces', () => {
    const r = parsePaste(spacedColumns);
    expect(r.format).toBe('spaces');
    expect(r.columns).toBeNull();
    expect(r.categories).toEqual(expected);
  });

  it('reads PDF text with single spaces and reports the page footer it skipped', () => {
    const r = parsePaste(pdfText);
    expect(r.categories).toEqual(expected);
    expect(r.unparsed).toEqual([{ line: 4, text: 'Page 2 of 9', reason: 'Looks like a page number or footer.' }]);
  });

  it('reads CSV with quoted cells and M/E codes', () => {
    const r = parsePaste(csv);
    expect(r.format).toBe('csv');
    expect(r.categories).toEqual(expected);
  });

  it('reports every line it cannot read, with its line number', () => {
    const text = ['Head', 'Routine Head\t15\tMandatory', 'Sinuses\t3-5\tElective', '\t12\t', 'A\tB\tC\tD', 'Orbits\t3\tElective', 'Neck\t✓\t\t5'].join('\n');
    const r = parsePaste(text);
    expect(r.rows.map((x) => x.name)).toEqual(['Routine Head', 'Orbits']);
    expect(r.unparsed).toEqual([
      { line: 3, text: 'Sinuses\t3-5\tElective', reason: '"3-5" is not a whole number of repetitions.' },
      { line: 4, text: '\t12\t', reason: 'There is no procedure name on this line.' },
      { line: 5, text: 'A\tB\tC\tD', reason: 'Too many text columns (4); paste with a header row naming the columns.' },
      { line: 7, text: 'Neck\t✓\t\t5', reason: 'A check mark without a header row: include the header line (Mandatory, Elective) in the paste.' },
    ]);
  });

  it('uses section lines for the kind, and reads totals and elective minimums as rules', () => {
    const text = ['Mandatory procedures', 'Routine Head  15', 'Elective procedures', 'Orbits  3', 'Candidates must complete at least 5 electives.', 'Total  125'].join('\n');
    const r = parsePaste(text);
    expect(r.rows.map((x) => [x.name, x.kind, x.repetitions])).toEqual([
      ['Routine Head', 'mandatory', 15],
      ['Orbits', 'elective', 3],
    ]);
    expect(r.rules.map((x) => [x.type, x.count.value])).toEqual([
      ['minElectives', 5],
      ['totalRepetitions', 125],
    ]);
  });

  it('produces a draft that validates against the catalog schema', () => {
    const r = parsePaste(spreadsheetCopy);
    const draft = draftCatalog(r, { key: 'my-ct', title: 'My CT worksheet', kind: 'arrt', discipline: 'CT', versionLabel: 'Current' });
    const parsed = catalogSchema.safeParse(draft);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.proceduresStatus).toBe('complete');
    // Rows without a kind leave the draft partial: the editor asks for the rest.
    const partial = draftCatalog(parsePaste('Routine Head  15'), { key: 'x', title: 'x', kind: 'custom', discipline: 'CUSTOM', versionLabel: '1' });
    expect(catalogSchema.parse(partial).proceduresStatus).toBe('partial');
  });
});
