// Sign-off: preview a batch for a verifier, sign it (drawn or typed), attach a scanned paper copy,
// list signatures with their validity, and the integrity check.
//
// Tamper evidence: a signature stores, for each entry it covers, the SHA-256 digest of that entry's
// reportable fields (shared/signoff/digest.ts, format 2: named by the entry's UUID, never its row
// id). Validity is computed whenever it is read: an entry edited or deleted since voids the
// signature of that entry only, visibly, until a new signature covers it. Nothing is ever locked.
// A review decides per entry: accepted entries are signed, rejected and needs-correction entries
// go back to the candidate with the reason (review_decisions) and never count as signed.
import { nameMismatch } from '../../../shared/sites/attachment-check';
import { createHash } from 'node:crypto';
import type { Entry } from '../../../shared/domain';
import { disciplineByCode } from '../../../shared/disciplines';
import type {
  EntryMark,
  EntrySignState,
  IntegrityReport,
  SignatureValidity,
  SignatureView,
  signoffChannels,
} from '../../../shared/ipc/signoff';
import { checklistFor, missingAttestations, VERIFIER_NOTES, type AttestedItem, type SignatureKind } from '../../../shared/signoff/checklist';
import { DAILY_CAP_FROM, planArrtDays } from '../../../shared/signoff/arrt-days';
import { digestPayload, entryDigestPayload, reviewDigestPayload } from '../../../shared/signoff/digest';
import { eligibilityWarnings } from '../../../shared/signoff/eligibility';
import { AppFailure } from '../../../shared/result';
import { readAttachment } from '../attachments';
import { appendAudit, canonicalJson, sha256, verifyAuditChain } from '../audit';
import type { DB } from '../db/open';
import { ENTRY_SELECT, getEntry, toEntry, type EntryRow } from '../tables/entries';
import {
  entriesWithLastAudit,
  entryEvents,
  firstChangeAfter,
  getAttachment,
  getCandidate,
  getSignatureRow,
  importRanges,
  insertAttachment,
  insertSignature,
  listSignatureRows,
  listSitesForSignoff,
  liveEntriesByIds,
  liveEntriesByUuids,
  reviewedEntriesOfTrack,
  saveCandidate,
  selectBatch,
  setEntryStatus,
  setSignedEntryDigests,
  signedEntries,
  type BatchFilter,
  type SignatureRow,
} from '../tables/signoff';
import { getTrack } from '../tables/tracks';
import { getVerifier } from '../tables/verifiers';
import type { ChannelsOf, HandlerMap } from './types';

/** SHA-256 (hex) of the format-1 batch payload (by row id): the packet's digest and signatures.entries_digest. */
export function batchDigest(entries: readonly Entry[]): string {
  return sha256(digestPayload(entries));
}

/** SHA-256 (hex) of one entry's reportable fields, named by its UUID (format 2). */
export function entryDigest(entry: Entry): string {
  return sha256(entryDigestPayload(entry));
}

/** SHA-256 over the entries' own digests: what a reviewer sees as a whole. */
export function reviewDigest(entries: readonly Entry[]): string {
  return sha256(reviewDigestPayload(entries.map((e) => ({ uuid: e.uuid, digest: entryDigest(e) }))));
}

/** Which covered entries still match their signed digest (by UUID, so it holds on any computer). */
export function signedEntryStates(db: DB, signatureId: number): Array<{ entryId: number; valid: boolean }> {
  const links = signedEntries(db, signatureId);
  const live = new Map(liveEntriesByUuids(db, links.flatMap((l) => (l.entry_uuid ? [l.entry_uuid] : []))).map((e) => [e.uuid, e] as const));
  return links.map((l) => {
    const current = l.entry_uuid ? live.get(l.entry_uuid) : undefined;
    return { entryId: current?.id ?? l.entry_id, valid: !!current && l.entry_digest !== null && entryDigest(current) === l.entry_digest };
  });
}

export function signatureValidity(db: DB, row: Pick<SignatureRow, 'id' | 'entry_ids_json'>): SignatureValidity {
  const states = signedEntryStates(db, row.id);
  const voided = states.filter((s) => !s.valid).map((s) => s.entryId);
  if (voided.length === 0) return { state: 'valid' };
  const ids = JSON.parse(row.entry_ids_json) as number[];
  const live = liveEntriesByIds(db, voided).length;
  const removed = voided.length - live;
  const on = firstChangeAfter(db, voided, row.id);
  const what = voided.length === 1 ? 'entry' : 'entries';
  const reason =
    removed === voided.length
      ? `${removed} signed ${removed === 1 ? 'entry was' : 'entries were'} deleted`
      : on
        ? `${voided.length} signed ${what} ${voided.length === 1 ? 'was' : 'were'} edited${removed > 0 ? ' or deleted' : ''}`
        : `${voided.length} signed ${what} ${voided.length === 1 ? 'differs' : 'differ'} from what was signed, and RadLedger has no record of the change`;
  return { state: voided.length === ids.length ? 'void' : 'partly-void', on, reason, voidEntryIds: voided };
}

export function toSignatureView(db: DB, row: SignatureRow): SignatureView {
  return {
    id: row.id,
    kind: row.kind,
    method: row.method,
    trackId: row.track_id,
    siteId: row.site_id,
    siteName: row.site_name,
    verifierId: row.verifier_id,
    signerName: row.signer_name,
    signerCredentials: row.signer_credentials,
    signedAt: row.signed_at,
    digest: row.entries_digest,
    entryIds: JSON.parse(row.entry_ids_json) as number[],
    checklist: JSON.parse(row.checklist_json) as AttestedItem[],
    reviewFormId: row.review_form_id ?? null,
    attachment:
      row.attachment_id !== null
        ? { id: row.attachment_id, fileName: row.attachment_name ?? '', mime: row.attachment_mime ?? '', size: row.attachment_size ?? 0 }
        : row.evidence_sha256
          ? { id: row.review_form_id!, fileName: row.evidence_name ?? 'review-form.pdf', mime: 'application/pdf', size: row.evidence_size ?? 0 }
          : null,
    validity: signatureValidity(db, row),
  };
}

export function requireTrack(db: DB, trackId: number) {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  return track;
}

export function requireVerifier(db: DB, id: number) {
  const v = getVerifier(db, id);
  if (!v) throw new AppFailure('not-found', 'That verifier no longer exists.');
  return v;
}

/**
 * The entries a signer is about to sign, checked against the batch and against the digest the
 * signer saw: if anything changed in between, signing is refused so nobody signs unseen data.
 */
export function entriesToSign(db: DB, batch: BatchFilter, entryIds: number[], digest: string): Entry[] {
  const unique = [...new Set(entryIds)];
  const entries = liveEntriesByIds(db, unique);
  if (entries.length !== unique.length) {
    throw new AppFailure('conflict', 'Some of these entries were deleted since the batch was opened. Open the batch again.');
  }
  const outside = entries.filter((e) => e.trackId !== batch.trackId || (batch.siteId && e.siteId !== batch.siteId));
  if (outside.length > 0) throw new AppFailure('validation', 'Some entries are not part of the chosen batch.');
  if (reviewDigest(entries) !== digest) {
    throw new AppFailure('conflict', 'These entries changed since they were shown. Review them again before signing.');
  }
  return entries;
}

/** The site a batch belongs to: the chosen one, or the one all its entries share. */
export function batchSite(batch: BatchFilter, entries: readonly Entry[]): number | null {
  if (batch.siteId) return batch.siteId;
  const sites = new Set(entries.map((e) => e.siteId));
  return sites.size === 1 ? [...sites][0]! : null;
}

/**
 * Records a signature, its audit row and, for a verifier's signature, moves the covered draft
 * entries to 'signed' (each with its own audit row so the integrity check knows the new state).
 */
export function recordSignature(
  db: DB,
  now: string,
  input: Omit<Parameters<typeof insertSignature>[1], 'digest' | 'entryIds'> & { entries: readonly Entry[] },
): number {
  const { entries, ...rest } = input;
  // entries_digest keeps the format-1 batch digest (what a packet of exactly these entries shows);
  // validity is judged per entry, from the format-2 digests stored beside each covered entry.
  const s = { ...rest, digest: batchDigest(entries), entryIds: entries.map((e) => e.id) };
  const id = insertSignature(db, s);
  const perEntry = entries.map((e) => ({ entryId: e.id, uuid: e.uuid, digest: entryDigest(e) }));
  setSignedEntryDigests(db, id, perEntry);
  // Status changes first, so every entry change recorded after the 'sign' row is a real edit.
  if (s.kind === 'verifier') markSigned(db, s.entryIds, now);
  appendAudit(db, now, 'signature', id, 'sign', null, {
    kind: s.kind,
    method: s.method,
    trackId: s.trackId,
    siteId: s.siteId,
    verifierId: s.verifierId,
    signerName: s.signerName,
    signedAt: s.signedAt,
    digest: s.digest,
    entryIds: s.entryIds,
    entryDigests: Object.fromEntries(perEntry.map((p) => [p.uuid, p.digest])),
    // The drawn image itself is in the signatures row; the audit chain pins its hash.
    signaturePngSha256: s.signaturePng ? sha256(s.signaturePng) : null,
  });
  return id;
}

function markSigned(db: DB, ids: readonly number[], now: string) {
  const before = new Map(ids.map((id) => [id, getEntry(db, id)] as const));
  for (const id of setEntryStatus(db, ids, ['draft'], 'signed', now)) {
    appendAudit(db, now, 'entry', id, 'update', before.get(id), getEntry(db, id));
  }
}

const MAGIC: Array<{ mime: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: number[] }> = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** The file type by its content, never by its name: a renamed file is caught. */
export function sniffScanType(bytes: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b))?.mime ?? null;
}

/** Fields of an entry row the integrity check compares (the site name is joined, not stored). */
const JOINED_FIELDS = new Set(['siteName']);

export function integrityCheck(db: DB, now: Date): IntegrityReport {
  const chain = verifyAuditChain(db);
  const live = new Map(
    (db.prepare(`${ENTRY_SELECT} WHERE e.deleted_at IS NULL`).all() as EntryRow[]).map((r) => [r.id, toEntry(r)] as const),
  );
  const altered: IntegrityReport['alteredEntries'] = [];
  const rows = entriesWithLastAudit(db);
  const imports = importRanges(db);
  let importedUnedited = 0;
  for (const r of rows) {
    if (r.action === null) {
      // Imported entries share one audit row per import (by id range) instead of one each.
      const imported = imports.find((i) => r.id >= i.first && r.id <= i.last && r.track_id === i.trackId && r.created_at === i.at);
      if (!imported) {
        altered.push({ entryId: r.id, reason: 'This entry has no record in the audit log: it was added outside RadLedger.', fields: [] });
      } else if (r.deleted_at !== null || r.updated_at !== r.created_at) {
        altered.push({ entryId: r.id, reason: 'This imported entry was changed outside RadLedger.', fields: [] });
      } else importedUnedited++;
      continue;
    }
    const current = live.get(r.id);
    if (!current) {
      if (r.action !== 'delete') altered.push({ entryId: r.id, reason: 'This entry was deleted outside RadLedger.', fields: [] });
      continue;
    }
    if (r.action === 'delete') {
      altered.push({ entryId: r.id, reason: 'This entry was restored outside RadLedger.', fields: [] });
      continue;
    }
    const snapshot = (r.after_json ? JSON.parse(r.after_json) : {}) as Record<string, unknown>;
    const fields = Object.keys(snapshot).filter(
      (k) => !JOINED_FIELDS.has(k) && k in current && canonicalJson((current as unknown as Record<string, unknown>)[k]) !== canonicalJson(snapshot[k]),
    );
    if (fields.length > 0) {
      altered.push({ entryId: r.id, reason: 'This entry differs from the last version RadLedger recorded: it was changed outside the app.', fields });
    }
  }
  return {
    checkedAt: now.toISOString(),
    auditRows: chain.rows,
    chainBreaks: chain.breaks,
    alteredEntries: altered,
    entriesChecked: rows.length,
    importedUnedited,
    ok: chain.breaks.length === 0 && altered.length === 0,
  };
}

/**
 * Each entry's review state: the newest verifier signature or review decision about it decides
 * (supervisor approvals do not change it, as before). A signature reads as void for an entry whose
 * digest no longer matches; a decision notes whether the entry was edited since it was returned.
 */
export function entryMarks(db: DB, entries: readonly Entry[]): Record<number, EntryMark> {
  const byUuid = new Map(entries.map((e) => [e.uuid, e] as const));
  const digests = new Map<string, string>();
  const digestOf = (e: Entry) => digests.get(e.uuid) ?? (digests.set(e.uuid, entryDigest(e)), digests.get(e.uuid)!);
  const marks: Record<number, EntryMark> = {};
  for (const ev of entryEvents(db, [...byUuid.keys()])) {
    const entry = byUuid.get(ev.entry_uuid);
    if (!entry || marks[entry.id]) continue;
    if (ev.source === 'signature') {
      if (ev.kind !== 'verifier') continue;
      const valid = ev.digest !== null && ev.digest === digestOf(entry);
      const by = ev.signer_credentials ? `${ev.signer_name}, ${ev.signer_credentials}` : ev.signer_name;
      marks[entry.id] = { state: !valid ? 'void' : ev.method === 'paper' ? 'signed-on-paper' : 'signed', by, at: ev.at, reason: null, changedSince: false };
    } else {
      marks[entry.id] = {
        state: ev.decision === 'reject' ? 'rejected' : 'needs-correction',
        by: ev.signer_name,
        at: ev.at,
        reason: ev.reason,
        changedSince: ev.digest !== digestOf(entry),
      };
    }
  }
  return marks;
}

export function entrySignStates(db: DB, trackId: number): Record<number, EntrySignState> {
  // Only entries some signature or decision is about are read and hashed: the rest are unsigned.
  const marks = entryMarks(db, reviewedEntriesOfTrack(db, trackId));
  return Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, m.state]));
}

/**
 * The day cap and which entries of a batch are over it. The cap counts every entry of the track on
 * that day, at any site: entries already entered in ARRT's tool use it up first, then the others in
 * time order (planArrtDays, as the ARRT entry helper and the packet plan it).
 */
export function overCap(db: DB, track: { id: number; discipline: string }, entries: readonly Entry[]) {
  const cap = disciplineByCode(track.discipline)?.dailyCap ?? null;
  const days = [...new Set(entries.map((e) => e.performedOn))];
  const dayCounts: Record<string, number> = {};
  const overCapIds: number[] = [];
  for (const day of days) {
    const all = selectBatch(db, { trackId: track.id, from: day, to: day });
    dayCounts[day] = all.length;
    if (cap === null || day < DAILY_CAP_FROM) continue;
    const entered = all.filter((e) => e.status === 'entered' || e.status === 'verified').length;
    const pending = all.filter((e) => e.status === 'draft' || e.status === 'signed');
    for (const d of planArrtDays(pending, { [day]: entered }, cap)) overCapIds.push(...d.overCap.map((e) => e.id));
  }
  return { dailyCap: cap, overCapIds, dayCounts };
}

function signerFor(db: DB, kind: SignatureKind, verifierId: number, trackId: number, entries: readonly Entry[]) {
  const v = requireVerifier(db, verifierId);
  const track = requireTrack(db, trackId);
  return {
    verifier: v,
    warnings: eligibilityWarnings({
      kind,
      discipline: track.discipline,
      signer: v,
      candidate: getCandidate(db),
      entries,
    }),
  };
}

export const signoffHandlers: HandlerMap<ChannelsOf<typeof signoffChannels>> = {
  'signoff.options': (ctx) => ({ sites: listSitesForSignoff(ctx.db), candidate: getCandidate(ctx.db) }),

  'signoff.saveCandidate': (ctx, input) => {
    saveCandidate(ctx.db, input, ctx.now().toISOString());
    return input;
  },

  'signoff.preview': (ctx, input) => {
    requireTrack(ctx.db, input.batch.trackId);
    const entries = selectBatch(ctx.db, input.batch);
    const signer = input.verifierId ? signerFor(ctx.db, input.kind, input.verifierId, input.batch.trackId, entries) : null;
    const track = requireTrack(ctx.db, input.batch.trackId);
    return {
      entries,
      digest: reviewDigest(entries),
      ...overCap(ctx.db, track, entries),
      checklist: [...checklistFor(input.kind)],
      notes: input.kind === 'verifier' ? [...VERIFIER_NOTES] : [],
      warnings: signer?.warnings ?? [],
      signer: signer ? { name: signer.verifier.name, credentials: signer.verifier.credentials } : null,
    };
  },

  'signoff.sign': (ctx, input) => {
    requireTrack(ctx.db, input.batch.trackId);
    const missing = missingAttestations(input.kind, input.attested);
    if (missing.length > 0) {
      throw new AppFailure(
        'validation',
        `Confirm every statement before signing: ${missing.map((m) => m.label).join(', ')}.`,
        missing.map((m) => ({ path: `attested.${m.id}`, message: 'Confirm this statement or do not sign.' })),
      );
    }
    const verifier = requireVerifier(ctx.db, input.verifierId);
    const now = ctx.now().toISOString();
    const id = ctx.db.transaction(() => {
      const entries = entriesToSign(ctx.db, input.batch, input.entryIds, input.digest);
      return recordSignature(ctx.db, now, {
        kind: input.kind,
        method: input.method,
        trackId: input.batch.trackId,
        siteId: batchSite(input.batch, entries),
        verifierId: verifier.id,
        signerName: input.signerName,
        signerCredentials: verifier.credentials,
        signaturePng: input.method === 'drawn' ? (input.signaturePng ?? null) : null,
        checklist: checklistFor(input.kind).map((item) => ({ ...item, attested: true })),
        signedAt: now,
        entries,
      });
    })();
    return toSignatureView(ctx.db, getSignatureRow(ctx.db, id)!);
  },

  'signoff.attachPaper': (ctx, input) => {
    requireTrack(ctx.db, input.batch.trackId);
    const verifier = requireVerifier(ctx.db, input.verifierId);
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) throw new AppFailure('validation', 'The file is empty.', [{ path: 'base64', message: 'The file is empty.' }]);
    const mime = sniffScanType(bytes);
    if (!mime) {
      throw new AppFailure('validation', 'Attach the scan as a PDF, PNG or JPEG file.', [
        { path: 'base64', message: 'This file is not a PDF, PNG or JPEG (checked by its content, not its name).' },
      ]);
    }
    // The scan is served back under its name: the name must say what the content is.
    const mismatch = nameMismatch(input.fileName, mime);
    if (mismatch) throw new AppFailure('validation', mismatch, [{ path: 'fileName', message: mismatch }]);
    const now = ctx.now().toISOString();
    const id = ctx.db.transaction(() => {
      const entries = entriesToSign(ctx.db, input.batch, input.entryIds, input.digest);
      const signatureId = recordSignature(ctx.db, now, {
        kind: input.kind,
        method: 'paper',
        trackId: input.batch.trackId,
        siteId: batchSite(input.batch, entries),
        verifierId: verifier.id,
        signerName: verifier.name,
        signerCredentials: verifier.credentials,
        signaturePng: null,
        // The printed packet states the checklist above the signature line: signing it in ink
        // attests every item, as on ARRT's paper forms.
        checklist: checklistFor(input.kind).map((item) => ({ ...item, attested: true })),
        signedAt: now,
        entries,
      });
      insertAttachment(ctx.db, { signatureId, fileName: input.fileName, mime, bytes, sha256: sha256Bytes(bytes), now });
      return signatureId;
    })();
    return toSignatureView(ctx.db, getSignatureRow(ctx.db, id)!);
  },

  'signoff.list': (ctx, input) => listSignatureRows(ctx.db, input.trackId ?? null).map((r) => toSignatureView(ctx.db, r)),

  'signoff.entryStates': (ctx, input) => {
    requireTrack(ctx.db, input.trackId);
    const entries = selectBatch(ctx.db, { trackId: input.trackId });
    const statuses = Object.fromEntries(entries.map((e) => [e.id, e.status] as const));
    const marks = entryMarks(ctx.db, reviewedEntriesOfTrack(ctx.db, input.trackId));
    const states = Object.fromEntries(Object.entries(marks).map(([id, m]) => [id, m.state]));
    return { states, marks, statuses };
  },

  'signoff.attachment': (ctx, input) => {
    const a = getAttachment(ctx.db, input.signatureId);
    const row = a ? undefined : getSignatureRow(ctx.db, input.signatureId);
    if (row?.evidence_sha256) {
      // The returned review form, kept by content hash; refused if changed on disk.
      const name = row.evidence_name ?? 'review-form.pdf';
      const bytes = readAttachment(ctx.dataDir, { sha256: row.evidence_sha256, mime: 'application/pdf', originalName: name } as Parameters<typeof readAttachment>[1]);
      return { fileName: name, mime: 'application/pdf', base64: bytes.toString('base64') };
    }
    if (!a) throw new AppFailure('not-found', 'This signature has no scanned copy attached.');
    return { fileName: a.fileName, mime: a.mime, base64: a.bytes.toString('base64') };
  },

  'signoff.integrity': (ctx) => integrityCheck(ctx.db, ctx.now()),
};

function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
