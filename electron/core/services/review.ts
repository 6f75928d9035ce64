// Per-entry review: on this device (review.submit) or through a fillable PDF form sent to a remote
// reviewer (review.sendForm / review.importForm); what an edit would void (review.editImpact); the
// entries returned to the candidate (review.returned). Signatures and their validity: ./signoff.ts.
import { trimEndRuns } from '../../../shared/text';
import { randomUUID } from 'node:crypto';
import { disciplineByCode } from '../../../shared/disciplines';
import type { Entry } from '../../../shared/domain';
import type { EditImpact, ReviewDecision, ReviewResult, ReturnedEntry, reviewChannels } from '../../../shared/ipc/review';
import { detectPhi, phiWarningMessage } from '../../../shared/phi';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { checklistFor, missingAttestations, VERIFIER_NOTES, type SignatureKind } from '../../../shared/signoff/checklist';
import { canonicalJson, appendAudit, sha256 } from '../audit';
import { prepareAttachment, stageAttachment } from '../attachments';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import { REVIEW_FORM_FORMAT, REVIEW_FORM_VERSION } from '../pdf/formats';
import type { ReviewFormPayload } from '../pdf/review-form';
import { getEntry } from '../tables/entries';
import {
  entryEvents,
  getCandidate,
  getReviewFormByUuid,
  getSignatureRow,
  insertDecision,
  insertReviewForm,
  ledgerId,
  liveEntriesByUuids,
  markReviewFormApplied,
  selectBatch,
  setEntryStatus,
  setSignatureForm,
  type BatchFilter,
} from '../tables/signoff';
import { entryHandlers } from './entries';
import {
  batchSite,
  entriesToSign,
  entryDigest,
  entryMarks,
  overCap,
  recordSignature,
  requireTrack,
  requireVerifier,
  reviewDigest,
  toSignatureView,
} from './signoff';
import type { ChannelsOf, HandlerMap } from './types';

interface Decided {
  entry: Entry;
  decision: ReviewDecision;
  reason: string;
}

interface ApplyInput {
  kind: SignatureKind;
  verifier: { id: number; name: string; credentials: string };
  signerName: string;
  method: 'drawn' | 'typed';
  signaturePng: string | null;
  trackId: number;
  siteId: number | null;
  decided: Decided[];
  reviewFormId: number | null;
}

/** Reasons are free text a reviewer types: the PHI guard refuses one that looks like an identifier. */
function reasonIssues(decided: ReadonlyArray<{ reason: string }>, path: (i: number) => string): FieldIssue[] {
  return decided.flatMap((d, i) => {
    const findings = detectPhi(d.reason);
    return findings.length ? [{ path: path(i), message: phiWarningMessage(findings) }] : [];
  });
}

/**
 * Records a review in the current transaction: one signature over the accepted entries (each with
 * its own digest), one decision row per rejected or needs-correction entry. A returned entry that
 * was 'signed' goes back to 'draft': it never counts as signed.
 */
function applyReview(db: DB, now: string, a: ApplyInput): ReviewResult {
  const accepted = a.decided.filter((d) => d.decision === 'accept').map((d) => d.entry);
  let signatureId: number | null = null;
  if (accepted.length > 0) {
    signatureId = recordSignature(db, now, {
      kind: a.kind,
      method: a.method,
      trackId: a.trackId,
      siteId: a.siteId,
      verifierId: a.verifier.id,
      signerName: a.signerName,
      signerCredentials: a.verifier.credentials,
      signaturePng: a.method === 'drawn' ? a.signaturePng : null,
      checklist: checklistFor(a.kind).map((item) => ({ ...item, attested: true })),
      signedAt: now,
      entries: accepted,
    });
    if (a.reviewFormId !== null) setSignatureForm(db, signatureId, a.reviewFormId);
  }
  const returned = a.decided.filter((d) => d.decision !== 'accept');
  for (const d of returned) {
    const decision = d.decision === 'reject' ? 'reject' : 'correct';
    const row = {
      entryId: d.entry.id,
      entryUuid: d.entry.uuid,
      entryDigest: entryDigest(d.entry),
      decision,
      reason: d.reason,
      kind: a.kind,
      verifierId: a.verifier.id,
      signerName: a.signerName,
      reviewFormId: a.reviewFormId,
      decidedAt: now,
    } as const;
    const id = insertDecision(db, row);
    appendAudit(db, now, 'review_decision', id, 'create', null, row);
    if (d.entry.status === 'signed') {
      const before = getEntry(db, d.entry.id);
      for (const changed of setEntryStatus(db, [d.entry.id], ['signed'], 'draft', now)) appendAudit(db, now, 'entry', changed, 'update', before, getEntry(db, changed));
    }
  }
  return {
    signature: signatureId === null ? null : toSignatureView(db, getSignatureRow(db, signatureId)!),
    accepted: accepted.length,
    rejected: returned.filter((d) => d.decision === 'reject').length,
    corrections: returned.filter((d) => d.decision === 'correct').length,
  };
}

function requireAttested(kind: SignatureKind, attested: Record<string, boolean>, decided: readonly Decided[]) {
  if (!decided.some((d) => d.decision === 'accept')) return;
  const missing = missingAttestations(kind, attested);
  if (missing.length > 0) {
    throw new AppFailure(
      'validation',
      `Confirm every statement before signing: ${missing.map((m) => m.label).join(', ')}.`,
      missing.map((m) => ({ path: `attested.${m.id}`, message: 'Confirm this statement or do not sign.' })),
    );
  }
}

/** The voids an edit would cause, found by making the edit in a transaction that is rolled back. */
class DryRun extends Error {}

function editImpact(ctx: Ctx, input: Parameters<(typeof entryHandlers)['entries.update']>[1]): EditImpact {
  const before = getEntry(ctx.db, input.id);
  if (!before) throw new AppFailure('not-found', 'That entry no longer exists (it may have been deleted).');
  let after: Entry | undefined;
  try {
    ctx.db.transaction(() => {
      entryHandlers['entries.update'](ctx, input);
      after = getEntry(ctx.db, input.id);
      throw new DryRun();
    })();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  if (!after) return { voids: [] };
  const was = entryDigest(before);
  if (entryDigest(after) === was) return { voids: [] };
  const voids: EditImpact['voids'] = [];
  for (const ev of entryEvents(ctx.db, [before.uuid])) {
    if (ev.source !== 'signature' || ev.digest !== was || voids.some((v) => v.signatureId === ev.row_id)) continue;
    const row = getSignatureRow(ctx.db, ev.row_id)!;
    voids.push({
      signatureId: row.id,
      kind: row.kind,
      signerName: row.signer_name,
      signerCredentials: row.signer_credentials,
      signedAt: row.signed_at,
      otherEntries: (JSON.parse(row.entry_ids_json) as number[]).length - 1,
    });
  }
  return { voids };
}

function returnedEntries(db: DB, trackId: number | null): ReturnedEntry[] {
  const uuids = (
    db.prepare('SELECT DISTINCT entry_uuid FROM review_decisions').all() as Array<{ entry_uuid: string }>
  ).map((r) => r.entry_uuid);
  const entries = liveEntriesByUuids(db, uuids).filter((e) => trackId === null || e.trackId === trackId);
  const marks = entryMarks(db, entries);
  return entries
    .filter((e) => marks[e.id]?.state === 'rejected' || marks[e.id]?.state === 'needs-correction')
    .sort((a, b) => a.performedOn.localeCompare(b.performedOn) || a.id - b.id)
    .map((entry) => ({ entry, mark: marks[entry.id]! }));
}

// ── Remote review through a fillable PDF form ────────────────────────────────────────────────────

const DECISION_OF: Record<string, ReviewDecision> = { accept: 'accept', reject: 'reject', 'needs correction': 'correct' };

function refuse(message: string): never {
  throw new AppFailure('conflict', message);
}

async function sendForm(ctx: Ctx, input: { batch: BatchFilter; kind: SignatureKind; verifierId: number }) {
  const track = requireTrack(ctx.db, input.batch.trackId);
  const verifier = requireVerifier(ctx.db, input.verifierId);
  const all = selectBatch(ctx.db, input.batch);
  if (all.length === 0) throw new AppFailure('validation', 'No entries match this batch. Change the site, dates or status.');
  // The form lists entries by day and site, as the review on this device does.
  const entries = [...all].sort(
    (a, b) => a.performedOn.localeCompare(b.performedOn) || (a.siteName ?? '').localeCompare(b.siteName ?? '') || (a.performedAt ?? '99:99').localeCompare(b.performedAt ?? '99:99') || a.id - b.id,
  );
  const cap = overCap(ctx.db, track, entries);
  const now = ctx.now();
  const payload: ReviewFormPayload = {
    format: REVIEW_FORM_FORMAT,
    version: REVIEW_FORM_VERSION,
    formId: randomUUID(),
    ledgerId: ledgerId(ctx.db),
    kind: input.kind,
    entries: entries.map((e) => ({ uuid: e.uuid, digest: entryDigest(e) })),
    reviewDigest: reviewDigest(entries),
  };
  const siteName = input.batch.siteId ? (entries.find((e) => e.siteId === input.batch.siteId)?.siteName ?? null) : null;
  // pdfkit (drawing) and pdf-lib (reading) load on first use, not with the backend (docs/decisions.md).
  const { renderReviewForm } = await import('../pdf/review-form');
  const pdf = await renderReviewForm({
    payload,
    generatedAt: now,
    candidate: getCandidate(ctx.db),
    discipline: disciplineByCode(track.discipline)?.name ?? track.discipline,
    dailyCap: cap.dailyCap,
    dayCounts: cap.dayCounts,
    reviewer: { name: verifier.name, credentials: verifier.credentials },
    role: input.kind === 'verifier' ? 'Verifier' : 'Clinical supervisor',
    siteName,
    range: { from: input.batch.from ?? entries[0]!.performedOn, to: input.batch.to ?? entries.at(-1)!.performedOn },
    checklist: checklistFor(input.kind),
    notes: input.kind === 'verifier' ? VERIFIER_NOTES : [],
    entries: entries.map((e) => ({ ...e, overCap: cap.overCapIds.includes(e.id) })),
  });
  const iso = now.toISOString();
  ctx.db.transaction(() => {
    const id = insertReviewForm(ctx.db, {
      formUuid: payload.formId,
      trackId: track.id,
      siteId: input.batch.siteId ?? null,
      kind: input.kind,
      verifierId: verifier.id,
      entriesJson: JSON.stringify(entries.map((e, i) => ({ entryId: e.id, ...payload.entries[i]! }))),
      payloadSha256: sha256(JSON.stringify(payload)),
      now: iso,
    });
    appendAudit(ctx.db, iso, 'review_form', id, 'create', null, { formId: payload.formId, verifierId: verifier.id, entries: payload.entries });
  })();
  const slug = trimEndRuns(`${track.discipline}-review-form-${iso.slice(0, 10)}-${verifier.name.replace(/[^A-Za-z0-9]+/g, '-')}`, '-');
  return { pdf: { fileName: `${slug}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64') }, formId: payload.formId, entryCount: entries.length };
}

async function importForm(ctx: Ctx, input: { fileName: string; base64: string }) {
  const prepared = prepareAttachment({ name: input.fileName, dataBase64: input.base64 }, 'base64');
  if (prepared.mime !== 'application/pdf') throw new AppFailure('validation', 'A returned review form is a PDF file.', [{ path: 'base64', message: 'Choose the PDF the reviewer returned.' }]);
  const checklistIds = [...new Set([...checklistFor('verifier'), ...checklistFor('supervisor')].map((c) => c.id))];
  const { readReviewForm } = await import('../pdf/review-form-read');
  const read = await readReviewForm(prepared.bytes, checklistIds);
  const payload = read.payload ?? read.infoPayload;
  if (!payload || payload.format !== REVIEW_FORM_FORMAT) {
    refuse('This PDF is not a RadLedger review form, or the reader that saved it removed its form fields (some "print to PDF" paths do). Ask for the filled form saved from the reader, not printed.');
  }
  if (payload.ledgerId !== ledgerId(ctx.db)) {
    refuse(`This form was sent from another candidate's log (another RadLedger file), not from this one. Nothing was applied.`);
  }
  const form = getReviewFormByUuid(ctx.db, payload.formId);
  if (!form) refuse(`This log has no record of sending form ${payload.formId.slice(0, 8)} (it may have been sent before the data was restored from an older backup). Nothing was applied.`);
  if (form.applied_at !== null) refuse(`This form was already applied on ${form.applied_at.slice(0, 10)}. Nothing was applied again.`);

  // Altered file: the embedded data must be exactly what was sent, in both places, field by field.
  const sent = JSON.parse(form.entries_json) as Array<{ entryId: number; uuid: string; digest: string }>;
  const altered: string[] = [];
  if (!read.payloadText || sha256(read.payloadText) !== form.payload_sha256) altered.push('its embedded form data');
  if (read.infoPayload && canonicalJson(read.infoPayload) !== canonicalJson(payload)) altered.push('its document information');
  if (read.entries.length !== sent.length) altered.push('the number of entries');
  sent.forEach((s, i) => {
    const r = read.entries[i];
    if (!r || r.uuid !== s.uuid || r.digest !== s.digest) altered.push(`the digest fields of entry ${i + 1}`);
  });
  if (altered.length > 0) refuse(`This form was altered after RadLedger wrote it: ${altered.slice(0, 4).join(', ')}${altered.length > 4 ? ` and ${altered.length - 4} more` : ''} changed. Nothing was applied.`);

  // Edited entries: every entry must still be exactly what the reviewer saw.
  const live = new Map(liveEntriesByUuids(ctx.db, sent.map((s) => s.uuid)).map((e) => [e.uuid, e] as const));
  const differs = sent.flatMap((s, i) => {
    const e = live.get(s.uuid);
    if (!e) return [`entry ${i + 1} was deleted`];
    return entryDigest(e) !== s.digest ? [`entry ${i + 1} (${e.performedOn}, ${e.procedureName}) was edited`] : [];
  });
  if (differs.length > 0) refuse(`The log changed since this form was sent: ${differs.join('; ')}. Nothing was applied; send a new form for these entries.`);

  // The reviewer's answers.
  const issues: FieldIssue[] = [];
  const decided: Decided[] = sent.map((s, i) => {
    const r = read.entries[i]!;
    const decision = DECISION_OF[(r.decision ?? '').trim().toLowerCase()];
    if (!decision) issues.push({ path: `entry.${i + 1}`, message: `Entry ${i + 1} has no decision.` });
    else if (decision !== 'accept' && r.reason === '') issues.push({ path: `entry.${i + 1}`, message: `Entry ${i + 1} is ${decision === 'reject' ? 'rejected' : 'sent back'} without a reason.` });
    return { entry: live.get(s.uuid)!, decision: decision ?? 'accept', reason: r.reason };
  });
  issues.push(...reasonIssues(decided, (i) => `entry.${i + 1}`));
  const signerName = read.typedSignature || read.name;
  const anyAccepted = decided.some((d) => d.decision === 'accept');
  if (anyAccepted) {
    const missing = missingAttestations(form.kind, read.confirmed);
    if (missing.length) issues.push({ path: 'confirm', message: `Statements not confirmed: ${missing.map((m) => m.label).join(', ')}.` });
    if (!read.typedSignature && !read.digitallySigned) issues.push({ path: 'signature', message: 'The form is not signed (no typed or digital signature).' });
  }
  if (!signerName) issues.push({ path: 'name', message: "The reviewer's name is empty." });
  if (issues.length > 0) {
    throw new AppFailure('validation', `The form is not complete, so nothing was applied: ${issues.map((i) => i.message).join(' ')}`, issues);
  }

  const verifier = form.verifier_id ? requireVerifier(ctx.db, form.verifier_id) : null;
  if (!verifier) throw new AppFailure('not-found', 'The verifier this form was sent to no longer exists.');
  const now = ctx.now().toISOString();
  const staged = stageAttachment(ctx.dataDir, prepared);
  try {
    const result = ctx.db.transaction(() => {
      const r = applyReview(ctx.db, now, {
        kind: form.kind,
        verifier: { id: verifier.id, name: verifier.name, credentials: read.credentials || verifier.credentials },
        signerName,
        method: 'typed',
        signaturePng: null,
        trackId: form.track_id,
        siteId: form.site_id ?? batchSite({ trackId: form.track_id }, decided.map((d) => d.entry)),
        decided,
        reviewFormId: form.id,
      });
      markReviewFormApplied(ctx.db, form.id, { now, sha256: prepared.sha256, name: prepared.originalName, size: prepared.bytes.length });
      appendAudit(ctx.db, now, 'review_form', form.id, 'update', null, {
        appliedAt: now,
        evidenceSha256: prepared.sha256,
        signerName,
        reviewerDate: read.date,
        digitallySigned: read.digitallySigned,
      });
      staged.place();
      return r;
    })();
    return { ...result, signerName, formId: payload.formId };
  } catch (err) {
    staged.discard();
    throw err;
  }
}

export const reviewHandlers: HandlerMap<ChannelsOf<typeof reviewChannels>> = {
  'review.submit': (ctx, input) => {
    requireTrack(ctx.db, input.batch.trackId);
    const verifier = requireVerifier(ctx.db, input.verifierId);
    const issues = reasonIssues(input.decisions, (i) => `decisions.${i}.reason`);
    if (issues.length) throw new AppFailure('validation', issues[0]!.message, issues);
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const entries = entriesToSign(ctx.db, input.batch, input.decisions.map((d) => d.entryId), input.digest);
      const byId = new Map(entries.map((e) => [e.id, e] as const));
      const decided = input.decisions.map((d) => ({ entry: byId.get(d.entryId)!, decision: d.decision, reason: d.reason }));
      requireAttested(input.kind, input.attested, decided);
      return applyReview(ctx.db, now, {
        kind: input.kind,
        verifier,
        signerName: input.signerName,
        method: input.method,
        signaturePng: input.signaturePng ?? null,
        trackId: input.batch.trackId,
        siteId: batchSite(input.batch, entries),
        decided,
        reviewFormId: null,
      });
    })();
  },
  'review.editImpact': (ctx, input) => editImpact(ctx, input),
  'review.returned': (ctx, input) => returnedEntries(ctx.db, input.trackId ?? null),
  'review.sendForm': (ctx, input) => sendForm(ctx, input),
  'review.importForm': (ctx, input) => importForm(ctx, input),
};
