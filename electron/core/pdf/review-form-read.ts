// Reads a returned review form with pdf-lib (a different library than pdfkit, which wrote it, so the
// reading does not depend on pdfkit's own quirks). Only the form's fields and the document
// information are read; nothing in the file is run or trusted beyond these values, which the
// importer then checks against RadLedger's own copy of what the form was sent with.
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFRef, PDFSignature, PDFString, PDFTextField } from 'pdf-lib';
import { AppFailure } from '../../../shared/result';
import { fieldNames, PAYLOAD_FIELD, REVIEW_FORM_INFO_KEY, type ReviewFormPayload } from './review-form';

export interface ReadReviewForm {
  /** The payload field's text, exactly as found (hashing it detects any change). */
  payloadText: string | null;
  payload: ReviewFormPayload | null;
  /** The document information copy (hex JSON), decoded. */
  infoPayload: ReviewFormPayload | null;
  entries: Array<{ n: number; uuid: string | null; digest: string | null; decision: string | null; reason: string }>;
  confirmed: Record<string, boolean>;
  name: string;
  credentials: string;
  date: string;
  typedSignature: string;
  digitallySigned: boolean;
}

function parsePayload(text: string | null): ReviewFormPayload | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as ReviewFormPayload;
    return v && typeof v === 'object' && Array.isArray(v.entries) ? v : null;
  } catch {
    return null;
  }
}

export async function readReviewForm(bytes: Uint8Array, checklistIds: readonly string[]): Promise<ReadReviewForm> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppFailure('validation', 'This file is not a readable PDF.');
  }
  const form = pdf.getForm();
  const fields = new Map(form.getFields().map((f) => [f.getName(), f] as const));
  const textOf = (name: string): string | null => {
    const f = fields.get(name);
    return f instanceof PDFTextField ? (f.getText() ?? '') : null;
  };

  const info = pdf.context.lookup(pdf.context.trailerInfo.Info);
  let infoPayload: ReviewFormPayload | null = null;
  if (info && 'get' in info) {
    // pdfkit writes information values as indirect objects: look them up.
    const raw = pdf.context.lookup((info as { get: (k: PDFName) => PDFRef | undefined }).get(PDFName.of(REVIEW_FORM_INFO_KEY)));
    const hex = raw instanceof PDFString || raw instanceof PDFHexString ? raw.decodeText() : null;
    if (hex && /^[0-9a-f]+$/i.test(hex)) infoPayload = parsePayload(Buffer.from(hex, 'hex').toString('utf8'));
  }

  const payloadText = textOf(PAYLOAD_FIELD);
  const payload = parsePayload(payloadText);
  const count = Math.max(payload?.entries.length ?? 0, infoPayload?.entries.length ?? 0);
  const entries: ReadReviewForm['entries'] = [];
  for (let n = 1; n <= count; n++) {
    const d = fields.get(fieldNames.decision(n));
    entries.push({
      n,
      uuid: textOf(fieldNames.uuid(n)),
      digest: textOf(fieldNames.digest(n)),
      decision: d instanceof PDFDropdown ? (d.getSelected()[0] ?? null) : d instanceof PDFTextField ? (d.getText() ?? null) : null,
      reason: (textOf(fieldNames.reason(n)) ?? '').trim(),
    });
  }
  const confirmed: Record<string, boolean> = {};
  for (const id of checklistIds) {
    const f = fields.get(fieldNames.confirm(id));
    confirmed[id] = f instanceof PDFCheckBox ? f.isChecked() : false;
  }
  const sig = fields.get(fieldNames.digitalSignature);
  const digitallySigned = sig instanceof PDFSignature && sig.acroField.dict.get(PDFName.of('V')) !== undefined;
  return {
    payloadText,
    payload,
    infoPayload,
    entries,
    confirmed,
    name: (textOf(fieldNames.name) ?? '').trim(),
    credentials: (textOf(fieldNames.credentials) ?? '').trim(),
    date: (textOf(fieldNames.date) ?? '').trim(),
    typedSignature: (textOf(fieldNames.typedSignature) ?? '').trim(),
    digitallySigned,
  };
}
