// The PHI guard by field: a site's own contact data (the coordinator's office phone, e-mail, name
// with an honorific, a meeting date) is not a patient's, while patient identifiers typed into a
// site or contact field are still flagged.
import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../../shared/phi';

const kinds = (text: string, profile?: 'patient-note' | 'site-contact') => detectPhi(text, profile).map((f) => `${f.kind}:${f.text}`);

describe('PHI guard field profiles', () => {
  it("does not flag a site contact's own office phone, e-mail, name or a meeting date", () => {
    const note = 'Call Mrs. Okafor (CT coordinator) at (617) 555-0142 or rokafor@mercy.org; orientation 2026-03-02, ext 4410';
    expect(kinds(note, 'site-contact')).toEqual([]);
    // The same text in a procedure note is flagged: there a phone or a name is a patient's.
    expect(kinds(note)).toEqual(expect.arrayContaining(['phone:(617) 555-0142', 'email:rokafor@mercy.org', 'name:Okafor']));
  });

  it('still flags patient identifiers in site and contact fields', () => {
    expect(kinds('Sent them the films of pt Smith, MRN 00482913, DOB 03/14/1950', 'site-contact')).toEqual([
      'name:Smith',
      'mrn:00482913',
      'dob:03/14/1950',
    ]);
    expect(kinds('patient callback 555-302-8812 about his 98 yo mother', 'site-contact')).toEqual(['age:98 yo']);
    expect(kinds('SSN 482-11-9034', 'site-contact')).toEqual(['ssn:482-11-9034']);
  });
});
