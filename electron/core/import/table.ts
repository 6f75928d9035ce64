// Reads a spreadsheet (CSV or XLSX) into text cells with their row numbers. Everything becomes
// text here so CSV and XLSX go through exactly the same row rules afterwards. A workbook's sheets
// are all read; the sheet and the header row are then found (or chosen by the user): the sheet
// whose rows name a date and a procedure column, and in it the first such row (so a title row
// above the header is passed over).
import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportReadOptions, ImportSheetInfo, TextEncoding } from '../../../shared/ipc/import';
import { AppFailure } from '../../../shared/result';
import { headerScore } from './mapping';
import { LOG_CSV_COLUMNS, restoreNeutralisedCell } from '../../../shared/signoff/csv';

export interface SheetRow {
  /** Spreadsheet row number (1 = the first row of the sheet). */
  line: number;
  cells: string[];
}

export interface RawSheet {
  name: string;
  /** Every non-blank row. */
  rows: SheetRow[];
}

export interface Workbook {
  format: 'csv' | 'xlsx';
  encoding: { detected: TextEncoding; used: TextEncoding; detector: string | null } | null;
  sheets: RawSheet[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  sheetIndex: number;
  headerLine: number;
  headerDetected: boolean;
  headers: string[];
  /** The rows under the header. */
  rows: SheetRow[];
}

export function sheetFormat(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  // XLSX is a zip archive: "PK\x03\x04". Trust the bytes over the name.
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName)) throw new AppFailure('validation', 'This file is named like a spreadsheet but is not a valid .xlsx file.');
  return 'csv';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * UTF-8 when the bytes are valid UTF-8 (every ASCII file is); otherwise what chardet makes of them,
 * which for the files people export from older Excel is a single-byte Western encoding: read as
 * Windows-1252 (a superset of Latin-1's printable characters, with € and curly quotes).
 */
export function detectEncoding(bytes: Buffer): { encoding: TextEncoding; detector: string | null } {
  const detector = chardet.detect(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', detector };
  } catch {
    return { encoding: 'windows-1252', detector };
  }
}

export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}

export function readCsv(text: string): RawSheet {
  // Papa detects the delimiter: comma, or the semicolon of European Excel.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows = parsed.data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => !isBlank(r.cells));
  return { name: 'CSV', rows };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel stores dates and times as instants without a zone; exceljs gives them as UTC. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    // A time-only cell is a date on Excel's day zero (1899-12-30 or 1900-01-00).
    if (y < 1901) return `${two(value.getUTCHours())}:${two(value.getUTCMinutes())}`;
    return `${y}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<RawSheet[]> {
  // Loaded on first use: exceljs takes ~0.4 s to load, which every app start would otherwise pay.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppFailure('validation', 'This .xlsx file could not be read. Save it again from your spreadsheet program, or export it as CSV.');
  }
  if (wb.worksheets.length === 0) throw new AppFailure('validation', 'The workbook has no sheets.');
  return wb.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      // row.values gives a merged cell's value in every cell it covers. Down a column that is
      // wanted (a date merged over three rows dates all three); across a row it is not (a title
      // merged over A1:E1, a note over two columns): there the value stays in its first cell.
      const values = row.values as ExcelJS.CellValue[]; // 1-based
      // Array.from, not map: a sparse row has holes that map would skip.
      const cells = Array.from(values.slice(1), (v, i) => {
        const cell = row.getCell(i + 1);
        if (cell.isMerged && cell.master !== cell && cell.master.row === cell.row) return '';
        return cellText(v ?? null);
      });
      if (!isBlank(cells)) rows.push({ line, cells });
    });
    return { name: ws.name, rows };
  });
}

export async function readWorkbook(fileName: string, bytes: Buffer, encoding: TextEncoding | null): Promise<Workbook> {
  if (sheetFormat(fileName, bytes) === 'xlsx') return { format: 'xlsx', encoding: null, sheets: await readXlsx(bytes) };
  const detected = detectEncoding(bytes);
  const used = encoding ?? detected.encoding;
  return { format: 'csv', encoding: { detected: detected.encoding, used, detector: detected.detector }, sheets: [readCsv(decodeText(bytes, used))] };
}

/** Rows looked at when searching for the header row. */
const HEADER_SEARCH_ROWS = 25;

function findHeader(rows: readonly SheetRow[]): { at: number; score: number } {
  let best = { at: -1, score: 0 };
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const score = headerScore(r.cells);
    if (score > best.score) best = { at: i, score };
  });
  return best;
}

export function sheetInfos(wb: Workbook): ImportSheetInfo[] {
  return wb.sheets.map((s, index) => ({ index, name: s.name, rows: s.rows.length, looksLikeLog: findHeader(s.rows).score >= 2 }));
}

/** The sheet and header row the user chose, or the ones that look like a log. */
export function selectSheet(wb: Workbook, options: ImportReadOptions): Sheet {
  let index = options.sheet;
  if (index === null) {
    // The sheet with the best header; the first one on a tie (or when none looks like a log).
    let bestScore = -1;
    index = 0;
    wb.sheets.forEach((s, i) => {
      const score = findHeader(s.rows).score;
      if (score > bestScore) [bestScore, index] = [score, i];
    });
  }
  const sheet = wb.sheets[index];
  if (!sheet) throw new AppFailure('validation', 'That sheet is not in the workbook.');
  if (sheet.rows.length === 0) throw new AppFailure('validation', `The sheet "${sheet.name}" is empty.`);
  let at: number;
  let detected = false;
  if (options.headerRow !== null) {
    at = sheet.rows.findIndex((r) => r.line === options.headerRow);
    if (at < 0) throw new AppFailure('validation', `Row ${options.headerRow} is empty or not in the sheet; choose another header row.`);
  } else {
    const found = findHeader(sheet.rows);
    detected = found.score >= 2;
    at = detected ? found.at : 0;
  }
  const header = sheet.rows[at]!;
  return {
    format: wb.format,
    sheetIndex: index,
    headerLine: header.line,
    headerDetected: detected,
    headers: header.cells.map((h) => h.trim()),
    rows: sheet.rows.slice(at + 1),
  };
}

/** True when the header is exactly the one RadLedger's own CSV export writes. */
export function isOwnExport(sheet: Sheet): boolean {
  return sheet.format === 'csv' && sheet.headers.length === LOG_CSV_COLUMNS.length && sheet.headers.every((h, i) => h === LOG_CSV_COLUMNS[i]);
}

export async function readSheet(fileName: string, bytes: Buffer, options: ImportReadOptions): Promise<{ workbook: Workbook; sheet: Sheet }> {
  const workbook = await readWorkbook(fileName, bytes, options.encoding);
  const sheet = selectSheet(workbook, options);
  if (!isOwnExport(sheet)) return { workbook, sheet };
  // Our own export: undo its formula neutralisation, so "'+1+1" comes back as "+1+1".
  return { workbook, sheet: { ...sheet, rows: sheet.rows.map((r) => ({ line: r.line, cells: r.cells.map(restoreNeutralisedCell) })) } };
}
