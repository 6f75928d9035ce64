// Per-entry review (on this device or through a fillable PDF form sent to a remote reviewer), what
// an edit would void, and the entries returned to the candidate. See docs/signoff.md.
import { z } from 'zod';
import type { Entry } from '../domain';
import type { SignatureKind } from '../signoff/checklist';
import { ATTACHMENT_MAX_BASE64 } from '../sites/attachment-check';
import { channel } from './define';
import type { SavedFile } from './documents';
import { entryUpdateInput } from './entries';
import { batchInput, pngDataUrl, SIGNATURE_KINDS, type EntryMark, type SignatureView } from './signoff';
import { id } from './tracks';

export const REVIEW_DECISIONS = ['accept', 'reject', 'correct'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REASON_MAX = 500;

export const decisionInput = z
  .strictObject({
    entryId: id,
    decision: z.enum(REVIEW_DECISIONS),
    reason: z.string().trim().max(REASON_MAX, { message: `Keep the reason under ${REASON_MAX} characters.`, abort: true }).default(''),
  })
  .refine((d) => d.decision === 'accept' || d.reason.length > 0, {
    message: 'Say why, so the candidate can correct it.',
    path: ['reason'],
  });

/** A per-entry review: accepted entries are signed, the others go back to the candidate. */
export const reviewInput = z
  .strictObject({
    batch: batchInput,
    kind: z.enum(SIGNATURE_KINDS),
    verifierId: id,
    /** Exactly the entries the reviewer saw, each with a decision. */
    decisions: z.array(decisionInput).min(1, 'Decide on at least one entry.').max(5000),
    digest: z.string().max(64, { abort: true }).regex(/^[0-9a-f]{64}$/),
    signerName: z.string().trim().min(1, 'Type the signer’s name.').max(120, { abort: true }),
    method: z.enum(['drawn', 'typed']),
    signaturePng: pngDataUrl.nullish(),
    attested: z.record(z.string().max(80, { abort: true }), z.boolean()).default({}),
  })
  .refine((s) => s.method !== 'drawn' || !s.decisions.some((d) => d.decision === 'accept') || !!s.signaturePng, {
    message: 'Draw the signature first.',
    path: ['signaturePng'],
  });
export type ReviewInput = z.input<typeof reviewInput>;

export interface ReviewResult {
  signature: SignatureView | null;
  accepted: number;
  rejected: number;
  corrections: number;
}

/** Whose signatures an edit would void, asked before saving it. */
export interface EditImpact {
  voids: Array<{ signatureId: number; kind: SignatureKind; signerName: string; signerCredentials: string; signedAt: string; otherEntries: number }>;
}

/** A returned (rejected or needs-correction) entry, for the Log and Today. */
export interface ReturnedEntry {
  entry: Entry;
  mark: EntryMark;
}

/** What "Send for review" produced: the form and what it covers. */
export interface ReviewFormFile {
  pdf: SavedFile;
  formId: string;
  entryCount: number;
}

/** What importing a returned form did. */
export interface ReviewFormApplied extends ReviewResult {
  signerName: string;
  formId: string;
}

/** A returned form is kept as an attachment: the attachments' size limit applies (10 MB). */

export const reviewChannels = {
  'review.submit': channel<ReviewResult>()(reviewInput),
  'review.editImpact': channel<EditImpact>()(entryUpdateInput),
  'review.returned': channel<ReturnedEntry[]>()(z.strictObject({ trackId: id.nullish() }).default({})),
  'review.sendForm': channel<ReviewFormFile>()(z.strictObject({ batch: batchInput, kind: z.enum(SIGNATURE_KINDS).default('verifier'), verifierId: id })),
  'review.importForm': channel<ReviewFormApplied>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(200, { abort: true }),
      base64: z.string().min(1).max(ATTACHMENT_MAX_BASE64, { message: 'The form is larger than 10 MB.', abort: true }),
    }),
  ),
};
