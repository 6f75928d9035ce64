// A readable comparison of two catalogs (two revisions of one key, or two versions): procedures
// added, removed and changed, and changed rules. Pure.
//
//   diffCatalogs(from, to) -> CatalogDiff
//
// Procedures are matched by id, then (for ids only one side has) by name, case-insensitively, so a
// re-pasted worksheet whose ids changed still pairs up with the same procedures.
import { allProcedures, type Catalog, type ProcedureRef, type Sourced } from './schema';

export interface DiffProcedure {
  id: string;
  name: string;
  category: string;
}

export interface ChangedProcedure extends DiffProcedure {
  /** One readable line per change: "repetitions 10 → 15", "elective → mandatory". */
  changes: string[];
}

export interface CatalogDiff {
  added: DiffProcedure[];
  removed: DiffProcedure[];
  changed: ChangedProcedure[];
  /** Changed catalog-wide rules: "Daily cap: 9 → 10", "At least 5 electives → at least 6". */
  rules: string[];
  /** Nothing differs. */
  same: boolean;
}

const num = (s: Sourced<number> | null | undefined) => (s ? String(s.value) : 'not set');

function categoryName(c: Catalog, id: string): string {
  return c.categories.find((x) => x.id === id)?.name ?? id;
}

function procedureChanges(from: Catalog, a: ProcedureRef, to: Catalog, b: ProcedureRef): string[] {
  const out: string[] = [];
  if (a.name !== b.name) out.push(`renamed from “${a.name}”`);
  if (a.kind !== b.kind) out.push(`${a.kind} → ${b.kind}`);
  if (a.repetitionsRequired?.value !== b.repetitionsRequired?.value) out.push(`repetitions ${num(a.repetitionsRequired)} → ${num(b.repetitionsRequired)}`);
  if (a.maxCounted?.value !== b.maxCounted?.value) out.push(`maximum counted ${num(a.maxCounted)} → ${num(b.maxCounted)}`);
  const ca = categoryName(from, a.categoryId);
  const cb = categoryName(to, b.categoryId);
  if (ca !== cb) out.push(`moved from ${ca} to ${cb}`);
  if (a.qcTest !== b.qcTest) out.push(b.qcTest ? 'now a QC test' : 'no longer a QC test');
  if (a.simulationAllowed !== b.simulationAllowed) out.push(`simulation ${b.simulationAllowed === null ? 'not known' : b.simulationAllowed ? 'allowed' : 'not allowed'}`);
  return out;
}

function ruleText(c: Catalog): Map<string, string> {
  const m = new Map<string, string>();
  m.set('Daily cap', num(c.dailyCap));
  m.set('Window (months)', num(c.windowMonths));
  m.set('Per patient per day', num(c.perPatientPerDay));
  m.set('Per QC test per day', num(c.perQcTestPerDay));
  m.set('Procedure list', c.proceduresStatus);
  for (const r of c.groupRules) {
    if (r.type === 'totalRepetitions') m.set('Total repetitions', String(r.count.value));
    else m.set(`Electives${r.categoryId ? ` in ${categoryName(c, r.categoryId)}` : ''}`, `at least ${r.count.value}`);
  }
  return m;
}

export function diffCatalogs(from: Catalog, to: Catalog): CatalogDiff {
  const before = allProcedures(from);
  const after = allProcedures(to);
  const pairs: Array<[ProcedureRef, ProcedureRef]> = [];
  const unmatchedAfter = new Map(after.map((p) => [p.id, p]));
  const unmatchedBefore: ProcedureRef[] = [];
  for (const a of before) {
    const b = unmatchedAfter.get(a.id);
    if (b) {
      pairs.push([a, b]);
      unmatchedAfter.delete(a.id);
    } else unmatchedBefore.push(a);
  }
  const removed: ProcedureRef[] = [];
  for (const a of unmatchedBefore) {
    const b = [...unmatchedAfter.values()].find((p) => p.name.trim().toLowerCase() === a.name.trim().toLowerCase());
    if (b) {
      pairs.push([a, b]);
      unmatchedAfter.delete(b.id);
    } else removed.push(a);
  }
  const view = (c: Catalog, p: ProcedureRef): DiffProcedure => ({ id: p.id, name: p.name, category: categoryName(c, p.categoryId) });
  // In the order of the newer catalog, as the user reads it.
  const position = new Map(after.map((p, i) => [p.id, i]));
  const changed = pairs
    .sort(([, x], [, y]) => position.get(x.id)! - position.get(y.id)!)
    .map(([a, b]) => ({ ...view(to, b), changes: procedureChanges(from, a, to, b) }))
    .filter((c) => c.changes.length > 0);

  const ra = ruleText(from);
  const rb = ruleText(to);
  const rules: string[] = [];
  for (const k of new Set([...ra.keys(), ...rb.keys()])) {
    const x = ra.get(k) ?? 'not set';
    const y = rb.get(k) ?? 'not set';
    if (x !== y) rules.push(`${k}: ${x} → ${y}`);
  }
  const added = [...unmatchedAfter.values()].map((p) => view(to, p));
  const gone = removed.map((p) => view(from, p));
  return { added, removed: gone, changed, rules, same: added.length + gone.length + changed.length + rules.length === 0 };
}
