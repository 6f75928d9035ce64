import { describe, expect, it } from 'vitest';
import { dateProblem, detectDateOrder, readDateCell } from '../../../../shared/import/dates';
import { nameSimilarity, NEAR_DUPLICATE, suggestNames } from '../../../../shared/import/names';

describe('reading date cells', () => {
  it.each([
    ['Mar 4, 2025', null, '2025-03-04'],
    ['March 4, 2025', null, '2025-03-04'],
    ['4 March 2025', null, '2025-03-04'],
    ['4-Mar-25', null, '2025-03-04'],
    ['Sept 9, 2025', null, '2025-09-09'],
    ['04.03.2025', 'DMY', '2025-03-04'],
    ['03.04.2025', 'MDY', '2025-03-04'],
    ['3/4/25', 'MDY', '2025-03-04'],
    ['3/4/25', 'DMY', '2025-04-03'],
    ['25/03/2025', null, '2025-03-25'], // only one order reads it
    ['2025/3/4', null, '2025-03-04'],
    ['45720', null, '2025-03-04'], // Excel serial
    ['5/5/2025', null, '2025-05-05'], // the same either way
    ['3/21/2025 14:05:33', null, '2025-03-21'], // a Google Forms timestamp
    ['2025-03-04T08:30', null, '2025-03-04'],
    ['Mar 4, 2025 2:30 PM', null, '2025-03-04'],
  ] as const)('%s (%s) -> %s', (raw, order, iso) => {
    expect(readDateCell(raw, order)).toEqual({ kind: 'date', iso });
  });

  it('flags ambiguous values instead of guessing, and says "not a real date" for impossible ones', () => {
    expect(readDateCell('03/04/2025', null)).toEqual({ kind: 'ambiguous', readings: ['2025-03-04', '2025-04-03'] });
    expect(readDateCell('2025-02-30', null)).toEqual({ kind: 'impossible' });
    expect(readDateCell('Feb 30, 2025', null)).toEqual({ kind: 'impossible' });
    expect(readDateCell('3/25/2025', 'DMY')).toEqual({ kind: 'impossible' });
    expect(readDateCell('yesterday', null)).toEqual({ kind: 'unreadable' });
    expect(dateProblem('2025-02-30', { kind: 'impossible' })).toBe('Date: "2025-02-30" is not a real date.');
    expect(dateProblem('03/04/2025', readDateCell('03/04/2025', null))).toBe('Date: "03/04/2025" could be Mar 4, 2025 or Apr 3, 2025; choose the date order.');
  });

  it('detects the order from the values that decide it', () => {
    expect(detectDateOrder(['03/04/2025', '25/03/2025'])).toMatchObject({ order: 'DMY', evidence: '25/03/2025', ambiguous: 1 });
    expect(detectDateOrder(['3/4/2025', '3/14/2025'])).toMatchObject({ order: 'MDY', evidence: '3/14/2025' });
    expect(detectDateOrder(['2025-03-04', 'Mar 5, 2025'])).toMatchObject({ order: 'YMD' });
    expect(detectDateOrder(['03/04/2025'])).toMatchObject({ order: null, ambiguous: 1, mixed: false });
    expect(detectDateOrder(['25/03/2025', '3/14/2025'])).toMatchObject({ order: null, mixed: true });
  });
});

describe('name similarity', () => {
  it('sees spelling variants and lost accents as near-duplicates', () => {
    expect(nameSimilarity("St. Mary's", 'St Marys')).toBe(1);
    expect(nameSimilarity('Saint Mary’s Hospital', 'St Marys Hosp')).toBe(1);
    expect(nameSimilarity('Hôpital Saint-Éloi', 'H\uFFFDpital Saint-\uFFFDloi')).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(nameSimilarity('Mercy General', 'Valley Imaging')).toBeLessThan(0.3);
  });

  it('suggests catalog procedures for personal names, best first', () => {
    const catalog = ['Routine Head', 'Routine Chest', 'Sinuses', 'CTA Chest (PE)', 'Abdomen/Pelvis'];
    expect(suggestNames('CT head w/o', catalog, (s) => s)[0]!.item).toBe('Routine Head');
    expect(suggestNames('CTA chest PE', catalog, (s) => s)[0]!.item).toBe('CTA Chest (PE)');
    expect(suggestNames('CT abd/pelv', catalog, (s) => s)[0]!.item).toBe('Abdomen/Pelvis');
  });
});
