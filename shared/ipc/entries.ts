import { z } from 'zod';
import type { Entry } from '../domain';
import { ENTRY_STATUSES } from '../domain';
import { channel } from './define';
import { id, isoDate } from './tracks';

export const NOTES_MAX = 2000;

export const entryCreateInput = z.object({
  trackId: id,
  performedOn: isoDate,
  performedAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time as HH:MM.')
    .nullish(),
  procedureName: z.string().trim().min(1, 'Name the procedure.').max(200, 'Keep the procedure name under 200 characters.'),
  procedureId: z.string().max(80).nullish(),
  siteName: z.string().trim().max(120, 'Keep the site name under 120 characters.').nullish(),
  notes: z.string().max(NOTES_MAX, `Keep notes under ${NOTES_MAX} characters.`).default(''),
  simulated: z.boolean().default(false),
  status: z.enum(ENTRY_STATUSES).default('draft'),
});
export type EntryCreateInput = z.input<typeof entryCreateInput>;

export const entryListInput = z.object({
  trackId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});

export interface EntryPage {
  rows: Entry[];
  total: number;
}

export const entryChannels = {
  'entries.create': channel<Entry>()(entryCreateInput),
  'entries.list': channel<EntryPage>()(entryListInput),
};
