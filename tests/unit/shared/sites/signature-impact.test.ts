// The words of the site rename/merge and procedure rename refusals: how many entries and each signer, joined readably.
import { describe, expect, it } from 'vitest';
import { procedureImpactMessage, siteImpactMessage, signerList } from '../../../../shared/sites/signature-impact';

const dana = { signatureId: 1, kind: 'verifier' as const, signerName: 'Dana Okafor', signerCredentials: 'R.T.(R)(CT)(ARRT)', signedAt: '2026-06-15T14:00:00.000Z', entries: 3 };
const lee = { signatureId: 2, kind: 'supervisor' as const, signerName: 'Dr. Lee', signerCredentials: '', signedAt: '2026-06-20T09:00:00.000Z', entries: 1 };

describe('site signature impact wording', () => {
  it('names each signer with credentials, kind, date and entry count', () => {
    expect(signerList([dana])).toBe('Dana Okafor, R.T.(R)(CT)(ARRT) (verifier, signed 2026-06-15, 3 entries)');
    expect(signerList([dana, lee])).toBe('Dana Okafor, R.T.(R)(CT)(ARRT) (verifier, signed 2026-06-15, 3 entries) and Dr. Lee (clinical supervisor, signed 2026-06-20, 1 entry)');
  });

  it('says how many signed entries, singular or plural', () => {
    expect(siteImpactMessage('rename', 'Mercy General', { entries: 3, voids: [dana] })).toMatch(/^Renaming “Mercy General” voids the signatures on 3 signed entries at this site/);
    expect(siteImpactMessage('merge', 'St Marys', { entries: 1, voids: [lee] })).toMatch(/^Merging “St Marys” into another site voids the signatures on 1 signed entry at this site/);
  });

  it('a procedure rename names both names, the count and the signers', () => {
    expect(procedureImpactMessage('ct head w/o', 'Routine Head', { entries: 4, voids: [dana, lee] })).toBe(
      'Renaming “ct head w/o” to “Routine Head” voids the signatures on 4 signed entries, because a signature covers the procedure as signed: ' +
        'Dana Okafor, R.T.(R)(CT)(ARRT) (verifier, signed 2026-06-15, 3 entries) and Dr. Lee (clinical supervisor, signed 2026-06-20, 1 entry). Those entries would need signing again.',
    );
  });
});
