// PHI guard: flags text that looks like a patient identifier so the capture form can warn at the
// field (on every keystroke) and the backend can warn on save. It is a warning, never a block: a
// false warning costs the tech one glance, a missed identifier costs a patient's privacy, so where
// the two conflict the rules lean towards warning. What is and is not detected, and why, is written
// up in docs/phi-guard.md; the corpus in tests/fixtures/phi/ measures it.
//
// Every pattern is written to run in linear time on hostile input (no nested or overlapping
// quantifiers, bounded separators, runs anchored at their first character by a lookbehind) because
// it runs on each keystroke of a free-text field.
import { trimEndRuns } from './text';

export const PHI_KINDS = ['mrn', 'dob', 'ssn', 'accession', 'phone', 'name', 'email', 'date', 'age'] as const;

export type PhiKind = (typeof PHI_KINDS)[number];

export interface PhiFinding {
  kind: PhiKind;
  /** UTF-16 offset of the first flagged character (JavaScript string index). */
  start: number;
  /** Offset one past the last flagged character. */
  end: number;
  /** The flagged text, `text.slice(start, end)`. */
  text: string;
  /** Plain-language reason, e.g. "looks like a medical record number". */
  message: string;
}

/** What replaces a flagged span when the user accepts "remove them". */
export const REDACTION_TOKEN = '[removed]';

export function phiMessage(kind: PhiKind): string {
  switch (kind) {
    case 'mrn':
      return 'looks like a medical record or account number';
    case 'dob':
      return 'looks like a date of birth';
    case 'ssn':
      return 'looks like a Social Security number';
    case 'accession':
      return 'looks like an accession or order number';
    case 'phone':
      return 'looks like a phone number';
    case 'name':
      return "looks like a person's name";
    case 'email':
      return 'looks like an e-mail address';
    case 'date':
      return "is a full date, which can identify a patient's visit (the entry's date field already records the day)";
    case 'age':
      return 'is an age over 89, which HIPAA counts as an identifier';
  }
}

function phiNoun(kind: PhiKind, plural: boolean): string {
  switch (kind) {
    case 'mrn':
      return plural ? 'medical record numbers' : 'a medical record number';
    case 'dob':
      return plural ? 'dates of birth' : 'a date of birth';
    case 'ssn':
      return plural ? 'Social Security numbers' : 'a Social Security number';
    case 'accession':
      return plural ? 'accession numbers' : 'an accession number';
    case 'phone':
      return plural ? 'phone numbers' : 'a phone number';
    case 'name':
      return plural ? 'names' : 'a name';
    case 'email':
      return plural ? 'e-mail addresses' : 'an e-mail address';
    case 'date':
      return plural ? 'full dates' : 'a full date';
    case 'age':
      return plural ? 'ages over 89' : 'an age over 89';
  }
}

/**
 * One sentence for the UI, e.g. "This may identify a patient (a medical record number and a name):
 * remove it before saving." Empty string when there is nothing to say.
 */
export function phiWarningMessage(findings: readonly PhiFinding[]): string {
  if (findings.length === 0) return '';
  const counts = new Map<PhiKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  // PHI_KINDS order, not text order, so the sentence does not reshuffle while the user types.
  const parts = PHI_KINDS.filter((k) => counts.has(k)).map((k) => phiNoun(k, (counts.get(k) ?? 0) > 1));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const it = findings.length === 1 ? 'it' : 'them';
  return `This may identify a patient (${list}): remove ${it} before saving.`;
}

// ---------------------------------------------------------------------------------------------
// Candidates and their precedence. Several rules can claim the same characters ("DOB 03/14/1950"
// is a date and a date of birth; "MRN 1234567" is a labelled and a bare digit run). The more
// specific rule wins so each character belongs to at most one finding and the UI shows one reason.

interface Candidate {
  kind: PhiKind;
  start: number;
  end: number;
  rank: number;
  /** For names: what introduced it ("pt", "Mrs", "wife", "name:"). */
  marker?: MarkerKind;
}

/**
 * Which field the text comes from. `patient-note`: a procedure note, where any phone, e-mail, date
 * or "Mrs. X" is most likely the patient's. `site-contact`: a site's notes and its contact log
 * (person, role, outcome), which hold the site's own contact data: the coordinator's office phone
 * and e-mail, "Mrs. Okafor", the date of an interview. There those are not flagged; everything
 * that only a patient has (record, accession and social security numbers, birth dates, ages over
 * 89, a name after "pt"/"patient" or a relative) still is.
 */
export type PhiProfile = 'patient-note' | 'site-contact';

function keptInProfile(c: Candidate, profile: PhiProfile): boolean {
  if (profile === 'patient-note') return true;
  if (c.kind === 'phone' || c.kind === 'email' || c.kind === 'date') return false;
  return !(c.kind === 'name' && c.marker === 'honorific');
}

const RANK = {
  ssn: 0,
  dob: 1,
  labelledMrn: 2,
  labelledAccession: 3,
  email: 4,
  phone: 5,
  name: 6,
  age: 7,
  date: 8,
  bareMrn: 9,
  bareAccession: 10,
} as const;

// ---------------------------------------------------------------------------------------------
// Context rules shared by the bare (unlabelled) number rules.

// A number right after one of these labels belongs to equipment, supplies, billing codes or staff,
// not to a patient: "lot 2419873", "ticket 4471823", "CPT 74177", "ARRT 654321".
const NON_PATIENT_LABEL =
  /\b(?:lot|serial|s\/n|sn|ref|cat|catalog|part|model|ticket|tkt|work\s?order|wo|incident|cpt|hcpcs|icd(?:-?10)?|ndc|series|se|protocol|version|ver|software|firmware|sw|badge|employee|emp|pager|ext|extension|arrt|npi|license|lic|cert|certificate|room|rm|phantom|qc|kit|udi)\s?(?:#|no\.?|num(?:ber)?)?\s?[:#=]?\s?$/i;

// A number followed by a unit is a measurement: "120 kVp", "450 mGy", "100 mL". One-letter units
// (s, m, L, x) are left out: "MRN 1187463 M 67" and "pt 3389104 s/p fall" are identifiers.
const UNIT_AFTER =
  /^\s?(?:kvp|kv|mas|ma|mgy|mgy·cm|mgy\*cm|mgycm|msv|gy|cgy|ml|cc|mm|cm|ms|msec|sec|min|mins|hr|hrs|hu|mg|mcg|kg|lb|lbs|oz|units?|meq|mbq|gbq|mci|mhz|khz|hz|kev|mev|%|fr|french|gauge|ga|px)(?![A-Za-z])/i;

// A bare digit run followed by a count word is a count ("412000 slices on the tube"). Only bare
// digits: after a label, "accession 88231904 images sent" is still an accession number.
const COUNT_AFTER =
  /^\s?(?:slices|images|frames|counts|cells|exposures|rotations|scans|projections|views|times|pts|patients|procedures|exams|studies|cases|entries)(?![A-Za-z])/i;

function labelledBefore(text: string, start: number): boolean {
  return NON_PATIENT_LABEL.test(text.slice(Math.max(0, start - 24), start));
}

function unitAfter(text: string, end: number): boolean {
  return UNIT_AFTER.test(text.slice(end, end + 12));
}

// ---------------------------------------------------------------------------------------------
// SSN: "123-45-6789" anywhere; 9 digits (or the last four) only after an SSN label.

const SSN_FORMATTED = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g;
const SSN_LABELLED =
  /\b(?:ssn|ss#|ss\s?no\.?|soc(?:ial)?\s?sec(?:urity)?(?:\s?(?:number|no\.?|#))?)\s?[:#=]?\s?(?:last\s?(?:4|four)\s?(?:digits\s?)?[:=]?\s?)?(\d{3}[- ]?\d{2}[- ]?\d{4}|\d{4})(?![\w-])/gi;

function findSsn(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(SSN_FORMATTED)) {
    out.push({ kind: 'ssn', start: m.index, end: m.index + m[0].length, rank: RANK.ssn });
  }
  for (const m of text.matchAll(SSN_LABELLED)) {
    const id = m[1] ?? '';
    const start = m.index + m[0].length - id.length;
    out.push({ kind: 'ssn', start, end: start + id.length, rank: RANK.ssn });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates. Numeric US formats (M/D/YYYY, M/D/YY, M-D-YYYY, M.D.YYYY), ISO (YYYY-MM-DD) and month
// names ("March 14, 1950", "14 Mar 1950").

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// Groups: 1 first number, 2 second number, 3 year (slash form accepts a 2-digit year; dash and dot
// forms need 4 digits, because "1-2-10" and "5.10.25" are more often ratios and versions).
const NUMERIC_DATE = /(?<![\w/.-])(\d{1,2})(?:\/(\d{1,2})\/(\d{4}|\d{2})|-(\d{1,2})-(\d{4})|\.(\d{1,2})\.(\d{4}))(?![\w/-]|\.\d)/g;
const ISO_DATE = /(?<![\w/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w/-]|\.\d)/g;
const MONTH_DAY_YEAR = new RegExp(`(?<![A-Za-z])(${MONTH})\\.?\\s?(\\d{1,2})(?:st|nd|rd|th)?,?\\s?(\\d{4})(?!\\d)`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`(?<![\\w/])(\\d{1,2})(?:st|nd|rd|th)?\\s?(${MONTH})\\.?,?\\s?(\\d{4})(?!\\d)`, 'gi');

function fullYear(raw: string): number {
  if (raw.length === 4) return Number(raw);
  // Two-digit years: 30-99 are the 1900s. Nobody logs a 1930s procedure, and for a birth date the
  // guard would flag either reading anyway.
  const yy = Number(raw);
  return yy >= 30 ? 1900 + yy : 2000 + yy;
}

function plausibleMonthDay(a: number, b: number): boolean {
  // US order is month/day, but accept day/month too: a date either way is still a date.
  const asMonthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  const asDayMonth = b >= 1 && b <= 12 && a >= 1 && a <= 31;
  return asMonthDay || asDayMonth;
}

interface DateSpan {
  start: number;
  end: number;
  year: number;
}

function findFullDates(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const second = m[2] ?? m[4] ?? m[6] ?? '';
    const year = m[3] ?? m[5] ?? m[7] ?? '';
    if (!plausibleMonthDay(Number(m[1]), Number(second))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: fullYear(year) });
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: Number(m[1]) });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const day = Number(m[2]);
    if (day < 1 || day > 31) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: Number(m[3]) });
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: Number(m[3]) });
  }
  return out;
}

// Before 2000 no logged procedure can have happened (ARRT counts procedures from the last 24
// months), so a full date that old is almost always a birth date. Newer dates are flagged as
// 'date': a visit date is a HIPAA identifier too, but the entry's own date field already holds it,
// so the message is milder. Month/day without a year ("3/14") is not flagged: it collides with
// fractions and ratios and adds nothing the entry's date does not already say.
const BIRTH_YEAR_BEFORE = 2000;

// "exp 11/30/2026", "calibration due 01/15/2027": dates of supplies and equipment.
const NON_PATIENT_DATE_LABEL =
  /\b(?:exp(?:ires|iry|iration)?|use\sby|due|calibrat(?:ed|ion)|recalibrat(?:ed|ion))\.?\s?(?:date|on|by)?\s?[:=]?\s?$/i;

function findBareDates(text: string): Candidate[] {
  const patientDates = findFullDates(text).filter(
    (d) => !NON_PATIENT_DATE_LABEL.test(text.slice(Math.max(0, d.start - 24), d.start)),
  );
  return patientDates.map((d) =>
    d.year < BIRTH_YEAR_BEFORE
      ? { kind: 'dob' as const, start: d.start, end: d.end, rank: RANK.date }
      : { kind: 'date' as const, start: d.start, end: d.end, rank: RANK.date },
  );
}

// After a birth label, anything date-like is a date of birth, including partial forms.
const DOB_LABEL =
  /\b(?:dob|d\.o\.b\b\.?|date\s?of\s?birth|birth\s?date|birthdate|birthday|bday|b-day|born(?:\s(?:on|in))?)(?:\s?[:=-]\s?|\s)/gi;
const DOB_VALUE = new RegExp(
  [
    String.raw`\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/])`,
    String.raw`\d{4}-\d{1,2}-\d{1,2}(?!\d)`,
    `${MONTH}\\.?\\s?\\d{1,2}(?:st|nd|rd|th)?,?\\s?\\d{4}(?!\\d)`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s?${MONTH}\\.?,?\\s?\\d{4}(?!\\d)`,
    `${MONTH}\\.?,?\\s?\\d{4}(?!\\d)`,
    `${MONTH}\\.?\\s?\\d{1,2}(?:st|nd|rd|th)?(?!\\d)`,
    String.raw`\d{1,2}/\d{1,2}(?![\d/])`,
    String.raw`(?:19|20)\d{2}(?!\d)`,
  ].join('|'),
  'iy',
);

function findDob(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DOB_LABEL)) {
    const at = m.index + m[0].length;
    DOB_VALUE.lastIndex = at;
    const v = DOB_VALUE.exec(text);
    if (v) out.push({ kind: 'dob', start: at, end: at + v[0].length, rank: RANK.dob });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Medical record / account numbers and accession / order numbers.

// After a label, an ID with at least 3 digits: "MRN 00482913", "MR#: E1234567", "FIN 20931884".
const ID_AFTER_LABEL = String.raw`\s?(?:#|no\.?|num(?:ber)?)?\s?[:#=-]?\s?([A-Za-z]{0,3}-?\d[\dA-Za-z-]{2,19})(?![\w-])`;
const MRN_LABELLED = new RegExp(
  String.raw`\b(?:mrn|mr\s?#|mr\s?no\.?|med(?:ical)?\s?rec(?:ord)?|chart|pt\s?id|patient\s?id|pid|empi|mpi|fin|csn|acct|account|encounter|enc|visit)` +
    ID_AFTER_LABEL,
  'gi',
);
const ACCESSION_LABELLED = new RegExp(
  String.raw`\b(?:acc(?:ession)?|accn|(?<!\bwork\s?)order|ord|req(?:uisition)?)` + ID_AFTER_LABEL,
  'gi',
);

function idDigitCount(id: string): number {
  let n = 0;
  for (const ch of id) if (ch >= '0' && ch <= '9') n++;
  return n;
}

function findLabelledIds(text: string, re: RegExp, kind: 'mrn' | 'accession', rank: number): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(re)) {
    const id = trimEndRuns(m[1] ?? '', '-');
    if (idDigitCount(id) < 3) continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    const end = start + id.length;
    if (unitAfter(text, end)) continue;
    out.push({ kind, start, end, rank });
  }
  return out;
}

// Six or more digits in a row, standing alone: the usual shape of an MRN. Five digits are left
// alone on purpose: CPT codes ("74177"), DLP sums and counts are five digits or fewer.
// The patterns carry no lookarounds: the boundaries are checked in code (standsAlone), so a
// long run of digits is read once and the ReDoS checker can prove each pattern linear.
const BARE_DIGITS = /\d{6,}/g;
// Capital letters then 7+ digits, as RIS accession numbers look: "CT20250314001", "A12345678".
const BARE_ACCESSION = /[A-Z]{1,4}-?\d{7,}/g;

const WORDISH = /[\w-]/;
/** True when the match is not glued to a word (or, for bare digits, to a decimal or a path). */
function standsAlone(text: string, start: number, end: number, digits: boolean): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (before && (WORDISH.test(before) || (digits && (before === '.' || before === ',' || before === '/')))) return false;
  if (after && (WORDISH.test(after) || (digits && after === '/'))) return false;
  if (digits && (after === '.' || after === ',') && /\d/.test(text[end + 1] ?? '')) return false;
  return true;
}

function findBareIds(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(BARE_DIGITS)) {
    const end = m.index + m[0].length;
    if (!standsAlone(text, m.index, end, true)) continue;
    if (labelledBefore(text, m.index) || unitAfter(text, end)) continue;
    if (COUNT_AFTER.test(text.slice(end, end + 14))) continue;
    out.push({ kind: 'mrn', start: m.index, end, rank: RANK.bareMrn });
  }
  for (const m of text.matchAll(BARE_ACCESSION)) {
    const end = m.index + m[0].length;
    if (!standsAlone(text, m.index, end, false)) continue;
    if (labelledBefore(text, m.index) || unitAfter(text, end)) continue;
    out.push({ kind: 'accession', start: m.index, end, rank: RANK.bareAccession });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers (US). Unlabelled: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567,
// 123-4567. After a phone label any separator or none: "cell 5551234567".

const PHONE_PAREN = /(?<![\w)])(?:\+?1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]?\d{4}(?![\w-])/g;
const PHONE_DASHED = /(?<![\w.+-])(?:\+?1[ .-])?[2-9]\d{2}([.-])\d{3}\1\d{4}(?![\w-]|\.\d)/g;
const PHONE_INTL_SPACED = /(?<![\w.+-])\+1 [2-9]\d{2} \d{3} \d{4}(?![\w-])/g;
const PHONE_LOCAL = /(?<![\w.+/-])[2-9]\d{2}-\d{4}(?![\w-]|\.\d)/g;
const PHONE_LABELLED =
  /\b(?:phone|ph|tel|telephone|cell|mobile|mob|home|work|call(?:ed)?|text(?:ed)?|contact|reach(?:ed)?|cb|callback|call\sback|number)\s?(?:#|no\.?|num(?:ber)?)?\s?(?:at\s|is\s|on\s)?[:#=]?\s?(\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]?\d{4})(?![\w-])/gi;

function findPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of [PHONE_PAREN, PHONE_DASHED, PHONE_INTL_SPACED, PHONE_LOCAL]) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      // "pager 304-2231", "ext 555-0100": staff and department lines, not the patient's.
      if (labelledBefore(text, m.index) || unitAfter(text, end)) continue;
      out.push({ kind: 'phone', start: m.index, end, rank: RANK.phone });
    }
  }
  for (const m of text.matchAll(PHONE_LABELLED)) {
    const num = m[1] ?? '';
    const start = m.index + m[0].length - num.length;
    out.push({ kind: 'phone', start, end: start + num.length, rank: RANK.phone });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail. Domain labels are separated by single dots so the match is unambiguous; the local part
// can only start where a run of local characters starts, so a long run without "@" costs one pass.

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;

function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(EMAIL)) {
    if (!/\.[A-Za-z]{2,}$/.test(m[0])) continue;
    out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, rank: RANK.email });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ages over 89 (HIPAA Safe Harbor aggregates them as "90 or older"): "92 yo", "age 94", "91F".
// Ages up to 89 are not identifiers and techs write them constantly ("67 yo M").

const AGE_OVER_89 = '(?:9\\d|1[01]\\d)';
const AGE_WITH_UNIT = new RegExp(
  `(?<![\\w.])${AGE_OVER_89}(?:\\s?-?\\s?(?:yo|y/o|y\\.o\\.?|yrs?|years?)(?:[\\s-]?old)?(?![A-Za-z])|(?:yo)?[MF](?![A-Za-z0-9]))`,
  'gi',
);
// "pt 97, DNR": a two- or three-digit number right after "pt" is an age unless a unit follows.
const AGE_LABELLED = new RegExp(`\\b(?:age|aged|pt|patient)\\s?[:=]?\\s?(${AGE_OVER_89})(?![\\w.])`, 'gi');

function findAges(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(AGE_WITH_UNIT)) {
    // "91F" and "94M" read as ages only in upper case; "90m" and "95f" are too close to units.
    const tail = m[0].slice(2);
    if (/^[mf]$/.test(tail) || /^yo[mf]$/.test(tail)) continue;
    out.push({ kind: 'age', start: m.index, end: m.index + m[0].length, rank: RANK.age });
  }
  for (const m of text.matchAll(AGE_LABELLED)) {
    const n = m[1] ?? '';
    const start = m.index + m[0].length - n.length;
    if (unitAfter(text, start + n.length)) continue;
    out.push({ kind: 'age', start, end: start + n.length, rank: RANK.age });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names after a marker: "pt Smith", "patient: Maria Lopez", "Mrs. Okafor", "wife Ana",
// "Name: SMITH, JOHN". Only capitalised words count (a lower-case name cannot be told from an
// English word), and a list of words techs capitalise after "pt" ("Pt Tolerated well") stops it.
//
// "Dr" is deliberately not a marker: in a tech's note "Dr. Patel" is the radiologist or the
// ordering physician, and provider names are not patient identifiers under HIPAA Safe Harbor.
// Upper-case "MR" and "MS" are not markers either: they are magnetic resonance and multiple
// sclerosis far more often than "Mister".

const NAME_MARKER =
  /(?<![A-Za-z])(?:(?:[Pp]t|PT|[Pp]atient|PATIENT)(?:'s|s)?(?:\s(?:[Nn]ame|NAME))?\.?|(?:[Nn]ame|NAME)(?=\s?[:=-])|(?:Mrs|Mr|Ms|Mx|mrs|mr)\.?|Miss|(?:[Hh]usband|[Ww]ife|[Ss]on|[Dd]aughter|[Mm]other|[Ff]ather|[Ss]pouse|[Mm]om|[Dd]ad|[Ss]ister|[Bb]rother|[Gg]uardian|[Cc]aregiver|[Gg]randson|[Gg]randdaughter))(?![A-Za-z])/g;
const NAME_SEPARATOR = /\s?[:=,-]?\s?/y;
// A capitalised word (McDonald, O'Brien, Smith-Jones, Nguyen), an initial ("J."), or after an
// explicit "name" marker an upper-case surname ("SMITH").
const NAME_WORD = /[A-Z][a-z][A-Za-z]{0,30}(?:['’-][A-Z]?[a-z]{1,30}){0,2}|[A-Z]['’][A-Z][a-z]{1,30}/y;
const NAME_UPPER = /[A-Z]{2,30}(?:['’-][A-Z]{2,30})?(?![a-z])/y;
const NAME_INITIAL = /[A-Z]\.(?!\w)/y;
const NAME_GAP = /,?\s{1,3}/y;

type MarkerKind = 'patient' | 'label' | 'honorific' | 'relative';

function markerKind(marker: string): MarkerKind {
  const m = marker.toLowerCase().replace(/\.$/, '');
  if (m.endsWith('name')) return 'label';
  if (m.startsWith('pt') || m.startsWith('patient')) return 'patient';
  if (['mr', 'mrs', 'ms', 'mx', 'miss'].includes(m)) return 'honorific';
  return 'relative';
}

// Words a tech writes, capitalised, right after a marker. Lower case; matched case-insensitively.
const NOT_A_NAME = new Set(
  `a an the and or but nor so yet if then than that this these those there here it its is was were
  be been being am are has had have having do does did done will would could should may might must
  can cannot shall not no yes very too also still again just only even now later soon today tonight
  tomorrow yesterday am pm well ok okay all both each every some any many much more most less least
  few several other another same new old next last prior previous first second third one two three
  four five six seven eight nine ten in on at to for with without w wo from by of into onto per via
  after before during about above below under over up down out off back around through between
  while since until upon within as like
  tolerated tolerates tolerating refused refuses declined declines states stated says said reports
  reported arrived arrives came comes went goes left leaves moved moves given gives unable able
  requested requests needed needs took takes became becomes vomited vomiting felt feels complained
  complains denies denied got gets received transferred transported brought prepped placed positioned
  repositioned scanned imaged consented signed agreed understood understands instructed educated
  informed cooperative cooperated uncooperative claustrophobic anxious nervous combative confused
  sedated intubated stable unstable alert oriented awake asleep moving motion held holding coughing
  breathing talking crying lying supine prone sitting standing walking ambulatory ambulated
  ambulating discharged admitted returned returning sent weighs weighed speaks spoke speaking prefers
  preferred uses used wears wore wearing removed changed voided drank drinking fasting fasted
  premedicated allergic allergy allergies reaction reacted fell fainted felt nauseous nauseated
  diaphoretic hypotensive hypertensive tachycardic bradycardic febrile afebrile agitated calm calmer
  comfortable uncomfortable compliant noncompliant ready prepared scheduled rescheduled cancelled
  canceled late early waiting waited arriving coming going needing wanted wants asked asks
  answered explained verified identified confirmed screened checked cleared passed failed completed
  finished started began stopped paused continued tolerating tol experienced reported has
  gained lost lives lived requires required needs wants wanted takes wears weighs uses prefers
  remains remained appears appeared seems seemed looks looked tried tries attempted attempts
  became becomes began begins arrives leaves walks walked sits sat lies lay stands stood feels
  knows knew thinks thought believes understands speaks reads writes signs drinks eats ate
  name names identity id ids info information height weight age dob history hx dx rx sx tx fx bx
  care transport room bed chair stretcher wheelchair cart arm arms leg legs head neck chest abdomen
  abd pelvis spine hip knee shoulder wrist hand foot ankle breast breasts contrast iv port line
  picc prep position positioning education instructions consent safety screening screen
  questionnaire form forms eval evaluation exam exams study studies scan scans images image movement
  pain comfort status size body habitus dose identification ident wristband band armband bracelet
  label labels sticker implant implants pacemaker device devices clip clips stent stents metal
  tattoo tattoos glucose creatinine egfr bun labs lab vitals bp hr sats spo2 o2 oxygen nc
  female male elderly young older pediatric peds adult obese bariatric large small tall short thin
  heavy pregnant lactating breastfeeding deaf blind hoh hard non nonverbal verbal english spanish
  french mandarin cantonese vietnamese arabic russian portuguese haitian creole korean tagalog polish
  somali hindi urdu punjabi farsi amharic swahili asl interpreter
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  npo er ed icu ccu nicu picu or pacu ct cta mri mr mra us xr pet nm ir dexa ap pa lat lt rt left
  right bilateral bilat upper lower anterior posterior medial lateral proximal distal
  please note notes see called call per dr doctor nurse rn tech techs radiologist rad rads
  transporter family mr mrs ms miss mx sir maam
  medicare medicaid tricare champva bcbs aetna cigna humana kaiser uhc insurance self pay
  foley hickman mediport portacath pleurx groshong swan jp wound vac
  covid mrsa vre cdiff flu influenza tb rsv isolation contact droplet airborne precautions
  jehovah witness catholic muslim jewish christian
  hispanic latina latino caucasian african asian black white
  portal registration unit floor baby newborn infant child kid
  inpatient outpatient inpt outpt observation obs hospice
  brain spine liver kidney kidneys renal lung lungs heart cardiac aorta carotid sinus sinuses orbits
  preg lmp hcg beta
  benadryl ativan valium versed fentanyl prednisone solumedrol lasix metoprolol nitro glucagon
  zofran epi epinephrine omnipaque isovue visipaque gadavist dotarem multihance eovist clariscan
  prohance barium readicat tylenol morphine dilaudid lidocaine heparin toradol xanax eliquis
  coumadin plavix aspirin metformin insulin
  identifiers identifier mrn acc accession ssn phone email`.split(/\s+/),
);

function isNotAName(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return NOT_A_NAME.has(w);
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function findNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(NAME_MARKER)) {
    const kind = markerKind(m[0]);
    const afterMarker = m.index + m[0].length;
    const sep = stickyAt(NAME_SEPARATOR, text, afterMarker);
    const first = afterMarker + (sep ? sep[0].length : 0);
    // The marker must be followed by a separator ("pt Smith", "pt:Smith"), not glued to a word.
    if (first === afterMarker) continue;

    let at = first;
    let end = -1;
    let words = 0;
    for (let token = 0; token < 3; token++) {
      const word = stickyAt(NAME_WORD, text, at);
      const upper = kind === 'label' ? stickyAt(NAME_UPPER, text, at) : null;
      const initial = stickyAt(NAME_INITIAL, text, at);
      const hit = word ?? upper ?? initial;
      if (!hit) break;
      if (hit !== initial && isNotAName(hit[0])) break;
      if (hit !== initial) words++;
      end = at + hit[0].length;
      const gap = stickyAt(NAME_GAP, text, end);
      if (!gap) break;
      at = end + gap[0].length;
    }
    // "pt J." is too weak; an honorific with an initial ("Mrs. S.") is a name.
    if (end < 0 || (words === 0 && kind !== 'honorific')) continue;
    // Keep a possessive "'s" in the text: "Mr [removed]'s wife" still reads.
    const span = text.slice(first, end);
    const trimmed = span.replace(/['’]s$/, '');
    out.push({ kind: 'name', start: first, end: first + trimmed.length, rank: RANK.name, marker: kind });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * Every span of `text` that looks like a patient identifier, in text order, never overlapping.
 * `profile` tunes it to the field (see PhiProfile); procedure notes by default.
 */
export function detectPhi(text: string, profile: PhiProfile = 'patient-note'): PhiFinding[] {
  const candidates = [
    ...findSsn(text),
    ...findDob(text),
    ...findLabelledIds(text, MRN_LABELLED, 'mrn', RANK.labelledMrn),
    ...findLabelledIds(text, ACCESSION_LABELLED, 'accession', RANK.labelledAccession),
    ...findEmails(text),
    ...findPhones(text),
    ...findNames(text),
    ...findAges(text),
    ...findBareDates(text),
    ...findBareIds(text),
  ].filter((c) => c.end > c.start);

  candidates.sort((a, b) => a.rank - b.rank || a.start - b.start || b.end - a.end);
  // Characters already claimed by a stronger rule; linear in the text, unlike pairwise checks.
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  // After overlap resolution: characters a dropped finding claimed stay unflagged.
  return kept.filter((c) => keptInProfile(c, profile)).map((c) => ({
    kind: c.kind,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    message: phiMessage(c.kind),
  }));
}

/**
 * Replaces each flagged span with REDACTION_TOKEN. Overlapping or touching spans become one token.
 * Without `findings` it detects them itself, and repeats until nothing is left: removing one span
 * can change another's context (a number after a label that was itself a name loses its label).
 */
export function redactPhi(text: string, findings?: readonly PhiFinding[], profile: PhiProfile = 'patient-note'): string {
  if (findings) return replaceSpans(text, findings);
  let current = text;
  // Each pass removes at least one span that is not a token; the bound only guards against a bug.
  for (let pass = 0; pass < 10; pass++) {
    const found = detectPhi(current, profile);
    if (found.length === 0) break;
    current = replaceSpans(current, found);
  }
  return current;
}

function replaceSpans(text: string, findings: readonly PhiFinding[]): string {
  const spans = findings
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  let i = 0;
  while (i < spans.length) {
    const first = spans[i];
    if (!first) break;
    let end = first.end;
    i++;
    for (let next = spans[i]; next && next.start <= end; next = spans[i]) {
      end = Math.max(end, next.end);
      i++;
    }
    out += text.slice(cursor, Math.max(cursor, first.start)) + REDACTION_TOKEN;
    cursor = Math.max(cursor, end);
  }
  return out + text.slice(cursor);
}
