import { describe, expect, it } from 'vitest';
import { builtinCatalog, canStartOn, currentCatalogFor, validUntil, versionWarnings } from '../../../shared/catalog/builtin';
import { academicToCe, evaluateEducation } from '../../../shared/engine/education';
import { evaluate, TrackEvaluator, withVerdicts, type Evaluation } from '../../../shared/engine/evaluate';
import { ctx, d, entry, makeCatalog, n } from './engine-fixtures';

const verdict = (r: Evaluation, id: number) => r.entries.find((v) => v.id === id)!;
const countedIds = (r: Evaluation) => r.entries.filter((v) => v.counts).map((v) => v.id);

describe('daily entry cap', () => {
  const cat = makeCatalog({ dailyCap: n(3), dailyCapAppliesFrom: d('2020-01-01') });

  it('keeps entries past the cap, in order of time performed, then time logged', () => {
    const e1 = entry('2025-03-03', 'routine-head', { performedAt: '14:00' });
    const e2 = entry('2025-03-03', 'routine-head', { performedAt: '08:30' });
    const e3 = entry('2025-03-03', 'routine-head', { performedAt: null }); // untimed: after timed ones
    const e4 = entry('2025-03-03', 'routine-head', { performedAt: '11:00' });
    const e5 = entry('2025-03-03', 'routine-head', { performedAt: '11:00' }); // same time, logged later than e4
    const r = evaluate(cat, [e1, e2, e3, e4, e5], ctx());
    expect(countedIds(r).sort()).toEqual([e2.id, e4.id, e5.id].sort());
    expect(verdict(r, e1.id).reason).toBe('over-daily-cap');
    expect(verdict(r, e3.id).reason).toBe('over-daily-cap');
    expect(r.totals.counted).toBe(3);
    expect(r.totals.notCounting['over-daily-cap']).toBe(2);
    // The verdicts come in the engine's order: 08:30, 11:00 (e4), 11:00 (e5), 14:00, untimed.
    expect(r.entries.map((v) => v.id)).toEqual([e2.id, e4.id, e5.id, e1.id, e3.id]);
  });

  it('starts fresh the next day', () => {
    const day1 = [1, 2, 3, 4].map(() => entry('2025-03-03', 'routine-head'));
    const day2 = [1, 2].map(() => entry('2025-03-04', 'routine-head'));
    const r = evaluate(cat, [...day1, ...day2], ctx());
    expect(r.totals.counted).toBe(5);
  });

  it('does not apply to procedures performed before 2020-01-01', () => {
    const old = [1, 2, 3, 4, 5].map(() => entry('2019-12-31', 'routine-head'));
    const r = evaluate(cat, old, ctx({ today: '2020-06-01', trackStart: '2019-01-01' }));
    expect(r.totals.counted).toBe(5);
  });
});

describe('24-month window', () => {
  const cat = makeCatalog({ windowMonths: n(24) });

  it('expires entries older than 24 months before today when no application date is planned', () => {
    const old = entry('2024-05-31', 'routine-head');
    const edge = entry('2024-06-01', 'routine-head');
    const r = evaluate(cat, [old, edge], ctx({ today: '2026-06-01' }));
    expect(r.windowStart).toBe('2024-06-01');
    expect(verdict(r, old.id).reason).toBe('expired');
    expect(verdict(r, edge.id).counts).toBe(true);
  });

  it('counts back from the planned application date', () => {
    const e = entry('2024-08-15', 'routine-head');
    const r = evaluate(cat, [e], ctx({ today: '2026-06-01', plannedApplicationDate: '2026-09-01' }));
    expect(r.applicationDate).toBe('2026-09-01');
    expect(verdict(r, e.id).reason).toBe('expired');
  });

  it('once an exam window is assigned, keeps expired what was outside the window on the assignment day and expires nothing more', () => {
    // Assigned 2025-03-10, no application date known: the window froze at 2023-03-10 .. 2025-03-10.
    const before = entry('2023-03-09', 'routine-head'); // already outside on the assignment day
    const edge = entry('2023-03-10', 'routine-head'); // the first day still inside
    const later = entry('2024-01-15', 'routine-head'); // would have left the window by 2026-06-01
    const r = evaluate(cat, [before, edge, later], ctx({ today: '2026-06-01', trackStart: '2023-01-01', examWindowAssignedOn: '2025-03-10' }));
    expect(r.locked).toBe(true);
    expect(r.lockedOn).toBe('2025-03-10');
    expect(r.windowStart).toBe('2023-03-10');
    expect(verdict(r, before.id).reason).toBe('expired');
    expect(verdict(r, edge.id).counts).toBe(true);
    expect(verdict(r, later.id).counts).toBe(true);
    expect(verdict(r, later.id).validThrough).toBeNull();
    expect(r.expiring).toEqual([]);
  });

  it('freezes the window at the application date when it is known (on or before the assignment)', () => {
    const e = entry('2023-02-01', 'routine-head'); // inside the window of an application on 2025-01-20
    const out = entry('2023-01-19', 'routine-head');
    const context = ctx({ today: '2026-06-01', trackStart: '2022-06-01', plannedApplicationDate: '2025-01-20', examWindowAssignedOn: '2025-03-10' });
    const r = evaluate(cat, [e, out], context);
    expect(r.lockedOn).toBe('2025-01-20');
    expect(r.windowStart).toBe('2023-01-20');
    expect(verdict(r, e.id).counts).toBe(true);
    expect(verdict(r, out.id).reason).toBe('expired');
    // A stored lock date (the track keeps the date it froze at) wins over what the dates say now.
    const stored = evaluate(cat, [e, out], { ...context, plannedApplicationDate: '2026-09-01', windowLockedOn: '2025-01-20' });
    expect(stored.windowStart).toBe('2023-01-20');
    expect(verdict(stored, e.id).counts).toBe(true);
  });

  it('a planned application date after the assignment is not an application date: the assignment day stands in', () => {
    const e = entry('2023-03-01', 'routine-head');
    const r = evaluate(cat, [e], ctx({ today: '2026-06-01', trackStart: '2022-06-01', plannedApplicationDate: '2026-09-01', examWindowAssignedOn: '2025-03-10' }));
    expect(r.lockedOn).toBe('2025-03-10');
    expect(verdict(r, e.id).reason).toBe('expired');
  });

  it('nothing expires after the lock: a year later every entry inside the frozen window still counts', () => {
    const entries = ['2023-04-01', '2023-10-01', '2024-06-01', '2025-02-01'].map((day) => entry(day, 'routine-head'));
    const context = ctx({ trackStart: '2023-01-01', examWindowAssignedOn: '2025-03-10' });
    for (const today of ['2025-03-10', '2026-03-10', '2027-12-31']) {
      const r = evaluate(cat, entries, { ...context, today });
      expect(r.totals.counted).toBe(4);
    }
  });

  it('lists counted entries that expire within 30, 60 and 90 days, soonest first', () => {
    // Application date 2026-06-01; an entry of day X stays valid through X + 24 months.
    const in10 = entry('2024-06-11', 'routine-head'); // valid through 2026-06-11: 10 days
    const in45 = entry('2024-07-16', 'routine-head'); // 2026-07-16: 45 days
    const in80 = entry('2024-08-20', 'routine-head'); // 2026-08-20: 80 days
    const in100 = entry('2024-09-09', 'routine-head'); // 2026-09-09: 100 days, not listed
    const r = evaluate(cat, [in100, in80, in45, in10], ctx());
    expect(r.expiring).toEqual([
      { entryId: in10.id, performedOn: '2024-06-11', validThrough: '2026-06-11', daysLeft: 10, within: 30 },
      { entryId: in45.id, performedOn: '2024-07-16', validThrough: '2026-07-16', daysLeft: 45, within: 60 },
      { entryId: in80.id, performedOn: '2024-08-20', validThrough: '2026-08-20', daysLeft: 80, within: 90 },
    ]);
  });

  it('clamps month ends: a 29 February entry stays valid through 28 February two years later', () => {
    const e = entry('2024-02-29', 'routine-head');
    expect(evaluate(cat, [e], ctx({ today: '2026-02-28' })).entries[0]!.counts).toBe(true);
    expect(evaluate(cat, [e], ctx({ today: '2026-03-01' })).entries[0]!.reason).toBe('expired');
  });
});

describe('dates outside the track', () => {
  it('rejects entries before the track start and in the future', () => {
    const cat = makeCatalog();
    const before = entry('2025-12-31', 'routine-head');
    const future = entry('2026-06-02', 'routine-head');
    const ok = entry('2026-06-01', 'routine-head');
    const r = evaluate(cat, [before, future, ok], ctx({ trackStart: '2026-01-01', today: '2026-06-01' }));
    expect(verdict(r, before.id).reason).toBe('before-track-start');
    expect(verdict(r, future.id).reason).toBe('in-future');
    expect(verdict(r, ok.id).counts).toBe(true);
  });
});

describe('mammography 2025 rules', () => {
  const cat = makeCatalog({
    perPatientPerDay: n(2),
    perQcTestPerDay: n(1),
    mqsaRequired: { value: true, source: 'test', confirmed: false },
    cats: [
      {
        id: 'exams',
        procs: [
          { id: 'screening', kind: 'mandatory', reps: 10 },
          { id: 'diagnostic', kind: 'mandatory', reps: 10 },
          { id: 'phantom', kind: 'mandatory', reps: 10, qc: true },
          { id: 'repeat-analysis', kind: 'mandatory', reps: 1, qc: true },
        ],
      },
    ],
  });

  it('counts at most 2 procedures per patient per day', () => {
    const a = entry('2026-02-02', 'screening', { patientMarker: 1, performedAt: '09:00' });
    const b = entry('2026-02-02', 'diagnostic', { patientMarker: 1, performedAt: '09:10' });
    const c = entry('2026-02-02', 'diagnostic', { patientMarker: 1, performedAt: '09:20' });
    const other = entry('2026-02-02', 'screening', { patientMarker: 2, performedAt: '09:30' });
    const nextDay = entry('2026-02-03', 'screening', { patientMarker: 1 });
    const r = evaluate(cat, [c, b, a, other, nextDay], ctx({ mqsaQualifiedOn: '2025-01-01' }));
    expect(verdict(r, c.id).reason).toBe('over-patient-day-cap');
    expect(countedIds(r).sort()).toEqual([a.id, b.id, other.id, nextDay.id].sort());
  });

  it('allows 1 submission per QC test per day; different QC tests may share a day', () => {
    const p1 = entry('2026-02-02', 'phantom', { performedAt: '07:00' });
    const p2 = entry('2026-02-02', 'phantom', { performedAt: '07:30' });
    const ra = entry('2026-02-02', 'repeat-analysis', { performedAt: '08:00' });
    const p3 = entry('2026-02-03', 'phantom');
    const r = evaluate(cat, [p1, p2, ra, p3], ctx({ mqsaQualifiedOn: '2025-01-01' }));
    expect(verdict(r, p2.id).reason).toBe('over-qc-test-day-cap');
    expect(countedIds(r).sort()).toEqual([p1.id, ra.id, p3.id].sort());
  });

  it('flags entries before the MQSA-qualification date but still counts them', () => {
    const early = entry('2026-01-10', 'screening');
    const later = entry('2026-03-10', 'screening');
    const r = evaluate(cat, [early, later], ctx({ mqsaQualifiedOn: '2026-02-01' }));
    expect(verdict(r, early.id)).toMatchObject({ counts: true, flags: ['before-mqsa'] });
    expect(verdict(r, later.id).flags).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toEqual(['entries-before-mqsa']);
  });

  it('asks for the MQSA date when it is missing', () => {
    expect(evaluate(cat, [], ctx()).warnings.map((w) => w.kind)).toEqual(['mqsa-date-missing']);
  });
});

describe('per-procedure rules', () => {
  const cat = makeCatalog({
    cats: [
      {
        id: 'head',
        procs: [
          { id: 'routine-head', kind: 'mandatory', reps: 2, max: 3 },
          { id: 'post-processing', kind: 'mandatory', reps: 1, sim: true },
          { id: 'biopsy', kind: 'mandatory', reps: 1, sim: false },
          { id: 'mystery', kind: 'mandatory', reps: 1, sim: null },
        ],
      },
    ],
  });

  it('counts simulated entries only where simulation is allowed, and flags unknown simulation rules', () => {
    const simOk = entry('2026-01-02', 'post-processing', { simulated: true });
    const simNo = entry('2026-01-02', 'biopsy', { simulated: true });
    const simUnknown = entry('2026-01-02', 'mystery', { simulated: true });
    const r = evaluate(cat, [simOk, simNo, simUnknown], ctx());
    expect(verdict(r, simOk.id).counts).toBe(true);
    expect(verdict(r, simNo.id).reason).toBe('simulation-not-allowed');
    expect(verdict(r, simUnknown.id)).toMatchObject({ counts: true, flags: ['simulation-rule-unknown'] });
  });

  it('keeps repetitions above the maximum counted but does not count them', () => {
    const list = [1, 2, 3, 4].map((i) => entry(`2026-01-0${i}`, 'routine-head'));
    const r = evaluate(cat, list, ctx());
    const p = r.procedures.find((x) => x.procedureId === 'routine-head')!;
    expect(p).toMatchObject({ performed: 4, counted: 3, remaining: 0, met: true });
    expect(verdict(r, list[3]!.id).reason).toBe('over-max-counted');
  });

  it('rejects procedures a complete catalog does not list', () => {
    const stray = entry('2026-01-02', 'knee');
    const none = entry('2026-01-02', null);
    const r = evaluate(cat, [stray, none], ctx());
    expect(r.entries.map((v) => v.reason)).toEqual(['not-in-catalog', 'not-in-catalog']);
  });
});

describe('progress, electives and the missing list', () => {
  const cat = makeCatalog({
    groupRules: [
      { type: 'minElectives', categoryId: null, count: n(2) },
      { type: 'totalRepetitions', count: n(30) },
    ],
    cats: [
      {
        id: 'head',
        procs: [
          { id: 'routine-head', kind: 'mandatory', reps: 15 },
          { id: 'orbits', kind: 'elective', reps: 3 },
          { id: 'temporal-bones', kind: 'elective', reps: 4 },
        ],
      },
      {
        id: 'chest',
        procs: [
          { id: 'routine-chest', kind: 'mandatory', reps: 5 },
          { id: 'hrct', kind: 'elective', reps: 5 },
        ],
      },
    ],
  });
  const times = (k: number, id: string, start = 1) =>
    Array.from({ length: k }, (_, i) => entry(`2026-01-${String(start + i).padStart(2, '0')}`, id));

  it('reports required, performed, counted and remaining per procedure, category and track', () => {
    // 12 routine head, 5 routine chest, 2 orbits, 4 hrct.
    const log = [...times(12, 'routine-head'), ...times(5, 'routine-chest'), ...times(2, 'orbits'), ...times(4, 'hrct')];
    const r = evaluate(cat, log, ctx());
    // Electives: orbits needs 1 more, hrct 1 more, temporal bones 4 more: the rules choose orbits + hrct.
    expect(r.electiveRules).toEqual([{ categoryId: null, required: 2, completed: 0, remaining: 2, available: 3, chosen: ['orbits', 'hrct'] }]);
    expect(r.procedures.find((p) => p.procedureId === 'temporal-bones')).toMatchObject({ needed: false, remaining: 4 });
    // Needed: head 15 + orbits 3 = 18 (12 + 2 counted, 4 remaining); chest 5 + hrct 5 = 10 (9 counted, 1 remaining).
    expect(r.categories).toEqual([
      { categoryId: 'head', name: 'Head', required: 18, performed: 14, counted: 14, remaining: 4, mandatoryMet: false },
      { categoryId: 'chest', name: 'Chest', required: 10, performed: 9, counted: 9, remaining: 1, mandatoryMet: true },
    ]);
    // Track: 28 needed by procedure, 30 in total; 23 counted; remaining max(5, 30 - 23) = 7.
    expect(r.totals).toMatchObject({ required: 30, performed: 23, counted: 23, remaining: 7 });
    expect(r.mandatoryMet).toBe(false);
    expect(r.complete).toBe(false);
    expect(r.missing.map((m) => m.text)).toEqual([
      '3 more Routine Head (12 of 15)',
      '2 more electives (0 of 2)',
      '1 more Orbits (2 of 3), elective',
      '1 more Hrct (4 of 5), elective',
      '2 more repetitions of any procedure beyond those listed (23 of 30 in total)',
    ]);
  });

  it('prefers completed electives and says when the track is complete', () => {
    const log = [...times(15, 'routine-head'), ...times(5, 'routine-chest'), ...times(4, 'temporal-bones'), ...times(5, 'hrct'), ...times(1, 'orbits')];
    const r = evaluate(cat, log, ctx());
    expect(r.electiveRules[0]).toMatchObject({ completed: 2, remaining: 0, chosen: ['temporal-bones', 'hrct'] });
    expect(r.totals).toMatchObject({ counted: 30, remaining: 0 });
    expect(r.missing).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('satisfies per-category elective minimums before the overall one', () => {
    const perCat = makeCatalog({
      groupRules: [
        { type: 'minElectives', categoryId: 'head', count: n(1) },
        { type: 'minElectives', categoryId: null, count: n(2) },
      ],
      cats: [
        { id: 'head', procs: [{ id: 'orbits', kind: 'elective', reps: 3 }] },
        { id: 'chest', procs: [{ id: 'hrct', kind: 'elective', reps: 5 }, { id: 'cta', kind: 'elective', reps: 2 }] },
      ],
    });
    const r = evaluate(perCat, times(2, 'hrct'), ctx());
    // Head must use orbits (3 left). Overall adds the cheapest of the rest: cta (2 left) beats hrct (3 left).
    expect(r.electiveRules.map((x) => x.chosen)).toEqual([['orbits'], ['orbits', 'cta']]);
    expect(r.missing.map((m) => m.text)).toEqual([
      '1 more elective in Head (0 of 1)',
      '2 more electives (0 of 2)',
      '3 more Orbits (0 of 3), elective',
      '2 more Cta (0 of 2), elective',
    ]);
    expect(r.totals.remaining).toBe(5);
  });

  it('cannot say what remains when repetitions are not filled in', () => {
    const unknownReps = makeCatalog({ cats: [{ id: 'head', procs: [{ id: 'routine-head', kind: 'mandatory', reps: null }] }] });
    const r = evaluate(unknownReps, times(3, 'routine-head'), ctx());
    expect(r.totals).toMatchObject({ required: null, counted: 3, remaining: null });
    expect(r.mandatoryMet).toBeNull();
    expect(r.missing.map((m) => m.text)).toEqual(['Routine Head: repetitions required not filled in (3 counted)']);
  });
});

describe('shipped ARRT catalogs with unknown procedure lists', () => {
  it('still applies the CT daily cap and window to uncatalogued entries', () => {
    const ct = builtinCatalog('arrt-ct')!;
    const day = Array.from({ length: 11 }, () => entry('2026-03-02', null));
    const old = entry('2024-05-01', null);
    const r = evaluate(ct, [...day, old], ctx({ today: '2026-06-01', trackStart: '2024-01-01' }));
    expect(r.totals).toMatchObject({ counted: 9, uncatalogued: 9, required: 0, remaining: 0 });
    expect(r.totals.notCounting).toMatchObject({ 'over-daily-cap': 2, expired: 1 });
    expect(r.complete).toBeNull();
    expect(r.missing[0]!.kind).toBe('catalog');
  });

  it('mammography 2025 asks for 5 electives the catalog does not list yet', () => {
    const m = builtinCatalog('arrt-m-2025-09')!;
    const r = evaluate(m, [], ctx());
    expect(r.electiveRules).toEqual([{ categoryId: null, required: 5, completed: 0, remaining: 5, available: 0, chosen: [] }]);
    expect(r.totals.remaining).toBeNull();
  });
});

describe('requirement versions', () => {
  const m2020 = builtinCatalog('arrt-m-2020-07')!;
  const m2025 = builtinCatalog('arrt-m-2025-09')!;

  it('lets nobody start on the older version from the newer one\u2019s effective date', () => {
    expect(canStartOn(m2020, '2025-08-31')).toEqual({ ok: true });
    expect(canStartOn(m2020, '2025-09-01').ok).toBe(false);
    expect(canStartOn(m2025, '2025-09-01')).toEqual({ ok: true });
    expect(canStartOn(builtinCatalog('arrt-vi-2017-07')!, '2023-07-01').ok).toBe(false);
  });

  it('keeps the older version valid until 24 months after the newer one took effect, with warnings', () => {
    expect(validUntil(m2020)).toBe('2027-09-01');
    expect(validUntil(m2025)).toBeNull();
    expect(versionWarnings(m2020, '2027-01-01')).toEqual([]); // 243 days left
    expect(versionWarnings(m2020, '2027-06-01')).toMatchObject([{ kind: 'version-expiring', daysLeft: 92 }]);
    expect(versionWarnings(m2020, '2027-09-01')).toMatchObject([{ kind: 'version-expired', daysLeft: 0 }]);
  });

  it('picks the version in effect on the start date', () => {
    expect(currentCatalogFor('M', '2024-05-01')?.key).toBe('arrt-m-2020-07');
    expect(currentCatalogFor('M', '2025-09-01')?.key).toBe('arrt-m-2025-09');
    expect(currentCatalogFor('VI', '2024-01-01')?.key).toBe('arrt-vi-2023-07');
    expect(currentCatalogFor('CT', '2026-01-01')?.key).toBe('arrt-ct');
  });
});

describe('structured education', () => {
  const ct = builtinCatalog('arrt-ct')!;
  const c = ctx({ today: '2026-06-01' });

  it('needs 16 credits in the window with at least 1 in each content category', () => {
    const r = evaluateEducation(
      ct,
      [
        { id: 1, completedOn: '2025-01-10', credits: [{ categoryId: 'patient-care', credits: 4 }, { categoryId: 'safety', credits: 4 }] },
        { id: 2, completedOn: '2025-02-10', credits: [{ categoryId: 'image-production', credits: 6 }] },
        { id: 3, completedOn: '2024-05-01', credits: [{ categoryId: 'procedures', credits: 8 }] }, // outside the window
        { id: 4, completedOn: '2026-07-01', credits: [{ categoryId: 'procedures', credits: 1 }] }, // future
      ],
      c,
    );
    expect(r).toMatchObject({ requiredTotal: 16, counted: 14, remaining: 2, met: false });
    expect(r.rejected.map((x) => x.reason)).toEqual(['expired', 'in-future']);
    expect(r.missing).toEqual(['2 more structured-education credits (14 of 16)', '1 more credit in Procedures']);
  });

  it('is met with 16 credits covering every category', () => {
    const r = evaluateEducation(
      ct,
      [{ id: 1, completedOn: '2025-01-10', credits: ['patient-care', 'safety', 'image-production', 'procedures'].map((categoryId) => ({ categoryId, credits: 4 })) }],
      c,
    );
    expect(r.met).toBe(true);
  });

  it('freezes the education window with the exam window: credits outside it stay expired, the rest never expire', () => {
    const acts = [
      { id: 1, completedOn: '2023-03-09', credits: [{ categoryId: 'safety', credits: 2 }] },
      { id: 2, completedOn: '2023-06-01', credits: [{ categoryId: 'safety', credits: 3 }] },
    ];
    const r = evaluateEducation(ct, acts, ctx({ today: '2027-01-01', examWindowAssignedOn: '2025-03-10' }));
    expect(r.counted).toBe(3);
    expect(r.rejected).toEqual([{ activityId: 1, categoryId: 'safety', credits: 2, reason: 'expired' }]);
  });

  it('converts academic credit: 12 CE per quarter credit, 16 per semester credit', () => {
    expect(academicToCe('quarter', 1)).toBe(12);
    expect(academicToCe('semester', 2)).toBe(32);
  });
});

describe('the order of a day and the verdicts', () => {
  const cat = makeCatalog();

  it('orders a busy day by time performed (untimed last), then time logged, then id, whatever the input order', () => {
    // 400 entries on one day: few distinct minutes (many ties), a seventh untimed, and times logged
    // that repeat, so each tie-break is needed. Most times logged are the app's own ISO instants;
    // some are other forms (an import's, SQLite's), which are compared as strings.
    const times = ['07:05', '07:05', '09:30', '12:00', '23:59', '00:00', null];
    const logged = (i: number) => [`2025-03-03T2${i % 3}:00:00.000Z`, '2025-03-03T20:00:00Z', '2025-03-03 21:00:00', `2025-03-03T2${i % 2}:00:00.00xZ`][i % 7 < 4 ? 0 : i % 4]!;
    const log = Array.from({ length: 400 }, (_, i) =>
      entry('2025-03-03', 'routine-head', { performedAt: times[(i * 5) % times.length]!, createdAt: logged(i) }),
    );
    const minute = (t: string | null) => (t === null ? 24 * 60 : Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
    const expected = [...log]
      .sort((a, b) => minute(a.performedAt) - minute(b.performedAt) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || a.id - b.id)
      .map((e) => e.id);
    const shuffled = [...log].sort((a, b) => ((a.id * 7919) % 401) - ((b.id * 7919) % 401));
    expect(evaluate(cat, shuffled, ctx()).entries.map((v) => v.id)).toEqual(expected);
    expect(evaluate(cat, [...log].reverse(), ctx()).entries.map((v) => v.id)).toEqual(expected);
    // Kept current entry by entry (the day re-ordered after each entry), the same order.
    const kept = new TrackEvaluator(cat, ctx());
    for (const e of shuffled) kept.replace(null, e);
    expect(kept.evaluation().entries.map((v) => v.id)).toEqual(expected);
  });

  it('builds the verdicts when they are first read, and a copy, a structured clone or JSON carries them', () => {
    const log = [entry('2025-03-03', 'routine-head'), entry('2025-03-03', 'not-listed'), entry('2099-01-01', 'routine-head')];
    const r = evaluate(cat, log, ctx());
    expect(Object.getOwnPropertyDescriptor(r, 'entries')!.get).toBeTypeOf('function');
    // A copy with other verdicts leaves the original's unbuilt.
    expect(withVerdicts(r, []).entries).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(r, 'entries')!.get).toBeTypeOf('function');
    const expected = [
      { id: log[0]!.id, counts: true, reason: null, flags: [], validThrough: null },
      { id: log[1]!.id, counts: false, reason: 'not-in-catalog', flags: [], validThrough: null },
      { id: log[2]!.id, counts: false, reason: 'in-future', flags: [], validThrough: null },
    ];
    expect(structuredClone(r).entries).toEqual(expected);
    expect(JSON.parse(JSON.stringify(r)).entries).toEqual(expected);
    expect({ ...r }.entries).toEqual(expected);
    // Once read, a plain property that can be replaced.
    expect(Object.getOwnPropertyDescriptor(r, 'entries')!.value).toEqual(expected);
    r.entries = [];
    expect(r.entries).toEqual([]);
  });
});
