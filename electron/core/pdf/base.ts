// Shared pdfkit plumbing for RadLedger's documents: a Letter page with fixed margins, a table that
// repeats its header on every page, "Page n of m" footers written once the page count is known,
// and the finished file as bytes. Standard PDF fonts only (Helvetica, Courier): nothing to embed,
// text stays extractable (pdftotext), and the files open anywhere.
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 612, height: 792, margin: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Space kept free at the bottom of every page for the footer. */
const FOOTER_SPACE = 28;
export const BOTTOM = PAGE.height - PAGE.margin - FOOTER_SPACE;

export const INK = '#1e2326';
export const MUTED = '#5b6266';
export const RULE = '#b9b5aa';
export const SHADE = '#efede7';

export function createDoc(info: { title: string; subject: string; createdAt: Date; extra?: Record<string, string> }): Doc {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    bufferPages: true,
    // A fixed creation date (the service's clock) keeps files reproducible for a given log.
    info: { Title: info.title, Subject: info.subject, Creator: 'RadLedger', Producer: 'RadLedger', CreationDate: info.createdAt, ...info.extra },
  });
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  return doc;
}

/** Collects the PDF bytes; resolves when pdfkit has written the whole file. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Writes "Page n of m" and a left-hand footer on every buffered page. Call once, at the end. */
export function footers(doc: Doc, left: string): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit add a page: lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin - 10;
    doc.moveTo(PAGE.margin, y - 6).lineTo(PAGE.width - PAGE.margin, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(left, PAGE.margin, y, { width: CONTENT_WIDTH - 90, lineBreak: false });
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, PAGE.width - PAGE.margin - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor(INK);
  return range.count;
}

export interface Column<R> {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  cell: (row: R) => string;
}

const CELL_PAD = 4;

function drawHeader<R>(doc: Doc, columns: readonly Column<R>[], y: number): number {
  const h = 18;
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, h).fill(SHADE);
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK);
  let x = PAGE.margin;
  for (const c of columns) {
    doc.text(c.header, x + CELL_PAD, y + 5, { width: c.width - 2 * CELL_PAD, align: c.align ?? 'left', lineBreak: false });
    x += c.width;
  }
  doc.moveTo(PAGE.margin, y + h).lineTo(PAGE.margin + CONTENT_WIDTH, y + h).lineWidth(0.8).strokeColor(INK).stroke();
  return y + h;
}

/**
 * Draws a table from the current y, adding pages as needed; the header row is repeated at the top
 * of every page the table runs onto. Returns the y below the last row.
 */
export function table<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], opts: { onNewPage?: () => number } = {}): number {
  let y = drawHeader(doc, columns, doc.y);
  doc.font('Helvetica').fontSize(9);
  rows.forEach((row, index) => {
    const texts = columns.map((c) => c.cell(row));
    const heights = columns.map((c, i) => doc.heightOfString(texts[i] ?? '', { width: c.width - 2 * CELL_PAD }));
    const h = Math.max(16, Math.max(...heights) + 2 * CELL_PAD);
    if (y + h > BOTTOM) {
      doc.addPage();
      const top = opts.onNewPage?.() ?? PAGE.margin;
      y = drawHeader(doc, columns, top);
      doc.font('Helvetica').fontSize(9);
    }
    if (index % 2 === 1) doc.rect(PAGE.margin, y, CONTENT_WIDTH, h).fill('#f7f6f2');
    doc.fillColor(INK);
    let x = PAGE.margin;
    columns.forEach((c, i) => {
      doc.text(texts[i] ?? '', x + CELL_PAD, y + CELL_PAD, { width: c.width - 2 * CELL_PAD, align: c.align ?? 'left' });
      x += c.width;
    });
    y += h;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.3).strokeColor(RULE).stroke();
  });
  doc.x = PAGE.margin;
  doc.y = y + 8;
  return doc.y;
}

/** Moves to a new page unless `needed` points fit below the current position. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > BOTTOM) doc.addPage();
}

/** Label/value pairs in two columns, like the header of a paper form. */
export function facts(doc: Doc, pairs: ReadonlyArray<readonly [string, string]>): void {
  const colW = CONTENT_WIDTH / 2;
  const labelW = 92;
  for (let i = 0; i < pairs.length; i += 2) {
    const y = doc.y;
    let rowH = 0;
    for (let j = 0; j < 2; j++) {
      const pair = pairs[i + j];
      if (!pair) continue;
      const x = PAGE.margin + j * colW;
      doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text(pair[0], x, y, { width: labelW });
      doc.font('Helvetica').fontSize(10).fillColor(INK).text(pair[1], x + labelW, y - 1, { width: colW - labelW - 8 });
      rowH = Math.max(rowH, doc.y - y);
    }
    doc.y = y + rowH + 4;
  }
  doc.x = PAGE.margin;
}

/** A section heading with a rule under it. */
export function heading(doc: Doc, text: string): void {
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(11.5).fillColor(INK).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.6).strokeColor(RULE).stroke();
  doc.y = y + 6;
  doc.font('Helvetica').fontSize(10);
}
