// Whether each logged entry counts and, if not, why: the engine's verdicts (shared with the
// dashboard through progress.evaluate's cache) turned into the words the Log and its CSV show.
import type { EntryFlag, EntryVerdict } from '../../../shared/engine/evaluate';
import type { ProgressReport } from '../../../shared/ipc/catalogs';
import type { EntryJudgement } from '../../../shared/ipc/entries';
import type { Ctx } from '../context';
import { listTracks } from '../tables/tracks';
import { catalogHandlers } from './catalogs';

const FLAG_TEXT: Record<EntryFlag, string> = {
  'before-mqsa': 'performed before your MQSA qualification date',
  'simulation-rule-unknown': 'whether it may be simulated is not known',
  uncatalogued: 'not in the catalog’s procedure list yet',
};

export const NOT_JUDGED: EntryJudgement = { counts: null, text: 'Not judged: this track has no requirement catalog yet.' };

export interface TrackJudgements {
  verdicts: readonly EntryVerdict[];
  judge: (entryId: number) => EntryJudgement;
}

// The verdict list belongs to the cached evaluation: index it once per evaluation, not per call.
const indexes = new WeakMap<readonly EntryVerdict[], Map<number, EntryVerdict>>();

function indexOf(list: readonly EntryVerdict[]): Map<number, EntryVerdict> {
  let m = indexes.get(list);
  if (!m) {
    m = new Map();
    for (const v of list) m.set(v.id, v);
    indexes.set(list, m);
  }
  return m;
}

export function judgementText(v: EntryVerdict, reasonTexts: ProgressReport['reasonTexts']): EntryJudgement {
  if (!v.counts) return { counts: false, text: v.reason ? reasonTexts[v.reason] : 'Does not count.' };
  // "Not in the catalog's list yet" holds for every entry while the list is unknown: the dashboard
  // says so once; repeating it on each row would hide the notes that matter.
  const notes = v.flags.filter((f) => f !== 'uncatalogued').map((f) => FLAG_TEXT[f]);
  return { counts: true, text: notes.length ? `Counts (${notes.join('; ')}).` : 'Counts.' };
}

/** The verdicts of one track's live entries, and a look-up in words. */
export function trackJudgements(ctx: Ctx, trackId: number): TrackJudgements {
  const report = catalogHandlers['progress.evaluate'](ctx, { trackId, verdicts: 'all' }) as ProgressReport;
  if (!report.evaluation) return { verdicts: [], judge: () => NOT_JUDGED };
  const verdicts = report.evaluation.entries;
  const byId = indexOf(verdicts);
  return {
    verdicts,
    judge: (id) => {
      const v = byId.get(id);
      return v ? judgementText(v, report.reasonTexts) : NOT_JUDGED;
    },
  };
}

/** Judgements for entries of any tracks, each track evaluated at most once per call. */
export function judgeEntries(ctx: Ctx, rows: ReadonlyArray<{ id: number; trackId: number }>): Record<number, EntryJudgement> {
  const perTrack = new Map<number, TrackJudgements>();
  const out: Record<number, EntryJudgement> = {};
  for (const r of rows) {
    let t = perTrack.get(r.trackId);
    if (!t) perTrack.set(r.trackId, (t = trackJudgements(ctx, r.trackId)));
    out[r.id] = t.judge(r.id);
  }
  return out;
}

/** Ids of the live entries that count (or do not), over one track or every track. */
export function entryIdsByCounting(ctx: Ctx, trackId: number | undefined, counts: boolean): number[] {
  const ids = trackId === undefined ? listTracks(ctx.db).map((t) => t.id) : [trackId];
  return ids.flatMap((id) => trackJudgements(ctx, id).verdicts.filter((v) => v.counts === counts).map((v) => v.id));
}
