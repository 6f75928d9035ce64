// Spreadsheet safety for CSV exports: a cell that starts with = + - @ tab or carriage return is
// read as a formula by Excel, LibreOffice and Google Sheets (CSV injection, OWASP). Such cells get
// a leading apostrophe, which spreadsheets show as plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** UTF-8 byte order mark: Excel needs it to read UTF-8 CSV (accents, "é") correctly. */
export const UTF8_BOM = '\uFEFF';

/**
 * The columns of RadLedger's log CSV, in order. The header line is exported as one constant so an
 * import can recognise RadLedger's own export (and undo the neutralisation above) by it.
 */
export const LOG_CSV_COLUMNS = [
  'id',
  'date',
  'time',
  'discipline',
  'procedure',
  'procedure_id',
  'category',
  'site',
  'verifier',
  'simulated',
  'status',
  'counts',
  'reason',
  'signature',
  'notes',
] as const;
export const LOG_CSV_HEADER = LOG_CSV_COLUMNS.join(',');
