// Structured education as the user sees it: the activities a track records, the content categories
// they can be filed under, and the engine's verdict (shared/engine/education.ts) in plain words.
//
// Exported API
//   EducationActivityRecord, EducationCategoryOption, EducationSummary, CategoriesOrigin
//   summarizeEducation(evaluation, activities, origin, windowMonths) -> EducationSummary
//   educationReasonText(reason, windowMonths)                        why credits do not count
//   categoryKeyFor(name, taken)                                      slug for a user-named category
import { trimEndRuns, trimRuns } from '../text';
import type { EducationEvaluation, EducationReason } from '../engine/education';
import type { AttachmentMeta } from '../sites/types';

export interface EducationActivityRecord {
  id: number;
  trackId: number;
  completedOn: string;
  title: string;
  provider: string;
  /** CE credits (academic credit converted: 12 per quarter credit, 16 per semester credit). */
  credits: number;
  categoryKey: string;
  attachment: AttachmentMeta | null;
  createdAt: string;
  updatedAt: string;
}

export interface EducationCategoryOption {
  key: string;
  name: string;
}

/**
 * Where the content categories come from: the catalog (known to RadLedger), the user (named from
 * ARRT's content specification because RadLedger does not know them), or nowhere yet.
 */
export type CategoriesOrigin = 'catalog' | 'user' | 'none';

export interface EducationSummary {
  /** False when neither the track's catalog nor the discipline's ARRT catalog defines structured education. */
  defined: boolean;
  requiredTotal: number | null;
  minPerCategory: number | null;
  counted: number;
  remaining: number | null;
  categoriesOrigin: CategoriesOrigin;
  categories: Array<{ key: string; name: string; counted: number; met: boolean }>;
  /** Names of the categories still below the minimum. */
  missingCategories: string[];
  /** The engine's plain-language list of what is missing. */
  missing: string[];
  met: boolean | null;
  /** One sentence: credits done of required, categories covered of known. */
  text: string;
  activityCount: number;
  /** Per activity that does not (fully) count: the reason in words. */
  notCounting: Array<{ activityId: number; credits: number; reason: EducationReason; text: string }>;
  /** Source of the rule (the ARRT page), when known. */
  source: string | null;
}

export function educationReasonText(reason: EducationReason, windowMonths: number | null): string {
  switch (reason) {
    case 'in-future':
      return 'The date is in the future.';
    case 'expired':
      return `Completed more than ${windowMonths ?? '?'} months before the application date.`;
    case 'unknown-category':
      return 'Its content category is not one of this discipline’s.';
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : trimEndRuns(n.toFixed(2), '0'));
export const formatCredits = fmt;

export function summarizeEducation(
  evaluation: EducationEvaluation,
  activityCount: number,
  origin: CategoriesOrigin,
  windowMonths: number | null,
  source: string | null,
): EducationSummary {
  const categories = evaluation.categories.map((c) => ({ key: c.categoryId, name: c.name, counted: c.counted, met: c.met }));
  const missingCategories = categories.filter((c) => !c.met).map((c) => c.name);
  let text: string;
  if (!evaluation.defined) text = 'This catalog does not define structured education.';
  else {
    const credits = `${fmt(evaluation.counted)} of ${evaluation.requiredTotal} credits`;
    if (origin === 'none') text = `${credits}; the content categories are not known to RadLedger: name them from your ARRT content specification.`;
    else {
      const covered = categories.length - missingCategories.length;
      text = `${credits}; ${covered} of ${categories.length} content categories covered`;
      text += missingCategories.length ? ` (missing: ${missingCategories.join(', ')}).` : '.';
    }
  }
  return {
    defined: evaluation.defined,
    requiredTotal: evaluation.requiredTotal,
    minPerCategory: evaluation.minPerCategory,
    counted: evaluation.counted,
    remaining: evaluation.remaining,
    categoriesOrigin: origin,
    categories,
    missingCategories,
    missing: evaluation.missing,
    met: evaluation.met,
    text,
    activityCount,
    notCounting: evaluation.rejected.map((r) => ({ activityId: r.activityId, credits: r.credits, reason: r.reason, text: educationReasonText(r.reason, windowMonths) })),
    source,
  };
}

/** A slug id for a category the user names ("Patient Care" -> "patient-care"), unique among `taken`. */
export function categoryKeyFor(name: string, taken: ReadonlySet<string>): string {
  const base = trimRuns(name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-'), '-').slice(0, 60) || 'category';
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}
