// The requirement catalog format: one JSON document per discipline and requirement version.
//
// Exported API
//   catalogSchema            zod schema of a catalog file (strict: unknown keys are errors)
//   Catalog, CatalogInput    parsed / raw catalog types
//   Procedure, Category, GroupRule, Sourced, ...   parts of a catalog
//   parseCatalogJson(text)   JSON text -> { ok, catalog } | { ok:false, issues } with readable paths
//   allProcedures(catalog)   flat list of procedures with their category id
//   sourcedNumbers(catalog)  every sourced value in a catalog with its path (used to prove that no
//                            shipped ARRT catalog holds an unconfirmed number)
//   EXAMPLE_LABEL            the label every example catalog must carry
//
// Every number (and every date that acts as a rule) is a `Sourced` value: the value, where it came
// from, and whether that source states it (`confirmed`). Shipped ARRT catalogs hold only confirmed
// values; numbers a user transcribes from an ARRT worksheet are `confirmed: false` with the worksheet
// named as source. Unknown numbers are `null`, never guessed. Full description: docs/catalog-format.md.
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { DISCIPLINE_CODES } from '../disciplines';

export const CATALOG_FORMAT = 1;
export const EXAMPLE_LABEL = 'Example — not ARRT requirements';

const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date as YYYY-MM-DD.' });
const source = z.string().trim().min(1, 'Name the source of this value (a URL or "ARRT worksheet").');

export const slugId = z
  .string()
  .min(1, 'An id cannot be empty.')
  .max(80, 'Keep ids under 80 characters.')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes for ids (e.g. "routine-head").');

const sourcedInt = (min: number) =>
  z.strictObject({ value: z.number().int().min(min), source, confirmed: z.boolean() });

/** A count of at least 1 with its source. */
export const sourcedCount = sourcedInt(1);
/** A count that may be 0 (e.g. a minimum per category) with its source. */
export const sourcedCountOrZero = sourcedInt(0);
/**
 * A figure RadLedger works out from a rule the source states (e.g. "the older version expires 24
 * months after the newest version's effective date") rather than one the source prints: it is
 * `confirmed: false` and names the rule and the date it is counted from.
 */
export const derivation = z.strictObject({
  rule: z.string().trim().min(1, 'Name the rule the figure is worked out from.').max(300),
  from: isoDate,
});
export const sourcedDate = z.strictObject({ value: isoDate, source, confirmed: z.boolean(), derived: derivation.optional() });
/** A yes/no rule (e.g. "MQSA compliance required") with its source. */
export const sourcedFlag = z.strictObject({ value: z.boolean(), source, confirmed: z.boolean() });

export const PROCEDURE_KINDS = ['mandatory', 'elective', 'unknown'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const procedureSchema = z.strictObject({
  id: slugId,
  name: z.string().trim().min(1, 'Name the procedure.').max(200, 'Keep procedure names under 200 characters.'),
  /** 'unknown' only in partial ARRT catalogs, where a source names the procedure but not its status. */
  kind: z.enum(PROCEDURE_KINDS),
  /** null = not known; the engine then cannot say how many remain. */
  repetitionsRequired: sourcedCount.nullable(),
  /** At most this many repetitions count toward requirements; more are kept but not counted. */
  maxCounted: sourcedCount.nullable().default(null),
  /** A quality-control test: subject to the per-QC-test-per-day cap, never to the per-patient cap. */
  qcTest: z.boolean().default(false),
  /** null = the rule is not known (the entry counts, flagged). */
  simulationAllowed: z.boolean().nullable().default(null),
});

export const categorySchema = z.strictObject({
  id: slugId,
  name: z.string().trim().min(1, 'Name the category.').max(200),
  procedures: z.array(procedureSchema).default([]),
});

export const groupRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('minElectives'),
    /** null = over the whole catalog; otherwise the category the rule applies to. */
    categoryId: slugId.nullable(),
    /** This many different elective procedures must be completed (each to its repetitions). */
    count: sourcedCount,
  }),
  z.strictObject({
    type: z.literal('totalRepetitions'),
    count: sourcedCount,
  }),
]);

export const educationSchema = z.strictObject({
  totalCredits: sourcedCount,
  minPerCategory: sourcedCountOrZero,
  /** false = the content categories of this discipline are not known here. */
  categoriesKnown: z.boolean(),
  categories: z.array(z.strictObject({ id: slugId, name: z.string().trim().min(1).max(200), source, confirmed: z.boolean() })),
});

export const CATALOG_KINDS = ['arrt', 'custom', 'example'] as const;
export const PROCEDURE_STATUSES = ['complete', 'partial', 'unknown'] as const;
export type ProceduresStatus = (typeof PROCEDURE_STATUSES)[number];

export const catalogSchema = z
  .strictObject({
    format: z.literal(CATALOG_FORMAT),
    /** Stable name of this catalog version, e.g. "arrt-m-2025-09". Saved revisions share it. */
    key: slugId,
    kind: z.enum(CATALOG_KINDS),
    title: z.string().trim().min(1, 'Give the catalog a title.').max(200),
    /** Shown wherever the catalog is named (the example's "not ARRT requirements"). */
    label: z.string().max(200).nullable().default(null),
    discipline: z.enum([...DISCIPLINE_CODES, 'CUSTOM']),
    versionLabel: z.string().trim().min(1, 'Name the version (e.g. "2025-09-01").').max(80),
    effectiveDate: sourcedDate.nullable(),
    /** The newer version that replaces this one: no track may start on this one from that date. */
    supersededBy: z.strictObject({ key: slugId, effectiveDate: sourcedDate }).nullable().default(null),
    /** From this date the version is no longer accepted (exclusive end of validity). */
    expiresOn: sourcedDate.nullable().default(null),
    dailyCap: sourcedCount.nullable(),
    /** The daily cap applies to procedures performed on or after this date. */
    dailyCapAppliesFrom: sourcedDate.nullable().default(null),
    windowMonths: sourcedCount.nullable(),
    perPatientPerDay: sourcedCount.nullable().default(null),
    perQcTestPerDay: sourcedCount.nullable().default(null),
    /** Entries performed before the user's MQSA-qualification date are flagged. */
    mqsaRequired: sourcedFlag.nullable().default(null),
    /** 'unknown': the procedure list must be filled from the ARRT worksheet. */
    proceduresStatus: z.enum(PROCEDURE_STATUSES),
    categories: z.array(categorySchema).default([]),
    groupRules: z.array(groupRuleSchema).default([]),
    education: educationSchema.nullable().default(null),
    notes: z.array(z.string().max(2000)).default([]),
  })
  .superRefine((c, ctx) => {
    const catIds = new Set<string>();
    const procIds = new Set<string>();
    c.categories.forEach((cat, ci) => {
      if (catIds.has(cat.id)) ctx.addIssue({ code: 'custom', path: ['categories', ci, 'id'], message: `Category id "${cat.id}" is used twice.` });
      catIds.add(cat.id);
      cat.procedures.forEach((p, pi) => {
        if (procIds.has(p.id)) {
          ctx.addIssue({ code: 'custom', path: ['categories', ci, 'procedures', pi, 'id'], message: `Procedure id "${p.id}" is used twice.` });
        }
        procIds.add(p.id);
        if (p.kind === 'unknown' && c.proceduresStatus === 'complete') {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', ci, 'procedures', pi, 'kind'],
            message: `"${p.name}": say whether it is mandatory or elective (a complete catalog cannot hold "unknown").`,
          });
        }
        if (p.maxCounted && p.repetitionsRequired && p.maxCounted.value < p.repetitionsRequired.value) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', ci, 'procedures', pi, 'maxCounted'],
            message: `"${p.name}": the maximum counted (${p.maxCounted.value}) is below the repetitions required (${p.repetitionsRequired.value}).`,
          });
        }
      });
    });
    if (c.proceduresStatus === 'complete' && procIds.size === 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'A complete catalog needs at least one procedure.' });
    }
    if (c.proceduresStatus === 'unknown' && procIds.size > 0) {
      ctx.addIssue({ code: 'custom', path: ['proceduresStatus'], message: 'The catalog lists procedures: mark it "partial" or "complete".' });
    }
    c.groupRules.forEach((r, ri) => {
      if (r.type === 'minElectives' && r.categoryId !== null && !catIds.has(r.categoryId)) {
        ctx.addIssue({ code: 'custom', path: ['groupRules', ri, 'categoryId'], message: `No category has the id "${r.categoryId}".` });
      }
    });
    if (c.kind === 'example' && c.label !== EXAMPLE_LABEL) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: `An example catalog must be labelled "${EXAMPLE_LABEL}".` });
    }
    if (c.discipline === 'CUSTOM' && c.kind === 'arrt') {
      ctx.addIssue({ code: 'custom', path: ['discipline'], message: 'An ARRT catalog belongs to one of the eight ARRT disciplines.' });
    }
  });

export type CatalogInput = z.input<typeof catalogSchema>;
export type Catalog = z.output<typeof catalogSchema>;
export type Category = Catalog['categories'][number];
export type Procedure = Category['procedures'][number];
export type GroupRule = Catalog['groupRules'][number];
export type Derivation = z.output<typeof derivation>;
export type Sourced<T> = { value: T; source: string; confirmed: boolean; derived?: Derivation | undefined };
export type CatalogIssue = { path: string; message: string };

/** Parses catalog JSON text, e.g. an imported file. Errors name the field, never throw. */
export function parseCatalogJson(text: string): { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `This is not a JSON file (${(err as Error).message}).` }] };
  }
  return validateCatalog(raw);
}

export function validateCatalog(raw: unknown): { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] } {
  const parsed = catalogSchema.safeParse(raw);
  if (parsed.success) return { ok: true, catalog: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

export interface ProcedureRef extends Procedure {
  categoryId: string;
}

export function allProcedures(catalog: Catalog): ProcedureRef[] {
  return catalog.categories.flatMap((c) => c.procedures.map((p) => ({ ...p, categoryId: c.id })));
}

/** Every Sourced value in the catalog (any object with value+source+confirmed), with its path. */
export function sourcedNumbers(catalog: Catalog): Array<{ path: string } & Sourced<unknown>> {
  const out: Array<{ path: string } & Sourced<unknown>> = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('value' in o && 'source' in o && 'confirmed' in o) {
        out.push({ path, value: o.value, source: String(o.source), confirmed: o.confirmed === true, ...(o.derived ? { derived: o.derived as Derivation } : {}) });
      }
      for (const [k, x] of Object.entries(o)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  walk(catalog, '');
  return out;
}
