import { z } from 'zod';
import type { Entry, EntryStatus, Site } from '../domain';
import { ENTRY_STATUSES } from '../domain';
import type { AttestedItem, ChecklistItem, SignatureKind } from '../signoff/checklist';
import type { EligibilityWarning } from '../signoff/eligibility';
import { channel } from './define';
import { id, isoDate } from './tracks';

/** Which entries a session, packet or paper attachment is about. */
export const batchInput = z
  .strictObject({
    trackId: id,
    siteId: id.nullish(),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
    statuses: z.array(z.enum(ENTRY_STATUSES)).max(4).nullish(),
  })
  .refine((b) => !b.from || !b.to || b.from <= b.to, { message: 'The start date must not be after the end date.', path: ['to'] });
export type BatchInput = z.input<typeof batchInput>;

export const SIGN_METHODS = ['drawn', 'typed', 'paper'] as const;
export type SignMethod = (typeof SIGN_METHODS)[number];
export const SIGNATURE_KINDS = ['verifier', 'supervisor'] as const;

/** Where the candidate's name comes from on packets and for the self-verification warning. */
export interface Candidate {
  name: string;
  arrtId: string | null;
}

export type SignatureValidity =
  | { state: 'valid' }
  /**
   * Void for some ('partly-void') or all ('void') of the entries it covers: each entry has its own
   * digest, so an edit voids the signature of that entry only. `on` is the day of the first edit or
   * deletion after signing, when the audit log knows it.
   */
  | { state: 'void' | 'partly-void'; on: string | null; reason: string; voidEntryIds: number[] };

export interface SignatureView {
  id: number;
  kind: SignatureKind;
  method: SignMethod;
  trackId: number;
  siteId: number | null;
  siteName: string | null;
  verifierId: number | null;
  signerName: string;
  signerCredentials: string;
  signedAt: string;
  digest: string;
  entryIds: number[];
  checklist: AttestedItem[];
  /** Signed in a fillable PDF review form returned by the reviewer (the form is kept as evidence). */
  reviewFormId: number | null;
  /** Paper path: the scanned signed copy. */
  attachment: { id: number; fileName: string; mime: string; size: number } | null;
  validity: SignatureValidity;
}

/**
 * How an entry stands with respect to review: the newest verifier signature or review decision
 * about it decides. Rejected and needs-correction entries never count as signed.
 */
export type EntrySignState = 'unsigned' | 'signed' | 'signed-on-paper' | 'void' | 'rejected' | 'needs-correction';

/** An entry's review state with who decided it and, for a returned entry, why. */
export interface EntryMark {
  state: EntrySignState;
  by: string | null;
  at: string | null;
  /** The reviewer's reason (rejected) or note (needs correction). */
  reason: string | null;
  /** A returned entry edited since it was returned: waiting for a new review. */
  changedSince: boolean;
}

export interface SignoffPreview {
  entries: Entry[];
  /** SHA-256 over the entries' own digests (review digest): what the reviewer sees as a whole. */
  digest: string;
  /** ARRT's entries-per-day limit for this discipline (null: none known or before it applied). */
  dailyCap: number | null;
  /** Entries beyond the daily cap of their day, counting every entry of the track that day in time order. */
  overCapIds: number[];
  /** Entries of the track logged on each day of the batch (all sites), for the day headings. */
  dayCounts: Record<string, number>;
  checklist: ChecklistItem[];
  notes: string[];
  warnings: EligibilityWarning[];
  signer: { name: string; credentials: string } | null;
}

export const previewInput = z.strictObject({
  batch: batchInput,
  kind: z.enum(SIGNATURE_KINDS).default('verifier'),
  verifierId: id.nullish(),
});

/** A drawn signature: a PNG data URL from the canvas; capped so a session cannot bloat the DB. */
export const SIGNATURE_PNG_MAX = 400_000;
export const pngDataUrl = z
  .string()
  .max(SIGNATURE_PNG_MAX, { message: 'The drawn signature is too large; clear it and sign again.', abort: true })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'The drawn signature is not a PNG image.');

export const signInput = z
  .strictObject({
    batch: batchInput,
    kind: z.enum(SIGNATURE_KINDS),
    verifierId: id,
    /** Exactly the entries the signer saw. */
    entryIds: z.array(id).min(1, 'Choose at least one entry to sign.').max(5000),
    /** The digest the signer saw; if the entries changed since, signing is refused. */
    digest: z.string().max(64, { abort: true }).regex(/^[0-9a-f]{64}$/),
    signerName: z.string().trim().min(1, 'Type the signer’s name.').max(120, { abort: true }),
    method: z.enum(['drawn', 'typed']),
    signaturePng: pngDataUrl.nullish(),
    attested: z.record(z.string().max(80, { abort: true }), z.boolean()),
  })
  .refine((s) => s.method !== 'drawn' || !!s.signaturePng, { message: 'Draw the signature first.', path: ['signaturePng'] });
export type SignInput = z.input<typeof signInput>;

/** Scanned signed copies: PDF, PNG or JPEG, at most 15 MB (base64 in the call). */
export const ATTACHMENT_MAX_BYTES = 15 * 1024 * 1024;

export const attachPaperInput = z.strictObject({
  batch: batchInput,
  kind: z.enum(SIGNATURE_KINDS).default('verifier'),
  verifierId: id,
  digest: z.string().max(64, { abort: true }).regex(/^[0-9a-f]{64}$/),
  entryIds: z.array(id).min(1).max(5000),
  fileName: z.string().trim().min(1).max(200, { abort: true }),
  base64: z.string().min(1).max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { message: 'The scan is larger than 15 MB.', abort: true }),
});

export interface IntegrityReport {
  checkedAt: string;
  auditRows: number;
  chainBreaks: Array<{ auditId: number; reason: string }>;
  /** Entries whose row differs from the app's last recorded version of it. */
  alteredEntries: Array<{ entryId: number; reason: string; fields: string[] }>;
  entriesChecked: number;
  /**
   * Entries created by a spreadsheet import and never edited since: the import's audit row records
   * the id range, not each entry's fields, so these are checked for presence and an untouched
   * update time only, not field by field.
   */
  importedUnedited: number;
  ok: boolean;
}

export interface SignoffOptions {
  sites: Site[];
  candidate: Candidate | null;
}

export interface EntrySignStates {
  states: Record<number, EntrySignState>;
  marks: Record<number, EntryMark>;
  statuses: Record<number, EntryStatus>;
}

export const signoffChannels = {
  'signoff.options': channel<SignoffOptions>()(z.undefined()),
  'signoff.saveCandidate': channel<Candidate>()(
    z.strictObject({
      name: z.string().trim().min(1, 'Enter your name as ARRT knows it.').max(120, { abort: true }),
      arrtId: z
        .string()
        .trim()
        .max(20, { abort: true })
        .regex(/^\d*$/, 'An ARRT ID is digits only.')
        .nullish()
        .transform((v) => (v ? v : null)),
    }),
  ),
  'signoff.preview': channel<SignoffPreview>()(previewInput),
  'signoff.sign': channel<SignatureView>()(signInput),
  'signoff.attachPaper': channel<SignatureView>()(attachPaperInput),
  'signoff.list': channel<SignatureView[]>()(z.strictObject({ trackId: id.nullish() }).default({})),
  'signoff.entryStates': channel<EntrySignStates>()(z.strictObject({ trackId: id })),
  'signoff.attachment': channel<{ fileName: string; mime: string; base64: string }>()(z.strictObject({ signatureId: id })),
  'signoff.integrity': channel<IntegrityReport>()(z.undefined()),
};
