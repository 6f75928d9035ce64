import { describe, expect, it } from 'vitest';
import { planRetention, type RetainedBackup } from '../../../../shared/backup/retention';

const at = (iso: string, tag = ''): RetainedBackup => ({ name: `${iso}${tag}`, createdAt: iso });

/** One backup a day at 03:00 UTC, from `first` for `days` days. */
function daily(first: string, days: number): RetainedBackup[] {
  const start = Date.parse(`${first}T03:00:00.000Z`);
  return Array.from({ length: days }, (_, i) => at(new Date(start + i * 86_400_000).toISOString()));
}

describe('planRetention', () => {
  it('keeps 7 daily, 4 weekly (Monday weeks) and 12 monthly backups of a 40-day daily series', () => {
    // 2026-01-01 .. 2026-02-09. 2026-02-09 is a Monday.
    const plan = planRetention(daily('2026-01-01', 40));
    const keptDays = plan.keep.map((n) => n.slice(0, 10));
    expect(keptDays).toEqual([
      '2026-02-09', // newest: daily, weekly (week of Feb 9), monthly (Feb)
      '2026-02-08', // daily; newest of the week of Feb 2
      '2026-02-07',
      '2026-02-06',
      '2026-02-05',
      '2026-02-04',
      '2026-02-03', // 7th daily
      '2026-02-01', // newest of the week of Jan 26
      '2026-01-31', // newest of January
      '2026-01-25', // newest of the week of Jan 19 (4th week)
    ]);
    expect(plan.remove).toHaveLength(30);
    expect(plan.remove).toContain('2026-01-24T03:00:00.000Z');
  });

  it('keeps the newest of each of 12 months and drops older months', () => {
    const monthly = Array.from({ length: 14 }, (_, i) => {
      const y = 2025 + Math.floor(i / 12);
      const m = String((i % 12) + 1).padStart(2, '0');
      return at(`${y}-${m}-15T03:00:00.000Z`);
    });
    const plan = planRetention(monthly);
    expect(plan.keep).toHaveLength(12);
    expect(plan.remove.sort()).toEqual(['2025-01-15T03:00:00.000Z', '2025-02-15T03:00:00.000Z']);
  });

  it('keeps every backup from the last 24 hours before the newest, and only the newest per older day', () => {
    const list = [
      at('2026-11-24T12:00:00.000Z', '-manual'),
      at('2026-11-24T09:00:00.000Z', '-daily'),
      at('2026-11-23T12:00:00.000Z', '-pre-import'), // exactly 24 h before the newest
      at('2026-11-23T08:00:00.000Z', '-daily'), // older than 24 h, same day as a newer one
      at('2026-11-22T08:00:00.000Z', '-daily'),
    ];
    expect(planRetention(list).remove).toEqual(['2026-11-23T08:00:00.000Z-daily']);
  });

  it('never removes a pinned backup or one whose date cannot be read', () => {
    const list = [...daily('2026-01-01', 40), { name: 'odd', createdAt: 'not a date' }];
    const plan = planRetention(list, undefined, new Set(['2026-01-02T03:00:00.000Z']));
    expect(plan.keep).toContain('odd');
    expect(plan.keep).toContain('2026-01-02T03:00:00.000Z');
    expect(plan.remove).not.toContain('odd');
    expect(plan.keep.length + plan.remove.length).toBe(41);
  });

  it('keeps everything when there is little to choose from', () => {
    const list = daily('2026-03-01', 3);
    expect(planRetention(list)).toEqual({ keep: list.map((b) => b.name).reverse(), remove: [] });
  });
});
