// Turns the positioned text runs of PDF pages into the plain table text the paste parser reads.
// Pure (no pdfjs here), so the layout rules are tested on their own.
//
// What a worksheet PDF looks like to us: runs of text with an x/y position. We
//   1. group runs into lines by their baseline, and a line's runs into cells where the gap between
//      two runs is wider than a space;
//   2. find a two-column page (two independent tables side by side): a vertical gutter that most
//      lines leave empty and whose both sides carry numbers (a table's own column gaps fail that
//      test: the name column has no numbers, the check-mark column neither), and read the left
//      column before the right one;
//   3. drop running headers and footers (a line repeated on every page, "Page 1 of 2") and a
//      table header repeated at the top of the next page;
//   4. write table rows under a header ("Procedure  Repetitions  Mandatory  Elective") as
//      tab-separated cells aligned to the header's columns, so an empty check-mark cell stays empty
//      and the paste parser's column mapping applies; other lines are written as their cells.
import { findHeader } from '../../../shared/catalog/paste-parser';

export interface TextRun {
  text: string;
  /** Left edge, baseline, width and font height in PDF units (origin bottom left). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageText {
  width: number;
  runs: TextRun[];
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  y: number;
  cells: Cell[];
}

const NUMBER = /^\d{1,4}$/;
const PAGE_NUMBER = /^(page\s+)?\d+(\s*(of|\/)\s*\d+)?$/i;

/** Runs on (nearly) one baseline form a line; within a line, a gap wider than a space starts a cell. */
function toLines(runs: TextRun[]): Line[] {
  const visible = runs.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; runs: TextRun[] }> = [];
  for (const r of visible) {
    const tolerance = Math.max(2, r.height * 0.4);
    const line = lines.find((l) => Math.abs(l.y - r.y) <= tolerance);
    if (line) line.runs.push(r);
    else lines.push({ y: r.y, runs: [r] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.runs.sort((a, b) => a.x - b.x);
      const cells: Cell[] = [];
      for (const r of sorted) {
        const last = cells[cells.length - 1];
        const gap = last ? r.x - last.x1 : Infinity;
        const space = Math.max(2, r.height * 0.25);
        if (last && gap <= space * 3) {
          last.text += gap > space * 0.4 && !last.text.endsWith(' ') && !r.text.startsWith(' ') ? ` ${r.text}` : r.text;
          last.x1 = Math.max(last.x1, r.x + r.width);
        } else cells.push({ text: r.text, x0: r.x, x1: r.x + r.width });
      }
      for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
      return { y: l.y, cells: cells.filter((c) => c.text !== '') };
    })
    .filter((l) => l.cells.length > 0);
}

const hasNumber = (cells: Cell[]) => cells.some((c) => NUMBER.test(c.text) || /\s\d{1,4}(\s|$)/.test(c.text));
/** A procedure row on its own: a name (two letters or more) and a number. */
const rowLike = (cells: Cell[]) => hasNumber(cells) && cells.some((c) => /[a-z]{2}/i.test(c.text));

/**
 * The x of a gutter between two side-by-side tables, or null. Candidates lie in the middle 40% of
 * the page; a candidate is kept when at least 60% of the multi-cell lines leave it empty and, of
 * the lines with text on both sides, most read as a procedure row on each side (a name and a
 * number), which a table's own column gaps never do (names | counts | check marks | maximums).
 */
export function findGutter(lines: Line[], pageWidth: number): number | null {
  const multi = lines.filter((l) => l.cells.length >= 2);
  if (multi.length < 3) return null;
  let best: { x: number; score: number } | null = null;
  for (let x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2) {
    let clear = 0;
    let both = 0;
    let numbered = 0;
    for (const l of multi) {
      if (l.cells.some((c) => c.x0 < x && c.x1 > x)) continue;
      clear++;
      const left = l.cells.filter((c) => c.x1 <= x);
      const right = l.cells.filter((c) => c.x0 >= x);
      if (left.length && right.length) {
        both++;
        if (rowLike(left) && rowLike(right)) numbered++;
      }
    }
    if (clear < multi.length * 0.6 || both < 2 || numbered < both * 0.6) continue;
    const score = numbered * 1000 + clear;
    if (!best || score > best.score) best = { x, score };
  }
  return best?.x ?? null;
}

/** Lines in reading order: a two-column block is read left column first. */
function readingOrder(lines: Line[], gutter: number | null): Line[] {
  if (gutter === null) return lines;
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const l of lines) {
    if (l.cells.some((c) => c.x0 < gutter && c.x1 > gutter)) {
      flush();
      out.push(l);
      continue;
    }
    const l0 = l.cells.filter((c) => c.x1 <= gutter);
    const r0 = l.cells.filter((c) => c.x0 >= gutter);
    if (l0.length) left.push({ y: l.y, cells: l0 });
    if (r0.length) right.push({ y: l.y, cells: r0 });
  }
  flush();
  return out;
}

const lineText = (l: Line) => l.cells.map((c) => c.text).join(' ');

/** Lines that repeat on most pages (running headers/footers), compared without their digits. */
function runningLines(pages: Line[][]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const onPage = new Set([...lines.slice(0, 3), ...lines.slice(-3)].map((l) => lineText(l).replace(/\d+/g, '#')));
    for (const t of onPage) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(2, pages.length * 0.75)).map(([t]) => t));
}

function isHeader(l: Line): boolean {
  return l.cells.length >= 2 && findHeader(l.cells.map((c) => c.text)) !== null;
}

/** Index of the header column a cell belongs to: the one it overlaps most, else the nearest. */
function columnOf(cell: Cell, header: Cell[]): number {
  let best = 0;
  let bestScore = -Infinity;
  header.forEach((h, i) => {
    const overlap = Math.min(cell.x1, h.x1) - Math.max(cell.x0, h.x0);
    const distance = Math.abs((cell.x0 + cell.x1) / 2 - (h.x0 + h.x1) / 2);
    const score = overlap > 0 ? 10_000 + overlap : -distance;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** The text of every page, in reading order, ready for the paste parser. */
export function pagesToText(pages: PageText[]): string {
  const perPage = pages.map((p) => {
    const lines = toLines(p.runs);
    return readingOrder(lines, findGutter(lines, p.width));
  });
  const running = runningLines(perPage);
  const anyHeader = perPage.some((lines) => lines.some(isHeader));
  const out: string[] = [];
  let header: Cell[] | null = null;
  let headerText: string | null = null;
  for (const lines of perPage) {
    for (const l of lines) {
      const text = lineText(l);
      if (running.has(text.replace(/\d+/g, '#')) || PAGE_NUMBER.test(text)) continue;
      if (isHeader(l)) {
        // The first header is kept for the parser; the same header again (next page, next column)
        // only moves the column positions.
        header = l.cells;
        if (headerText === text) continue;
        if (headerText === null) {
          headerText = text;
          out.push(l.cells.map((c) => c.text).join('\t'));
          continue;
        }
      }
      if (header && l.cells.length >= 2) {
        const row: string[] = header.map(() => '');
        for (const c of l.cells) {
          const i = columnOf(c, header);
          row[i] = row[i] ? `${row[i]} ${c.text}` : c.text;
        }
        out.push(row.join('\t'));
      } else out.push(l.cells.map((c) => c.text).join(anyHeader ? '\t' : '  '));
    }
  }
  return out.join('\n');
}
