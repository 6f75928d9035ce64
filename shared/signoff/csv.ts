// Spreadsheet safety for CSV exports: a cell that starts with = + - @ tab or carriage return is
// read as a formula by Excel, LibreOffice and Google Sheets (CSV injection, OWASP). Such cells get
// a leading apostrophe, which spreadsheets show as plain text.
//
// So that RadLedger's own export imports back to the original text, the apostrophe is reversible:
// a value that already starts with apostrophes before a formula character ("'=x") gets one more
// too, and `restoreNeutralisedCell` takes exactly one off. The import applies it only to files
// that carry the export's own header (see docs/export-format.md); a foreign file's cells are kept
// as the text they are, and neutralised again whenever they are exported.
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return NEEDS_APOSTROPHE.test(value) ? `'${value}` : value;
}

/** The inverse of neutraliseCell, for cells of RadLedger's own export only. */
export function restoreNeutralisedCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
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
