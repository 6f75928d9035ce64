// Structured education: the activities a track records (with an optional certificate, checked and
// stored like the compliance wallet's), the content categories a user names where RadLedger does not
// know them, and the engine's verdict (shared/engine/education.ts) for the dashboard and documents.
import { currentCatalogFor } from '../../../shared/catalog/builtin';
import type { Catalog } from '../../../shared/catalog/schema';
import { localIsoDate } from '../../../shared/dates';
import type { Track } from '../../../shared/domain';
import { categoryKeyFor, summarizeEducation, type CategoriesOrigin, type EducationActivityRecord, type EducationCategoryOption, type EducationSummary } from '../../../shared/education/summary';
import { evaluateEducation, type EducationActivity } from '../../../shared/engine/education';
import type { EducationActivityView, EducationData, educationChannels } from '../../../shared/ipc/education';
import { detectPhi, phiWarningMessage } from '../../../shared/phi';
import { AppFailure } from '../../../shared/result';
import { prepareAttachment, stageAttachment, type PreparedAttachment } from '../attachments';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import type { EducationSectionData } from '../pdf/education';
import { referAttachment, type AttachmentRef } from '../tables/compliance';
import {
  activityCountsByCategory,
  getActivity,
  getActivityAttachmentRef,
  insertActivity,
  listActivities,
  listUserCategories,
  replaceUserCategories,
  setActivityDeleted,
  updateActivity,
  type ActivityFields,
} from '../tables/education';
import { getTrack } from '../tables/tracks';
import { engineContext, trackCatalog } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

/** Names recorded as the source of categories the user copies from ARRT's content specification. */
export const USER_CATEGORY_SOURCE = 'Named by you from the ARRT content specification (not known to RadLedger)';

export interface EducationRules {
  /** The catalog to evaluate with: the track's, its education section completed where needed. */
  catalog: Catalog | null;
  origin: CategoriesOrigin;
  categories: EducationCategoryOption[];
  editable: boolean;
}

/**
 * The structured-education rules of a track: its catalog's, else (a catalog filled from a worksheet
 * carries no education section) the discipline's shipped ARRT catalog's. Where the categories are not
 * known, the ones the user named stand in, marked as theirs.
 */
export function educationRules(db: DB, track: Track): EducationRules {
  const catalog = trackCatalog(db, track);
  const shipped = currentCatalogFor(track.discipline, track.startDate) ?? null;
  const base = catalog ?? shipped;
  const edu = catalog?.education ?? shipped?.education ?? null;
  if (!base || !edu) return { catalog: base, origin: 'none', categories: [], editable: false };
  const windowMonths = base.windowMonths ?? shipped?.windowMonths ?? null;
  if (edu.categoriesKnown) {
    return {
      catalog: { ...base, windowMonths, education: edu },
      origin: 'catalog',
      categories: edu.categories.map((c) => ({ key: c.id, name: c.name })),
      editable: false,
    };
  }
  const mine = listUserCategories(db, track.id);
  const completed =
    mine.length === 0
      ? edu
      : { ...edu, categoriesKnown: true, categories: mine.map((c) => ({ id: c.key, name: c.name, source: USER_CATEGORY_SOURCE, confirmed: false })) };
  return { catalog: { ...base, windowMonths, education: completed }, origin: mine.length ? 'user' : 'none', categories: mine, editable: true };
}

function engineActivities(list: readonly EducationActivityRecord[]): EducationActivity[] {
  return list.map((a) => ({ id: a.id, completedOn: a.completedOn, credits: [{ categoryId: a.categoryKey, credits: a.credits }] }));
}

/** The engine's verdict on a track's education, in words; also used by the dashboard and the PDFs. */
export function educationSummary(db: DB, track: Track, today: string, activities = listActivities(db, track.id), rules = educationRules(db, track)): EducationSummary {
  const windowMonths = rules.catalog?.windowMonths?.value ?? null;
  if (!rules.catalog) {
    const undefinedRule = { defined: false, requiredTotal: null, minPerCategory: null, counted: 0, remaining: null, categories: [], rejected: [], missing: [], met: null };
    return summarizeEducation(undefinedRule, activities.length, 'none', null, null);
  }
  const evaluation = evaluateEducation(rules.catalog, engineActivities(activities), engineContext(track, today));
  return summarizeEducation(evaluation, activities.length, rules.origin, windowMonths, rules.catalog.education?.totalCredits.source ?? null);
}

/** Everything the Education screen shows for a track (also the documents' section). */
export function educationView(db: DB, track: Track, today: string): EducationData {
  const rules = educationRules(db, track);
  const activities = listActivities(db, track.id);
  const summary = educationSummary(db, track, today, activities, rules);
  const names = new Map(rules.categories.map((c) => [c.key, c.name]));
  const why = new Map<number, string>();
  for (const r of summary.notCounting) why.set(r.activityId, r.text);
  const views: EducationActivityView[] = activities.map((a) => ({
    ...a,
    categoryName: names.get(a.categoryKey) ?? `${a.categoryKey} (not a category of this discipline)`,
    counts: !why.has(a.id),
    reason: why.get(a.id) ?? null,
  }));
  return { trackId: track.id, activities: views, categories: rules.categories, summary, categoriesEditable: rules.editable };
}

/** The section the progress report and the packet draw. */
export function educationSectionData(db: DB, track: Track, today: string): EducationSectionData {
  const v = educationView(db, track, today);
  return {
    summary: v.summary,
    activities: v.activities.map((a) => ({
      completedOn: a.completedOn,
      title: a.title,
      provider: a.provider,
      categoryName: a.categoryName,
      credits: a.credits,
      counts: a.counts,
      reason: a.reason,
      certificate: a.attachment !== null,
    })),
  };
}

function requireTrack(db: DB, id: number): Track {
  const t = getTrack(db, id);
  if (!t) throw new AppFailure('not-found', 'That track no longer exists.', [{ path: 'trackId', message: 'That track no longer exists.' }]);
  return t;
}

function requireActivity(db: DB, id: number): EducationActivityRecord {
  const a = getActivity(db, id);
  if (!a) throw new AppFailure('not-found', 'That education activity no longer exists.');
  return a;
}

type ActivityInput = { completedOn: string; title: string; provider: string; credits: number; categoryKey: string; attachment?: { name: string; dataBase64: string } | null | undefined };

/** Everything judged before writing: the date, the category, then the file's content. */
function precheck(ctx: Ctx, track: Track, input: ActivityInput): PreparedAttachment | null {
  const today = localIsoDate(ctx.now());
  if (input.completedOn > today) {
    throw new AppFailure('validation', 'The completion date cannot be in the future.', [{ path: 'completedOn', message: 'The completion date cannot be in the future.' }]);
  }
  const rules = educationRules(ctx.db, track);
  if (!rules.catalog?.education) {
    const m = 'This track’s requirements do not define structured education.';
    throw new AppFailure('validation', m, [{ path: 'categoryKey', message: m }]);
  }
  if (!rules.categories.some((c) => c.key === input.categoryKey)) {
    const m = rules.categories.length
      ? 'Pick one of the content categories listed.'
      : 'Name the content categories from your ARRT content specification first.';
    throw new AppFailure('validation', m, [{ path: 'categoryKey', message: m }]);
  }
  return input.attachment ? prepareAttachment(input.attachment) : null;
}

function withStagedFile<T>(ctx: Ctx, prepared: PreparedAttachment | null, write: (attachment: AttachmentRef | null) => T): T {
  const staged = prepared ? stageAttachment(ctx.dataDir, prepared) : null;
  try {
    return ctx.db.transaction(() => {
      const now = ctx.now().toISOString();
      const out = write(prepared ? referAttachment(ctx.db, { ...prepared, sizeBytes: prepared.bytes.length }, now) : null);
      staged?.place();
      return out;
    })();
  } catch (err) {
    staged?.discard();
    throw err;
  }
}

function fieldsOf(input: ActivityInput, attachment: AttachmentRef | null): ActivityFields {
  return {
    completedOn: input.completedOn,
    title: input.title,
    provider: input.provider,
    credits: input.credits,
    categoryKey: input.categoryKey,
    attachmentId: attachment?.id ?? null,
    attachmentName: attachment?.name ?? null,
  };
}

function phiWarnings(input: ActivityInput): string[] {
  const findings = detectPhi(`${input.title}\n${input.provider}`);
  return findings.length ? [phiWarningMessage(findings)] : [];
}

export const educationHandlers: HandlerMap<ChannelsOf<typeof educationChannels>> = {
  'education.list': (ctx, input) => educationView(ctx.db, requireTrack(ctx.db, input.trackId), localIsoDate(ctx.now())),

  'education.create': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    const prepared = precheck(ctx, track, input);
    return withStagedFile(ctx, prepared, (attachment) => {
      const now = ctx.now().toISOString();
      const id = insertActivity(ctx.db, track.id, fieldsOf(input, attachment), now);
      const saved = getActivity(ctx.db, id)!;
      appendAudit(ctx.db, now, 'education_activity', id, 'create', null, saved);
      return { ...saved, warnings: phiWarnings(input) };
    });
  },

  'education.update': (ctx, input) => {
    const before = requireActivity(ctx.db, input.id);
    const track = requireTrack(ctx.db, before.trackId);
    const prepared = precheck(ctx, track, input);
    return withStagedFile(ctx, prepared, (fresh) => {
      const now = ctx.now().toISOString();
      const kept = input.removeAttachment ? null : (getActivityAttachmentRef(ctx.db, input.id) ?? null);
      updateActivity(ctx.db, input.id, fieldsOf(input, fresh ?? kept), now);
      const saved = getActivity(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'education_activity', input.id, 'update', before, saved);
      return { ...saved, warnings: phiWarnings(input) };
    });
  },

  // Soft delete, so the toast's undo can bring the activity (and its certificate) back.
  'education.remove': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = requireActivity(ctx.db, input.id);
      setActivityDeleted(ctx.db, input.id, now, now);
      appendAudit(ctx.db, now, 'education_activity', input.id, 'delete', before, null);
      return { id: input.id };
    })();
  },

  'education.restore': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      if (!getActivity(ctx.db, input.id, { includeDeleted: true })) throw new AppFailure('not-found', 'That education activity no longer exists.');
      setActivityDeleted(ctx.db, input.id, null, now);
      const after = getActivity(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'education_activity', input.id, 'restore', null, after);
      return after;
    })();
  },

  'education.setCategories': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    const rules = educationRules(ctx.db, track);
    if (!rules.editable) {
      const m = rules.origin === 'catalog' ? 'This discipline’s content categories are known to RadLedger and come with its requirements.' : 'This track’s requirements do not define structured education.';
      throw new AppFailure('validation', m, [{ path: 'names', message: m }]);
    }
    // Keep the key of a category whose name stays, so activities filed under it keep their category.
    const old = new Map(rules.categories.map((c) => [c.name.toLowerCase(), c.key]));
    const taken = new Set<string>(rules.categories.map((c) => c.key));
    const next: EducationCategoryOption[] = input.names.map((name) => {
      const key = old.get(name.toLowerCase());
      if (key) return { key, name };
      const fresh = categoryKeyFor(name, taken);
      taken.add(fresh);
      return { key: fresh, name };
    });
    const inUse = activityCountsByCategory(ctx.db, track.id);
    const dropped = rules.categories.filter((c) => !next.some((n) => n.key === c.key) && (inUse.get(c.key) ?? 0) > 0);
    if (dropped.length) {
      const m = `“${dropped[0]!.name}” has ${inUse.get(dropped[0]!.key)} activities filed under it: move them to another category first.`;
      throw new AppFailure('conflict', m, [{ path: 'names', message: m }]);
    }
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      replaceUserCategories(ctx.db, track.id, next, now);
      appendAudit(ctx.db, now, 'education_categories', track.id, 'update', rules.categories, next);
      return next;
    })();
  },
};
