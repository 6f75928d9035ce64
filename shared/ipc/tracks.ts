import { z } from 'zod';
import { DISCIPLINE_CODES } from '../disciplines';
import { isIsoDate } from '../dates';
import type { Track } from '../domain';
import { channel } from './define';

export const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, { message: 'Use a real date as YYYY-MM-DD.' });

export const id = z.number().int().positive();

export const trackCreateInput = z.object({
  discipline: z.enum(DISCIPLINE_CODES, { message: 'Choose one of the eight ARRT disciplines.' }),
  name: z.string().trim().max(80, 'Keep the name under 80 characters.').optional(),
  startDate: isoDate,
  plannedApplicationDate: isoDate.nullish(),
  supportingCredential: z.string().trim().max(40).nullish(),
});
export type TrackCreateInput = z.input<typeof trackCreateInput>;

export const trackChannels = {
  'tracks.list': channel<Track[]>()(z.undefined()),
  'tracks.create': channel<Track>()(trackCreateInput),
};
