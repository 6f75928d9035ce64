// Spreadsheet import (CSV, XLSX): a preview with a guessed column mapping, a check of every row with
// the same rules as the log form, then an all-or-nothing commit. The file travels as base64 on each
// call (stateless: the backend re-reads and re-checks it at commit, never trusting an earlier check).
import { z } from 'zod';
import type { BackupInfo } from './backups';
import { channel } from './define';
import { id } from './tracks';

export const IMPORT_FIELDS = ['date', 'time', 'procedure', 'site', 'notes', 'simulated', 'status'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  date: 'Date',
  time: 'Time',
  procedure: 'Procedure',
  site: 'Site',
  notes: 'Notes',
  simulated: 'Simulated',
  status: 'Status',
};

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['date', 'procedure'];

/** Which spreadsheet column (0-based) feeds each field; null = not imported. */
export const importMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(500).nullable()])) as Record<
    ImportField,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type ImportMapping = z.infer<typeof importMapping>;

export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const importFile = z.strictObject({
  fileName: z.string().trim().min(1).max(260, { abort: true }),
  dataBase64: z.string().min(1).max(Math.ceil((IMPORT_FILE_MAX_BYTES * 4) / 3) + 4, { message: 'The file is larger than 20 MB.', abort: true }),
});

export interface ImportPreview {
  format: 'csv' | 'xlsx';
  /** The header row as written in the file. */
  headers: string[];
  /** The mapping guessed from the headers; the user can change it. */
  mapping: ImportMapping;
  /** The first rows, as text, with their spreadsheet row numbers. */
  sample: Array<{ line: number; cells: string[] }>;
  rowCount: number;
}

export interface ImportRowProblem {
  /** The spreadsheet row number (the header is row 1). */
  line: number;
  messages: string[];
}

export interface ImportDuplicate {
  line: number;
  /** e.g. "2026-03-02 08:30 · CT Head · Mercy General" */
  summary: string;
}

export interface ImportCheck {
  rowCount: number;
  valid: number;
  problems: ImportRowProblem[];
  duplicates: ImportDuplicate[];
  /** Rows whose notes look like patient information: imported if the user goes on, but flagged. */
  phi: ImportRowProblem[];
}

export interface ImportResult {
  imported: number;
  skippedDuplicates: number;
  /** The backup taken just before the import: restoring it undoes the import. */
  backup: BackupInfo;
}

const importRun = importFile.extend({ trackId: id, mapping: importMapping });

export const importChannels = {
  'import.preview': channel<ImportPreview>()(importFile),
  'import.check': channel<ImportCheck>()(importRun),
  'import.commit': channel<ImportResult>()(importRun.extend({ skipDuplicates: z.boolean() })),
};
