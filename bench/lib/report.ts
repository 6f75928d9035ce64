// Rows of the bench, their targets, and the three ways they are shown: the console table, the JSON
// file (bench/results.json) and the generated part of docs/benchmarks.md. A missed target is
// printed, never thrown: the bench is a measurement, not a test.
import type { Summary } from './stats';

export type Unit = 'ms' | 'kB' | 'MB';

/** Either an absolute ceiling, or a ceiling on the ratio to a baseline measured in the same run. */
export type Target =
  | { kind: 'max'; value: number; unit: Unit }
  | { kind: 'ratio'; value: number; baseline: string };

export type Status = 'met' | 'missed' | 'info' | 'not built' | 'skipped' | 'error';

export interface Row {
  id: string;
  what: string;
  /** The dataset the figure comes from, e.g. "100k (10 tracks)". */
  size: string;
  unit: Unit;
  median: number | null;
  p95: number | null;
  runs: number;
  target: Target | null;
  status: Status;
  /** Figure divided by a same-run baseline, e.g. "41× raw insert of 1 row". */
  ratios: string[];
  note: string;
}

export interface RowInput {
  id: string;
  what: string;
  size: string;
  unit?: Unit;
  target?: Target | null;
  note?: string;
}

/** A measured row; `ratioValue` is the figure / baseline when the target is a ratio. */
export function measured(input: RowInput, s: Pick<Summary, 'median' | 'p95' | 'runs'>, extra: { ratios?: string[]; ratioValue?: number } = {}): Row {
  const target = input.target ?? null;
  const unit = input.unit ?? 'ms';
  let status: Status = 'info';
  // Met or missed on the median; a p95 above the target is flagged beside it (on a shared 2-core
  // machine the tail mostly measures the other processes, see docs/benchmarks.md).
  const flags: string[] = [];
  if (target?.kind === 'max') {
    status = s.median <= target.value ? 'met' : 'missed';
    if (status === 'met' && s.p95 > target.value) flags.push('p95 over target');
  }
  if (target?.kind === 'ratio') status = extra.ratioValue !== undefined && extra.ratioValue <= target.value ? 'met' : 'missed';
  return { ...base(input), unit, median: s.median, p95: s.p95, runs: s.runs, status, ratios: [...flags, ...(extra.ratios ?? [])] };
}

/** A row that has no figure: the feature is not built yet, skipped in smoke mode, or failed. */
export function unmeasured(input: RowInput, status: Exclude<Status, 'met' | 'missed' | 'info'>, note: string): Row {
  return { ...base(input), median: null, p95: null, runs: 0, status, ratios: [], note };
}

function base(input: RowInput): Row {
  return {
    id: input.id,
    what: input.what,
    size: input.size,
    unit: input.unit ?? 'ms',
    median: null,
    p95: null,
    runs: 0,
    target: input.target ?? null,
    status: 'info',
    ratios: [],
    note: input.note ?? '',
  };
}

/** "12.3×" with sensible precision. */
export function ratio(value: number, baselineValue: number): string {
  const r = value / baselineValue;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function formatValue(v: number | null, unit: Unit): string {
  if (v === null || Number.isNaN(v)) return '—';
  if (unit === 'ms') {
    if (v >= 1000) return `${(v / 1000).toFixed(2)} s`;
    return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ms`;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}

export function formatTarget(t: Target | null, id = ''): string {
  if (!t) return id.startsWith('baseline') ? 'baseline' : '—';
  if (t.kind === 'ratio') return `≤ ${t.value}× ${t.baseline}`;
  return `≤ ${formatValue(t.value, t.unit)}`;
}

const STATUS_MARK: Record<Status, string> = {
  met: 'met',
  missed: 'MISSED',
  info: '—',
  'not built': 'not built',
  skipped: 'skipped',
  error: 'ERROR',
};

function cells(r: Row): string[] {
  return [
    r.what,
    r.size,
    formatValue(r.median, r.unit),
    formatValue(r.p95, r.unit),
    String(r.runs || '—'),
    formatTarget(r.target, r.id),
    STATUS_MARK[r.status],
    [...r.ratios, r.note].filter(Boolean).join('; '),
  ];
}

const HEADERS = ['what', 'data', 'median', 'p95', 'runs', 'target', 'status', 'vs baselines / notes'];

/** A fixed-width table for the terminal; the last column is left to wrap. */
export function consoleTable(rows: readonly Row[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => (i === HEADERS.length - 1 ? 0 : Math.max(h.length, ...body.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : i >= 2 && i <= 4 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w)).map((d, i) => (i === widths.length - 1 ? '-'.repeat(20) : d))), ...body.map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map((_, i) => (i >= 2 && i <= 4 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}
