// The quick log's line under the date names whose daily limit it counts against: ARRT's, or the
// user's own requirement list (which must never be presented as ARRT's).
import { describe, expect, it } from 'vitest';
import { dayFeedback } from '../../../../../renderer/components/capture/day-feedback';
import type { DayCount } from '../../../../../shared/ipc/entries';

const day = (over: Partial<DayCount>): DayCount => ({
  trackId: 1,
  performedOn: '2026-11-24',
  count: 2,
  cap: 9,
  capSource: 'arrt',
  capFrom: '2020-01-01',
  disciplineCode: 'CT',
  ...over,
});

describe('dayFeedback', () => {
  it("counts against ARRT's limit when the limit is ARRT's", () => {
    expect(dayFeedback(day({}))).toEqual({ text: 'Entry 3 of 9 CT entries ARRT accepts for Nov 24.', over: false });
    expect(dayFeedback(day({ count: 9 })).text).toMatch(/^Over ARRT's daily limit: .* cannot be entered in ARRT for that day\.$/);
    expect(dayFeedback(day({ performedOn: '2019-05-02', cap: null })).text).toBe("Entry 3 for May 2 (ARRT's daily limit applies from 2020-01-01 on).");
  });

  it("names the user's own requirement list, never ARRT, when the limit is the list's", () => {
    const own = day({ cap: 4, capSource: 'requirements', capFrom: null });
    expect(dayFeedback(own)).toEqual({ text: 'Entry 3 of 4 CT entries your requirement list counts for Nov 24.', over: false });
    const over = dayFeedback({ ...own, count: 4 });
    expect(over.over).toBe(true);
    expect(over.text).not.toContain('ARRT');
    expect(dayFeedback(day({ cap: null, capSource: null, capFrom: null })).text).toBe('Entry 3 for Nov 24.');
  });
});
