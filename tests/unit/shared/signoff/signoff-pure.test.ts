import { describe, expect, it } from 'vitest';
import { planArrtDays, type HelperEntry } from '../../../../shared/signoff/arrt-days';
import { checklistFor, missingAttestations } from '../../../../shared/signoff/checklist';
import { neutraliseCell, restoreNeutralisedCell } from '../../../../shared/signoff/csv';
import { digestPayload } from '../../../../shared/signoff/digest';
import { eligibilityWarnings, looksLikeRtOrPhysician } from '../../../../shared/signoff/eligibility';

const entry = (id: number, performedOn: string, performedAt: string | null, procedureId: string | null = null): HelperEntry => ({
  id,
  performedOn,
  performedAt,
  procedureId,
  procedureName: `P${id}`,
  siteName: null,
  simulated: false,
});

describe('CSV neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['CT Head', 'CT Head'],
    ['a=b', 'a=b'],
    ["'=1", "''=1"],
    ["'plain", "'plain"],
  ])('%j becomes %j and back', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
    expect(restoreNeutralisedCell(output)).toBe(input);
  });
});

describe('digest payload', () => {
  it('covers reportable fields only, sorted by id, so signing or a private note never changes it', () => {
    const base = {
      id: 2, trackId: 1, performedOn: '2026-06-01', performedAt: '08:00', procedureId: null, procedureName: 'CT Head',
      siteId: 3, simulated: false, patientMarker: null,
    };
    const a = digestPayload([{ ...base }, { ...base, id: 1 }]);
    const b = digestPayload([{ ...base, id: 1, notes: 'x', status: 'signed' } as typeof base, { ...base, status: 'entered' } as typeof base]);
    expect(a).toBe(b);
    expect(a.indexOf('"id":1')).toBeLessThan(a.indexOf('"id":2'));
    expect(digestPayload([{ ...base, performedAt: '08:01' }])).not.toBe(digestPayload([base]));
  });
});

describe('ARRT entry days', () => {
  it('keeps the first-performed entries within the cap and lists the rest as over the cap', () => {
    const days = planArrtDays([entry(1, '2026-06-02', '10:00'), entry(2, '2026-06-02', '08:00'), entry(3, '2026-06-02', '09:00'), entry(4, '2026-06-01', null)], {}, 2);
    expect(days.map((d) => d.date)).toEqual(['2026-06-01', '2026-06-02']);
    expect(days[1]!.toEnter.map((e) => e.id)).toEqual([2, 3]);
    expect(days[1]!.overCap.map((e) => e.id)).toEqual([1]);
  });

  it('counts entries already entered against the cap and orders a day by the catalog', () => {
    const days = planArrtDays(
      [entry(1, '2026-06-02', '08:00', 'chest'), entry(2, '2026-06-02', '09:00', 'head'), entry(3, '2026-06-02', '10:00', 'abdomen')],
      { '2026-06-02': 1 },
      3,
      ['head', 'chest', 'abdomen'],
    );
    expect(days[0]!.toEnter.map((e) => e.id)).toEqual([2, 1]);
    expect(days[0]!.overCap.map((e) => e.id)).toEqual([3]);
    expect(days[0]!.alreadyEntered).toBe(1);
  });
});

describe('checklist', () => {
  it('requires every item of the kind signed', () => {
    expect(missingAttestations('verifier', { facility: true }).map((i) => i.id)).toEqual(['date-time', 'equipment', 'present', 'quality']);
    expect(missingAttestations('supervisor', Object.fromEntries(checklistFor('supervisor').map((i) => [i.id, true])))).toEqual([]);
  });
});

describe('eligibility', () => {
  it('recognises R.T. and physician credentials in their usual spellings', () => {
    for (const c of ['R.T.(R)(CT)(ARRT)', 'RT(R)', 'R.T.', 'MD', 'M.D.', 'DO', 'Jane, MD']) expect(looksLikeRtOrPhysician(c)).toBe(true);
    for (const c of ['RN', 'CNMT', 'PA-C', 'RDMS']) expect(looksLikeRtOrPhysician(c)).toBe(false);
  });

  it('warns about sites the verifier is not linked to, entries without a site, and never guesses the credential rule', () => {
    const w = eligibilityWarnings({
      kind: 'verifier',
      discipline: 'MR',
      signer: { name: 'Pat Lee', credentials: 'RN', arrtId: null, siteIds: [1] },
      candidate: { name: 'Jamie Rivera', arrtId: '1' },
      entries: [
        { siteId: 1, siteName: 'A' },
        { siteId: 2, siteName: 'B' },
        { siteId: null, siteName: null },
      ],
    });
    expect(w.map((x) => x.code)).toEqual(['site-not-linked', 'entries-without-site', 'credentials-unrecognised', 'credential-rule-unknown']);
    expect(w[0]!.message).toContain('B');
    expect(w[0]!.message).not.toContain('A,');
    expect(w[3]).toMatchObject({ level: 'unknown' });
    expect(w[3]!.message).toContain('Magnetic Resonance Imaging');
  });

  it('flags a supervisor who shares the candidate ARRT ID, without credential notes', () => {
    const w = eligibilityWarnings({
      kind: 'supervisor',
      discipline: 'CT',
      signer: { name: 'Chris Wu', credentials: '', arrtId: '555', siteIds: [1] },
      candidate: { name: 'Jamie Rivera', arrtId: '555' },
      entries: [{ siteId: 1, siteName: 'A' }],
    });
    expect(w.map((x) => x.code)).toEqual(['self-verification']);
  });
});
