// A hand-made case the edit-by-edit property found (CI run of this round): a day emptied between
// two others must still re-judge the later day whose capped count it changed, even when the day
// re-judged first lies before it.
import { describe, expect, it } from 'vitest';
import { evaluate, TrackEvaluator, type EngineEntry } from '../../../shared/engine/evaluate';
import { ctx, makeCatalog, n } from './engine-fixtures';

const head = (id: number, performedOn: string): EngineEntry => ({ id, performedOn, performedAt: null, createdAt: 'x', procedureId: 'routine-head', simulated: false, patientMarker: null });

describe('TrackEvaluator', () => {
  it('re-judges a later day when a day between empties, after an earlier change', () => {
    const windowed = makeCatalog({ windowMonths: n(24), cats: [{ id: 'all', procs: [{ id: 'routine-head', kind: 'mandatory', reps: 2, max: 2 }] }] });
    const c = ctx({ today: '2026-06-01', trackStart: '2019-01-01' });
    const log = [head(1, '2025-03-04'), head(2, '2026-05-31'), head(3, '2026-06-01')];
    const engine = new TrackEvaluator(windowed, c, log);
    // Entries 1 and 2 fill the maximum of 2; entry 3 is over it.
    expect(engine.evaluation().entries.find((v) => v.id === 3)!.reason).toBe('over-max-counted');
    engine.replace(log[1]!, null); // 2026-05-31 empties: entry 3 now counts
    const expired = head(4, '2019-12-31');
    engine.replace(null, expired); // and a change before every other day (outside the window)
    const after = engine.evaluation();
    expect(after.entries.find((v) => v.id === 3)!.counts).toBe(true);
    expect(after).toEqual(evaluate(windowed, [log[0]!, log[2]!, expired], c));
  });
});
