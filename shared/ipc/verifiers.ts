import { z } from 'zod';
import { channel } from './define';
import { id } from './tracks';

/** A person who verifies procedures or gives a supervisor's final approval. No account anywhere. */
export interface Verifier {
  id: number;
  name: string;
  /** As the person writes them, e.g. "R.T.(R)(CT)(ARRT)", "MD". */
  credentials: string;
  arrtId: string | null;
  email: string | null;
  siteIds: number[];
  siteNames: string[];
  createdAt: string;
}

export const verifierSaveInput = z.strictObject({
  id: id.optional(),
  name: z.string().trim().min(1, 'Enter the verifier’s name.').max(120, { message: 'Keep the name under 120 characters.', abort: true }),
  credentials: z.string().trim().max(80, { message: 'Keep credentials under 80 characters.', abort: true }).default(''),
  arrtId: z
    .string()
    .trim()
    .max(20, { abort: true })
    .regex(/^\d*$/, 'An ARRT ID is digits only.')
    .nullish()
    .transform((v) => (v ? v : null)),
  email: z
    .string()
    .trim()
    .max(200, { abort: true })
    .refine((v) => v === '' || /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(v), 'Enter an email such as name@hospital.org.')
    .nullish()
    .transform((v) => (v ? v : null)),
  /** Sites where the verifier works or is affiliated (ARRT requires one of the two). */
  siteIds: z.array(id).max(100).default([]),
});
export type VerifierSaveInput = z.input<typeof verifierSaveInput>;

export const verifierChannels = {
  'verifiers.list': channel<Verifier[]>()(z.undefined()),
  'verifiers.save': channel<Verifier>()(verifierSaveInput),
  'verifiers.archive': channel<{ archived: number }>()(z.strictObject({ id })),
};
