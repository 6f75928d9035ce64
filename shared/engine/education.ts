// Structured education (docs/arrt-rules.md, "Structured education", confirmed): 16 CE credits aimed at
// the discipline's content specifications, at least 1 in each major content category, earned in
// the same 24-month window before the application as the procedures.
//
// Exported API
//   evaluateEducation(catalog, activities, context) -> EducationEvaluation
//   academicToCe(system, credits)  academic credit -> CE credits (12 per quarter, 16 per semester credit)
//   EducationActivity, EducationEvaluation, EducationReason
import type { Catalog } from '../catalog/schema';
import { windowOf, type EngineContext } from './evaluate';

export interface EducationActivity {
  id: number;
  completedOn: string;
  /** Credits per content category; an activity may cover several categories. */
  credits: Array<{ categoryId: string; credits: number }>;
}

export type EducationReason = 'in-future' | 'expired' | 'unknown-category';

export interface EducationEvaluation {
  /** False when the catalog does not define structured education. */
  defined: boolean;
  requiredTotal: number | null;
  minPerCategory: number | null;
  counted: number;
  remaining: number | null;
  categories: Array<{ categoryId: string; name: string; counted: number; met: boolean }>;
  /** Credits that did not count, per activity line, with the reason. */
  rejected: Array<{ activityId: number; categoryId: string; credits: number; reason: EducationReason }>;
  missing: string[];
  met: boolean | null;
}

const CE_PER_ACADEMIC_CREDIT = { quarter: 12, semester: 16 } as const;

export function academicToCe(system: keyof typeof CE_PER_ACADEMIC_CREDIT, credits: number): number {
  return credits * CE_PER_ACADEMIC_CREDIT[system];
}

export function evaluateEducation(catalog: Catalog, activities: readonly EducationActivity[], context: EngineContext): EducationEvaluation {
  const edu = catalog.education;
  if (!edu) {
    return { defined: false, requiredTotal: null, minPerCategory: null, counted: 0, remaining: null, categories: [], rejected: [], missing: [], met: null };
  }
  // The same window as the procedures, frozen the same way once an exam window is assigned.
  const { windowStart } = windowOf(catalog.windowMonths?.value ?? null, context);
  const known = new Set(edu.categories.map((c) => c.id));
  const perCategory = new Map<string, number>();
  const rejected: EducationEvaluation['rejected'] = [];
  let counted = 0;
  for (const a of activities) {
    for (const line of a.credits) {
      let reason: EducationReason | null = null;
      if (a.completedOn > context.today) reason = 'in-future';
      else if (windowStart !== null && a.completedOn < windowStart) reason = 'expired';
      else if (edu.categoriesKnown && !known.has(line.categoryId)) reason = 'unknown-category';
      if (reason) {
        rejected.push({ activityId: a.id, categoryId: line.categoryId, credits: line.credits, reason });
        continue;
      }
      counted += line.credits;
      perCategory.set(line.categoryId, (perCategory.get(line.categoryId) ?? 0) + line.credits);
    }
  }
  const requiredTotal = edu.totalCredits.value;
  const minPer = edu.minPerCategory.value;
  const categories = edu.categories.map((c) => {
    const n = perCategory.get(c.id) ?? 0;
    return { categoryId: c.id, name: c.name, counted: n, met: n >= minPer };
  });
  const missing: string[] = [];
  const remaining = Math.max(0, requiredTotal - counted);
  if (remaining > 0) missing.push(`${remaining} more structured-education ${remaining === 1 ? 'credit' : 'credits'} (${counted} of ${requiredTotal})`);
  for (const c of categories) {
    if (!c.met) missing.push(`${minPer - c.counted} more ${minPer - c.counted === 1 ? 'credit' : 'credits'} in ${c.name}`);
  }
  if (!edu.categoriesKnown) missing.push('The content categories are not filled in: copy them from the ARRT content specifications.');
  const met = edu.categoriesKnown ? remaining === 0 && categories.every((c) => c.met) : null;
  return { defined: true, requiredTotal, minPerCategory: minPer, counted, remaining, categories, rejected, missing, met };
}
