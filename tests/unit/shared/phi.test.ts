import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PHI_KINDS,
  REDACTION_TOKEN,
  detectPhi,
  phiWarningMessage,
  redactPhi,
  type PhiFinding,
  type PhiKind,
} from '../../../shared/phi';

/** [kind, flagged text] pairs: the readable form of a detection result. */
function spans(text: string): [PhiKind, string][] {
  return detectPhi(text).map((f) => [f.kind, f.text]);
}

// ---------------------------------------------------------------------------------------------
// The corpus: realistic notes, annotated by hand, in tests/fixtures/phi/.

function corpusLines(name: string): string[] {
  const raw = readFileSync(new URL(`../../fixtures/phi/${name}`, import.meta.url), 'utf8');
  return raw.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

interface Positive {
  kinds: PhiKind[];
  note: string;
}

function isPhiKind(value: string): value is PhiKind {
  return (PHI_KINDS as readonly string[]).includes(value);
}

const positives: Positive[] = corpusLines('positives.txt').map((line) => {
  const tab = line.indexOf('\t');
  const kinds = line.slice(0, tab).split(',');
  const bad = kinds.filter((k) => !isPhiKind(k));
  if (tab < 0 || bad.length > 0) throw new Error(`positives.txt: bad annotation in: ${line}`);
  return { kinds: kinds.filter(isPhiKind), note: line.slice(tab + 1) };
});
const negatives = corpusLines('negatives.txt');

describe('PHI guard on the corpus', () => {
  it('is big enough to mean something', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    expect(negatives.length).toBeGreaterThanOrEqual(80);
  });

  it('finds the annotated identifiers and stays quiet on technique, dose and equipment numbers', () => {
    let expected = 0;
    let found = 0;
    const missed: string[] = [];
    let findings = 0;
    let correctFindings = 0;
    const wrong: string[] = [];

    for (const { kinds, note } of positives) {
      const got = detectPhi(note);
      for (const kind of kinds) {
        expected++;
        if (got.some((f) => f.kind === kind)) found++;
        else missed.push(`${kind}: ${note}`);
      }
      for (const f of got) {
        findings++;
        if (kinds.includes(f.kind)) correctFindings++;
        else wrong.push(`${f.kind} "${f.text}" in: ${note}`);
      }
    }
    let flaggedNegatives = 0;
    for (const note of negatives) {
      const got = detectPhi(note);
      findings += got.length;
      if (got.length > 0) flaggedNegatives++;
      for (const f of got) wrong.push(`${f.kind} "${f.text}" in: ${note}`);
    }

    const recall = found / expected;
    const precision = correctFindings / findings;
    const falsePositiveRate = flaggedNegatives / negatives.length;
    console.log(
      `PHI guard: precision ${precision.toFixed(2)} (n=${findings} findings), ` +
        `recall ${recall.toFixed(2)} (n=${expected} annotated identifiers in ${positives.length} notes), ` +
        `false-positive notes ${flaggedNegatives}/${negatives.length} (${(falsePositiveRate * 100).toFixed(1)}%)`,
    );
    if (missed.length > 0) console.log(`PHI guard missed:\n  ${missed.join('\n  ')}`);
    if (wrong.length > 0) console.log(`PHI guard wrongly flagged:\n  ${wrong.join('\n  ')}`);

    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});

// ---------------------------------------------------------------------------------------------
// One kind at a time.

describe('detectPhi, per kind', () => {
  it('reports offsets, text and a plain message', () => {
    expect(detectPhi('MRN 00482913 CT abd')).toEqual([
      { kind: 'mrn', start: 4, end: 12, text: '00482913', message: 'looks like a medical record or account number' },
    ]);
  });

  it('flags medical record numbers: labelled, or six or more bare digits', () => {
    expect(spans('mr# 7741902 repeat')).toEqual([['mrn', '7741902']]);
    expect(spans('MRN: E1048821')).toEqual([['mrn', 'E1048821']]);
    expect(spans('FIN 20931884 trauma')).toEqual([['mrn', '20931884']]);
    expect(spans('MRN 12345 on the req')).toEqual([['mrn', '12345']]);
    expect(spans('pt 3389104 needed 2nd IV')).toEqual([['mrn', '3389104']]);
    expect(spans('pt 3389104 s/p fall')).toEqual([['mrn', '3389104']]);
    expect(spans('MRN 1187463 M 67')).toEqual([['mrn', '1187463']]);
    expect(spans('MRN-1234567')).toEqual([['mrn', '1234567']]);
    expect(spans('charts 0028811934 and 0028811952')).toEqual([
      ['mrn', '0028811934'],
      ['mrn', '0028811952'],
    ]);
  });

  it('leaves CPT codes, equipment and supply numbers, counts and measurements alone', () => {
    expect(spans('CPT 74177 on the order')).toEqual([]);
    expect(spans('ordered as 70450, performed 70460')).toEqual([]);
    expect(spans('contrast lot 2419873, exp 2027-09')).toEqual([]);
    expect(spans('biomed ticket 4471823 opened')).toEqual([]);
    expect(spans('work order 883312 for the injector')).toEqual([]);
    expect(spans('serial 230145-RV')).toEqual([]);
    expect(spans('verified by Jenna R., ARRT 654321')).toEqual([]);
    expect(spans('the tube has 412000 slices on it')).toEqual([]);
    expect(spans('1500000 units heparin')).toEqual([]);
    expect(spans('value 123456.7 and 1,234,567')).toEqual([]);
  });

  it('flags Social Security numbers', () => {
    expect(spans('ssn 123-45-6789 on the req')).toEqual([['ssn', '123-45-6789']]);
    expect(spans('pt gave SSN 482119034 at check-in')).toEqual([['ssn', '482119034']]);
    expect(spans('social security no 301 22 9876')).toEqual([['ssn', '301 22 9876']]);
    expect(spans('SSN last 4 1234')).toEqual([['ssn', '1234']]);
  });

  it('flags dates of birth after a birth label, whole or partial', () => {
    expect(spans('DOB 03/14/1950 CT chest')).toEqual([['dob', '03/14/1950']]);
    expect(spans('DOB: 11-02-1961')).toEqual([['dob', '11-02-1961']]);
    expect(spans('date of birth March 3, 1944')).toEqual([['dob', 'March 3, 1944']]);
    expect(spans('birthdate 1958-05-30')).toEqual([['dob', '1958-05-30']]);
    expect(spans('D.O.B. 12/01/1972')).toEqual([['dob', '12/01/1972']]);
    expect(spans('pt b-day 6/15 today')).toEqual([['dob', '6/15']]);
    expect(spans('born 1931')).toEqual([['dob', '1931']]);
    expect(spans('DOB 3-14-50')).toEqual([['dob', '3-14-50']]);
  });

  it('reads an unlabelled full date before 2000 as a birth date and a later one as a visit date', () => {
    expect(spans('confirmed 04/17/1966 and name')).toEqual([['dob', '04/17/1966']]);
    expect(spans('pt born Nov 3rd 1939')).toEqual([['dob', 'Nov 3rd 1939']]);
    expect(spans('outside CT from 08/21/2025')).toEqual([['date', '08/21/2025']]);
    expect(spans('reaction on 2024-11-02 elsewhere')).toEqual([['date', '2024-11-02']]);
    expect(spans('prior MRI Jan 12, 2025')).toEqual([['date', 'Jan 12, 2025']]);
    expect(spans('prior 9/22/47')).toEqual([['dob', '9/22/47']]);
  });

  it('does not flag times, month/day, fractions, ratios, blood pressure or versions', () => {
    expect(spans('scan start 14:30, done 14:52')).toEqual([]);
    expect(spans('signed 9 entries for 11/24')).toEqual([]);
    expect(spans('1/2 strength oral contrast, pain 3/10')).toEqual([]);
    expect(spans('BP 142/88, ratio 1:1')).toEqual([]);
    expect(spans('software 5.10.25 installed')).toEqual([]);
    expect(spans('shift 07:00-15:30')).toEqual([]);
    expect(spans('Omnipaque exp 11/30/2026, coil calibration due 01/15/2027')).toEqual([]);
  });

  it('flags accession and order numbers', () => {
    expect(spans('acc# CT20250314001 re-push')).toEqual([['accession', 'CT20250314001']]);
    expect(spans('Accession 88231904 images sent')).toEqual([['accession', '88231904']]);
    expect(spans('recon sent under ACC 240918-0047')).toEqual([['accession', '240918-0047']]);
    expect(spans('order #73311820 wrong side')).toEqual([['accession', '73311820']]);
    expect(spans('A12345678 images missing')).toEqual([['accession', 'A12345678']]);
    expect(spans('acc pending')).toEqual([]);
  });

  it('flags US phone numbers but not extensions, pagers or ranges', () => {
    expect(spans('call at (617) 555-0142 when done')).toEqual([['phone', '(617) 555-0142']]);
    expect(spans('cell 555-302-8812')).toEqual([['phone', '555-302-8812']]);
    expect(spans('at 312.555.0199 to reschedule')).toEqual([['phone', '312.555.0199']]);
    expect(spans('pt cell 7735550101 for pickup')).toEqual([['phone', '7735550101']]);
    expect(spans('callback 555-0187')).toEqual([['phone', '555-0187']]);
    expect(spans('reach her on +1 202 555 0173')).toEqual([['phone', '+1 202 555 0173']]);
    expect(spans('called x4471, paged ext 2231, pager 304-2231')).toEqual([]);
    expect(spans('mA modulation range 100-650')).toEqual([]);
  });

  it('flags e-mail addresses', () => {
    expect(spans('email the prep to jlopez1962@gmail.com please')).toEqual([['email', 'jlopez1962@gmail.com']]);
    expect(spans('to k.smith@mail.example.org.')).toEqual([['email', 'k.smith@mail.example.org']]);
    expect(spans('user@localhost and @handle')).toEqual([]);
  });

  it('flags a capitalised name after pt, patient, an honorific or a relative', () => {
    expect(spans('pt Smith tolerated well')).toEqual([['name', 'Smith']]);
    expect(spans('Pt: Maria Lopez, CT sinus')).toEqual([['name', 'Maria Lopez']]);
    expect(spans('Pt: Lopez, Maria - breast MRI')).toEqual([['name', 'Lopez, Maria']]);
    expect(spans('Mr. J. Thompson - MRI')).toEqual([['name', 'J. Thompson']]);
    expect(spans('Mrs. S. could not raise arm')).toEqual([['name', 'S.']]);
    expect(spans("pt O'Brien transferred")).toEqual([['name', "O'Brien"]]);
    expect(spans('Mrs Nguyen-Tran prone bx')).toEqual([['name', 'Nguyen-Tran']]);
    expect(spans("spoke with pt's daughter Rebecca")).toEqual([['name', 'Rebecca']]);
    expect(spans('Name: SMITH, JOHN')).toEqual([['name', 'SMITH, JOHN']]);
    expect(spans("Mr Patel's wife stayed")).toEqual([['name', 'Patel']]);
  });

  it('does not flag pt without a name, doctors, or MR and MS as modality and disease', () => {
    expect(spans('pt tolerated well')).toEqual([]);
    expect(spans('pt was claustrophobic')).toEqual([]);
    expect(spans('Pt Tolerated procedure well, Pt Refused contrast')).toEqual([]);
    expect(spans('Dr. Patel approved non-con; Dr Nguyen wanted delays')).toEqual([]);
    expect(spans('MR Enterography, hx MS Protocol, 20 ms delay')).toEqual([]);
    expect(spans('pt A head CT, pt B c-spine')).toEqual([]);
    expect(spans('apt CPT pts')).toEqual([]);
    expect(spans('pt Benadryl 50 mg IV, pt Outpatient, pt Preg test neg, mr Brain w/wo')).toEqual([]);
  });

  it('flags ages over 89 only', () => {
    expect(spans('98 yo F s/p fall')).toEqual([['age', '98 yo']]);
    expect(spans('pt is 94 years old')).toEqual([['age', '94 years old']]);
    expect(spans('age 91, DEXA')).toEqual([['age', '91']]);
    expect(spans('102 year old for CTA')).toEqual([['age', '102 year old']]);
    expect(spans('93yo male')).toEqual([['age', '93yo']]);
    expect(spans('Mr. X 91F')).toEqual([['age', '91F']]);
    expect(spans('pt 97, DNR')).toEqual([['age', '97']]);
    expect(spans('67 yo M, 89 yo F, age 45, 12 yo')).toEqual([]);
    expect(spans('Y-90 dose, 90Y microspheres, 95 kg, pt 95 kg, 100 mL')).toEqual([]);
  });

  it('lets the more specific rule win where two claim the same characters', () => {
    // A date after DOB is a birth date, not also a bare date; a labelled MRN is not also a bare run.
    expect(spans('DOB 03/14/2020')).toEqual([['dob', '03/14/2020']]);
    expect(spans('MRN 1234567')).toEqual([['mrn', '1234567']]);
    const findings = detectPhi('Patient name: Harold Jenkins SSN 512-44-0923, MRN 1187463 DOB 10/30/1957');
    expect(findings.map((f) => f.kind)).toEqual(['name', 'ssn', 'mrn', 'dob']);
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    }
  });

  it('returns nothing for empty or identifier-free text', () => {
    expect(detectPhi('')).toEqual([]);
    expect(detectPhi('   ')).toEqual([]);
    expect(detectPhi(REDACTION_TOKEN)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Redaction.

describe('redactPhi', () => {
  it('replaces each flagged span and keeps everything else, labels included', () => {
    expect(redactPhi('pt Smith DOB 03/14/1950 MRN 00482913, 100 mL Omnipaque')).toBe(
      'pt [removed] DOB [removed] MRN [removed], 100 mL Omnipaque',
    );
    expect(redactPhi('no identifiers here, 120 kVp')).toBe('no identifiers here, 120 kVp');
  });

  it('uses the offsets it is given, merging overlapping and touching spans into one token', () => {
    const text = '0123456789abcdef';
    const at = (start: number, end: number): PhiFinding => ({
      kind: 'mrn',
      start,
      end,
      text: text.slice(start, end),
      message: '',
    });
    expect(redactPhi(text, [at(2, 5)])).toBe('01[removed]56789abcdef');
    expect(redactPhi(text, [at(6, 9), at(2, 7)])).toBe('01[removed]9abcdef');
    expect(redactPhi(text, [at(2, 4), at(4, 6)])).toBe('01[removed]6789abcdef');
    expect(redactPhi(text, [at(2, 10), at(3, 5)])).toBe('01[removed]abcdef');
    expect(redactPhi(text, [at(0, 1), at(15, 16)])).toBe('[removed]123456789abcde[removed]');
    expect(redactPhi(text, [])).toBe(text);
  });

  it('is idempotent and leaves nothing detectable on the corpus', () => {
    for (const { note } of positives) {
      const once = redactPhi(note);
      expect(detectPhi(once)).toEqual([]);
      expect(redactPhi(once)).toBe(once);
    }
  });

  it('is idempotent and leaves nothing detectable on notes mixing identifiers and technique', () => {
    const fragments = [
      'pt', 'Pt', 'Mr', 'Mrs.', 'wife', 'Smith', 'Maria', "O'Brien", 'tolerated', 'well', 'DOB', 'born',
      '03/14/1950', '2024-11-02', 'MRN', 'acc#', 'CT20250314001', '00482913', '123-45-6789', 'SSN',
      '555-302-8812', 'jlopez@gmail.com', '98', 'yo', 'age', 'lot', 'ticket', 'CPT', '74177', '120 kVp',
      '12.3 mGy', '14:30', ',', ':', '-', '.', 'x4471', '1/2', 'Dr.', 'Patel', '412000', 'slices',
    ];
    const note = fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(note, (text) => {
        const once = redactPhi(text);
        expect(detectPhi(once)).toEqual([]);
        expect(redactPhi(once)).toBe(once);
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  it('reports findings whose text is exactly the slice they point at, in order, never overlapping', () => {
    const chars = fc.constantFrom(...'0123456789 -/.:()@#aAPpTtMmRrNnSsDdOoBb'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((c) => c.join('')), (text) => {
        const findings = detectPhi(text);
        let lastEnd = 0;
        for (const f of findings) {
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(f.start).toBeGreaterThanOrEqual(lastEnd);
          expect(f.end).toBeGreaterThan(f.start);
          lastEnd = f.end;
        }
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// It runs on every keystroke: hostile input must not trigger catastrophic backtracking. These
// inputs are the shapes that break naive patterns (long runs that almost match); the assertions
// are about the answer, and a backtracking blow-up would time the test out instead.

describe('detectPhi on adversarial 2,000-character input', () => {
  it('treats a 2,000-digit run as one number', () => {
    const text = '1'.repeat(2000);
    expect(detectPhi(text)).toEqual([
      { kind: 'mrn', start: 0, end: 2000, text, message: 'looks like a medical record or account number' },
    ]);
    expect(detectPhi(`${'1'.repeat(1999)}x`)).toEqual([]);
  });

  it('survives near-miss shapes for every rule', () => {
    expect(detectPhi('a'.repeat(2000))).toEqual([]);
    expect(detectPhi(`${'a.'.repeat(999)}@`)).toEqual([]);
    expect(detectPhi(`${'a'.repeat(1990)}@b.c`)).toEqual([]);
    expect(detectPhi('@a'.repeat(1000))).toEqual([]);
    expect(detectPhi('1/'.repeat(1000))).toEqual([]);
    expect(detectPhi('1-'.repeat(1000))).toEqual([]);
    expect(detectPhi('12.'.repeat(666))).toEqual([]);
    expect(detectPhi('pt '.repeat(666))).toEqual([]);
    expect(detectPhi('DOB '.repeat(500))).toEqual([]);
    expect(detectPhi('MRN '.repeat(500))).toEqual([]);
    expect(detectPhi(`MRN ${'-'.repeat(1996)}`)).toEqual([]);
    expect(detectPhi(' '.repeat(2000))).toEqual([]);
    expect(detectPhi(`A${'1'.repeat(1998)}-`)).toEqual([]);
  });

  it('finds every identifier in a long repetitive paste', () => {
    const text = 'pt Ab, '.repeat(285); // 1,995 characters
    const findings = detectPhi(text);
    expect(findings).toHaveLength(285);
    expect(findings.every((f) => f.kind === 'name' && f.text === 'Ab')).toBe(true);
    const dates = detectPhi('1/1/1950 '.repeat(222));
    expect(dates).toHaveLength(222);
    expect(dates.every((f) => f.kind === 'dob')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('phiWarningMessage', () => {
  it('is empty when there is nothing to warn about', () => {
    expect(phiWarningMessage([])).toBe('');
  });

  it('names one identifier in one sentence', () => {
    expect(phiWarningMessage(detectPhi('MRN 00482913'))).toBe(
      'This may identify a patient (a medical record number): remove it before saving.',
    );
  });

  it('lists kinds in a stable order, pluralised, whatever their order in the text', () => {
    expect(phiWarningMessage(detectPhi('pt Smith MRN 1234567 and 7654321, DOB 1/2/1950'))).toBe(
      'This may identify a patient (medical record numbers, a date of birth and a name): remove them before saving.',
    );
  });
});
