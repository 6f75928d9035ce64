import { describe, expect, it } from 'vitest';
import { siteVariety } from '../../../../shared/sites/variety';

const sites = [
  { id: 1, name: 'Mercy General', offered: [{ name: 'CT Angiography chest', procedureId: null }] },
  { id: 2, name: 'Valley Imaging', offered: [] },
];
const performed = [
  { siteId: 1, procedureId: null, procedureName: 'CT Head', count: 12 },
  { siteId: 1, procedureId: null, procedureName: 'ct head ', count: 3 }, // same procedure typed differently
  { siteId: 2, procedureId: 'ct-abd', procedureName: 'CT Abdomen', count: 4 },
];

describe('site variety', () => {
  it('shows performed counts and offered procedures per site when needs are unknown', () => {
    const out = siteVariety(sites, performed, null);
    expect(out[0]).toEqual({
      siteId: 1,
      siteName: 'Mercy General',
      totalPerformed: 15,
      canClose: null,
      lines: [
        { name: 'CT Head', procedureId: null, performed: 15, offered: false, stillNeeded: null },
        { name: 'CT Angiography chest', procedureId: null, performed: 0, offered: true, stillNeeded: null },
      ],
    });
    expect(out[1]!.totalPerformed).toBe(4);
  });

  it('sets each line against what the track still needs and counts the gaps a site can close', () => {
    const out = siteVariety(sites, performed, [
      { procedureId: null, name: 'CT angiography chest', remaining: 5 },
      { procedureId: 'ct-abd', name: 'CT Abdomen', remaining: 0 },
    ]);
    expect(out[0]!.lines.map((l) => [l.name, l.stillNeeded])).toEqual([
      ['CT Head', 0],
      ['CT Angiography chest', 5],
    ]);
    expect(out.map((s) => s.canClose)).toEqual([1, 0]);
  });
});
