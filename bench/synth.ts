// Seeded, deterministic synthetic logs for benchmarks (and any test that needs volume).
//
// Exported API
//   rng(seed)                               mulberry32: () => float in [0, 1)
//   synthEntries(count, options?)           EngineEntry[] spread over `days` days ending on `endOn`
//   SYNTH_CONTEXT                           an EngineContext matching the default options
// The same seed and options always give the same entries, so figures are comparable run to run.
import { builtinCatalog } from '../shared/catalog/builtin';
import { allProcedures } from '../shared/catalog/schema';
import { addDaysIso } from '../shared/engine/calendar';
import type { EngineContext, EngineEntry } from '../shared/engine/evaluate';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthOptions {
  seed?: number;
  /** Last day of the log (ISO). */
  endOn?: string;
  /** How many days back the log reaches (older than the 24-month window on purpose). */
  days?: number;
  /** Procedure ids to draw from; defaults to the example catalog's. */
  procedureIds?: string[];
}

const EXAMPLE_IDS = allProcedures(builtinCatalog('example-ct-like')!).map((p) => p.id);

export function synthEntries(count: number, options: SynthOptions = {}): EngineEntry[] {
  const rand = rng(options.seed ?? 42);
  const endOn = options.endOn ?? '2026-06-01';
  const days = options.days ?? 900;
  const ids = options.procedureIds ?? EXAMPLE_IDS;
  const start = addDaysIso(endOn, -days);
  const out: EngineEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const performedOn = addDaysIso(start, Math.floor(rand() * (days + 1)));
    const hasTime = rand() < 0.8;
    const minutes = 7 * 60 + Math.floor(rand() * 12 * 60);
    out[i] = {
      id: i + 1,
      performedOn,
      performedAt: hasTime ? `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` : null,
      createdAt: `${performedOn}T20:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00.000Z`,
      procedureId: rand() < 0.02 ? null : ids[Math.floor(rand() * ids.length)]!,
      simulated: rand() < 0.03,
      patientMarker: rand() < 0.3 ? 1 + Math.floor(rand() * 5) : null,
    };
  }
  return out;
}

export const SYNTH_CONTEXT: EngineContext = {
  today: '2026-06-01',
  trackStart: '2024-01-01',
  plannedApplicationDate: null,
  examWindowAssignedOn: null,
  mqsaQualifiedOn: null,
};
