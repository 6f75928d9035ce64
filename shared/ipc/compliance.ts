import { z } from 'zod';
import { ATTACHMENT_MAX_BASE64, ATTACHMENT_MAX_BYTES, formatBytes } from '../sites/attachment-check';
import type { ExpiryReminder, MatrixRow } from '../sites/compliance';
import { COMPLIANCE_KINDS, HIPAA_SOURCES, INSURANCE_COVERAGES, LABELLED_KINDS, type ComplianceItem } from '../sites/types';
import { channel } from './define';
import { id, isoDate } from './tracks';

const text = (max: number, what: string) => z.string().trim().max(max, { message: `Keep ${what} under ${max} characters.`, abort: true });

/** A file picked in the renderer, sent as base64: the renderer never hands the backend a path. */
export const attachmentUpload = z.strictObject({
  name: z.string().trim().min(1).max(255, { message: 'Keep the file name under 255 characters.', abort: true }),
  dataBase64: z
    .string()
    .max(ATTACHMENT_MAX_BASE64, { message: `Attachments are limited to ${formatBytes(ATTACHMENT_MAX_BYTES)}.`, abort: true })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read; pick it again.'),
});
export type AttachmentUpload = z.input<typeof attachmentUpload>;

const itemFields = z.strictObject({
  kind: z.enum(COMPLIANCE_KINDS),
  label: text(80, 'the label').default(''),
  issuedOn: isoDate.nullish(),
  expiresOn: isoDate.nullish(),
  hipaaSource: z.enum(HIPAA_SOURCES).nullish(),
  insuranceCoverage: z.enum(INSURANCE_COVERAGES).nullish(),
  insurer: text(120, 'the insurer').default(''),
  policyNumber: text(60, 'the policy number').default(''),
  notes: text(1000, 'notes').default(''),
  attachment: attachmentUpload.nullish(),
});

const labelled = <T extends { kind: (typeof COMPLIANCE_KINDS)[number]; label: string }>(v: T) =>
  !LABELLED_KINDS.includes(v.kind) || v.label !== '';
const labelMessage = { message: 'Name which one (e.g. "Hepatitis B" or "TB test").', path: ['label'] };

export const complianceCreateInput = itemFields.refine(labelled, labelMessage);
export type ComplianceCreateInput = z.input<typeof complianceCreateInput>;
export const complianceUpdateInput = itemFields
  .extend({ id, removeAttachment: z.boolean().default(false) })
  .refine(labelled, labelMessage);
export type ComplianceUpdateInput = z.input<typeof complianceUpdateInput>;

export interface AttachmentData {
  name: string;
  mime: string;
  sizeBytes: number;
  /** A data: URL, the only way file content reaches the renderer. */
  dataUrl: string;
}

/**
 * A stored document, by its attachment id and the wallet item (`itemId`) or education activity
 * (`activityId`) it is opened from: the same bytes may be attached to several under different
 * names, and each is served under its own. Without either, under the name it was first stored as.
 */
export const attachmentRequest = z
  .strictObject({ id, itemId: id.optional(), activityId: id.optional() })
  .refine((v) => v.itemId === undefined || v.activityId === undefined, { message: 'Open a document from one item or one activity.', path: ['activityId'] });

export const linkInput = z.strictObject({
  kind: z.enum(COMPLIANCE_KINDS),
  label: text(80, 'the label').default(''),
  itemId: id,
});
export const unlinkInput = z.strictObject({ kind: z.enum(COMPLIANCE_KINDS), label: text(80, 'the label').default('') });

export const complianceChannels = {
  'compliance.link': channel<MatrixRow[]>()(linkInput),
  'compliance.unlink': channel<MatrixRow[]>()(unlinkInput),
  'compliance.list': channel<ComplianceItem[]>()(z.undefined()),
  'compliance.create': channel<ComplianceItem>()(complianceCreateInput),
  'compliance.update': channel<ComplianceItem>()(complianceUpdateInput),
  'compliance.remove': channel<{ id: number }>()(z.strictObject({ id })),
  'compliance.restore': channel<ComplianceItem>()(z.strictObject({ id })),
  'compliance.matrix': channel<MatrixRow[]>()(z.undefined()),
  'compliance.reminders': channel<ExpiryReminder[]>()(z.undefined()),
  'compliance.attachment': channel<AttachmentData>()(attachmentRequest),
};
