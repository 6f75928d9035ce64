// Catalog channels and progress.evaluate: shipped catalogs from resources/, saved revisions from
// SQLite, the version rules when a track takes a catalog, and the engine run for a track.
import { BUILTIN_CATALOGS, builtinCatalog, currentCatalogFor } from '../../../shared/catalog/builtin';
import { parsePaste } from '../../../shared/catalog/paste-parser';
import { allProcedures, parseCatalogJson, validateCatalog, type Catalog, type CatalogIssue } from '../../../shared/catalog/schema';
import { diffCatalogs } from '../../../shared/catalog/diff';
import { canStartOn, derivedText, versionWarnings } from '../../../shared/catalog/versions';
import { localIsoDate } from '../../../shared/dates';
import type { Track } from '../../../shared/domain';
import { NOT_COUNTING_REASONS, reasonText, withVerdicts, type NotCountingReason } from '../../../shared/engine/evaluate';
import type { CatalogDocument, CatalogSummary, catalogChannels, SavedCatalog, TrackAssignment } from '../../../shared/ipc/catalogs';
import { AppFailure } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { DB } from '../db/open';
import { trackEvaluation } from '../evaluation-cache';
import {
  getCatalogRevision,
  insertCatalogRevision,
  latestCatalogRevision,
  latestCatalogRevisionId,
  listCatalogRevisions,
  setTrackCatalog,
  tracksUsingCatalog,
  type StoredCatalog,
} from '../tables/catalogs';
import { getTrack, liveEntryCount } from '../tables/tracks';
import { readWorksheet } from '../worksheet/read';
import { engineContext, trackCatalog, validatedRevision } from './track-catalog';
import type { ChannelsOf, HandlerMap } from './types';

type Ref = { id: number } | { key: string };

function summarize(
  catalog: Catalog,
  stored: (Pick<StoredCatalog, 'id' | 'revision' | 'createdAt' | 'importedFrom'> & { tracksUsing?: number; latest?: boolean }) | null,
): CatalogSummary {
  return {
    origin: stored ? 'saved' : 'builtin',
    id: stored?.id ?? null,
    revision: stored?.revision ?? null,
    key: catalog.key,
    title: catalog.title,
    label: catalog.label,
    kind: catalog.kind,
    discipline: catalog.discipline,
    versionLabel: catalog.versionLabel,
    effectiveDate: catalog.effectiveDate?.value ?? null,
    expiresOn: catalog.expiresOn?.value ?? null,
    expiresDerived: catalog.expiresOn?.derived ? derivedText(catalog.expiresOn.derived) : null,
    proceduresStatus: catalog.proceduresStatus,
    procedureCount: allProcedures(catalog).length,
    tracksUsing: stored?.tracksUsing ?? 0,
    latest: stored?.latest ?? true,
    createdAt: stored?.createdAt ?? null,
    importedFrom: stored?.importedFrom ?? null,
  };
}

/** A stored revision, validated again on the way out (a damaged row is a storage problem, not a crash). */
function storedCatalog(s: StoredCatalog): Catalog {
  const v = validateCatalog(s.raw);
  if (!v.ok) throw new AppFailure('corrupt-database', `Saved catalog "${s.key}" revision ${s.revision} is damaged: ${v.issues[0]?.message ?? ''}`);
  return v.catalog;
}

interface Resolved {
  catalog: Catalog;
  stored: StoredCatalog | null;
}

function resolve(db: DB, ref: Ref): Resolved {
  if ('id' in ref) {
    const r = validatedRevision(db, ref.id);
    if (!r) throw new AppFailure('not-found', 'That catalog no longer exists.');
    const s = r.stored;
    if (!r.validation.ok) throw new AppFailure('corrupt-database', `Saved catalog "${s.key}" revision ${s.revision} is damaged: ${r.validation.issues[0]?.message ?? ''}`);
    return { catalog: r.validation.catalog, stored: s };
  }
  const s = latestCatalogRevision(db, ref.key);
  if (s) return { catalog: storedCatalog(s), stored: s };
  const b = builtinCatalog(ref.key);
  if (!b) throw new AppFailure('not-found', `No catalog has the key "${ref.key}".`);
  return { catalog: b, stored: null };
}

function toDocument(db: DB, r: Resolved): CatalogDocument {
  if (!r.stored) return { summary: summarize(r.catalog, null), catalog: r.catalog };
  const latest = latestCatalogRevisionId(db, r.stored.key) === r.stored.id;
  return { summary: summarize(r.catalog, { ...r.stored, tracksUsing: tracksUsingCatalog(db, r.stored.id), latest }), catalog: r.catalog };
}

function invalid(intro: string, issues: CatalogIssue[]): AppFailure {
  const shown = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join(' ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new AppFailure('validation', `${intro} ${shown}${more}`, issues);
}

/**
 * Saves `catalog` as the next revision of its key; content equal to the latest revision reuses it,
 * so saving twice or re-assigning a shipped catalog never multiplies revisions.
 * `importedFrom` names the file of an imported catalog; a revision saved on top of an imported one
 * keeps that name (its numbers still come from the file), so the "not verified" label stays.
 */
export function saveRevision(db: DB, catalog: Catalog, now: string, importedFrom: string | null = null): { stored: StoredCatalog; created: boolean } {
  const json = JSON.stringify(catalog);
  const last = latestCatalogRevision(db, catalog.key);
  if (last && JSON.stringify(last.raw) === json) return { stored: last, created: false };
  return db.transaction(() => {
    const newId = insertCatalogRevision(db, catalog, json, now, importedFrom ?? last?.importedFrom ?? null);
    const stored = getCatalogRevision(db, newId)!;
    appendAudit(db, now, 'catalog', newId, 'create', null, {
      key: stored.key,
      revision: stored.revision,
      versionLabel: catalog.versionLabel,
      importedFrom: stored.importedFrom,
    });
    return { stored, created: true };
  })();
}

/**
 * Puts a just-saved revision on the track it was filled or imported for, in the same step. The
 * version guard stays: a track whose entries are already measured against another catalog that
 * lists procedures keeps it until the user switches explicitly (catalogs.assign).
 */
function applyToTrack(db: DB, trackId: number, catalog: Catalog, stored: StoredCatalog, now: string): TrackAssignment {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.', [{ path: 'trackId', message: 'That track no longer exists.' }]);
  const base = { trackId, trackName: track.name };
  if (track.catalogId === stored.id) return { ...base, status: 'already', message: `${track.name} already uses revision ${stored.revision}.` };
  try {
    assertCatalogFitsTrack(catalog, track);
  } catch (err) {
    if (err instanceof AppFailure) return { ...base, status: 'refused', message: `Saved, but not used for ${track.name}: ${err.message}` };
    throw err;
  }
  const current = trackCatalog(db, track);
  const entries = liveEntryCount(db, track.id).n;
  if (entries > 0 && current && allProcedures(current).length > 0) {
    return {
      ...base,
      status: 'kept',
      message: `${track.name} stays on its current requirements: its ${entries} ${entries === 1 ? 'entry is' : 'entries are'} measured against them. Switch to revision ${stored.revision} when you are ready.`,
    };
  }
  setTrackCatalog(db, track.id, stored.id, now);
  appendAudit(db, now, 'track', track.id, 'update', track, getTrack(db, track.id)!);
  return { ...base, status: 'assigned', message: `${track.name} now uses revision ${stored.revision}.` };
}

function saved(db: DB, catalog: Catalog, now: string, opts: { trackId?: number | undefined; importedFrom?: string | null } = {}): SavedCatalog {
  return db.transaction(() => {
    const { stored, created } = saveRevision(db, catalog, now, opts.importedFrom ?? null);
    const assignment = opts.trackId === undefined ? null : applyToTrack(db, opts.trackId, catalog, stored, now);
    return { ...toDocument(db, { catalog, stored }), created, assignment };
  })();
}

/** Throws a validation failure unless `catalog` may serve `track` (discipline and version rules). */
export function assertCatalogFitsTrack(catalog: Catalog, track: Track): void {
  if (catalog.discipline !== 'CUSTOM' && catalog.discipline !== track.discipline) {
    throw new AppFailure('validation', `This catalog is for ${catalog.discipline}; the track is ${track.discipline}.`, [
      { path: 'catalog', message: 'Choose a catalog of the track\u2019s discipline, or a custom one.' },
    ]);
  }
  const check = canStartOn(catalog, track.startDate);
  if (!check.ok) throw new AppFailure('validation', check.message, [{ path: 'catalog', message: check.message }]);
}

export const catalogHandlers: HandlerMap<ChannelsOf<typeof catalogChannels>> = {
  'catalogs.list': (ctx) => {
    const revisions = listCatalogRevisions(ctx.db);
    const seen = new Set<string>();
    const savedList = revisions.map((r) => {
      const latest = !seen.has(r.key);
      seen.add(r.key);
      return summarize(storedCatalog(r), { ...r, latest });
    });
    return { builtin: BUILTIN_CATALOGS.map((c) => summarize(c, null)), saved: savedList };
  },

  'catalogs.get': (ctx, ref) => toDocument(ctx.db, resolve(ctx.db, ref)),

  'catalogs.save': (ctx, input) => {
    const v = validateCatalog(input.catalog);
    if (!v.ok) throw invalid('The catalog cannot be saved:', v.issues);
    return saved(ctx.db, v.catalog, ctx.now().toISOString(), { trackId: input.trackId });
  },

  'catalogs.import': (ctx, input) => {
    const v = parseCatalogJson(input.text);
    if (!v.ok) throw invalid('This catalog file cannot be used:', v.issues);
    return saved(ctx.db, v.catalog, ctx.now().toISOString(), { trackId: input.trackId, importedFrom: input.fileName ?? 'a catalog file' });
  },

  'catalogs.readWorksheet': (_ctx, input) => readWorksheet(input.fileName, Buffer.from(input.dataBase64, 'base64')),

  'catalogs.compare': (ctx, input) => diffCatalogs(resolve(ctx.db, input.from).catalog, resolve(ctx.db, input.to).catalog),

  'catalogs.export': (ctx, ref) => {
    const r = resolve(ctx.db, ref);
    const suffix = r.stored ? `-r${r.stored.revision}` : '';
    return { fileName: `${r.catalog.key}${suffix}.catalog.json`, text: `${JSON.stringify(r.catalog, null, 2)}\n` };
  },

  'catalogs.parsePaste': (_ctx, input) => parsePaste(input.text, input.defaultKind ? { defaultKind: input.defaultKind } : {}),

  'catalogs.assign': (ctx, input) => {
    const track = getTrack(ctx.db, input.trackId);
    if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
    const r = resolve(ctx.db, input.catalog);
    assertCatalogFitsTrack(r.catalog, track);
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      // A shipped catalog is copied in as a revision: the track keeps it even if RadLedger updates the file.
      const stored = r.stored ?? saveRevision(ctx.db, r.catalog, now).stored;
      setTrackCatalog(ctx.db, track.id, stored.id, now);
      const after = getTrack(ctx.db, track.id)!;
      appendAudit(ctx.db, now, 'track', track.id, 'update', track, after);
      return after;
    })();
  },

  'progress.evaluate': (ctx, input) => {
    const track = getTrack(ctx.db, input.trackId);
    if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
    let resolved: Resolved | null = null;
    if (track.catalogId !== null) resolved = resolve(ctx.db, { id: track.catalogId });
    else {
      const fallback = currentCatalogFor(track.discipline, track.startDate);
      if (fallback) resolved = { catalog: fallback, stored: null };
    }
    const today = localIsoDate(ctx.now());
    const reasonTexts = Object.fromEntries(
      NOT_COUNTING_REASONS.map((reason) => [reason, resolved ? reasonText(reason, resolved.catalog) : '']),
    ) as Record<NotCountingReason, string>;
    if (!resolved) return { track, catalog: null, catalogAssigned: false, evaluation: null, versionWarnings: [], reasonTexts };

    // Shared with dashboard.get (one evaluation per data change), so copied with its own verdicts.
    // The shared evaluation builds its verdicts only when they are read: 'none' never reads them.
    const shared = trackEvaluation(ctx.db, track.id, resolved.catalog, engineContext(track, today)).evaluation;
    const verdicts =
      input.verdicts === 'none' ? [] : input.verdicts === 'exceptions' ? shared.entries.filter((v) => !v.counts || v.flags.length > 0) : shared.entries;
    const evaluation = withVerdicts(shared, verdicts);
    return {
      track,
      catalog: toDocument(ctx.db, resolved).summary,
      catalogAssigned: track.catalogId !== null,
      evaluation,
      versionWarnings: versionWarnings(resolved.catalog, today),
      reasonTexts,
    };
  },
};
