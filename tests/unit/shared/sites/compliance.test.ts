import { describe, expect, it } from 'vitest';
import { complianceMatrix, expiryReminders, freshness } from '../../../../shared/sites/compliance';
import { complianceDateIssues, contactDateIssues } from '../../../../shared/sites/dates';
import type { Requirement, SiteStatus } from '../../../../shared/sites/types';

const TODAY = '2026-03-01';

describe('freshness with fixed dates', () => {
  it.each([
    [null, 'no-expiry'],
    ['2026-02-28', 'expired'], // yesterday
    ['2026-03-01', 'expiring-30'], // expires today: still valid today
    ['2026-03-31', 'expiring-30'], // 30 days
    ['2026-04-01', 'expiring-60'], // 31 days
    ['2026-04-30', 'expiring-60'], // 60 days
    ['2026-05-01', 'valid'], // 61 days
  ] as const)('expiry %s on %s is %s', (expiresOn, state) => {
    expect(freshness(expiresOn, TODAY)).toBe(state);
  });
});

const site = (id: number, name: string, requirements: Requirement[], status: SiteStatus = 'agreed') => ({ id, name, status, requirements });

describe('compliance matrix', () => {
  const items = [
    { id: 1, kind: 'hipaa' as const, label: '', expiresOn: null },
    { id: 2, kind: 'bls-cpr' as const, label: '', expiresOn: '2026-03-20' }, // 19 days
    { id: 3, kind: 'bls-cpr' as const, label: '', expiresOn: '2028-01-01' }, // the renewal: wins
    { id: 4, kind: 'immunization' as const, label: 'Hepatitis B', expiresOn: null },
    { id: 5, kind: 'background-check' as const, label: '', expiresOn: '2026-02-01' }, // expired
    { id: 6, kind: 'drug-screen' as const, label: '', expiresOn: '2026-04-15' }, // 45 days
  ];

  it('marks a missing liability insurance as a gap and picks the longest-lasting item', () => {
    const [row] = complianceMatrix(
      [site(10, 'Mercy General', [{ kind: 'hipaa', label: '' }, { kind: 'liability-insurance', label: '' }, { kind: 'bls-cpr', label: '' }])],
      items,
      TODAY,
    );
    expect(row!.cells.map((c) => [c.requirement.kind, c.state, c.itemId])).toEqual([
      ['hipaa', 'no-expiry', 1],
      ['liability-insurance', 'missing', null],
      ['bls-cpr', 'valid', 3],
    ]);
    expect(row!.gaps).toBe(1);
    expect(row!.expiring).toBe(0);
  });

  it('counts expired items as gaps and near expiries as expiring, with days left', () => {
    const [row] = complianceMatrix(
      [site(11, 'Valley Imaging', [{ kind: 'background-check', label: '' }, { kind: 'drug-screen', label: '' }])],
      items,
      TODAY,
    );
    expect(row!.cells.map((c) => [c.state, c.daysLeft])).toEqual([
      ['expired', -28],
      ['expiring-60', 45],
    ]);
    expect([row!.gaps, row!.expiring]).toEqual([1, 1]);
  });

  it('matches labelled requirements by label, case-insensitively', () => {
    const [row] = complianceMatrix(
      [site(12, 'North Clinic', [{ kind: 'immunization', label: 'hepatitis b' }, { kind: 'immunization', label: 'Influenza' }])],
      items,
      TODAY,
    );
    expect(row!.cells.map((c) => c.state)).toEqual(['no-expiry', 'missing']);
  });

  it('leaves out declined and ended sites and sites that demand nothing', () => {
    const rows = complianceMatrix(
      [
        site(1, 'A', [{ kind: 'hipaa', label: '' }], 'declined'),
        site(2, 'B', [{ kind: 'hipaa', label: '' }], 'ended'),
        site(3, 'C', []),
        site(4, 'D', [{ kind: 'hipaa', label: '' }], 'prospect'),
      ],
      items,
      TODAY,
    );
    expect(rows.map((r) => r.siteName)).toEqual(['D']);
  });
});

describe('expiry reminders', () => {
  it('lists expired and expiring-within-60-days items, soonest first', () => {
    const reminders = expiryReminders(
      [
        { id: 1, kind: 'bls-cpr', label: '', expiresOn: '2026-04-30' }, // 60 days
        { id: 2, kind: 'hipaa', label: '', expiresOn: '2026-05-01' }, // 61 days: not yet
        { id: 3, kind: 'immunization', label: 'Influenza', expiresOn: '2026-02-27' }, // expired 2 days ago
        { id: 4, kind: 'drug-screen', label: '', expiresOn: '2026-03-10' },
        { id: 5, kind: 'background-check', label: '', expiresOn: null },
      ],
      TODAY,
    );
    expect(reminders.map((r) => [r.title, r.daysLeft, r.state])).toEqual([
      ['Flu vaccination: Influenza', -2, 'expired'],
      ['Drug screen', 9, 'expiring-30'],
      ['BLS / CPR', 60, 'expiring-60'],
    ]);
  });
});

describe('date order', () => {
  it('refuses an expiry before the issue date and an issue date in the future', () => {
    expect(complianceDateIssues('2026-01-10', '2026-01-09', TODAY)).toEqual([
      { path: 'expiresOn', message: 'The expiry date cannot be before the issue date (2026-01-10).' },
    ]);
    expect(complianceDateIssues('2026-03-02', null, TODAY).map((i) => i.path)).toEqual(['issuedOn']);
    expect(complianceDateIssues('2026-01-10', '2026-01-10', TODAY)).toEqual([]);
    expect(complianceDateIssues(null, '2020-01-01', TODAY)).toEqual([]);
  });

  it('refuses a follow-up before the contact and a contact in the future', () => {
    expect(contactDateIssues('2026-02-20', '2026-02-19', TODAY).map((i) => i.path)).toEqual(['nextFollowUpOn']);
    expect(contactDateIssues('2026-03-02', null, TODAY).map((i) => i.path)).toEqual(['contactedOn']);
    expect(contactDateIssues('2026-02-20', '2026-02-20', TODAY)).toEqual([]);
  });
});
