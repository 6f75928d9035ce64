// Lets the user change the column mapping the paste parser detected, without a second parser.
//
// The shared parser (shared/catalog/paste-parser.ts) maps columns from a header row. To apply a
// mapping the user picked, we write a header row that says exactly that mapping (in the same cell
// separator as the paste) in place of the detected header, or above the first line when the paste
// had none, parse again, and shift line numbers back so they still match what the user pasted.
import Papa from 'papaparse';
import { parsePaste, type PasteColumns, type PasteFormat, type PasteOptions, type PasteResult } from '../../../shared/catalog/paste-parser';

export const COLUMN_ROLES = ['ignore', 'name', 'category', 'repetitions', 'kind', 'mandatoryMark', 'electiveMark'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export const ROLE_LABELS: Record<ColumnRole, string> = {
  ignore: 'Ignore',
  name: 'Procedure name',
  category: 'Category',
  repetitions: 'Repetitions',
  kind: 'Mandatory / elective',
  mandatoryMark: 'Mandatory (check mark)',
  electiveMark: 'Elective (check mark)',
};

/** Header words the parser recognises for each role (see findHeader in the parser). */
const HEADER_WORD: Record<ColumnRole, string> = {
  ignore: 'Ignored',
  name: 'Procedure',
  category: 'Category',
  repetitions: 'Repetitions',
  kind: 'Mandatory/Elective',
  mandatoryMark: 'Mandatory',
  electiveMark: 'Elective',
};

export function splitCells(line: string, format: PasteFormat): string[] {
  switch (format) {
    case 'tab':
      return line.split('\t').map((c) => c.trim());
    case 'csv':
      return (Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? []).map((c) => c.trim());
    case 'spaces':
      return line.trim().split(/\s{2,}/);
  }
}

function joinCells(cells: string[], format: PasteFormat): string {
  switch (format) {
    case 'tab':
      return cells.join('\t');
    case 'csv':
      return cells.join(',');
    case 'spaces':
      return cells.join('    ');
  }
}

export function rolesFromColumns(columns: PasteColumns | null, count: number): ColumnRole[] {
  const roles: ColumnRole[] = Array.from({ length: count }, () => 'ignore');
  if (!columns) return roles;
  for (const role of COLUMN_ROLES) {
    if (role === 'ignore') continue;
    const i = columns[role];
    if (i !== null && i < count) roles[i] = role;
  }
  return roles;
}

/** 0-based index of the line the parser took as the header, or -1. */
function headerLineIndex(lines: string[], firstRowLine: number | undefined): number {
  for (let i = 0; i < lines.length && (firstRowLine === undefined || i < firstRowLine - 1); i++) {
    const line = lines[i]!;
    if (line.trim() !== '' && parsePaste(line).columns !== null) return i;
  }
  return -1;
}

export interface MappedPaste {
  result: PasteResult;
  /** How many cells the widest line has (one dropdown per column). */
  columnCount: number;
  /** The role of each column: what was detected, or what the user picked. */
  roles: ColumnRole[];
  /** Cells of the header row the parser found, to label the dropdowns. */
  headerCells: string[] | null;
  /** A roles override could not be applied (the parser needs a name column plus one more). */
  overrideIgnored: boolean;
}

export function parseWithMapping(text: string, roles: ColumnRole[] | null, options: PasteOptions): MappedPaste {
  const detected = parsePaste(text, options);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const columnCount = Math.max(1, ...lines.filter((l) => l.trim() !== '').map((l) => splitCells(l, detected.format).length));
  const headerAt = headerLineIndex(lines, detected.rows[0]?.line ?? detected.unparsed[0]?.line);
  const headerCells = detected.columns && headerAt >= 0 ? splitCells(lines[headerAt]!, detected.format) : null;
  const base = { columnCount, headerCells };
  if (!roles) return { ...base, result: detected, roles: rolesFromColumns(detected.columns, columnCount), overrideIgnored: false };

  const usable = roles.includes('name') && roles.some((r) => r !== 'name' && r !== 'ignore');
  if (!usable) return { ...base, result: detected, roles, overrideIgnored: true };
  const header = joinCells(
    Array.from({ length: columnCount }, (_, i) => HEADER_WORD[roles[i] ?? 'ignore']),
    detected.format,
  );
  const shift = headerAt >= 0 ? 0 : 1;
  const rewritten = headerAt >= 0 ? lines.map((l, i) => (i === headerAt ? header : l)) : [header, ...lines];
  const r = parsePaste(rewritten.join('\n'), options);
  const result: PasteResult = {
    ...r,
    rows: r.rows.map((row) => ({ ...row, line: row.line - shift })),
    unparsed: r.unparsed.map((u) => ({ ...u, line: u.line - shift })),
  };
  return { ...base, result, roles, overrideIgnored: false };
}
