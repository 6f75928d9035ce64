import { describe, expect, it } from 'vitest';
import { matchProcedures } from '../../../../../renderer/components/capture/match';

const opt = (name: string) => ({ id: null, name, group: 'Logged before' });
const options = ['CT Head with contrast', 'CT Chest with contrast', 'CT Head without contrast', 'CT Abdomen/Pelvis', 'Cardiac CT'].map(opt);
const names = (q: string) => matchProcedures(options, q).map((o) => o.name);

describe('procedure type-ahead', () => {
  it('puts names starting with the query first, then word-prefix matches, then substrings', () => {
    expect(names('ct c')).toEqual(['CT Chest with contrast', 'CT Head with contrast', 'CT Head without contrast', 'Cardiac CT']);
    expect(names('hea witho')).toEqual(['CT Head without contrast']);
    expect(names('pelvis')).toEqual(['CT Abdomen/Pelvis']);
    expect(names('iac c')).toEqual(['Cardiac CT']);
    expect(names('knee')).toEqual([]);
  });

  it('shows the options in their own order when nothing is typed, at most twelve', () => {
    const many = Array.from({ length: 20 }, (_, i) => opt(`P${i}`));
    expect(matchProcedures(many, '  ').map((o) => o.name)).toEqual(many.slice(0, 12).map((o) => o.name));
  });
});
