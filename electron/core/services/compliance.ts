// The compliance wallet: items with dates and an attached document, the per-site matrix and the
// expiry reminders shown on Today.
import { localIsoDate } from '../../../shared/dates';
import type { complianceChannels } from '../../../shared/ipc/compliance';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { complianceMatrix, expiryReminders } from '../../../shared/sites/compliance';
import { complianceDateIssues } from '../../../shared/sites/dates';
import type { ComplianceItem } from '../../../shared/sites/types';
import { appendAudit } from '../audit';
import { prepareAttachment, readAttachment, stageAttachment, type PreparedAttachment, type StagedAttachment } from '../attachments';
import type { Ctx } from '../context';
import {
  getAttachment,
  getItem,
  getItemAttachmentRef,
  getLink,
  insertItem,
  listItems,
  listLinks,
  referAttachment,
  removeLink,
  setLink,
  setItemDeleted,
  updateItem,
  type AttachmentRef,
  type ItemFields,
} from '../tables/compliance';
import { getActivityAttachmentRef } from '../tables/education';
import { listSiteRecords } from '../tables/sites-records';
import type { ChannelsOf, HandlerMap } from './types';

type ItemInput = {
  kind: ItemFields['kind'];
  label: string;
  issuedOn?: string | null | undefined;
  expiresOn?: string | null | undefined;
  hipaaSource?: ItemFields['hipaaSource'] | undefined;
  insuranceCoverage?: ItemFields['insuranceCoverage'] | undefined;
  insurer: string;
  policyNumber: string;
  notes: string;
};

function refuse(issues: FieldIssue[]): never {
  throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);
}

/** Kind-specific fields are kept only for their kind, so a HIPAA item never carries a policy number. */
function itemFields(input: ItemInput, attachment: AttachmentRef | null): ItemFields {
  const insurance = input.kind === 'liability-insurance';
  return {
    kind: input.kind,
    label: input.label,
    issuedOn: input.issuedOn ?? null,
    expiresOn: input.expiresOn ?? null,
    hipaaSource: input.kind === 'hipaa' ? (input.hipaaSource ?? null) : null,
    insuranceCoverage: insurance ? (input.insuranceCoverage ?? null) : null,
    insurer: insurance ? input.insurer : '',
    policyNumber: insurance ? input.policyNumber : '',
    notes: input.notes,
    attachmentId: attachment?.id ?? null,
    attachmentName: attachment?.name ?? null,
  };
}

/** Everything that can be judged before writing: dates, then the file's content. */
function precheck(ctx: Ctx, input: ItemInput & { attachment?: { name: string; dataBase64: string } | null | undefined }) {
  const issues = complianceDateIssues(input.issuedOn ?? null, input.expiresOn ?? null, localIsoDate(ctx.now()));
  if (issues.length) refuse(issues);
  return input.attachment ? prepareAttachment(input.attachment) : null;
}

function attachmentRef(ctx: Ctx, prepared: PreparedAttachment, now: string): AttachmentRef {
  return referAttachment(ctx.db, { ...prepared, sizeBytes: prepared.bytes.length }, now);
}

/** Runs `write` in a transaction whose last step places the staged file; undoes the file on failure. */
function withStagedFile<T>(ctx: Ctx, prepared: PreparedAttachment | null, write: () => T): T {
  const staged: StagedAttachment | null = prepared ? stageAttachment(ctx.dataDir, prepared) : null;
  try {
    return ctx.db.transaction(() => {
      const out = write();
      staged?.place();
      return out;
    })();
  } catch (err) {
    staged?.discard();
    throw err;
  }
}

function requireItem(ctx: Ctx, id: number): ComplianceItem {
  const item = getItem(ctx.db, id);
  if (!item) throw new AppFailure('not-found', 'That wallet item no longer exists.');
  return item;
}

function matrix(ctx: Ctx) {
  return complianceMatrix(listSiteRecords(ctx.db), listItems(ctx.db), localIsoDate(ctx.now()), listLinks(ctx.db));
}

export const complianceHandlers: HandlerMap<ChannelsOf<typeof complianceChannels>> = {
  'compliance.list': (ctx) => listItems(ctx.db),

  'compliance.create': (ctx, input) => {
    const prepared = precheck(ctx, input);
    const now = ctx.now().toISOString();
    return withStagedFile(ctx, prepared, () => {
      const id = insertItem(ctx.db, itemFields(input, prepared ? attachmentRef(ctx, prepared, now) : null), now);
      const item = getItem(ctx.db, id)!;
      appendAudit(ctx.db, now, 'compliance_item', id, 'create', null, item);
      return item;
    });
  },

  'compliance.update': (ctx, input) => {
    const prepared = precheck(ctx, input);
    const now = ctx.now().toISOString();
    return withStagedFile(ctx, prepared, () => {
      const before = requireItem(ctx, input.id);
      const kept = input.removeAttachment ? null : (getItemAttachmentRef(ctx.db, input.id) ?? null);
      updateItem(ctx.db, input.id, itemFields(input, prepared ? attachmentRef(ctx, prepared, now) : kept), now);
      const item = getItem(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'compliance_item', input.id, 'update', before, item);
      return item;
    });
  },

  // Soft delete, so the toast's undo can bring the item (and its document) back.
  'compliance.remove': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = requireItem(ctx, input.id);
      setItemDeleted(ctx.db, input.id, now, now);
      appendAudit(ctx.db, now, 'compliance_item', input.id, 'delete', before, null);
      return { id: input.id };
    })();
  },

  'compliance.restore': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      if (!getItem(ctx.db, input.id, { includeDeleted: true })) throw new AppFailure('not-found', 'That wallet item no longer exists.');
      setItemDeleted(ctx.db, input.id, null, now);
      const item = getItem(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'compliance_item', input.id, 'restore', null, item);
      return item;
    })();
  },

  'compliance.matrix': (ctx) => matrix(ctx),

  'compliance.link': (ctx, input) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      requireItem(ctx, input.itemId);
      const before = getLink(ctx.db, input.kind, input.label) ?? null;
      const id = setLink(ctx.db, { kind: input.kind, label: input.label, itemId: input.itemId }, now);
      appendAudit(ctx.db, now, 'compliance_link', id, before ? 'update' : 'create', before, input);
    })();
    return matrix(ctx);
  },

  'compliance.unlink': (ctx, input) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      const before = getLink(ctx.db, input.kind, input.label);
      if (!before) throw new AppFailure('not-found', 'That link no longer exists.');
      const id = removeLink(ctx.db, input.kind, input.label)!;
      appendAudit(ctx.db, now, 'compliance_link', id, 'delete', before, null);
    })();
    return matrix(ctx);
  },

  'compliance.reminders': (ctx) => expiryReminders(listItems(ctx.db), localIsoDate(ctx.now())),

  // Served under the name of the item or activity asking for it (the same bytes may be attached to
  // several under different names); without one, under the name the content was first stored as.
  'compliance.attachment': (ctx, input) => {
    const stored = getAttachment(ctx.db, input.id);
    if (!stored) throw new AppFailure('not-found', 'That attachment no longer exists.');
    const ref =
      input.itemId !== undefined
        ? getItemAttachmentRef(ctx.db, input.itemId)
        : input.activityId !== undefined
          ? getActivityAttachmentRef(ctx.db, input.activityId)
          : { id: stored.id, name: stored.originalName };
    if (!ref || ref.id !== stored.id) {
      throw new AppFailure('not-found', `That ${input.itemId !== undefined ? 'wallet item' : 'activity'} no longer holds this document.`);
    }
    const meta = { ...stored, originalName: ref.name };
    const bytes = readAttachment(ctx.dataDir, meta);
    return {
      name: meta.originalName,
      mime: meta.mime,
      sizeBytes: meta.sizeBytes,
      dataUrl: `data:${meta.mime};base64,${bytes.toString('base64')}`,
    };
  },
};
