import { describe, expect, it } from 'vitest';
import { complianceMatrix, meets } from '../../../../shared/sites/compliance';
import { inferComplianceKind } from '../../../../shared/sites/kinds';

describe('inferComplianceKind', () => {
  it('refines generic items whose name says the kind', () => {
    expect(inferComplianceKind('immunization', 'Influenza 2026-27')).toBe('flu-vaccination');
    expect(inferComplianceKind('immunization', 'Flu shot')).toBe('flu-vaccination');
    expect(inferComplianceKind('custom', 'TB test (QuantiFERON)')).toBe('tb-test');
    expect(inferComplianceKind('custom', 'PPD skin test')).toBe('tb-test');
    expect(inferComplianceKind('immunization', 'Hep B series')).toBe('hepatitis-b');
    expect(inferComplianceKind('immunization', 'MMR titer')).toBe('mmr');
    expect(inferComplianceKind('immunization', 'Chickenpox')).toBe('varicella');
    expect(inferComplianceKind('immunization', 'Tdap booster')).toBe('tdap');
    expect(inferComplianceKind('immunization', 'COVID-19 booster')).toBe('covid-19');
    expect(inferComplianceKind('custom', 'BLS card')).toBe('bls-cpr');
    expect(inferComplianceKind('custom', 'Immunization record')).toBe('immunization');
  });

  it('leaves unclear names and specific kinds alone', () => {
    expect(inferComplianceKind('immunization', 'Polio')).toBe('immunization');
    expect(inferComplianceKind('custom', 'N95 fit test')).toBe('custom');
    // Two kinds named at once: not clear, so not guessed.
    expect(inferComplianceKind('immunization', 'MMR and varicella titers')).toBe('immunization');
    expect(inferComplianceKind('hipaa', 'Influenza')).toBe('hipaa');
    expect(inferComplianceKind('immunization', 'Tablet')).toBe('immunization');
  });
});

describe('matching by kind', () => {
  it('meets a specific requirement whatever either side is called; generic kinds still need the name', () => {
    expect(meets({ kind: 'flu-vaccination', label: 'Influenza 2026-27' }, { kind: 'flu-vaccination', label: 'Flu shot (current season)' })).toBe(true);
    expect(meets({ kind: 'immunization', label: 'Influenza' }, { kind: 'flu-vaccination', label: '' })).toBe(true);
    expect(meets({ kind: 'immunization', label: 'Polio' }, { kind: 'immunization', label: 'Polio' })).toBe(true);
    expect(meets({ kind: 'immunization', label: 'Polio' }, { kind: 'immunization', label: 'Rabies' })).toBe(false);
    expect(meets({ kind: 'custom', label: 'N95 fit test' }, { kind: 'custom', label: 'Respirator fit' })).toBe(false);
  });

  it('prefers a link by hand and says how each cell was met', () => {
    const rows = complianceMatrix(
      [{ id: 1, name: 'Mercy', status: 'agreed', requirements: [{ kind: 'custom', label: 'Respirator fit' }, { kind: 'tb-test', label: '' }] }],
      [
        { id: 7, kind: 'custom', label: 'N95 fit test', expiresOn: null },
        { id: 8, kind: 'tb-test', label: 'QuantiFERON', expiresOn: '2027-06-01' },
      ],
      '2026-11-24',
      [{ kind: 'custom', label: 'respirator FIT', itemId: 7 }],
    );
    expect(rows[0]!.cells.map((c) => [c.itemId, c.matchedBy, c.state])).toEqual([
      [7, 'link', 'no-expiry'],
      [8, 'kind', 'valid'],
    ]);
    expect(rows[0]!.gaps).toBe(0);
  });
});
