import { describe, expect, it } from 'vitest';
import { siteVariety } from '../../../../shared/sites/variety';

const sites = [
  { id: 1, name: 'Mercy General', offered: [{ name: 'CT Angiography chest', procedureId: null }, { name: 'CT head', procedureId: null }] },
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
        { name: 'CT Head', procedureId: null, performed: 15, offered: true, needed: null, stillNeeded: null },
        { name: 'CT Angiography chest', procedureId: null, performed: 0, offered: true, needed: null, stillNeeded: null },
      ],
    });
    expect(out[1]!.totalPerformed).toBe(4);
  });

  it('sets each line against what the track still needs and counts the gaps a site can close', () => {
    const out = siteVariety(sites, performed, [
      { procedureId: 'ct-cta-chest', name: 'CT angiography chest', remaining: 5 }, // matched by name
      { procedureId: 'ct-abd', name: 'CT Abdomen', remaining: 0 }, // done
      { procedureId: 'ct-head', name: 'CT Head', remaining: null }, // needed, number not confirmed
    ]);
    expect(out[0]!.lines.map((l) => [l.name, l.needed, l.stillNeeded])).toEqual([
      ['CT Head', true, null],
      ['CT Angiography chest', true, 5],
    ]);
    expect(out[1]!.lines.map((l) => [l.name, l.needed])).toEqual([['CT Abdomen', false]]);
    expect(out.map((s) => s.canClose)).toEqual([2, 0]);
  });
});
