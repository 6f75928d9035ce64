// Reads a requirements worksheet file (PDF, CSV or XLSX) into table text for the paste parser, so
// a file goes through exactly the same preview as a paste.
//
// PDF text comes from pdfjs-dist, kept offline and code-free:
//   - the legacy build (the one meant for Node), with its worker module imported here and handed
//     to pdfjs as `globalThis.pdfjsWorker`, so pdfjs runs its "fake worker" in this thread and
//     never fetches or spawns a worker script;
//   - `useWorkerFetch: false`, no cMapUrl, no standardFontDataUrl, no wasmUrl, no iccUrl: pdfjs
//     has no URL to load anything from (text extraction needs none of them);
//   - no eval: pdfjs 6 dropped its `isEvalSupported` code path (PostScript functions are
//     interpreted, never compiled with `new Function`); XFA, system fonts, OffscreenCanvas and
//     ImageDecoder are off;
//   - the document is given as bytes (`data`), never a URL.
// tests/unit/electron/core/worksheet/read.test.ts fails if extraction calls fetch.
import { trimEndRuns } from '../../../shared/text';
import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { WorksheetText } from '../../../shared/ipc/catalogs';
import { AppFailure } from '../../../shared/result';
import { cellText } from '../import/table';
import { pagesToText, type PageText } from './layout';

/** A worksheet is a few pages; a longer PDF is not one, and reading it would only cost time. */
export const MAX_PDF_PAGES = 40;
export const NO_TEXT_MESSAGE = 'This PDF has no text (it looks like a scan or a photo), so nothing can be read from it: paste the table or type it in the list.';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | null = null;

/** Loaded on first use (pdfjs is large), with its worker module in this thread. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

export function worksheetFormat(fileName: string, bytes: Buffer): WorksheetText['format'] {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (/\.pdf$/i.test(fileName)) throw new AppFailure('validation', 'This file is named like a PDF but is not one.');
  if (/\.xlsx?$/i.test(fileName)) throw new AppFailure('validation', 'This file is named like a spreadsheet but is not a valid .xlsx file.');
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new AppFailure('validation', 'This file is not a PDF, a CSV or an XLSX spreadsheet. Open the worksheet and copy the table instead.');
  }
  return 'csv';
}

export async function pdfPages(bytes: Buffer): Promise<PageText[]> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new AppFailure('validation', 'This PDF is protected by a password. Open it, copy the table and paste it instead.');
    throw new AppFailure('validation', 'This file could not be read as a PDF. Open it, copy the table and paste it instead.');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new AppFailure('validation', `This PDF has ${doc.numPages} pages; a requirements worksheet has a few. Copy the table and paste it instead.`);
    }
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.flatMap((item) =>
        'str' in item ? [{ text: item.str, x: Number(item.transform[4] ?? 0), y: Number(item.transform[5] ?? 0), width: item.width, height: item.height }] : [],
      );
      pages.push({ width: (page.view[2] ?? 612) - (page.view[0] ?? 0), runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

async function readPdf(bytes: Buffer): Promise<WorksheetText> {
  const pages = await pdfPages(bytes);
  const text = pagesToText(pages);
  if (text.replace(/\s/g, '').length === 0) throw new AppFailure('validation', NO_TEXT_MESSAGE);
  return { format: 'pdf', text, pages: pages.length };
}

/** UTF-8 when the bytes are valid UTF-8; otherwise the encoding chardet names (e.g. Windows-1252 from Excel). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const guess = chardet.detect(bytes) ?? 'windows-1252';
    try {
      return new TextDecoder(guess).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

const tabRow = (cells: string[]) => trimEndRuns(cells.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t'), '\t');

function readCsv(bytes: Buffer): WorksheetText {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  return { format: 'csv', text: parsed.data.map(tabRow).join('\n'), pages: null };
}

async function readXlsx(bytes: Buffer): Promise<WorksheetText> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppFailure('validation', 'This .xlsx file could not be read. Save it again from your spreadsheet program, or export it as CSV.');
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new AppFailure('validation', 'The workbook has no filled sheet.');
  const lines: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    lines.push(tabRow(Array.from(values.slice(1), (v) => cellText(v ?? null))));
  });
  return { format: 'xlsx', text: lines.join('\n'), pages: null };
}

export async function readWorksheet(fileName: string, bytes: Buffer): Promise<WorksheetText> {
  if (bytes.length === 0) throw new AppFailure('validation', 'The file is empty.');
  const format = worksheetFormat(fileName, bytes);
  const result = format === 'pdf' ? await readPdf(bytes) : format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (result.text.trim() === '') throw new AppFailure('validation', 'The file holds no text to read.');
  return result;
}
