// Spreadsheet import (CSV, XLSX): a preview that finds the sheet and the header row, a guessed
// column mapping, a check of every row with the same rules as the log form (dates read in the
// order the user confirms, names matched to the catalog, sites and verifiers), then a commit that
// is all or nothing and becomes an entry in the import history, undoable later. The file travels
// as base64 on each call (stateless: the backend re-reads and re-checks it at commit, never
// trusting an earlier check).
import { z } from 'zod';
import { DATE_ORDERS, type DateOrder, type OrderDetection } from '../import/dates';
import type { BackupInfo } from './backups';
import type { CapSource } from './entries';
import { channel } from './define';
import { id } from './tracks';

export const IMPORT_FIELDS = ['date', 'time', 'procedure', 'site', 'verifier', 'notes', 'simulated', 'status'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  date: 'Date',
  time: 'Time',
  procedure: 'Procedure',
  site: 'Site',
  verifier: 'Verifier',
  notes: 'Notes',
  simulated: 'Simulated',
  status: 'Status',
};

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['date', 'procedure'];

/** Which spreadsheet column (0-based) feeds each field; null = not imported. */
export const importMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(500).nullable().default(null)])) as Record<
    ImportField,
    z.ZodDefault<z.ZodNullable<z.ZodNumber>>
  >,
);
export type ImportMapping = z.output<typeof importMapping>;

export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const TEXT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
export const TEXT_ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8 (Unicode)',
  'windows-1252': 'Windows-1252 / Latin-1 (older Excel on Windows)',
};

/** How to read the file: which sheet, which row is the header, which text encoding. null = detect. */
export const importReadOptions = z.strictObject({
  sheet: z.number().int().min(0).max(200).nullable().default(null),
  /** The spreadsheet row number of the header row. */
  headerRow: z.number().int().min(1).max(1_000_000).nullable().default(null),
  encoding: z.enum(TEXT_ENCODINGS).nullable().default(null),
});
export type ImportReadOptions = z.output<typeof importReadOptions>;

export const importFile = z.strictObject({
  fileName: z.string().trim().min(1).max(260, { abort: true }),
  dataBase64: z.string().min(1).max(Math.ceil((IMPORT_FILE_MAX_BYTES * 4) / 3) + 4, { message: 'The file is larger than 20 MB.', abort: true }),
  read: importReadOptions.default({ sheet: null, headerRow: null, encoding: null }),
});

export interface ImportSheetInfo {
  index: number;
  name: string;
  /** Non-blank rows in the sheet. */
  rows: number;
  /** Whether a header row naming a date and a procedure column was found in it. */
  looksLikeLog: boolean;
}

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  /** CSV only: what was detected, and what was used to read the text. */
  encoding: { detected: TextEncoding; used: TextEncoding; detector: string | null } | null;
  sheets: ImportSheetInfo[];
  /** The sheet read (index into sheets). */
  sheet: number;
  /** The spreadsheet row number used as the header row. */
  headerRow: number;
  /** Whether headerRow was found by looking for column names (false: the first non-blank row). */
  headerDetected: boolean;
  /** The first rows of the sheet as written, so the user can see and pick the header row. */
  topRows: Array<{ line: number; cells: string[] }>;
  /** The header row as written in the file. */
  headers: string[];
  /** The mapping guessed from the headers; the user can change it. */
  mapping: ImportMapping;
  /** The first data rows, as text, with their spreadsheet row numbers. */
  sample: Array<{ line: number; cells: string[] }>;
  rowCount: number;
  /** What the date column (as guessed) says about the date order. */
  dateDetection: OrderDetection | null;
}

export interface ImportRowProblem {
  /** The spreadsheet row number. */
  line: number;
  messages: string[];
}

export interface ImportDuplicate {
  line: number;
  /** e.g. "2026-03-02 08:30 · CT Head · Mercy General" */
  summary: string;
}

export interface ImportPhiRow {
  line: number;
  message: string;
  notes: string;
  /** The notes with every flagged span replaced by [removed]. */
  cleaned: string;
}

export interface ImportProcedureName {
  /** As written in the file (the first spelling seen). */
  name: string;
  rows: number;
  /** What it will be saved as: a catalog procedure, or null = as written. */
  mappedTo: { id: string; name: string } | null;
  /** The mapping came from an earlier import's confirmed table. */
  remembered: boolean;
  suggestions: Array<{ id: string; name: string; score: number }>;
}

export interface ImportSiteName {
  name: string;
  rows: number;
  /** The site it will be saved under. */
  target: string;
  /** target is a site that already exists (false: it will be created). */
  existing: boolean;
  remembered: boolean;
  /** A similar existing site (or another name in this file) that may be the same place. */
  suggestion: string | null;
}

export interface ImportVerifierName {
  name: string;
  rows: number;
  /** The verifier record it matches (case-insensitively), or null: a record will be created. */
  existing: { id: number; name: string } | null;
}

export interface ImportCheck {
  rowCount: number;
  /** Rows that pass every check (including duplicates of existing entries). */
  valid: number;
  /** Entries the commit would write with these choices: valid minus skipped duplicates. */
  toImport: number;
  problems: ImportRowProblem[];
  duplicates: ImportDuplicate[];
  /** Rows whose notes look like patient information: cleaned or confirmed before the commit. */
  phi: ImportPhiRow[];
  /** Total / summary rows recognised and skipped. */
  summaryRows: Array<{ line: number; text: string }>;
  dateOrder: { used: DateOrder | null; detection: OrderDetection };
  /** The first rows as they will be saved (the date as read beside the cell as written). */
  sample: Array<{ line: number; rawDate: string; date: string | null; procedure: string; site: string | null; verifier: string | null }>;
  /** Rows dated before the track starts (refused unless the start moves). */
  beforeTrackStart: { rows: number; earliest: string; trackStart: string; trackName: string } | null;
  /** The track's catalog procedures (for mapping names), or null when it lists none. */
  catalog: { binding: boolean; procedures: Array<{ id: string; name: string; category: string }> } | null;
  procedures: ImportProcedureName[];
  sites: ImportSiteName[];
  verifiers: ImportVerifierName[];
  /** Days over ARRT's daily cap for the discipline once these rows are added. */
  overCapDays: Array<{ date: string; count: number; cap: number; source: CapSource }>;
}

export interface ImportResult {
  importId: number;
  imported: number;
  skippedDuplicates: number;
  skippedSummaryRows: number;
  /** The track's start date was moved to this day. */
  trackStartMovedTo: string | null;
  /** The backup taken just before the import (the history's undo is the usual way back). */
  backup: BackupInfo;
}

export interface ImportProgress {
  fileName: string;
  done: number;
  total: number;
}

export interface ImportHistoryItem {
  id: number;
  trackId: number;
  trackName: string;
  fileName: string;
  importedAt: string;
  rowsInFile: number;
  imported: number;
  skippedDuplicates: number;
  skippedSummaryRows: number;
  undoneAt: string | null;
  /** Entries of this import still in the log. */
  live: number;
  /** Of those, how many were edited after the import. */
  editedSince: number;
}

export const importChoices = z.strictObject({
  trackId: id,
  mapping: importMapping,
  dateOrder: z.enum(DATE_ORDERS).nullable().default(null),
  /** File procedure name (lower case) -> catalog procedure id; '' keeps the name as written. */
  procedureMap: z.record(z.string().max(300, { abort: true }), z.string().max(200, { abort: true })).default({}),
  /** File site name (lower case) -> the site name to save it under. */
  siteMap: z.record(z.string().max(300, { abort: true }), z.string().trim().max(200, { abort: true })).default({}),
  skipDuplicates: z.boolean().default(true),
  /** Move the track's start to the earliest row instead of refusing rows before it. */
  moveTrackStart: z.boolean().default(false),
});

const importRun = importFile.extend(importChoices.shape);

export const importCommitInput = importRun.extend({
  phi: z
    .strictObject({
      /** Rows whose flagged text is replaced by [removed]. */
      cleanLines: z.array(z.number().int().min(1)).max(1_000_000).default([]),
      cleanAll: z.boolean().default(false),
      /** The user read the flags and keeps the remaining notes as written. */
      keepConfirmed: z.boolean().default(false),
    })
    .default({ cleanLines: [], cleanAll: false, keepConfirmed: false }),
});

export const importChannels = {
  'import.preview': channel<ImportPreview>()(importFile),
  'import.check': channel<ImportCheck>()(importRun),
  'import.commit': channel<ImportResult>()(importCommitInput),
  /** The running commit's progress (null when none runs): the UI polls it. */
  'import.progress': channel<ImportProgress | null>()(z.strictObject({})),
  'import.history': channel<ImportHistoryItem[]>()(z.strictObject({})),
  /** Deletes the entries this import created that are still in the log; nothing else. */
  'import.undo': channel<{ deleted: number }>()(z.strictObject({ importId: id })),
};
