// Reading the dates people type in their own logs. Pure: the import's backend check and its preview
// use the same rules. Every accepted shape is parsed with date-fns `parse` and an explicit format
// (never `new Date(text)`, whose reading depends on the engine and the machine's locale), and a
// value that two orders read differently is reported as ambiguous instead of being guessed.
import { addDays, format, isValid, parse } from 'date-fns';

/** The order of day, month and year in numeric dates such as 03/04/2025. */
export const DATE_ORDERS = ['MDY', 'DMY', 'YMD'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  MDY: 'Month/day/year (3/4/2025 = March 4)',
  DMY: 'Day/month/year (3/4/2025 = 3 April)',
  YMD: 'Year-month-day (2025-03-04)',
};

/** Short names, e.g. for a select that shows what the file decided. */
export const DATE_ORDER_SHORT: Record<DateOrder, string> = { MDY: 'month/day/year', DMY: 'day/month/year', YMD: 'year-month-day' };

export type DateRead =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** A numeric date whose day and month could be swapped: both readings, month/day first. */
  | { kind: 'ambiguous'; readings: [string, string] }
  /** Shaped like a date but no such day exists (2025-02-30, 31/31/2025). */
  | { kind: 'impossible' }
  | { kind: 'unreadable' };

// Two-digit years are read within 50 years of 2000: "25" is 2025, "98" is 1998.
const REFERENCE = new Date(2000, 0, 1);

function tryParse(text: string, fmt: string): string | null {
  const d = parse(text, fmt, REFERENCE);
  // 'yyyy' also takes "25" as the year 25: such a reading is left to the two-digit 'yy' formats.
  return isValid(d) && d.getFullYear() >= 1900 ? format(d, 'yyyy-MM-dd') : null;
}

// 2025-03-04, 2025/3/4, 2025.03.04: year first is never day/month swapped.
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
// 3/4/2025, 03.04.2025, 3-4-25: the first two numbers need the order to be read.
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
// Excel's day count (a date cell saved as a plain number, e.g. 45720 = 2025-03-04).
const SERIAL = /^\d{5}(?:\.\d+)?$/;

// Month-name shapes: "Mar 4, 2025", "March 4 2025", "4 March 2025", "4-Mar-25", "Tue, Mar 4, 2025".
const NAMED_FORMATS = [
  'MMM d, yyyy',
  'MMMM d, yyyy',
  'MMM d yyyy',
  'MMMM d yyyy',
  'MMM. d, yyyy',
  'd MMM yyyy',
  'd MMMM yyyy',
  'd MMM, yyyy',
  'd MMMM, yyyy',
  'd-MMM-yyyy',
  'd-MMM-yy',
  'd MMM yy',
  'EEE, MMM d, yyyy',
  'EEEE, MMMM d, yyyy',
  'MMM do, yyyy',
  'MMMM do, yyyy',
  'do MMMM yyyy',
  'do MMM yyyy',
];
const HAS_MONTH_NAME = /[a-z]{3}/i;
// A timestamp's time part ("3/21/2025 14:05:33", "2025-03-04T08:30", "Mar 4, 2025 2:30 PM"): the
// day is what an entry's date keeps.
const TRAILING_TIME = /(?:[ T]|, )\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function dayPart(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').replace(TRAILING_TIME, '');
}

/** Excel day 0 is 1899-12-30 (its 1900 leap-year bug is already folded in for dates after March 1900). */
function fromSerial(serial: number): string | null {
  if (serial < 25569 || serial > 73050) return null; // 1970 .. 2099: anything else is not a log date
  return format(addDays(new Date(1899, 11, 30), Math.floor(serial)), 'yyyy-MM-dd');
}

function numeric(first: string, sep: string, second: string, year: string, order: 'MDY' | 'DMY'): string | null {
  const y = year.length === 4 ? 'yyyy' : 'yy';
  return tryParse(`${first}${sep}${second}${sep}${year}`, order === 'MDY' ? `M${sep}d${sep}${y}` : `d${sep}M${sep}${y}`);
}

/**
 * Reads one date cell. `order` is the user's (or the detected) order for numeric dates; with null,
 * a value that reads differently as month/day and day/month is ambiguous.
 */
export function readDateCell(raw: string, order: DateOrder | null): DateRead {
  const text = dayPart(raw);
  if (text === '') return { kind: 'empty' };
  let m = YEAR_FIRST.exec(text);
  if (m) {
    const iso = tryParse(`${m[1]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`, 'yyyy-MM-dd');
    return iso ? { kind: 'date', iso } : { kind: 'impossible' };
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [, a, sep, b, year] = m as unknown as [string, string, string, string, string];
    if (order === 'MDY' || order === 'DMY') {
      const iso = numeric(a, sep, b, year, order);
      return iso ? { kind: 'date', iso } : { kind: 'impossible' };
    }
    const mdy = numeric(a, sep, b, year, 'MDY');
    const dmy = numeric(a, sep, b, year, 'DMY');
    if (mdy && dmy && mdy !== dmy) return { kind: 'ambiguous', readings: [mdy, dmy] };
    const iso = mdy ?? dmy;
    return iso ? { kind: 'date', iso } : { kind: 'impossible' };
  }
  if (SERIAL.test(text)) {
    const iso = fromSerial(Number(text));
    return iso ? { kind: 'date', iso } : { kind: 'unreadable' };
  }
  if (HAS_MONTH_NAME.test(text)) {
    // "Sept" is how many people abbreviate September; date-fns knows "Sep".
    const t = text.replace(/\bsept\b/i, 'Sep');
    for (const fmt of NAMED_FORMATS) {
      const iso = tryParse(t, fmt);
      if (iso) return { kind: 'date', iso };
    }
    // A month name with a day that month does not have ("Feb 30, 2025") is not a real date.
    const dayless = withDayOne(t);
    if (dayless !== t && NAMED_FORMATS.some((fmt) => tryParse(dayless, fmt))) return { kind: 'impossible' };
  }
  return { kind: 'unreadable' };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const DAY_SUFFIXES = ['st', 'nd', 'rd', 'th'];

/**
 * `t` with its day set to 1, or `t` itself when it has none. The day is a number of one or two
 * digits (st, nd, rd or th may follow) standing alone, followed with no digit between by the year
 * of two to four digits that ends the text. Scanned by hand from the end: a regular expression with
 * a look-ahead to the end of the text rescans the rest from every candidate, which the ReDoS gate
 * (tests/unit/redos.test.ts) found quadratic.
 */
function withDayOne(t: string): string {
  let end = t.length;
  while (end > 0 && /\s/.test(t[end - 1]!)) end--;
  let year = end;
  while (isDigit(t[year - 1])) year--;
  if (end - year < 2 || end - year > 4) return t;
  let dayEnd = year;
  while (dayEnd > 0 && !isDigit(t[dayEnd - 1])) dayEnd--;
  let day = dayEnd;
  while (isDigit(t[day - 1])) day--;
  if (day === dayEnd || dayEnd - day > 2 || isWordChar(t[day - 1])) return t;
  let after = dayEnd;
  if (DAY_SUFFIXES.includes(t.slice(dayEnd, dayEnd + 2)) && !isWordChar(t[dayEnd + 2])) after = dayEnd + 2;
  else if (isWordChar(t[dayEnd])) return t;
  return `${t.slice(0, day)}1${t.slice(after)}`;
}

export interface OrderDetection {
  /** The order the file's own values decide, or null when they do not (or contradict each other). */
  order: DateOrder | null;
  /** A value that decides it, e.g. "25/03/2025", for the UI to show as the reason. */
  evidence: string | null;
  /** How many numeric values could be read either way. */
  ambiguous: number;
  /** Both a day-first and a month-first value were found. */
  mixed: boolean;
}

/** What the file's dates say about their order: a first number over 12 means day/month, and so on. */
export function detectDateOrder(values: readonly string[]): OrderDetection {
  let dmy: string | null = null;
  let mdy: string | null = null;
  let yearFirst: string | null = null;
  let ambiguous = 0;
  let numericCount = 0;
  for (const raw of values) {
    const text = dayPart(raw);
    if (YEAR_FIRST.test(text)) {
      yearFirst ??= text;
      continue;
    }
    const m = NUMERIC.exec(text);
    if (!m) continue;
    numericCount++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dmy ??= text;
    else if (b > 12 && a <= 12) mdy ??= text;
    else if (a !== b && a <= 12 && b <= 12) ambiguous++;
  }
  if (dmy && mdy) return { order: null, evidence: null, ambiguous, mixed: true };
  if (dmy) return { order: 'DMY', evidence: dmy, ambiguous, mixed: false };
  if (mdy) return { order: 'MDY', evidence: mdy, ambiguous, mixed: false };
  if (numericCount === 0 && yearFirst) return { order: 'YMD', evidence: yearFirst, ambiguous, mixed: false };
  return { order: null, evidence: null, ambiguous, mixed: false };
}

/** "Mar 4, 2025" for an ISO date, the way the preview shows what will be saved. */
export function formatIsoDate(iso: string): string {
  return format(parse(iso, 'yyyy-MM-dd', REFERENCE), 'MMM d, yyyy');
}

/** The message for a date cell that cannot be saved, or null when it can. */
export function dateProblem(raw: string, read: DateRead): string | null {
  switch (read.kind) {
    case 'date':
      return null;
    case 'empty':
      return 'Date: the date is missing.';
    case 'impossible':
      return `Date: "${raw.trim()}" is not a real date.`;
    case 'ambiguous':
      return `Date: "${raw.trim()}" could be ${formatIsoDate(read.readings[0])} or ${formatIsoDate(read.readings[1])}; choose the date order.`;
    case 'unreadable':
      return `Date: "${raw.trim()}" is not a date this import can read (e.g. 2025-03-04, 3/4/2025, Mar 4, 2025 or 4 March 2025).`;
  }
}
