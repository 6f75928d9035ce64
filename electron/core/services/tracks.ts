// Tracks: one credential the user works toward. Create and edit, each audited with before/after.
import { localIsoDate } from '../../../shared/dates';
import { disciplineByCode } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import type { trackChannels } from '../../../shared/ipc/tracks';
import { windowLockDate } from '../../../shared/engine/evaluate';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { Ctx } from '../context';
import { getTrack, insertTrack, listTracks, liveEntryCount, updateTrack, type TrackFields } from '../tables/tracks';
import { assertCatalogFitsTrack } from './catalogs';
import { trackCatalog } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

type TrackInput = ParsedInputOf<'tracks.create'>;

/** Field checks shared by create and edit; `existing` is the track being edited. */
function trackIssues(ctx: Ctx, input: TrackInput, existing: Track | null): FieldIssue[] {
  const today = localIsoDate(ctx.now());
  const issues: FieldIssue[] = [];
  if (input.startDate > today) issues.push({ path: 'startDate', message: 'The start date cannot be in the future.' });
  if (input.plannedApplicationDate && input.plannedApplicationDate < input.startDate) {
    issues.push({ path: 'plannedApplicationDate', message: 'The planned application date cannot be before the start date.' });
  }
  if (input.examWindowAssignedOn && input.examWindowAssignedOn > today) {
    issues.push({ path: 'examWindowAssignedOn', message: 'Enter the exam window once ARRT has assigned it (not a future date).' });
  }
  if (input.mqsaQualifiedOn && input.discipline !== 'M') {
    issues.push({ path: 'mqsaQualifiedOn', message: 'The MQSA qualification date applies to mammography tracks only.' });
  }
  if (existing) {
    const { n, earliest } = liveEntryCount(ctx.db, existing.id);
    if (n > 0 && input.discipline !== existing.discipline) {
      issues.push({ path: 'discipline', message: `This track already has ${n} entries; start a new track for another discipline.` });
    }
    if (earliest && input.startDate > earliest) {
      issues.push({ path: 'startDate', message: `Entries from ${earliest} exist; the start date cannot be after them.` });
    }
  }
  return issues;
}

/**
 * The lock date is worked out when the exam window is first entered or changed, then kept: editing
 * the planned application date afterwards must not bring expired entries back.
 */
function lockDate(input: TrackInput, existing: Track | null): string | null {
  const assigned = input.examWindowAssignedOn ?? null;
  if (assigned === null) return null;
  if (existing && existing.examWindowAssignedOn === assigned && existing.windowLockedOn) return existing.windowLockedOn;
  return windowLockDate({ examWindowAssignedOn: assigned, plannedApplicationDate: input.plannedApplicationDate ?? null });
}

function fields(input: TrackInput, catalogId: number | null, now: string, existing: Track | null = null): TrackFields {
  return {
    discipline: input.discipline,
    name: input.name || disciplineByCode(input.discipline)!.name,
    startDate: input.startDate,
    plannedApplicationDate: input.plannedApplicationDate ?? null,
    examWindowAssignedOn: input.examWindowAssignedOn ?? null,
    windowLockedOn: lockDate(input, existing),
    supportingCredential: input.supportingCredential || null,
    mqsaQualifiedOn: input.mqsaQualifiedOn ?? null,
    catalogId,
    now,
  };
}

function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length) throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);
}

export const trackHandlers: HandlerMap<ChannelsOf<typeof trackChannels>> = {
  'tracks.list': (ctx) => listTracks(ctx.db),

  'tracks.create': (ctx, input) => {
    throwIfIssues(trackIssues(ctx, input, null));
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const id = insertTrack(ctx.db, fields(input, null, now));
      const track = getTrack(ctx.db, id)!;
      appendAudit(ctx.db, now, 'track', id, 'create', null, track);
      return track;
    })();
  },

  'tracks.update': (ctx, input) => {
    const before = getTrack(ctx.db, input.id);
    if (!before) throw new AppFailure('not-found', 'That track no longer exists.');
    throwIfIssues(trackIssues(ctx, input, before));
    const now = ctx.now().toISOString();
    const next = fields(input, before.catalogId, now, before);
    // A new start date may fall after the assigned version stopped accepting new worksheets.
    const catalog = before.catalogId === null ? null : trackCatalog(ctx.db, before);
    if (catalog) assertCatalogFitsTrack(catalog, { ...before, ...next });
    return ctx.db.transaction(() => {
      updateTrack(ctx.db, input.id, next);
      const after = getTrack(ctx.db, input.id)!;
      appendAudit(ctx.db, now, 'track', input.id, 'update', before, after);
      return after;
    })();
  },
};
