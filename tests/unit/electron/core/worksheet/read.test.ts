// Worksheet files (PDF, CSV, XLSX) read into table text and through the paste parser, on PDFs
// generated in an ARRT-like layout. The PDFs are also read back with pdftotext, so the fixtures are
// known to hold the text we expect to extract.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NO_TEXT_MESSAGE, readWorksheet } from '../../../../../electron/core/worksheet/read';
import { parsePaste } from '../../../../../shared/catalog/paste-parser';
import { AppFailure } from '../../../../../shared/result';
import { scannedWorksheetPdf, TABLE_ROWS, tableWorksheetPdf, twoColumnWorksheetPdf } from '../../../../helpers/worksheet-pdfs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'radledger-worksheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

function pdftotext(bytes: Buffer): string {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppFailure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('PDF worksheets', () => {
  it('reads a table spread over two pages: every row once, in order, with its category, count and kind', async () => {
    const pdf = await tableWorksheetPdf();
    const seen = pdftotext(pdf);
    expect(seen).toContain('Page 2 of 2');
    expect(seen).toContain('Virtual cystoscopy');

    // fetch must never be called: pdfjs has no URL to load fonts, cmaps or a worker from.
    const fetchSpy = vi.fn(() => {
      throw new Error('network used');
    });
    vi.stubGlobal('fetch', fetchSpy);
    const read = await readWorksheet('ct-worksheet.pdf', pdf);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(read).toMatchObject({ format: 'pdf', pages: 2 });
    // Running header, page footers and the repeated table header are gone.
    expect(read.text).not.toMatch(/Page \d of 2/);
    expect(read.text).not.toContain('test fixture');
    expect(read.text.match(/^Procedure\tRepetitions\tMandatory\tElective$/gm)).toHaveLength(1);

    const parsed = parsePaste(read.text);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rows.map((r) => ({ category: r.category, name: r.name, repetitions: r.repetitions, kind: r.kind }))).toEqual(TABLE_ROWS);
    expect(parsed.rules).toEqual([{ type: 'totalRepetitions', count: { value: 180, source: 'ARRT worksheet (pasted)', confirmed: false } }]);
  });

  it('reads a two-column page left column first, without mixing the rows of the two tables', async () => {
    const pdf = await twoColumnWorksheetPdf();
    // pdftotext -layout shows the two tables side by side on the same lines.
    expect(pdftotext(pdf)).toMatch(/Brain routine.*Cervical spine/);
    const parsed = parsePaste((await readWorksheet('mr.pdf', pdf)).text);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rows.map((r) => `${r.category} · ${r.name} · ${r.repetitions} · ${r.kind}`)).toEqual([
      'HEAD · Brain routine · 10 · mandatory',
      'HEAD · Pituitary · 3 · elective',
      'HEAD · Internal auditory canals · 3 · elective',
      'NECK · Soft tissue neck · 5 · mandatory',
      'NECK · MR angiography neck · 5 · elective',
      'SPINE · Cervical spine · 10 · mandatory',
      'SPINE · Thoracic spine · 5 · mandatory',
      'SPINE · Lumbar spine · 10 · mandatory',
      'SPINE · Sacrum · 3 · elective',
    ]);
  });

  it('says plainly that a scanned (image-only) PDF has no text', async () => {
    const pdf = await scannedWorksheetPdf();
    expect(pdftotext(pdf).trim()).toBe('');
    const err = await failureOf(readWorksheet('scan.pdf', pdf));
    expect(err.kind).toBe('validation');
    expect(err.message).toBe(NO_TEXT_MESSAGE);
    expect(err.message).toMatch(/^This PDF has no text/);
    expect(err.message).toMatch(/paste the table or type it/);
  });

  it('refuses a damaged PDF and a file that is only named like one', async () => {
    const pdf = await tableWorksheetPdf();
    const damaged = Buffer.concat([pdf.subarray(0, 200), Buffer.alloc(200, 0x20)]);
    expect((await failureOf(readWorksheet('w.pdf', damaged))).message).toMatch(/could not be read as a PDF|has no text/);
    expect((await failureOf(readWorksheet('w.pdf', Buffer.from('hello')))).message).toBe('This file is named like a PDF but is not one.');
  });
});

describe('spreadsheet worksheets', () => {
  it('reads a CSV (quoted commas, Windows-1252 accents) into tab-separated rows for the parser', async () => {
    const csv = 'Category,Procedure,Repetitions,Mandatory/Elective\r\nHead,"Sinus, limited",10,Mandatory\r\nHead,Orbits (caf\xe9),5,Elective\r\n';
    const read = await readWorksheet('list.csv', Buffer.from(csv, 'latin1'));
    expect(read.format).toBe('csv');
    const parsed = parsePaste(read.text);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rows.map((r) => [r.category, r.name, r.repetitions, r.kind])).toEqual([
      ['Head', 'Sinus, limited', 10, 'mandatory'],
      ['Head', 'Orbits (café)', 5, 'elective'],
    ]);
  });

  it('reads the first filled sheet of an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    const ws = wb.addWorksheet('Requirements');
    ws.addRow(['Procedure', 'Repetitions', 'Mandatory', 'Elective']);
    ws.addRow(['CHEST']);
    ws.addRow(['Routine chest', 15, 'X', null]);
    ws.addRow(['Cardiac calcium scoring', 3, null, 'X']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readWorksheet('list.xlsx', bytes);
    expect(read.format).toBe('xlsx');
    const parsed = parsePaste(read.text);
    expect(parsed.unparsed).toEqual([]);
    expect(parsed.rows.map((r) => [r.category, r.name, r.repetitions, r.kind])).toEqual([
      ['CHEST', 'Routine chest', 15, 'mandatory'],
      ['CHEST', 'Cardiac calcium scoring', 3, 'elective'],
    ]);
  });

  it('refuses an empty file and a binary file that is none of the three', async () => {
    expect((await failureOf(readWorksheet('a.csv', Buffer.alloc(0)))).message).toBe('The file is empty.');
    expect((await failureOf(readWorksheet('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2])))).message).toMatch(/not a PDF, a CSV or an XLSX/);
  });
});
