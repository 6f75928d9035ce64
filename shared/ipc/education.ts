// Structured education: activities per track, user-named content categories, the engine's verdict.
import { z } from 'zod';
import type { EducationActivityRecord, EducationCategoryOption, EducationSummary } from '../education/summary';
import { attachmentUpload } from './compliance';
import { channel } from './define';
import { id, isoDate } from './tracks';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `Keep ${what} under ${max} characters.`, abort: true });

const activityFields = z.strictObject({
  completedOn: isoDate,
  title: text(200, 'the title').min(1, 'Name the activity (e.g. the course or article title).'),
  provider: text(120, 'the provider').default(''),
  credits: z
    .number({ message: 'Enter the CE credits as a number.' })
    .positive('Credits must be more than 0.')
    .max(100, 'Enter at most 100 credits for one activity.')
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: 'Use at most two decimals (e.g. 1.25).' }),
  categoryKey: z.string().trim().min(1, 'Pick the content category.').max(80, { abort: true }),
  attachment: attachmentUpload.nullish(),
});

export const educationCreateInput = activityFields.extend({ trackId: id });
export type EducationCreateInput = z.input<typeof educationCreateInput>;
export const educationUpdateInput = activityFields.extend({ id, removeAttachment: z.boolean().default(false) });
export type EducationUpdateInput = z.input<typeof educationUpdateInput>;

export const educationCategoriesInput = z.strictObject({
  trackId: id,
  names: z
    .array(text(200, 'a category name').min(1, 'A category needs a name.'))
    .max(20, 'Name at most 20 categories.')
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, { message: 'Each category name may appear once.' }),
});

export interface EducationActivityView extends EducationActivityRecord {
  categoryName: string;
  /** Credits that count, and why the rest do not (null when all count). */
  counts: boolean;
  reason: string | null;
}

export interface EducationData {
  trackId: number;
  activities: EducationActivityView[];
  categories: EducationCategoryOption[];
  summary: EducationSummary;
  /** True when the user may name the categories (the discipline's are not known to RadLedger). */
  categoriesEditable: boolean;
}

export interface EducationSaved extends EducationActivityRecord {
  /** PHI-guard warnings on the free text (never a block). */
  warnings: string[];
}

export const educationChannels = {
  'education.list': channel<EducationData>()(z.strictObject({ trackId: id })),
  'education.create': channel<EducationSaved>()(educationCreateInput),
  'education.update': channel<EducationSaved>()(educationUpdateInput),
  'education.remove': channel<{ id: number }>()(z.strictObject({ id })),
  'education.restore': channel<EducationActivityRecord>()(z.strictObject({ id })),
  'education.setCategories': channel<EducationCategoryOption[]>()(educationCategoriesInput),
};
