// Small hand-made catalogs and entry builders shared by the engine tests.
import { catalogSchema, type Catalog, type CatalogInput } from '../../../shared/catalog/schema';
import type { EngineContext, EngineEntry } from '../../../shared/engine/evaluate';

const T = { source: 'test', confirmed: false };
export const n = (value: number) => ({ value, ...T });
export const d = (value: string) => ({ value, ...T });

type P = { id: string; kind: 'mandatory' | 'elective'; reps: number | null; max?: number; qc?: boolean; sim?: boolean | null };
const proc = (p: P) => ({
  id: p.id,
  name: p.id
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' '),
  kind: p.kind,
  repetitionsRequired: p.reps === null ? null : n(p.reps),
  maxCounted: p.max ? n(p.max) : null,
  qcTest: p.qc ?? false,
  simulationAllowed: p.sim === undefined ? false : p.sim,
});

export function makeCatalog(over: Partial<CatalogInput> & { cats?: Array<{ id: string; procs: P[] }> } = {}): Catalog {
  const { cats, ...rest } = over;
  return catalogSchema.parse({
    format: 1,
    key: 'test',
    kind: 'custom',
    title: 'Test',
    discipline: 'CUSTOM',
    versionLabel: 'v1',
    effectiveDate: null,
    dailyCap: null,
    windowMonths: null,
    proceduresStatus: 'complete',
    categories: (cats ?? [{ id: 'head', procs: [{ id: 'routine-head', kind: 'mandatory', reps: 15 }] }]).map((c) => ({
      id: c.id,
      name: c.id[0]!.toUpperCase() + c.id.slice(1),
      procedures: c.procs.map(proc),
    })),
    ...rest,
  });
}

let seq = 0;
export function entry(performedOn: string, procedureId: string | null, over: Partial<EngineEntry> = {}): EngineEntry {
  seq++;
  return {
    id: seq,
    performedOn,
    performedAt: null,
    createdAt: new Date(Date.UTC(2000, 0, 1) + seq * 1000).toISOString(),
    procedureId,
    simulated: false,
    patientMarker: null,
    ...over,
  };
}

export const ctx = (over: Partial<EngineContext> = {}): EngineContext => ({
  today: '2026-06-01',
  trackStart: '2020-01-01',
  plannedApplicationDate: null,
  examWindowAssignedOn: null,
  mqsaQualifiedOn: null,
  ...over,
});
