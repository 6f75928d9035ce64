// Reads a spreadsheet (CSV or XLSX) into text cells with their row numbers. Everything becomes
// text here so CSV and XLSX go through exactly the same row rules afterwards.
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppFailure } from '../../../shared/result';
import { restoreNeutralisedCell } from '../../../shared/signoff/csv';
import { LOG_CSV_HEADER } from '../services/documents';

export interface SheetRow {
  /** Spreadsheet row number: the header is row 1. */
  line: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

export function sheetFormat(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  // XLSX is a zip archive: "PK\x03\x04". Trust the bytes over the name.
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName)) throw new AppFailure('validation', 'This file is named like a spreadsheet but is not a valid .xlsx file.');
  return 'csv';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function splitHeader(all: SheetRow[]): { headers: string[]; rows: SheetRow[] } {
  const headerAt = all.findIndex((r) => !isBlank(r.cells));
  if (headerAt < 0) throw new AppFailure('validation', 'The file is empty.');
  const headers = all[headerAt]!.cells.map((h) => h.trim());
  const rows = all.slice(headerAt + 1).filter((r) => !isBlank(r.cells));
  return { headers, rows };
}

export function readCsv(text: string): Sheet {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const all: SheetRow[] = parsed.data.map((cells, i) => ({ line: i + 1, cells }));
  return { format: 'csv', ...splitHeader(all) };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel stores dates and times as instants without a zone; exceljs gives them as UTC. */
function cellText(value: ExcelJS.CellValue): string {
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

export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  // Loaded on first use: exceljs takes ~0.4 s to load, which every app start would otherwise pay.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppFailure('validation', 'This .xlsx file could not be read. Save it again from your spreadsheet program, or export it as CSV.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppFailure('validation', 'The workbook has no sheets.');
  const all: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    // Array.from, not map: a sparse row has holes that map would skip.
    all.push({ line, cells: Array.from(values.slice(1), (v) => cellText(v ?? null)) });
  });
  return { format: 'xlsx', ...splitHeader(all) };
}

/** True when the header is exactly the one RadLedger's own CSV export writes. */
export function isOwnExport(sheet: Sheet): boolean {
  return sheet.format === 'csv' && sheet.headers.length === LOG_CSV_HEADER.length && sheet.headers.every((h, i) => h === LOG_CSV_HEADER[i]);
}

export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet> {
  const sheet = sheetFormat(fileName, bytes) === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes.toString('utf8'));
  if (!isOwnExport(sheet)) return sheet;
  // Our own export: undo its formula neutralisation, so "'+1+1" comes back as "+1+1".
  return { ...sheet, rows: sheet.rows.map((r) => ({ line: r.line, cells: r.cells.map(restoreNeutralisedCell) })) };
}
