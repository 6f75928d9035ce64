// Properties that must hold for any log and any schedule, checked with generated inputs.
import { format, parseISO, startOfWeek } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../../../shared/planning/forecast';
import { planRotations } from '../../../../shared/planning/planner';
import { addIsoDays, isTimeOff, isWorkDay, type WorkPattern } from '../../../../shared/planning/schedule';

const TODAY = '2026-03-01';
const entryDates = fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 300 }).map((offsets) =>
  offsets.map((o) => addIsoDays(TODAY, -o)),
);

describe('forecast properties', () => {
  it('orders the range, and expiry never makes the finish earlier', () => {
    fc.assert(
      fc.property(entryDates, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 16 }), (dates, remaining, window) => {
        const f = forecast({ entryDates: dates, remaining, today: TODAY, paceWindowWeeks: window });
        if (f.status !== 'projected') return;
        expect(f.finish.optimistic <= f.finish.likely).toBe(true);
        if (f.finish.pessimistic) expect(f.finish.likely <= f.finish.pessimistic).toBe(true);
        expect(f.expiry.finishWithoutExpiry <= f.finish.likely).toBe(true);
        expect(f.expiry.expiring).toBe(f.expiry.byMonth.reduce((s, m) => s + m.count, 0));
        expect(f.expiry.converged).toBe(true);
        const locked = forecast({ entryDates: dates, remaining, today: TODAY, paceWindowWeeks: window, examWindowAssigned: true });
        expect(locked.status === 'projected' && locked.finish.likely).toBe(f.expiry.finishWithoutExpiry);
      }),
      { numRuns: 200 },
    );
  });
});

describe('planner properties', () => {
  const pattern = fc.oneof(
    fc.record({
      kind: fc.constant('cycle' as const),
      anchor: fc.integer({ min: -20, max: 20 }).map((o) => addIsoDays(TODAY, o)),
      days: fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
    }),
    fc.record({
      kind: fc.constant('weekly' as const),
      weekdays: fc.uniqueArray(fc.constantFrom(0, 1, 2, 3, 4, 5, 6 as const), { maxLength: 7 }),
    }),
  ) as fc.Arbitrary<WorkPattern>;
  const timeOff = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 14 })).map(([start, len]) => ({
      from: addIsoDays(TODAY, start),
      to: addIsoDays(TODAY, start + len),
    })),
    { maxLength: 4 },
  );

  it('proposes only free days, within the weekly limit, from reachable sites, capped per day', () => {
    fc.assert(
      fc.property(
        pattern,
        timeOff,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 4 }),
        fc.record({ a: fc.integer({ min: 0, max: 30 }), b: fc.integer({ min: 0, max: 30 }) }),
        (p, off, perWeek, travel, remaining) => {
          const sites = travel.map((t, i) => ({
            id: i + 1,
            name: `Site ${i + 1}`,
            travelMinutesOneWay: t,
            procedures: i % 2 === 0 ? ['a', 'b'] : ['b'],
            yieldPerDay: 1 + i * 4,
          }));
          const plan = planRotations({
            pattern: p,
            timeOff: off,
            sessions: [],
            sites,
            remaining,
            defaultYieldPerDay: 3,
            dailyCap: 7,
            maxTravelMinutesPerDay: 180,
            from: TODAY,
            target: addIsoDays(TODAY, 90),
            maxRotationDaysPerWeek: perWeek,
            horizonDays: 120,
          });
          const weeks = new Map<string, number>();
          for (const s of plan.sessions) {
            expect(isWorkDay(p, s.date)).toBe(false);
            expect(isTimeOff(off, s.date)).toBe(false);
            expect(2 * (sites[s.siteId - 1]?.travelMinutesOneWay ?? Infinity)).toBeLessThanOrEqual(180);
            expect(s.expectedTotal).toBeGreaterThan(0);
            expect(s.expectedTotal).toBeLessThanOrEqual(7);
            const w = format(startOfWeek(parseISO(s.date), { weekStartsOn: 1 }), 'yyyy-MM-dd');
            weeks.set(w, (weeks.get(w) ?? 0) + 1);
          }
          for (const n of weeks.values()) expect(n).toBeLessThanOrEqual(perWeek);
          expect(new Set(plan.sessions.map((s) => s.date)).size).toBe(plan.sessions.length);
          // Expected entries never exceed the need, and cover it exactly when a finish is given.
          const planned = plan.sessions.reduce((s, x) => s + x.expectedTotal, 0);
          const need = remaining.a + remaining.b;
          expect(planned).toBeLessThanOrEqual(need);
          if (plan.finish) expect(planned).toBe(need);
        },
      ),
      { numRuns: 150 },
    );
  });
});
