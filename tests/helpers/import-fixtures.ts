// Spreadsheets shaped like the logs people really keep, generated with exceljs and plain text, for
// the import's unit and end-to-end tests. Dates are in 2025 (inside any 24-month window that ends
// in late 2026).
import ExcelJS from 'exceljs';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function xlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 1. Tidy: one sheet, header in row 1, real date cells, catalog names, a verifier column. */
export async function tidyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(['Date', 'Time', 'Procedure', 'Site', 'Verified by', 'Notes']);
  ws.addRow([utc(2025, 3, 3), '08:30', 'Routine Head', 'Mercy General', 'Dana Reyes, RT(R)(CT)', 'trauma protocol']);
  ws.addRow([utc(2025, 3, 3), '09:10', 'Routine Chest', 'Mercy General', 'dana reyes, rt(r)(ct)', '']);
  ws.addRow([utc(2025, 3, 5), '13:45', 'Sinuses', 'Valley Imaging', 'Lee Park', '']);
  return xlsx(wb);
}

/**
 * 2. Messy: the log is on the second sheet, under a merged title row and a blank row; dates are a
 * mix of date cells, an Excel serial and text ("Mar 4, 2025", "4 March 2025", "3/14/25", "3/4/25");
 * one date is merged down over two rows; the user's own procedure names and site spellings; a
 * Total row at the bottom.
 */
export async function messyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['CT clinical log — totals by month']);
  summary.addRow(['March', 8]);
  const ws = wb.addWorksheet('CT log 2025');
  ws.addRow(["Maria's CT log 2025"]);
  ws.mergeCells('A1:E1');
  ws.addRow([]);
  ws.addRow(['Exam Date', 'Exam', 'Facility', 'Verified by', 'Comments']);
  ws.addRow([utc(2025, 3, 3), 'CT head w/o', "St. Mary's", 'Dana Reyes', '']); // row 4
  ws.addRow(['Mar 4, 2025', 'CT head w/o', 'St Marys', 'Dana Reyes', '']); // row 5
  ws.addRow(['4 March 2025', 'CT chest routine', "St. Mary's", 'dana reyes', 'good study']); // row 6
  ws.addRow(['3/14/25', 'CTA chest PE', "St. Mary's", 'Lee Park', '']); // row 7
  ws.addRow([45725, 'CT sinus', 'Valley Imaging', 'Lee Park', '']); // row 8: Excel serial = 2025-03-09
  ws.addRow([utc(2025, 3, 17), 'CT head w/o', "St. Mary's", 'Dana Reyes', '']); // row 9
  ws.addRow([null, 'CT chest routine', "St. Mary's", 'Dana Reyes', '']); // row 10, date merged from row 9
  ws.mergeCells('A9:A10');
  ws.addRow(['3/4/25', 'CT sinus', 'Valley Imaging', 'Lee Park', '']); // row 11
  ws.addRow(['Total', 8]); // row 12
  return xlsx(wb);
}

/** The entries the messy workbook must become: [date, file procedure name, site]. */
export const MESSY_EXPECTED: Array<[string, string, string]> = [
  ['2025-03-03', 'CT head w/o', "St. Mary's"],
  ['2025-03-04', 'CT head w/o', 'St Marys'],
  ['2025-03-04', 'CT chest routine', "St. Mary's"],
  ['2025-03-14', 'CTA chest PE', "St. Mary's"],
  ['2025-03-09', 'CT sinus', 'Valley Imaging'],
  ['2025-03-17', 'CT head w/o', "St. Mary's"],
  ['2025-03-17', 'CT chest routine', "St. Mary's"],
  ['2025-03-04', 'CT sinus', 'Valley Imaging'],
];

/** 3. A Google Sheets CSV export: UTF-8 without BOM, CRLF, quoted commas and a line break in a note. */
export function googleSheetsCsv(): Buffer {
  return Buffer.from(
    [
      'Date,Time,Procedure,Site,Verifier,Notes',
      '3/21/2025,7:45 AM,Routine Head,Mercy General,Dana Reyes,"stroke alert, code called"',
      '3/22/2025,2:30 PM,Routine Chest,Mercy General,Dana Reyes,"repeat scan',
      'motion on first"',
      '3/24/2025,,Sinuses,"Valley Imaging, Suite 2",Lee Park,',
    ].join('\r\n') + '\r\n',
    'utf8',
  );
}

/** 4. A European Excel CSV: semicolons, day.month.year dates, Windows-1252 accents. */
export function europeanCsv(): Buffer {
  const text = [
    'Datum;Procedure;Site;Notes',
    '04.03.2025;Routine Head;Hôpital Saint-Éloi;à revoir',
    '25.03.2025;Routine Chest;Hôpital Saint-Éloi;',
    '02.04.2025;Sinuses;Clinique Nord;',
  ].join('\r\n');
  return Buffer.from(text, 'latin1'); // every character here is the same byte in Latin-1 and Windows-1252
}

/**
 * 5. Problems: an impossible date, a missing procedure, notes with a patient's MRN and date of birth,
 * and two identical rows that match one existing entry (2025-03-10 08:00 Routine Head at Mercy General).
 */
export function problemCsv(opts: { fixed: boolean }): Buffer {
  const rows = [
    'Date,Time,Procedure,Site,Notes',
    '2025-03-10,08:00,Routine Head,Mercy General,', // row 2: duplicate of the existing entry
    '2025-03-10,08:00,Routine Head,Mercy General,', // row 3: the same again: a second real procedure
    '2025-03-11,09:00,Routine Chest,Mercy General,pt MRN 12345678 DOB 01/02/1950', // row 4: PHI
    opts.fixed ? '2025-02-28,10:00,Sinuses,Mercy General,' : '2025-02-30,10:00,Sinuses,Mercy General,', // row 5
    opts.fixed ? '2025-03-12,11:00,Routine Head,Mercy General,' : '2025-03-12,11:00,,Mercy General,', // row 6
  ];
  return Buffer.from(rows.join('\n'), 'utf8');
}

/** The large workbook: `n` rows over 2025, a handful per day. */
export async function largeWorkbook(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(['Date', 'Procedure', 'Site']);
  const names = ['Routine Head', 'Routine Chest', 'Sinuses', 'Orbits'];
  for (let i = 0; i < n; i++) {
    ws.addRow([utc(2025, 1, 1 + Math.floor(i / 60)), names[i % 4], i % 3 ? 'Mercy General' : 'Valley Imaging']);
  }
  return xlsx(wb);
}
