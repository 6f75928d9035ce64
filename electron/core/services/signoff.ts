// Sign-off: preview a batch for a verifier, sign it (drawn or typed), attach a scanned paper copy,
// list signatures with their validity, and the integrity check.
//
// Tamper evidence: a signature stores the SHA-256 digest of exactly the entries it signed
// (shared/signoff/digest.ts says which fields). Validity is computed whenever a signature is read:
// the digest of those entries as they are now is recomputed, and a mismatch (an entry edited or
// deleted) voids the signature, visibly, until a new signature covers them. Nothing is ever locked.
import { nameMismatch } from '../../../shared/sites/attachment-check';
import { createHash } from 'node:crypto';
import type { Entry } from '../../../shared/domain';
import type {
  EntrySignState,
  IntegrityReport,
  SignatureValidity,
  SignatureView,
  signoffChannels,
} from '../../../shared/ipc/signoff';
import { checklistFor, missingAttestations, VERIFIER_NOTES, type AttestedItem, type SignatureKind } from '../../../shared/signoff/checklist';
import { digestPayload } from '../../../shared/signoff/digest';
import { eligibilityWarnings } from '../../../shared/signoff/eligibility';
import { AppFailure } from '../../../shared/result';
import { appendAudit, canonicalJson, sha256, verifyAuditChain } from '../audit';
import type { DB } from '../db/open';
import { ENTRY_SELECT, getEntry, toEntry, type EntryRow } from '../tables/entries';
import {
  entriesWithLastAudit,
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
  saveCandidate,
  selectBatch,
  setEntryStatus,
  signaturesCoveringTrack,
  type BatchFilter,
  type SignatureRow,
} from '../tables/signoff';
import { getTrack } from '../tables/tracks';
import { getVerifier } from '../tables/verifiers';
import type { ChannelsOf, HandlerMap } from './types';

/** SHA-256 (hex) of the canonical payload of these entries. */
export function batchDigest(entries: readonly Entry[]): string {
  return sha256(digestPayload(entries));
}

export function signatureValidity(db: DB, row: Pick<SignatureRow, 'id' | 'entry_ids_json' | 'entries_digest'>): SignatureValidity {
  const ids = JSON.parse(row.entry_ids_json) as number[];
  const current = liveEntriesByIds(db, ids);
  if (current.length === ids.length && batchDigest(current) === row.entries_digest) return { state: 'valid' };
  const on = firstChangeAfter(db, ids, row.id);
  const removed = ids.length - current.length;
  const reason =
    removed > 0
      ? `${removed} signed ${removed === 1 ? 'entry was' : 'entries were'} deleted`
      : on
        ? 'a signed entry was edited'
        : 'a signed entry differs from what was signed, and RadLedger has no record of the change';
  return { state: 'void', on, reason };
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
    attachment:
      row.attachment_id !== null
        ? { id: row.attachment_id, fileName: row.attachment_name ?? '', mime: row.attachment_mime ?? '', size: row.attachment_size ?? 0 }
        : null,
    validity: signatureValidity(db, row),
  };
}

function requireTrack(db: DB, trackId: number) {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  return track;
}

function requireVerifier(db: DB, id: number) {
  const v = getVerifier(db, id);
  if (!v) throw new AppFailure('not-found', 'That verifier no longer exists.');
  return v;
}

/**
 * The entries a signer is about to sign, checked against the batch and against the digest the
 * signer saw: if anything changed in between, signing is refused so nobody signs unseen data.
 */
function entriesToSign(db: DB, batch: BatchFilter, entryIds: number[], digest: string): Entry[] {
  const unique = [...new Set(entryIds)];
  const entries = liveEntriesByIds(db, unique);
  if (entries.length !== unique.length) {
    throw new AppFailure('conflict', 'Some of these entries were deleted since the batch was opened. Open the batch again.');
  }
  const outside = entries.filter((e) => e.trackId !== batch.trackId || (batch.siteId && e.siteId !== batch.siteId));
  if (outside.length > 0) throw new AppFailure('validation', 'Some entries are not part of the chosen batch.');
  if (batchDigest(entries) !== digest) {
    throw new AppFailure('conflict', 'These entries changed since they were shown. Review them again before signing.');
  }
  return entries;
}

/** The site a batch belongs to: the chosen one, or the one all its entries share. */
function batchSite(batch: BatchFilter, entries: readonly Entry[]): number | null {
  if (batch.siteId) return batch.siteId;
  const sites = new Set(entries.map((e) => e.siteId));
  return sites.size === 1 ? [...sites][0]! : null;
}

/**
 * Records a signature, its audit row and, for a verifier's signature, moves the covered draft
 * entries to 'signed' (each with its own audit row so the integrity check knows the new state).
 */
function recordSignature(
  db: DB,
  now: string,
  s: Parameters<typeof insertSignature>[1],
): number {
  const id = insertSignature(db, s);
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

export function entrySignStates(db: DB, trackId: number): Record<number, EntrySignState> {
  const states: Record<number, EntrySignState> = {};
  // Newest first: the newest verifier signature covering an entry decides its state.
  for (const row of signaturesCoveringTrack(db, trackId)) {
    if (row.kind !== 'verifier') continue;
    const ids = JSON.parse(row.entry_ids_json) as number[];
    const pending = ids.filter((id) => states[id] === undefined);
    if (pending.length === 0) continue;
    const valid = signatureValidity(db, row).state === 'valid';
    const state: EntrySignState = !valid ? 'void' : row.method === 'paper' ? 'signed-on-paper' : 'signed';
    for (const id of pending) states[id] = state;
  }
  return states;
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
    return {
      entries,
      digest: batchDigest(entries),
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
        digest: input.digest,
        entryIds: entries.map((e) => e.id),
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
        digest: input.digest,
        entryIds: entries.map((e) => e.id),
      });
      insertAttachment(ctx.db, { signatureId, fileName: input.fileName, mime, bytes, sha256: sha256Bytes(bytes), now });
      return signatureId;
    })();
    return toSignatureView(ctx.db, getSignatureRow(ctx.db, id)!);
  },

  'signoff.list': (ctx, input) => listSignatureRows(ctx.db, input.trackId ?? null).map((r) => toSignatureView(ctx.db, r)),

  'signoff.entryStates': (ctx, input) => {
    requireTrack(ctx.db, input.trackId);
    const statuses = Object.fromEntries(selectBatch(ctx.db, { trackId: input.trackId }).map((e) => [e.id, e.status] as const));
    return { states: entrySignStates(ctx.db, input.trackId), statuses };
  },

  'signoff.attachment': (ctx, input) => {
    const a = getAttachment(ctx.db, input.signatureId);
    if (!a) throw new AppFailure('not-found', 'This signature has no scanned copy attached.');
    return { fileName: a.fileName, mime: a.mime, base64: a.bytes.toString('base64') };
  },

  'signoff.integrity': (ctx) => integrityCheck(ctx.db, ctx.now()),
};

function sha256Bytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
