// The catalog editor's working state and the pure operations on it.
//
// The grid edits text (a half-typed "1" or an empty cell must be representable), so the draft keeps
// cells as strings and turns them into a catalog only to validate or save. Every number keeps the
// Sourced object it came with until the user changes it; a changed number becomes the user's own
// ("from my worksheet", confirmed: false), so nothing the user typed is ever shown as ARRT's.
//
// Procedure and category ids are kept across renames and re-pastes because logged entries point at
// procedure ids: renaming "Head routine" to "Routine Head" must not orphan its entries.
import { slugify, type PasteResult } from '../../../shared/catalog/paste-parser';
import {
  validateCatalog,
  type Catalog,
  type CatalogInput,
  type CatalogIssue,
  type ProcedureKind,
  type ProceduresStatus,
  type Sourced,
} from '../../../shared/catalog/schema';
import { readableMessage } from './issues';

export type SimulationChoice = 'unknown' | 'yes' | 'no';

export interface ProcRow {
  uid: string;
  /** The saved id (kept on rename); null for a row added here (derived from the name on save). */
  id: string | null;
  name: string;
  kind: ProcedureKind;
  reps: string;
  repsSource: Sourced<number> | null;
  maxCounted: string;
  maxSource: Sourced<number> | null;
  qcTest: boolean;
  simulation: SimulationChoice;
}

export interface CategoryRow {
  uid: string;
  id: string | null;
  name: string;
  procedures: ProcRow[];
}

export interface RuleRow {
  uid: string;
  type: 'minElectives' | 'totalRepetitions';
  /** uid of the category for a per-category elective rule; null = over the whole catalog. */
  categoryUid: string | null;
  count: string;
  countSource: Sourced<number> | null;
}

export interface Draft {
  /** The catalog this draft started from (rules, dates and caps are carried over unchanged). */
  base: Catalog;
  title: string;
  versionLabel: string;
  discipline: Catalog['discipline'];
  /** Recorded as the source of every number the user types or pastes. */
  mySource: string;
  categories: CategoryRow[];
  rules: RuleRow[];
  /** A custom catalog's own daily cap and window (text, as typed); ARRT catalogs keep ARRT's. */
  dailyCap: string;
  windowMonths: string;
}

export const NUMBER_FIELDS = ['reps', 'maxCounted'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

let uidCounter = 0;
export const newUid = (prefix: string) => `${prefix}${++uidCounter}`;

export function defaultSource(kind: Catalog['kind']): string {
  return kind === 'custom' ? 'Entered by me' : 'My ARRT worksheet (entered by me)';
}

const numText = (s: Sourced<number> | null) => (s ? String(s.value) : '');

export function draftFrom(catalog: Catalog): Draft {
  const categories = catalog.categories.map<CategoryRow>((c) => ({
    uid: newUid('c'),
    id: c.id,
    name: c.name,
    procedures: c.procedures.map((p) => ({
      uid: newUid('p'),
      id: p.id,
      name: p.name,
      kind: p.kind,
      reps: numText(p.repetitionsRequired),
      repsSource: p.repetitionsRequired,
      maxCounted: numText(p.maxCounted),
      maxSource: p.maxCounted,
      qcTest: p.qcTest,
      simulation: p.simulationAllowed === null ? 'unknown' : p.simulationAllowed ? 'yes' : 'no',
    })),
  }));
  const uidOfCategory = (id: string | null) => (id === null ? null : (categories.find((c) => c.id === id)?.uid ?? null));
  return {
    base: catalog,
    title: catalog.title,
    versionLabel: catalog.versionLabel,
    discipline: catalog.discipline,
    mySource: defaultSource(catalog.kind),
    dailyCap: numText(catalog.dailyCap),
    windowMonths: numText(catalog.windowMonths),
    categories,
    rules: catalog.groupRules.map((r) => ({
      uid: newUid('r'),
      type: r.type,
      categoryUid: r.type === 'minElectives' ? uidOfCategory(r.categoryId) : null,
      count: String(r.count.value),
      countSource: r.count,
    })),
  };
}

/** A blank custom catalog (school competency list, another board). */
export function newCustomCatalog(key: string): Catalog {
  return {
    format: 1,
    key,
    kind: 'custom',
    title: 'My custom catalog',
    label: null,
    discipline: 'CUSTOM',
    versionLabel: 'Version 1',
    effectiveDate: null,
    supersededBy: null,
    expiresOn: null,
    dailyCap: null,
    dailyCapAppliesFrom: null,
    windowMonths: null,
    perPatientPerDay: null,
    perQcTestPerDay: null,
    mqsaRequired: null,
    proceduresStatus: 'unknown',
    categories: [],
    groupRules: [],
    education: null,
    notes: [],
  };
}

/** A key no existing catalog uses: a new custom catalog must not become a revision of another one. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  const stem = slugify(base).slice(0, 70) || 'custom';
  let key = stem;
  for (let i = 2; taken.has(key); i++) key = `${stem}-${i}`;
  return key;
}

export function blankRow(): ProcRow {
  return {
    uid: newUid('p'),
    id: null,
    name: '',
    kind: 'mandatory',
    reps: '',
    repsSource: null,
    maxCounted: '',
    maxSource: null,
    qcTest: false,
    simulation: 'unknown',
  };
}

export const isBlankRow = (p: ProcRow) => p.name.trim() === '' && p.reps.trim() === '' && p.maxCounted.trim() === '';

// ---- operations (each returns a new draft) ----

function mapProc(d: Draft, uid: string, f: (p: ProcRow) => ProcRow): Draft {
  return { ...d, categories: d.categories.map((c) => ({ ...c, procedures: c.procedures.map((p) => (p.uid === uid ? f(p) : p)) })) };
}

export function setText(d: Draft, uid: string, field: 'name' | NumberField, text: string): Draft {
  return mapProc(d, uid, (p) => {
    switch (field) {
      case 'name':
        return { ...p, name: text };
      case 'reps':
        return { ...p, reps: text, repsSource: null };
      case 'maxCounted':
        return { ...p, maxCounted: text, maxSource: null };
    }
  });
}

export function setKind(d: Draft, uid: string, kind: ProcedureKind): Draft {
  return mapProc(d, uid, (p) => ({ ...p, kind }));
}

export function setQc(d: Draft, uid: string, qcTest: boolean): Draft {
  return mapProc(d, uid, (p) => ({ ...p, qcTest }));
}

export function setSimulation(d: Draft, uid: string, simulation: SimulationChoice): Draft {
  return mapProc(d, uid, (p) => ({ ...p, simulation }));
}

/** Adds a blank row after `afterUid` (or at the end of the category); returns the new row's uid. */
export function addRow(d: Draft, categoryUid: string, afterUid?: string): { draft: Draft; uid: string } {
  const row = blankRow();
  return {
    uid: row.uid,
    draft: {
      ...d,
      categories: d.categories.map((c) => {
        if (c.uid !== categoryUid) return c;
        const at = afterUid ? c.procedures.findIndex((p) => p.uid === afterUid) + 1 : c.procedures.length;
        const procedures = [...c.procedures];
        procedures.splice(at <= 0 ? procedures.length : at, 0, row);
        return { ...c, procedures };
      }),
    },
  };
}

export function deleteRow(d: Draft, uid: string): Draft {
  return { ...d, categories: d.categories.map((c) => ({ ...c, procedures: c.procedures.filter((p) => p.uid !== uid) })) };
}

/** Moves a procedure up or down within its category (reordering across categories is a cut/paste). */
export function moveRow(d: Draft, uid: string, delta: -1 | 1): Draft {
  return {
    ...d,
    categories: d.categories.map((c) => {
      const i = c.procedures.findIndex((p) => p.uid === uid);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= c.procedures.length) return c;
      const procedures = [...c.procedures];
      [procedures[i], procedures[j]] = [procedures[j]!, procedures[i]!];
      return { ...c, procedures };
    }),
  };
}

export function renameCategory(d: Draft, uid: string, name: string): Draft {
  return { ...d, categories: d.categories.map((c) => (c.uid === uid ? { ...c, name } : c)) };
}

export function addCategory(d: Draft, name: string): { draft: Draft; uid: string; rowUid: string } {
  const row = blankRow();
  const cat: CategoryRow = { uid: newUid('c'), id: null, name, procedures: [row] };
  return { draft: { ...d, categories: [...d.categories, cat] }, uid: cat.uid, rowUid: row.uid };
}

/** Removes a category; its elective rule (if any) goes with it. */
export function deleteCategory(d: Draft, uid: string): Draft {
  return { ...d, categories: d.categories.filter((c) => c.uid !== uid), rules: d.rules.filter((r) => r.categoryUid !== uid) };
}

export function addRule(d: Draft, type: RuleRow['type']): Draft {
  return { ...d, rules: [...d.rules, { uid: newUid('r'), type, categoryUid: null, count: '', countSource: null }] };
}

export function setRule(d: Draft, uid: string, patch: Partial<Pick<RuleRow, 'type' | 'categoryUid' | 'count'>>): Draft {
  return {
    ...d,
    rules: d.rules.map((r) => (r.uid === uid ? { ...r, ...patch, countSource: patch.count !== undefined ? null : r.countSource } : r)),
  };
}

export function deleteRule(d: Draft, uid: string): Draft {
  return { ...d, rules: d.rules.filter((r) => r.uid !== uid) };
}

/** A rule ARRT states (confirmed): shown read-only, never edited or removed here. */
export const isConfirmedRule = (r: RuleRow) => r.countSource?.confirmed === true;

export type PasteMode = 'replace' | 'append';

/**
 * Puts pasted procedures into the draft. 'replace' swaps the procedure list but reuses the id of
 * any procedure or category whose name matches (so entries already logged against it stay linked);
 * 'append' adds the rows to matching categories or new ones. Pasted group rules replace unconfirmed
 * rules of the same type; confirmed ARRT rules are kept.
 */
export function applyPaste(d: Draft, paste: PasteResult, mode: PasteMode): Draft {
  const norm = (s: string) => s.trim().toLowerCase();
  const oldProcs = new Map(d.categories.flatMap((c) => c.procedures).map((p) => [norm(p.name), p.id] as const));
  const oldCats = new Map(d.categories.map((c) => [norm(c.name), c] as const));
  const categories = mode === 'replace' ? [] : d.categories.map((c) => ({ ...c, procedures: [...c.procedures] }));
  for (const pc of paste.categories) {
    let cat = categories.find((c) => norm(c.name) === norm(pc.name));
    if (!cat) {
      cat = { uid: newUid('c'), id: oldCats.get(norm(pc.name))?.id ?? null, name: pc.name, procedures: [] };
      categories.push(cat);
    }
    for (const p of pc.procedures ?? []) {
      const reps = p.repetitionsRequired ?? null;
      cat.procedures.push({
        ...blankRow(),
        id: mode === 'replace' ? (oldProcs.get(norm(p.name)) ?? null) : null,
        name: p.name,
        kind: p.kind,
        reps: reps ? String(reps.value) : '',
        repsSource: reps,
      });
    }
  }
  let rules = d.rules;
  for (const r of paste.rules) {
    rules = rules.filter((x) => isConfirmedRule(x) || x.type !== r.type || (r.type === 'minElectives' && x.categoryUid !== null));
    if (rules.some((x) => isConfirmedRule(x) && x.type === r.type)) continue;
    rules = [...rules, { uid: newUid('r'), type: r.type, categoryUid: null, count: String(r.count.value), countSource: r.count }];
  }
  return { ...d, categories, rules };
}

// ---- draft -> catalog ----

/** Where a validation issue belongs in the editor. */
export type IssueTarget =
  | { at: 'proc'; uid: string; field: 'name' | 'kind' | NumberField }
  | { at: 'category'; uid: string }
  | { at: 'rule'; uid: string }
  | { at: 'meta'; field: 'title' | 'versionLabel' | 'discipline' | 'dailyCap' | 'windowMonths' }
  | { at: 'catalog' };

export interface LocatedIssue extends CatalogIssue {
  target: IssueTarget;
}

export interface Built {
  catalog: CatalogInput;
  /** Cell-level problems found before the schema (e.g. "12a" in a count). */
  issues: LocatedIssue[];
}

function procStatus(procs: ProcRow[]): ProceduresStatus {
  if (procs.length === 0) return 'unknown';
  return procs.some((p) => p.kind === 'unknown' || p.reps.trim() === '') ? 'partial' : 'complete';
}

function uniqueIdFrom(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
  used.add(id);
  return id;
}

/** The rows that will be saved: fully blank rows (a fresh "add row") are left out. */
export function savedRows(d: Draft): CategoryRow[] {
  return d.categories.map((c) => ({ ...c, procedures: c.procedures.filter((p) => !isBlankRow(p)) }));
}

export function buildCatalog(d: Draft): Built {
  const issues: LocatedIssue[] = [];
  const sourced = (text: string, kept: Sourced<number> | null, onBad: (message: string) => void): Sourced<number> | null => {
    const t = text.trim();
    if (t === '') return null;
    if (!/^\d+$/.test(t)) {
      onBad(`"${t}" is not a whole number.`);
      return null;
    }
    const value = Number(t);
    if (value < 1) {
      onBad('Use 1 or more, or leave it empty.');
      return null;
    }
    return kept && kept.value === value ? kept : { value, source: d.mySource.trim() || defaultSource(d.base.kind), confirmed: false };
  };
  const cats = savedRows(d);
  const usedCat = new Set(cats.flatMap((c) => (c.id ? [c.id] : [])));
  const usedProc = new Set(cats.flatMap((c) => c.procedures.flatMap((p) => (p.id ? [p.id] : []))));
  const catIdOf = new Map<string, string>();
  const categories = cats.map((c, ci) => {
    const id = c.id ?? uniqueIdFrom(slugify(c.name), usedCat);
    catIdOf.set(c.uid, id);
    return {
      id,
      name: c.name,
      procedures: c.procedures.map((p, pi) => {
        const bad = (field: NumberField) => (message: string) =>
          issues.push({ path: `categories.${ci}.procedures.${pi}.${field === 'reps' ? 'repetitionsRequired' : 'maxCounted'}`, message, target: { at: 'proc', uid: p.uid, field } });
        return {
          id: p.id ?? uniqueIdFrom(slugify(p.name), usedProc),
          name: p.name,
          kind: p.kind,
          repetitionsRequired: sourced(p.reps, p.repsSource, bad('reps')),
          maxCounted: sourced(p.maxCounted, p.maxSource, bad('maxCounted')),
          qcTest: p.qcTest,
          simulationAllowed: p.simulation === 'unknown' ? null : p.simulation === 'yes',
        };
      }),
    };
  });
  const groupRules = d.rules.flatMap((r): NonNullable<CatalogInput['groupRules']> => {
    const count = sourced(r.count, r.countSource, (message) => issues.push({ path: 'groupRules', message, target: { at: 'rule', uid: r.uid } }));
    if (!count) {
      if (r.count.trim() === '') issues.push({ path: 'groupRules', message: 'Type the number this rule asks for.', target: { at: 'rule', uid: r.uid } });
      return [];
    }
    return r.type === 'totalRepetitions'
      ? [{ type: 'totalRepetitions', count }]
      : [{ type: 'minElectives', categoryId: r.categoryUid === null ? null : (catIdOf.get(r.categoryUid) ?? r.categoryUid), count }];
  });
  // Only a custom catalog sets its own cap and window; an ARRT or example catalog keeps its own.
  const own = d.base.kind === 'custom';
  const metaBad = (field: 'dailyCap' | 'windowMonths') => (message: string) => issues.push({ path: field, message, target: { at: 'meta', field } });
  const catalog: CatalogInput = {
    ...d.base,
    ...(own
      ? {
          dailyCap: sourced(d.dailyCap ?? '', d.base.dailyCap, metaBad('dailyCap')),
          windowMonths: sourced(d.windowMonths ?? '', d.base.windowMonths, metaBad('windowMonths')),
        }
      : {}),
    title: d.title,
    versionLabel: d.versionLabel,
    discipline: d.discipline,
    proceduresStatus: procStatus(cats.flatMap((c) => c.procedures)),
    categories,
    groupRules,
  };
  return { catalog, issues };
}

/** Maps a schema issue path back to the editor field it belongs to. */
export function locate(d: Draft, path: string): IssueTarget {
  const seg = path.split('.');
  const cats = savedRows(d);
  if (seg[0] === 'categories' && seg[1] !== undefined) {
    const cat = cats[Number(seg[1])];
    if (!cat) return { at: 'catalog' };
    if (seg[2] === 'procedures' && seg[3] !== undefined) {
      const p = cat.procedures[Number(seg[3])];
      if (!p) return { at: 'category', uid: cat.uid };
      const f = seg[4];
      const field = f === 'repetitionsRequired' ? 'reps' : f === 'maxCounted' ? 'maxCounted' : f === 'kind' ? 'kind' : 'name';
      return { at: 'proc', uid: p.uid, field };
    }
    return { at: 'category', uid: cat.uid };
  }
  if (seg[0] === 'groupRules' && seg[1] !== undefined) {
    const r = d.rules[Number(seg[1])];
    return r ? { at: 'rule', uid: r.uid } : { at: 'catalog' };
  }
  if (seg[0] === 'title' || seg[0] === 'versionLabel' || seg[0] === 'discipline' || seg[0] === 'dailyCap' || seg[0] === 'windowMonths') {
    return { at: 'meta', field: seg[0] };
  }
  return { at: 'catalog' };
}

export interface Checked {
  catalog: CatalogInput;
  parsed: Catalog | null;
  issues: LocatedIssue[];
}

/** Builds and validates with the catalog schema; issues point at editor fields. */
export function checkDraft(d: Draft): Checked {
  const built = buildCatalog(d);
  const v = validateCatalog(built.catalog);
  const schemaIssues = v.ok ? [] : v.issues.map((i) => ({ ...i, message: readableMessage(i.message), target: locate(d, i.path) }));
  const issues = [...built.issues, ...schemaIssues];
  return { catalog: built.catalog, parsed: v.ok && built.issues.length === 0 ? v.catalog : null, issues };
}

export function targetKey(t: IssueTarget): string {
  switch (t.at) {
    case 'proc':
      return `proc:${t.uid}:${t.field}`;
    case 'category':
      return `category:${t.uid}`;
    case 'rule':
      return `rule:${t.uid}`;
    case 'meta':
      return `meta:${t.field}`;
    case 'catalog':
      return 'catalog';
  }
}

/** Issues grouped by field key, messages joined. */
export function issuesByField(issues: LocatedIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const k = targetKey(i.target);
    out.set(k, out.has(k) ? `${out.get(k)} ${i.message}` : i.message);
  }
  return out;
}
