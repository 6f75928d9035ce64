// evaluate() timings for 1k, 10k and 100k synthetic entries: median and p95 over repeated runs.
// The CLI is bench/engine.ts; `npm run bench` runs it in a child process (child.ts). Figures, not
// assertions: see docs/requirements-engine.md. No code runs on import: the bench child bundles this.
import { builtinCatalog } from '../../shared/catalog/builtin';
import { evaluate } from '../../shared/engine/evaluate';
import { SYNTH_CONTEXT, synthEntries } from '../synth';

export interface EngineBenchRow {
  entries: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** evaluate() and then reading every verdict (built on first read): median. */
  withVerdictsMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function benchEngine(sizes: readonly number[] = [1_000, 10_000, 100_000]): EngineBenchRow[] {
  const catalog = builtinCatalog('example-ct-like')!;
  return sizes.map((size) => {
    const entries = synthEntries(size);
    const runs = size >= 100_000 ? 30 : 100;
    for (let i = 0; i < 5; i++) evaluate(catalog, entries, SYNTH_CONTEXT); // warm-up (JIT)
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      evaluate(catalog, entries, SYNTH_CONTEXT);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const withVerdicts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      if (evaluate(catalog, entries, SYNTH_CONTEXT).entries.length !== size) throw new Error('verdicts lost');
      withVerdicts.push(performance.now() - t0);
    }
    withVerdicts.sort((a, b) => a - b);
    return { entries: size, runs, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), withVerdictsMs: percentile(withVerdicts, 0.5) };
  });
}
