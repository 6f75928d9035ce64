// Capture: create (one entry or a whole shift), edit, soft delete and restore, bulk status, the
// paged log, and the look-ups the quick log makes while the user types. Every write and its audit
// row share one transaction, so a change is either fully recorded or not made at all.
import { localIsoDate } from '../../../shared/dates';
import type { Entry, Track } from '../../../shared/domain';
import { entryDateIssues } from '../../../shared/entry-rules';
import type { EntryWarning, HistoryEvent, ProcedureOption, entryChannels } from '../../../shared/ipc/entries';
import { detectPhi, phiWarningMessage } from '../../../shared/phi';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { appendAudit, auditHistory } from '../audit';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import {
  countOnDay,
  distinctProcedureNames,
  getEntry,
  getEntryAnyState,
  insertEntry,
  lastLoggedEntry,
  listEntries,
  loggedProcedureNames,
  nextPatientMarker,
  setDeleted,
  setStatus,
  updateEntry,
} from '../tables/entries';
import { ensureSite, listSiteNames } from '../tables/sites';
import { signedLiveEntries } from '../tables/signoff';
import { getTrack } from '../tables/tracks';
import { getVerifier } from '../tables/verifiers';
import { entryIdsByCounting, judgeEntries } from './entry-judgement';
import { entryMarks } from './signoff';
import { catalogListIsBinding, catalogProcedures, dailyCap } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';


function requireTrack(db: DB, trackId: number): Track {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.', [{ path: 'trackId', message: 'That track no longer exists.' }]);
  return track;
}

function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length) throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);
}

/**
 * A name the catalog lists takes the catalog's id and spelling. Any other name is refused when the
 * catalog's list is complete, and kept as free text when the list is partial or unknown.
 */
function resolveProcedure(db: DB, track: Track, name: string, id: string | null | undefined, path: string): { id: string | null; name: string } {
  const listed = catalogProcedures(db, track);
  if (listed.length === 0) return { id: null, name };
  const lower = name.trim().toLowerCase();
  const match = listed.find((p) => (id && p.id === id) || p.name.toLowerCase() === lower);
  if (!match && !catalogListIsBinding(db, track)) return { id: null, name };
  if (!match) {
    throw new AppFailure('validation', `"${name}" is not a procedure of this track's catalog.`, [
      { path, message: `"${name}" is not in this track's catalog. Choose a procedure from the list.` },
    ]);
  }
  return { id: match.id, name: match.name };
}

function phiWarnings(notes: string): EntryWarning[] {
  const findings = detectPhi(notes);
  if (findings.length === 0) return [];
  return [{ kind: 'phi', message: phiWarningMessage(findings), findings: findings.map((f) => ({ kind: f.kind, text: f.text })) }];
}

function capWarnings(db: DB, track: Track, performedOn: string): EntryWarning[] {
  const { cap, source } = dailyCap(db, track, performedOn);
  if (cap === null || source === null) return [];
  const count = countOnDay(db, track.id, performedOn);
  if (count <= cap) return [];
  const limit = source === 'arrt' ? `ARRT accepts ${cap} per day` : `your requirement list counts ${cap} per day`;
  return [
    {
      kind: 'over-daily-cap',
      performedOn,
      count,
      cap,
      source,
      message:
        `${performedOn} now has ${count} ${track.discipline} entries; ${limit}. ` +
        `The extra ${count - cap === 1 ? 'entry is' : `${count - cap} entries are`} kept here but cannot be reported for that day.`,
    },
  ];
}

const AUDIT_ENTITY = 'entry';

/** Fields whose values differ between two audited snapshots. */
function changedFields(before: Partial<Entry> | null, after: Partial<Entry> | null): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('updatedAt');
  return [...keys].filter((k) => JSON.stringify(before[k as keyof Entry]) !== JSON.stringify(after[k as keyof Entry])).sort();
}

function procedureOptions(db: DB, track: Track): ProcedureOption[] {
  const listed = catalogProcedures(db, track);
  if (listed.length > 0) return listed.map((p) => ({ id: p.id, name: p.name, group: p.category }));
  return loggedProcedureNames(db, track.id, 500).map((name) => ({ id: null, name, group: 'Logged before' }));
}

export const entryHandlers: HandlerMap<ChannelsOf<typeof entryChannels>> = {
  'entries.create': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    throwIfIssues(entryDateIssues(input.performedOn, { today: localIsoDate(ctx.now()), trackStart: track.startDate }));
    const procedure = resolveProcedure(ctx.db, track, input.procedureName, input.procedureId, 'procedureName');
    const now = ctx.now().toISOString();
    const verifier = input.verifierId ? getVerifier(ctx.db, input.verifierId) : undefined;
    if (input.verifierId && !verifier) {
      throw new AppFailure('not-found', 'That verifier no longer exists.', [{ path: 'verifierId', message: 'That verifier no longer exists. Choose another.' }]);
    }
    return ctx.db.transaction(() => {
      const previous = input.samePatientAsPrevious ? lastLoggedEntry(ctx.db, track.id) : undefined;
      const id = insertEntry(ctx.db, {
        trackId: track.id,
        performedOn: input.performedOn,
        performedAt: input.performedAt ?? null,
        procedureId: procedure.id,
        procedureName: procedure.name,
        siteId: input.siteName ? ensureSite(ctx.db, input.siteName, now) : null,
        // A verifier record is stored by id, with its name as it reads today.
        verifierId: verifier?.id ?? null,
        verifierName: verifier ? verifier.name : input.verifierName || null,
        patientMarker: previous?.patientMarker ?? nextPatientMarker(ctx.db),
        simulated: input.simulated,
        notes: input.notes,
        status: input.status,
        now,
      });
      const entry = getEntry(ctx.db, id)!;
      appendAudit(ctx.db, now, AUDIT_ENTITY, id, 'create', null, entry);
      return { ...entry, warnings: [...capWarnings(ctx.db, track, entry.performedOn), ...phiWarnings(entry.notes)] };
    })();
  },

  'entries.createShift': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    throwIfIssues(entryDateIssues(input.performedOn, { today: localIsoDate(ctx.now()), trackStart: track.startDate }));
    // Check every row before writing any: a shift is saved whole or not at all.
    const issues: FieldIssue[] = [];
    const procedures = input.rows.map((row, i) => {
      try {
        return resolveProcedure(ctx.db, track, row.procedureName, row.procedureId, `rows.${i}.procedureName`);
      } catch (err) {
        if (err instanceof AppFailure && err.issues) issues.push(...err.issues);
        return null;
      }
    });
    throwIfIssues(issues);
    const now = ctx.now().toISOString();
    const verifier = input.verifierId ? getVerifier(ctx.db, input.verifierId) : undefined;
    if (input.verifierId && !verifier) {
      throw new AppFailure('not-found', 'That verifier no longer exists.', [{ path: 'verifierId', message: 'That verifier no longer exists. Choose another.' }]);
    }
    return ctx.db.transaction(() => {
      const siteId = input.siteName ? ensureSite(ctx.db, input.siteName, now) : null;
      const ids: number[] = [];
      input.rows.forEach((row, i) => {
        for (let n = 0; n < row.count; n++) {
          const id = insertEntry(ctx.db, {
            trackId: track.id,
            performedOn: input.performedOn,
            performedAt: null,
            procedureId: procedures[i]!.id,
            procedureName: procedures[i]!.name,
            siteId,
            verifierId: verifier?.id ?? null,
            verifierName: verifier ? verifier.name : input.verifierName || null,
            // Each procedure of a shift is its own patient unless the user says otherwise later.
            patientMarker: nextPatientMarker(ctx.db),
            simulated: input.simulated,
            notes: '',
            status: 'draft',
            now,
          });
          appendAudit(ctx.db, now, AUDIT_ENTITY, id, 'create', null, getEntry(ctx.db, id)!);
          ids.push(id);
        }
      });
      return { ids, created: ids.length, warnings: capWarnings(ctx.db, track, input.performedOn) };
    })();
  },

  'entries.update': (ctx, input) => {
    const before = getEntry(ctx.db, input.id);
    if (!before) throw new AppFailure('not-found', 'That entry no longer exists (it may have been deleted).');
    const track = requireTrack(ctx.db, before.trackId);
    throwIfIssues(entryDateIssues(input.performedOn, { today: localIsoDate(ctx.now()), trackStart: track.startDate }));
    const procedure = resolveProcedure(ctx.db, track, input.procedureName, input.procedureId, 'procedureName');
    const now = ctx.now().toISOString();
    // The verifier record stays linked while the name is unchanged; a typed new name unlinks it.
    const verifier = input.verifierId ? getVerifier(ctx.db, input.verifierId) : undefined;
    const keepRecord = input.verifierId === undefined && (input.verifierName || null) === before.verifierName;
    return ctx.db.transaction(() => {
      updateEntry(ctx.db, input.id, {
        verifierId: verifier?.id ?? (keepRecord ? before.verifierId : null),
        performedOn: input.performedOn,
        performedAt: input.performedAt ?? null,
        procedureId: procedure.id,
        procedureName: procedure.name,
        siteId: input.siteName ? ensureSite(ctx.db, input.siteName, now) : null,
        verifierName: verifier ? verifier.name : input.verifierName || null,
        simulated: input.simulated,
        notes: input.notes,
        status: input.status,
        now,
      });
      const after = getEntry(ctx.db, input.id)!;
      appendAudit(ctx.db, now, AUDIT_ENTITY, input.id, 'update', before, after);
      const dayChanged = after.performedOn !== before.performedOn;
      return { ...after, warnings: [...(dayChanged ? capWarnings(ctx.db, track, after.performedOn) : []), ...phiWarnings(after.notes)] };
    })();
  },

  'entries.delete': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      let deleted = 0;
      for (const id of input.ids) {
        const before = getEntry(ctx.db, id);
        if (!before || !setDeleted(ctx.db, id, now, now)) continue;
        appendAudit(ctx.db, now, AUDIT_ENTITY, id, 'delete', before, null);
        deleted++;
      }
      return { deleted };
    })();
  },

  'entries.restore': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      let restored = 0;
      for (const id of input.ids) {
        if (!setDeleted(ctx.db, id, null, now)) continue;
        appendAudit(ctx.db, now, AUDIT_ENTITY, id, 'restore', null, getEntry(ctx.db, id)!);
        restored++;
      }
      return { restored };
    })();
  },

  'entries.setStatus': (ctx, input) =>
    changeStatuses(ctx, input.ids.map((id) => ({ id, status: input.status }))),

  'entries.restoreStatuses': (ctx, input) => changeStatuses(ctx, input.changes),

  'entries.list': (ctx, input) => {
    // What counts is decided per track by its catalog; without a track picked, every track is
    // judged by its own (the common case: one track, no need to pick it first).
    const page = listFiltered(ctx, input);
    return { ...page, marks: entryMarks(ctx.db, page.rows), judgements: judgeEntries(ctx, page.rows) };
  },

  'entries.dayCount': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    const { cap, source, from } = dailyCap(ctx.db, track, input.performedOn);
    return {
      trackId: track.id,
      performedOn: input.performedOn,
      count: countOnDay(ctx.db, track.id, input.performedOn),
      cap,
      capSource: source,
      capFrom: from,
      disciplineCode: track.discipline,
    };
  },

  'entries.memory': (ctx, input) => {
    const last = lastLoggedEntry(ctx.db, input.trackId);
    const verifierId = last?.verifierId && getVerifier(ctx.db, last.verifierId) ? last.verifierId : null;
    return { siteName: last?.siteName ?? null, verifierId, verifierName: last?.verifierName ?? null };
  },

  'entries.procedureOptions': (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    return { catalogHasProcedures: catalogProcedures(ctx.db, track).length > 0, options: procedureOptions(ctx.db, track) };
  },

  'entries.filterOptions': (ctx, input) => ({
    sites: listSiteNames(ctx.db),
    procedures: distinctProcedureNames(ctx.db, input.trackId),
  }),

  'entries.history': (ctx, input) => {
    if (!getEntryAnyState(ctx.db, input.id)) throw new AppFailure('not-found', 'That entry does not exist.');
    return auditHistory(ctx.db, AUDIT_ENTITY, input.id).map(
      (r): HistoryEvent => {
        const before = r.before as Partial<Entry> | null;
        const after = r.after as Partial<Entry> | null;
        return { id: r.id, at: r.at, action: r.action, before, after, changed: changedFields(before, after) };
      },
    );
  },
};

function listFiltered(ctx: Ctx, input: Parameters<(typeof entryHandlers)['entries.list']>[1]) {
  let ids = input.counting === 'all' ? undefined : entryIdsByCounting(ctx, input.trackId, input.counting === 'counts');
  let notIds: number[] | undefined;
  if (input.signature !== undefined) {
    // As the Log marks them: an entry whose newest verifier signature no longer matches it.
    const voided = voidSignatureIds(ctx.db, input.trackId);
    const set = new Set(voided);
    if (input.signature === 'void') ids = ids === undefined ? voided : ids.filter((id) => set.has(id));
    else notIds = voided;
  }
  return listEntries(ctx.db, { ...input, ids, notIds });
}

/** Live entries (of a track, or all) whose signature reads "Signature void" in the Log. */
function voidSignatureIds(db: DB, trackId: number | undefined): number[] {
  const marks = entryMarks(db, signedLiveEntries(db, trackId));
  return Object.entries(marks).flatMap(([id, m]) => (m.state === 'void' ? [Number(id)] : []));
}

function changeStatuses(ctx: Ctx, changes: ReadonlyArray<{ id: number; status: Entry['status'] }>) {
  const now = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const previous: Array<{ id: number; status: Entry['status'] }> = [];
    for (const change of changes) {
      const before = getEntry(ctx.db, change.id);
      if (!before || before.status === change.status) continue;
      setStatus(ctx.db, change.id, change.status, now);
      appendAudit(ctx.db, now, AUDIT_ENTITY, change.id, 'update', before, getEntry(ctx.db, change.id)!);
      previous.push({ id: change.id, status: before.status });
    }
    return { updated: previous.length, previous };
  })();
}
