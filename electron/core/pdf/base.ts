// Shared pdfkit plumbing for RadLedger's documents: a Letter page with fixed margins, the embedded
// Unicode font, a table that sizes its columns to its text and repeats its header on every page,
// headings that keep their first lines with them, "Page n of m" footers written once the page
// count is known, and the finished file as bytes. Every PDF RadLedger writes starts with
// createDoc(), so every PDF gets the same font (docs/decisions.md, "PDF font").
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

/**
 * Font names registered on every document (DejaVu, from the dejavu-fonts-ttf package). pdfkit
 * embeds each as a subset (only the glyphs the document uses) with a ToUnicode map, so any name
 * a person can type prints and copies back as typed. Never use pdfkit's built-in fonts
 * (Helvetica, Times, Courier): they are Latin-1 only and print "Nguyễn" or "Łukasz" wrongly.
 */
export const FONT = {
  regular: 'RL-Sans',
  bold: 'RL-Sans-Bold',
  oblique: 'RL-Sans-Oblique',
  mono: 'RL-Mono',
  /** DejaVu Sans Condensed: table cells, where width is scarce (about 10% narrower, same design). */
  condensed: 'RL-Sans-Condensed',
  condensedBold: 'RL-Sans-Condensed-Bold',
} as const;

/** The files, in the package's ttf/ folder (electron-builder.yml keeps exactly these in the app). */
export const FONT_FILES: Record<keyof typeof FONT, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
};

/**
 * The folder holding the TTF files. Resolved like a module, so it works from the sources (tests,
 * the preview server), from the esbuild bundle (dist/electron/main.cjs; the package is external
 * and import.meta.url is defined by scripts/build-electron.mjs) and from the packaged app, where
 * the package sits in app.asar (Electron's fs reads files inside an asar archive).
 */
function fontDir(): string {
  const req = createRequire(import.meta.url);
  return path.join(path.dirname(req.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

let fontCache: Record<keyof typeof FONT, Buffer> | null = null;

/** The font files' bytes, read once per process. */
export function fontBytes(): Record<keyof typeof FONT, Buffer> {
  if (!fontCache) {
    const dir = fontDir();
    const read = (key: keyof typeof FONT) => fs.readFileSync(path.join(dir, FONT_FILES[key]));
    fontCache = {
      regular: read('regular'),
      bold: read('bold'),
      oblique: read('oblique'),
      mono: read('mono'),
      condensed: read('condensed'),
      condensedBold: read('condensedBold'),
    };
  }
  return fontCache;
}

export const PAGE = { width: 612, height: 792, margin: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Space kept free at the bottom of every page for the footer. */
const FOOTER_SPACE = 28;
export const BOTTOM = PAGE.height - PAGE.margin - FOOTER_SPACE;

export const INK = '#1e2326';
export const MUTED = '#5b6266';
export const RULE = '#b9b5aa';
export const SHADE = '#efede7';
const ZEBRA = '#f7f6f2';
/** Tint of a row that needs the reader's attention (e.g. over ARRT's daily cap). */
export const WARN_FILL = '#fbe9d0';
export const WARN_INK = '#9a4a00';

/** pdfkit's built-in (standard 14) font names; createDoc maps them to DejaVu (see there). */
const BUILT_IN_FONTS: Record<string, keyof typeof FONT> = {
  Helvetica: 'regular',
  'Helvetica-Bold': 'bold',
  'Helvetica-Oblique': 'oblique',
  'Helvetica-BoldOblique': 'bold',
  'Times-Roman': 'regular',
  'Times-Bold': 'bold',
  'Times-Italic': 'oblique',
  'Times-BoldItalic': 'bold',
  Courier: 'mono',
  'Courier-Bold': 'mono',
  'Courier-Oblique': 'mono',
  'Courier-BoldOblique': 'mono',
};

/**
 * Registers the FONT names (and, unless kept, the built-in names as DejaVu) on a document. createDoc
 * does this; a document that needs its own page setup (the landscape review form) calls it itself.
 */
export function registerFonts(doc: Doc, keepBuiltInFonts: boolean): void {
  const fonts = fontBytes();
  for (const key of Object.keys(FONT) as Array<keyof typeof FONT>) doc.registerFont(FONT[key], fonts[key]);
  if (!keepBuiltInFonts) for (const [name, key] of Object.entries(BUILT_IN_FONTS)) doc.registerFont(name, fonts[key]);
}

export function createDoc(info: {
  title: string;
  subject: string;
  createdAt: Date;
  extra?: Record<string, string>;
  /**
   * By default the built-in font names (Helvetica, Times, Courier) are registered as DejaVu too, so
   * code that names them still prints any name right. A fillable form may need pdfkit's real
   * Helvetica for its fields (a viewer draws typed values with the field's font, and a subset
   * only has the glyphs already printed): such a document passes true and names FONT.* for its text.
   */
  keepBuiltInFonts?: boolean;
}): Doc {
  const doc = new PDFDocument({
    size: 'LETTER',
    // The bottom margin keeps the footer's band free: text that flows onto a new page breaks above it.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.height - BOTTOM },
    bufferPages: true,
    // No built-in default font (pdfkit would otherwise load Helvetica and write it into the file).
    font: null as unknown as string,
    // A fixed creation date (the service's clock) keeps files reproducible for a given log.
    info: { Title: info.title, Subject: info.subject, Creator: 'RadLedger', Producer: 'RadLedger', CreationDate: info.createdAt, ...info.extra },
  });
  registerFonts(doc, info.keepBuiltInFonts ?? false);
  doc.font(FONT.regular).fontSize(10).fillColor(INK);
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
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(left, PAGE.margin, y, { width: CONTENT_WIDTH - 90, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, PAGE.width - PAGE.margin - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.fillColor(INK);
  return range.count;
}

/** Moves to a new page unless `needed` points fit below the current position. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > BOTTOM) {
    doc.addPage();
    doc.x = PAGE.margin;
    doc.y = PAGE.margin;
  }
}

/** What a page holds below the top margin, for "does this block fit on an empty page". */
const PAGE_SPACE = BOTTOM - PAGE.margin;

interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  /** Points from the left margin. */
  indent?: number;
}

/**
 * A paragraph at the left margin. A paragraph that fits on one page is never split: when it does
 * not fit below the current position it starts the next page (no lone first or last line).
 */
export function paragraph(doc: Doc, text: string, style: TextStyle = {}): void {
  const indent = style.indent ?? 0;
  const width = CONTENT_WIDTH - indent;
  doc.font(style.font ?? FONT.regular).fontSize(style.size ?? 9.5).fillColor(style.color ?? INK);
  const h = doc.heightOfString(text, { width });
  if (h <= PAGE_SPACE / 3) ensureSpace(doc, h);
  doc.text(text, PAGE.margin + indent, doc.y, { width });
  doc.x = PAGE.margin;
}

/** Height of the first `lines` lines of a paragraph in a style: what a heading keeps with it. */
export function linesHeight(doc: Doc, lines: number, style: TextStyle = {}): number {
  doc.font(style.font ?? FONT.regular).fontSize(style.size ?? 9.5);
  return doc.currentLineHeight(true) * lines;
}

/** Height of a heading, as drawn by heading(). */
const HEADING_HEIGHT = 30;

/**
 * A section heading with a rule under it. `keep` is the height of what must follow it on the same
 * page (its first lines or table rows): when heading and `keep` do not both fit, the heading moves
 * to the next page, so no heading is left alone at a page foot.
 */
export function heading(doc: Doc, text: string, keep = 36): void {
  ensureSpace(doc, HEADING_HEIGHT + Math.min(keep, PAGE_SPACE - HEADING_HEIGHT));
  // At the top of a page the space above a heading is not needed.
  if (doc.y > PAGE.margin + 1) doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(11.5).fillColor(INK).text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.6).strokeColor(RULE).stroke();
  doc.y = y + 6;
  doc.x = PAGE.margin;
  doc.font(FONT.regular).fontSize(10);
}

export interface Column<R> {
  header: string;
  align?: 'left' | 'right' | 'center';
  /**
   * May this column wrap its text (names, categories)? Columns that may not wrap (numbers, dates)
   * are as wide as their widest cell or header; wrapping columns share the rest (fitColumns).
   */
  wrap?: boolean;
  /** A wrapping column's share of space left once every cell fits on one line (default 1). */
  grow?: number;
  cell: (row: R) => string;
  /** Text colour and weight for one cell (e.g. a warning mark). */
  style?: (row: R) => { color?: string; bold?: boolean } | undefined;
}

/** Space between a cell's text and its edges: left/right, and top/bottom. */
const CELL_PAD = 3;
const CELL_PAD_Y = 4;
const HEADER_SIZE = 8;
const CELL_SIZE = 8.2;
const HEADER_HEIGHT = 18;
const MIN_ROW = 15;

/**
 * Column widths that fit the page and the text. Columns that do not wrap get their widest cell.
 * The rest of the width goes to the wrapping columns: each first gets its header (or a third of
 * the room, for a very long word), then points go where they stop the most cells from wrapping
 * per point spent (so a long category name does not make every row two lines high because the
 * procedure column took the space), and what is left once every cell fits goes by `grow`.
 */
export function fitColumns<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], width = CONTENT_WIDTH): number[] {
  return layoutTable(doc, columns, rows, width).widths;
}

interface TableLayout {
  widths: number[];
  /** Each row's cell texts, by column. */
  texts: string[][];
  /** Each row's cells' one-line widths (padding included), by column. */
  natural: number[][];
}

/** Width of a string in the current font, measured once per distinct string (names repeat a lot). */
function measurer(doc: Doc): (text: string) => number {
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = text === '' ? 0 : Math.ceil(doc.widthOfString(text)) + 2 * CELL_PAD + 1;
      cache.set(text, w);
    }
    return w;
  };
}

/** The last layout of a rows array (tableStartHeight then table() lay out the same rows). */
const layouts = new WeakMap<object, { doc: Doc; columns: object; width: number; layout: TableLayout }>();

function layoutTable<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], width = CONTENT_WIDTH): TableLayout {
  const hit = layouts.get(rows);
  if (hit && hit.doc === doc && hit.columns === columns && hit.width === width) return hit.layout;
  const layout = computeLayout(doc, columns, rows, width);
  layouts.set(rows, { doc, columns, width, layout });
  return layout;
}

function computeLayout<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], width: number): TableLayout {
  const headerW = columns.map((c) => {
    doc.font(FONT.condensedBold).fontSize(HEADER_SIZE);
    return Math.ceil(doc.widthOfString(c.header)) + 2 * CELL_PAD;
  });
  doc.font(FONT.condensed).fontSize(CELL_SIZE);
  const measure = measurer(doc);
  const texts = rows.map((r) => columns.map((c) => c.cell(r)));
  // Natural (one-line) width of every cell, rounded up to whole points.
  const byRow = texts.map((cells) => cells.map(measure));
  const natural = columns.map((_, i) => byRow.map((cells) => cells[i]!));
  const widths = columns.map((c, i) => (c.wrap ? headerW[i]! : Math.max(headerW[i]!, ...natural[i]!)));
  let room = width - widths.reduce((a, b) => a + b, 0);
  const wrapping = columns.map((c, i) => (c.wrap ? i : -1)).filter((i) => i >= 0);
  const wrapRoom = room + wrapping.reduce((a, i) => a + widths[i]!, 0);
  if (room > 0 && wrapping.length > 0) {
    // A wrapping column needs at least its longest word (capped), or pdfkit breaks words mid-way.
    for (const i of wrapping) {
      const longestWord = Math.max(
        0,
        ...[...new Set(texts.map((cells) => cells[i]!))].flatMap((t) => t.split(/\s+/).map(measure)),
      );
      const want = Math.min(longestWord, Math.floor(wrapRoom / 3)) - widths[i]!;
      if (want > 0) {
        const give = Math.min(want, room);
        widths[i]! += give;
        room -= give;
      }
    }
    const sorted = wrapping.map((i) => [...natural[i]!].sort((a, b) => a - b));
    const wider = (k: number, w: number) => {
      // Cells of wrapping column k wider than w (binary search in the sorted widths).
      const arr = sorted[k]!;
      let lo = 0;
      let hi = arr.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (arr[mid]! <= w) lo = mid + 1;
        else hi = mid;
      }
      return arr.length - lo;
    };
    for (;;) {
      let best: { k: number; target: number; score: number } | null = null;
      wrapping.forEach((col, k) => {
        const w = widths[col]!;
        const over = wider(k, w);
        if (over === 0) return;
        const distinct = [...new Set(sorted[k]!.filter((x) => x > w && x - w <= room))];
        for (const target of distinct) {
          const score = (over - wider(k, target)) / (target - w);
          if (!best || score > best.score) best = { k, target, score };
        }
      });
      if (!best) break;
      const { k, target } = best as { k: number; target: number };
      room -= target - widths[wrapping[k]!]!;
      widths[wrapping[k]!] = target;
    }
    // What is left goes to the columns that still have a cell too long for them (by `grow`); when
    // every cell fits, to all wrapping columns by `grow`.
    const stillWrapping = wrapping.filter((i, k) => wider(k, widths[i]!) > 0);
    const takers = stillWrapping.length > 0 ? stillWrapping : wrapping;
    const grow = takers.map((i) => columns[i]!.grow ?? 1);
    const total = grow.reduce((a, b) => a + b, 0);
    if (room > 0 && total > 0) {
      let given = 0;
      takers.forEach((i, k) => {
        const add = k === takers.length - 1 ? room - given : Math.floor((room * grow[k]!) / total);
        widths[i]! += add;
        given += add;
      });
      room = 0;
    }
  }
  if (room < 0) {
    // Too many fixed columns for the page (not expected with RadLedger's tables): shrink all evenly.
    const scale = width / (width - room);
    return { widths: widths.map((w) => w * scale), texts, natural: byRow };
  }
  if (room > 0) widths[widths.length - 1]! += room;
  return { widths, texts, natural: byRow };
}

function drawHeader<R>(doc: Doc, columns: readonly Column<R>[], widths: readonly number[], y: number): number {
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, HEADER_HEIGHT).fill(SHADE);
  doc.font(FONT.condensedBold).fontSize(HEADER_SIZE).fillColor(INK);
  let x = PAGE.margin;
  columns.forEach((c, i) => {
    const w = widths[i]!;
    doc.text(c.header, x + CELL_PAD, y + 5, { width: w - 2 * CELL_PAD, align: c.align ?? 'left', lineBreak: false });
    x += w;
  });
  doc.moveTo(PAGE.margin, y + HEADER_HEIGHT).lineTo(PAGE.margin + CONTENT_WIDTH, y + HEADER_HEIGHT).lineWidth(0.8).strokeColor(INK).stroke();
  return y + HEADER_HEIGHT;
}

export interface TableOptions<R> {
  /** Draws a running head on a continuation page; returns the y where the table goes on. */
  onNewPage?: () => number;
  /** Background of a row (e.g. a warning tint); zebra stripes otherwise. */
  rowFill?: (row: R) => string | null;
}

/** A row's height: one line unless a cell is wider than its column (then measured wrapped). */
function rowHeight(doc: Doc, layout: TableLayout, row: number): number {
  const { widths } = layout;
  const texts = layout.texts[row]!;
  const natural = layout.natural[row]!;
  doc.font(FONT.condensed).fontSize(CELL_SIZE);
  let h = doc.currentLineHeight(true);
  texts.forEach((t, i) => {
    if (natural[i]! > widths[i]!) h = Math.max(h, doc.heightOfString(t, { width: widths[i]! - 2 * CELL_PAD }));
  });
  return Math.max(MIN_ROW, h + 2 * CELL_PAD_Y - 1);
}

/**
 * The height a table needs for its header and first `n` rows: what a heading keeps with it.
 */
export function tableStartHeight<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], n = 2): number {
  const layout = layoutTable(doc, columns, rows);
  let h = HEADER_HEIGHT;
  for (let r = 0; r < Math.min(n, rows.length); r++) h += rowHeight(doc, layout, r);
  return h;
}

/**
 * Draws a table from the current y, adding pages as needed; the header row is repeated at the top
 * of every page the table runs onto, and never left at a page foot without its first row.
 * Returns the y below the last row.
 */
export function table<R>(doc: Doc, columns: readonly Column<R>[], rows: readonly R[], opts: TableOptions<R> = {}): number {
  const layout = layoutTable(doc, columns, rows);
  const { widths } = layout;
  const newPage = () => {
    doc.addPage();
    return opts.onNewPage?.() ?? PAGE.margin;
  };
  const heights = rows.map((_, i) => rowHeight(doc, layout, i));
  // The header starts a page with at least its first two rows (one when the table has one).
  const start = HEADER_HEIGHT + (heights[0] ?? 0) + (heights[1] ?? 0);
  let y = doc.y + start > BOTTOM ? newPage() : doc.y;
  y = drawHeader(doc, columns, widths, y);
  let onPage = 0;
  rows.forEach((row, index) => {
    const texts = layout.texts[index]!;
    const natural = layout.natural[index]!;
    const h = heights[index]!;
    // No last row alone on a page: when the last two rows do not both fit, they go over together
    // (unless that would leave fewer than two rows on this page).
    const lastTwo = index === rows.length - 2 && y + h <= BOTTOM && y + h + heights[index + 1]! > BOTTOM && onPage >= 2;
    if (y + h > BOTTOM || lastTwo) {
      y = drawHeader(doc, columns, widths, newPage());
      onPage = 0;
    }
    onPage++;
    const fill = opts.rowFill?.(row) ?? (index % 2 === 1 ? ZEBRA : null);
    if (fill) doc.rect(PAGE.margin, y, CONTENT_WIDTH, h).fill(fill);
    let x = PAGE.margin;
    columns.forEach((c, i) => {
      const text = texts[i]!;
      if (text !== '') {
        const st = c.style?.(row);
        doc.font(st?.bold ? FONT.condensedBold : FONT.condensed).fontSize(CELL_SIZE).fillColor(st?.color ?? INK);
        // A cell that fits on one line skips pdfkit's line wrapper (most cells; a 1,000-entry packet).
        const oneLine = natural[i]! <= widths[i]!;
        doc.text(text, x + CELL_PAD, y + CELL_PAD_Y, { width: widths[i]! - 2 * CELL_PAD, align: c.align ?? 'left', lineBreak: !oneLine });
      }
      x += widths[i]!;
    });
    y += h;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).lineWidth(0.3).strokeColor(RULE).stroke();
  });
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = y + 8;
  return doc.y;
}

/** Height from the top of a line to its baseline, for a font and size. */
function ascent(doc: Doc, font: string, size: number): number {
  doc.font(font).fontSize(size);
  // pdfkit exposes the current font's metrics (in 1/1000 em) only on this field.
  return ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
}

/** A label and its value; 'wide' puts a long value on a row of its own, across the page. */
export type Fact = readonly [label: string, value: string] | readonly [label: string, value: string, wide: 'wide'];

/** Label/value pairs in two columns, like the header of a paper form; labels sized to the longest. */
export function facts(doc: Doc, pairs: readonly Fact[]): void {
  const colW = CONTENT_WIDTH / 2;
  doc.font(FONT.bold).fontSize(8);
  const labelW = Math.ceil(Math.max(...pairs.map(([label]) => doc.widthOfString(label)))) + 8;
  const rows: Fact[][] = [];
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const next = pairs[i + 1];
    if (pair[2] === 'wide' || !next || next[2] === 'wide') rows.push([pair]);
    else {
      rows.push([pair, next]);
      i++;
    }
  }
  // Label and value share a baseline (so text extraction keeps them on one line).
  const labelDrop = ascent(doc, FONT.regular, 9.5) - ascent(doc, FONT.bold, 8);
  for (const row of rows) {
    const y = doc.y;
    let rowH = 0;
    row.forEach((pair, j) => {
      const x = PAGE.margin + j * colW;
      const valueW = (pair[2] === 'wide' ? CONTENT_WIDTH : colW) - labelW - 10;
      doc.font(FONT.bold).fontSize(8).fillColor(MUTED).text(pair[0], x, y + labelDrop, { width: labelW });
      doc.font(FONT.regular).fontSize(9.5).fillColor(INK).text(pair[1], x + labelW, y, { width: valueW });
      rowH = Math.max(rowH, doc.y - y);
    });
    doc.y = y + rowH + 3;
  }
  doc.x = PAGE.margin;
}
