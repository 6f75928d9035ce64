// Turns table text pasted from the ARRT PDF or worksheet, or copied from a spreadsheet, into a
// catalog draft, so filling a catalog takes a minute. Pure; never throws on odd input: every line it
// cannot read is reported with its line number and why, for the preview.
//
// Exported API
//   parsePaste(text, options?) -> PasteResult
//       format    'tab' | 'csv' | 'spaces' (how cells were split)
//       columns   the header mapping found (column index per field), or null when there was no header
//       rows      one PastedRow per procedure line (line number, category, name, repetitions, kind)
//       categories  catalog-ready categories with procedure ids (schema Category shape)
//       rules     group rules found in the text ("Total 125", "at least 5 electives")
//       unparsed  { line, text, reason }[]
//   draftCatalog(result, meta) -> CatalogInput   a catalog to validate with catalogSchema and edit
//
// Understood layouts: tab-separated (spreadsheet copy, with or without a header row), CSV,
// columns separated by runs of spaces, and PDF text where single spaces separate "Name 15 Mandatory".
// Category lines are lines with text but no number ("HEAD", "Category: Chest", "Neck:"); "Mandatory
// procedures" / "Elective procedures" lines set the kind of the rows below them.
import { trimEndRuns, trimRuns } from '../text';
import type { CatalogInput, ProcedureKind } from './schema';

export type PasteFormat = 'tab' | 'csv' | 'spaces';

export interface PasteColumns {
  name: number | null;
  category: number | null;
  repetitions: number | null;
  /** One column holding "Mandatory"/"Elective" (or M/E). */
  kind: number | null;
  /** Worksheet style: a "Mandatory" and an "Elective" column with a check mark in one of them. */
  mandatoryMark: number | null;
  electiveMark: number | null;
}

export interface PastedRow {
  line: number;
  category: string;
  name: string;
  repetitions: number | null;
  kind: ProcedureKind;
}

export interface UnparsedLine {
  line: number;
  text: string;
  reason: string;
}

export interface PasteOptions {
  /** Kind for rows that do not say (default 'unknown': the editor then asks). */
  defaultKind?: ProcedureKind;
  /** Source recorded on every number (default "ARRT worksheet (pasted)"). */
  source?: string;
}

export interface PasteResult {
  format: PasteFormat;
  columns: PasteColumns | null;
  rows: PastedRow[];
  categories: NonNullable<CatalogInput['categories']>;
  rules: NonNullable<CatalogInput['groupRules']>;
  unparsed: UnparsedLine[];
}

const DEFAULT_CATEGORY = 'General';
const DEFAULT_SOURCE = 'ARRT worksheet (pasted)';

const MANDATORY_WORDS = new Set(['m', 'mand', 'mandatory', 'required', 'req', 'r']);
const ELECTIVE_WORDS = new Set(['e', 'elec', 'elective', 'optional', 'opt', 'o']);
const MARKS = /^(x|✓|✔|☑|•|\*|yes|y)$/i;
const NOISE = /^(page\s+\d+(\s+of\s+\d+)?|©.*|copyright\b.*|\d+\s*\/\s*\d+)$/i;
const SECTION = /^(mandatory|elective)(?:\s*(procedures|exams|examinations))?\s*:?$/i;
const TOTAL = /^total(\s+(repetitions|procedures|exams))?\s*:?$/i;
/** "Total 125" / "Total repetitions: 125" written as one cell (e.g. one run of PDF text). */
// The separator is "[space]:space" or spaces, as two alternatives: `\s*:?\s+` let the two runs of
// whitespace split a long run in every way (quadratic).
const TOTAL_LINE = /^total(\s+(repetitions|procedures|exams))?(?:\s*:\s+|\s+)(\d{1,4})$/i;
const MIN_ELECTIVES = /(?:at\s+least|minimum\s+of|min\.?)\s+(\d+)\s+(?:different\s+)?electives?/i;
const WHOLE = /^\d{1,4}$/;

function kindOf(cell: string): ProcedureKind | null {
  const w = cell.trim().toLowerCase().replace(/\.$/, '');
  if (MANDATORY_WORDS.has(w)) return 'mandatory';
  if (ELECTIVE_WORDS.has(w)) return 'elective';
  return null;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

function detectFormat(lines: string[]): PasteFormat {
  const content = lines.filter((l) => l.trim() !== '');
  if (content.some((l) => l.includes('\t'))) return 'tab';
  // CSV when most lines have a comma outside parentheses (names like "Spine (C, T, L)" alone are not).
  const commaLines = content.filter((l) => /,/.test(l.replace(/\([^()]*\)/g, ''))).length;
  return commaLines > 0 && commaLines >= content.length / 2 ? 'csv' : 'spaces';
}

function split(line: string, format: PasteFormat): string[] {
  switch (format) {
    case 'tab':
      return line.split('\t').map((c) => c.trim());
    case 'csv':
      return splitCsv(line);
    case 'spaces':
      return line.trim().split(/\s{2,}/);
  }
}

export function findHeader(cells: string[]): PasteColumns | null {
  const cols: PasteColumns = { name: null, category: null, repetitions: null, kind: null, mandatoryMark: null, electiveMark: null };
  cells.forEach((raw, i) => {
    const c = raw.toLowerCase();
    if (c === '') return;
    if (/repetition|reps\b|^#$|number|qty|quantity|count|^required$/.test(c)) cols.repetitions ??= i;
    else if (/mandatory\s*\/\s*elective|^type$|^status$|^m\s*\/\s*e$|requirement|^kind$/.test(c)) cols.kind ??= i;
    else if (/^mandatory$/.test(c)) cols.mandatoryMark ??= i;
    else if (/^elective$/.test(c)) cols.electiveMark ??= i;
    else if (/categor|section|body\s*part|^area$|^region$/.test(c)) cols.category ??= i;
    else if (/procedure|exam|^name$|^competenc/.test(c)) cols.name ??= i;
  });
  const found = [cols.category, cols.repetitions, cols.kind, cols.mandatoryMark, cols.electiveMark].filter((x) => x !== null).length;
  return cols.name !== null && found > 0 ? cols : null;
}

interface Cells {
  name: string;
  category: string | null;
  reps: string | null;
  kind: ProcedureKind | null;
}

/** A headerless row: the whole-number cell is the count, a kind word the kind, text cells name (and category before it). */
function inferCells(cells: string[]): Cells | { error: string } {
  let reps: string | null = null;
  let kind: ProcedureKind | null = null;
  const texts: string[] = [];
  for (const c of cells) {
    if (c === '') continue;
    if (MARKS.test(c)) return { error: 'A check mark without a header row: include the header line (Mandatory, Elective) in the paste.' };
    const k = kindOf(c);
    if (k && kind === null) kind = k;
    else if (/^\d/.test(c) && reps === null) reps = c;
    else texts.push(c);
  }
  if (texts.length === 0) return { error: 'There is no procedure name on this line.' };
  if (texts.length > 2) return { error: `Too many text columns (${texts.length}); paste with a header row naming the columns.` };
  return texts.length === 2 ? { category: texts[0]!, name: texts[1]!, reps, kind } : { category: null, name: texts[0]!, reps, kind };
}

/** PDF text with single spaces: "Routine Head 15 Mandatory", "Routine Head Mandatory 15", "Routine Head 15". */
function inferSpaced(line: string): Cells | null {
  const num = /^\d/;
  let m = lastWords(line, 2);
  if (m && num.test(m[1]!) && kindOf(m[2]!)) return { name: m[0], category: null, reps: m[1]!, kind: kindOf(m[2]!) };
  if (m && kindOf(m[1]!) && num.test(m[2]!)) return { name: m[0], category: null, reps: m[2]!, kind: kindOf(m[1]!) };
  m = lastWords(line, 1);
  if (m && num.test(m[1]!)) return { name: m[0], category: null, reps: m[1]!, kind: null };
  if (m && kindOf(m[1]!) && !/\d/.test(m[0])) return { name: m[0], category: null, reps: null, kind: kindOf(m[1]!) };
  return null;
}

/**
 * The last `n` whitespace-separated words of a line and the text before them, a trailing "." off
 * the last word: what /^(.+?)\s+(\S+)\s+(\S+?)\.?$/ captured, without its quadratic backtracking.
 */
function lastWords(line: string, n: number): [string, ...string[]] | null {
  if (line === '' || /\s/.test(line[line.length - 1]!)) return null;
  const parts = line.split(/(\s+)/); // words and the whitespace runs between them
  if (parts.length < 2 * n + 1) return null;
  const head = parts.slice(0, parts.length - 2 * n).join('');
  if (head === '') return null;
  const words = parts.slice(parts.length - 2 * n).filter((_, i) => i % 2 === 1);
  const last = words[n - 1]!;
  if (last.length > 1 && last.endsWith('.')) words[n - 1] = last.slice(0, -1);
  return [head, ...words];
}

export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const t = trimEndRuns(trimRuns(s, '-').slice(0, 60), '-');
  return t || 'item';
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

export function parsePaste(text: string, options: PasteOptions = {}): PasteResult {
  const defaultKind = options.defaultKind ?? 'unknown';
  const source = options.source ?? DEFAULT_SOURCE;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const format = detectFormat(lines);
  const rows: PastedRow[] = [];
  const unparsed: UnparsedLine[] = [];
  const rules: PasteResult['rules'] = [];
  let columns: PasteColumns | null = null;
  let category = DEFAULT_CATEGORY;
  let sectionKind: ProcedureKind | null = null;

  lines.forEach((rawLine, i) => {
    const lineNo = i + 1;
    const line = rawLine.trim();
    if (line === '') return;
    const skip = (reason: string) => unparsed.push({ line: lineNo, text: rawLine, reason });
    const cells = split(rawLine, format);
    const nonEmpty = cells.filter((c) => c !== '');
    const joined = nonEmpty.join(' ');

    if (columns === null && rows.length === 0) {
      const header = findHeader(cells);
      if (header) {
        columns = header;
        return;
      }
    }
    if (NOISE.test(joined)) return skip('Looks like a page number or footer.');
    const total = TOTAL_LINE.exec(joined);
    if (total) {
      rules.push({ type: 'totalRepetitions', count: { value: Number(total[3]), source, confirmed: false } });
      return;
    }
    const minElectives = MIN_ELECTIVES.exec(joined);
    if (minElectives) {
      rules.push({ type: 'minElectives', categoryId: null, count: { value: Number(minElectives[1]), source, confirmed: false } });
      return;
    }
    const section = SECTION.exec(joined);
    if (section) {
      sectionKind = section[1]!.toLowerCase() === 'mandatory' ? 'mandatory' : 'elective';
      return;
    }

    let cellsOf: Cells | { error: string } | null;
    const cols: PasteColumns | null = columns;
    if (cols) {
      const at = (k: number | null) => (k === null ? '' : (cells[k] ?? '').trim());
      const marked = (k: number | null) => MARKS.test(at(k)) || (k !== null && kindOf(at(k)) !== null);
      const kind = cols.kind !== null ? kindOf(at(cols.kind)) : marked(cols.mandatoryMark) ? 'mandatory' : marked(cols.electiveMark) ? 'elective' : null;
      const name = at(cols.name);
      const reps = at(cols.repetitions);
      const cat = at(cols.category);
      // A header table may still use category lines: one text cell and nothing else.
      const only = nonEmpty.length === 1 ? nonEmpty[0]! : null;
      cellsOf =
        only !== null && !/\d/.test(only) && kindOf(only) === null
          ? { name: '', category: only, reps: null, kind: null }
          : { name, category: cat || null, reps: reps || null, kind };
    } else if (nonEmpty.length === 1 && format === 'spaces') {
      cellsOf = inferSpaced(line) ?? (/\d/.test(line) ? null : { name: '', category: line, reps: null, kind: null });
    } else if (nonEmpty.length === 1) {
      cellsOf = /^\d/.test(line) ? { error: 'There is no procedure name on this line.' } : { name: '', category: line, reps: null, kind: null };
    } else {
      cellsOf = inferCells(cells);
    }

    if (cellsOf === null) return skip('Could not find a procedure name and a number of repetitions.');
    if ('error' in cellsOf) return skip(cellsOf.error);
    if (cellsOf.name === '') {
      if (cellsOf.category) {
        category = cellsOf.category.replace(/^category\s*:\s*/i, '').replace(/:$/, '').trim();
        return;
      }
      return skip('There is no procedure name on this line.');
    }
    if (TOTAL.test(cellsOf.name)) {
      if (cellsOf.reps && WHOLE.test(cellsOf.reps)) {
        rules.push({ type: 'totalRepetitions', count: { value: Number(cellsOf.reps), source, confirmed: false } });
        return;
      }
      return skip('A total line without a whole number.');
    }
    let reps: number | null = null;
    if (cellsOf.reps !== null) {
      if (!WHOLE.test(cellsOf.reps) || Number(cellsOf.reps) < 1) {
        return skip(`"${cellsOf.reps}" is not a whole number of repetitions.`);
      }
      reps = Number(cellsOf.reps);
    }
    if (cellsOf.category) category = cellsOf.category;
    rows.push({ line: lineNo, category, name: cellsOf.name, repetitions: reps, kind: cellsOf.kind ?? sectionKind ?? defaultKind });
  });

  return { format, columns, rows, categories: toCategories(rows, source), rules, unparsed };
}

function toCategories(rows: PastedRow[], source: string): PasteResult['categories'] {
  const usedCat = new Set<string>();
  const usedProc = new Set<string>();
  const byName = new Map<string, NonNullable<CatalogInput['categories']>[number]>();
  for (const r of rows) {
    let cat = byName.get(r.category.toLowerCase());
    if (!cat) {
      cat = { id: uniqueId(slugify(r.category), usedCat), name: r.category, procedures: [] };
      byName.set(r.category.toLowerCase(), cat);
    }
    cat.procedures!.push({
      id: uniqueId(slugify(r.name), usedProc),
      name: r.name,
      kind: r.kind,
      repetitionsRequired: r.repetitions === null ? null : { value: r.repetitions, source, confirmed: false },
    });
  }
  return [...byName.values()];
}

export interface DraftMeta {
  key: string;
  title: string;
  kind: 'arrt' | 'custom';
  discipline: NonNullable<CatalogInput['discipline']>;
  versionLabel: string;
  /** Rules (caps, window, dates) to keep from the catalog being filled, e.g. a shipped ARRT one. */
  base?: Partial<CatalogInput>;
}

/** A catalog ready for catalogSchema: 'complete' only when every row says mandatory or elective. */
export function draftCatalog(result: PasteResult, meta: DraftMeta): CatalogInput {
  const anyUnknown = result.rows.some((r) => r.kind === 'unknown' || r.repetitions === null);
  return {
    format: 1,
    effectiveDate: null,
    dailyCap: null,
    windowMonths: null,
    ...meta.base,
    key: meta.key,
    kind: meta.kind,
    title: meta.title,
    label: null,
    discipline: meta.discipline,
    versionLabel: meta.versionLabel,
    proceduresStatus: result.rows.length === 0 ? 'unknown' : anyUnknown ? 'partial' : 'complete',
    categories: result.categories,
    groupRules: [...(meta.base?.groupRules ?? []).filter((r) => !result.rules.some((p) => p.type === r.type)), ...result.rules],
  };
}
