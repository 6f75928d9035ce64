import { z } from 'zod';
import { DISCIPLINE_CODES } from '../disciplines';
import { isIsoDate } from '../dates';
import type { Track } from '../domain';
import { channel } from './define';

export const isoDate = z
  .string()
  .trim()
  .max(10, { message: 'Use a real date as YYYY-MM-DD.', abort: true })
  .refine(isIsoDate, { message: 'Use a real date as YYYY-MM-DD.' });

export const id = z.number().int().positive();

const trackFields = {
  discipline: z.enum(DISCIPLINE_CODES, { message: 'Choose one of the eight ARRT disciplines.' }),
  name: z.string().trim().max(80, { message: 'Keep the name under 80 characters.', abort: true }).optional(),
  startDate: isoDate,
  plannedApplicationDate: isoDate.nullish(),
  examWindowAssignedOn: isoDate.nullish(),
  supportingCredential: z.string().trim().max(40, { message: 'Keep the credential under 40 characters.', abort: true }).nullish(),
  mqsaQualifiedOn: isoDate.nullish(),
};

export const trackCreateInput = z.strictObject(trackFields);
export type TrackCreateInput = z.input<typeof trackCreateInput>;

/**
 * An edit sends the whole track form again: every field is replaced, absent optionals become empty.
 * The catalog is not a field here: catalogs.assign sets it, guarded by the version rules.
 */
export const trackUpdateInput = z.strictObject({ id, ...trackFields });
export type TrackUpdateInput = z.input<typeof trackUpdateInput>;

export const trackChannels = {
  'tracks.list': channel<Track[]>()(z.undefined()),
  'tracks.create': channel<Track>()(trackCreateInput),
  'tracks.update': channel<Track>()(trackUpdateInput),
};
