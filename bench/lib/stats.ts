// Sampling and summary statistics for the bench. A measurement takes a few warm-up runs (the JIT
// and SQLite's page cache settle), then samples until it has `maxRuns` or has spent `budgetMs`,
// never fewer than `minRuns`, so a slow case cannot blow the 10-minute budget of `npm run bench`.

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export interface SampleOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop sampling once this much time went by (after minRuns); warm-up stops at a quarter of it. */
  budgetMs?: number;
  /** Untimed work before each timed call (e.g. a write that invalidates a cache). */
  before?: () => unknown;
}

/** Nearest-rank percentile of an ascending array (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    runs: sorted.length,
  };
}

function resolve(o: SampleOptions): Required<SampleOptions> {
  return { warmup: o.warmup ?? 3, minRuns: o.minRuns ?? 5, maxRuns: o.maxRuns ?? 50, budgetMs: o.budgetMs ?? 5_000, before: o.before ?? (() => undefined) };
}

/** Times `fn` in milliseconds per call (the calls do I/O or heavy work, so none is optimised away). */
export function sample(fn: (i: number) => unknown, options: SampleOptions = {}): Summary {
  const o = resolve(options);
  const warm = performance.now();
  for (let i = 0; i < o.warmup && (i === 0 || performance.now() - warm < o.budgetMs / 4); i++) {
    o.before();
    fn(-1 - i);
  }
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.maxRuns; i++) {
    if (i >= o.minRuns && performance.now() - started > o.budgetMs) break;
    o.before();
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export async function sampleAsync(fn: (i: number) => Promise<unknown>, options: SampleOptions = {}): Promise<Summary> {
  const o = resolve(options);
  const warm = performance.now();
  for (let i = 0; i < o.warmup && (i === 0 || performance.now() - warm < o.budgetMs / 4); i++) {
    await o.before();
    await fn(-1 - i);
  }
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < o.maxRuns; i++) {
    if (i >= o.minRuns && performance.now() - started > o.budgetMs) break;
    await o.before();
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** Samples that were measured elsewhere (a child process, a browser) and only need summarising. */
export async function collect(fn: (i: number) => Promise<number>, runs: number, warmup = 0): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn(i));
  return summarize(times);
}
