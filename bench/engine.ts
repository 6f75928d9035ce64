// evaluate() timings for 1k, 10k and 100k synthetic entries: median and p95 over repeated runs.
// Run: npx tsx bench/engine.ts (Node 22 on PATH). The measuring code is bench/lib/engine.ts.
import { benchEngine } from './lib/engine';

console.log('evaluate() on the example catalog (daily cap 9, 24-month window)');
for (const r of benchEngine()) {
  console.log(
    `${String(r.entries).padStart(7)} entries  median ${r.medianMs.toFixed(2).padStart(7)} ms  p95 ${r.p95Ms.toFixed(2).padStart(7)} ms  (${r.runs} runs); reading every verdict too: median ${r.withVerdictsMs.toFixed(2)} ms`,
  );
}
