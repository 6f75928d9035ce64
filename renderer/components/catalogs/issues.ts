// Makes a catalog validation issue readable for someone who did not write the file: the path
// "categories.1.procedures.0.repetitionsRequired.value" becomes "Chest › Routine chest › repetitions"
// (names read from the file itself), and zod's generic wording becomes plain English.

const FIELD_NAMES: Record<string, string> = {
  repetitionsRequired: 'repetitions',
  maxCounted: 'maximum counted',
  qcTest: 'QC test',
  simulationAllowed: 'simulation allowed',
  dailyCap: 'daily entry cap',
  dailyCapAppliesFrom: 'daily cap start date',
  windowMonths: 'window in months',
  perPatientPerDay: 'per patient per day',
  perQcTestPerDay: 'per QC test per day',
  mqsaRequired: 'MQSA required',
  proceduresStatus: 'procedures status',
  groupRules: 'group rules',
  versionLabel: 'version',
  effectiveDate: 'effective date',
  expiresOn: 'expiry date',
  supersededBy: 'superseded by',
  categoryId: 'category',
};

const TYPE_NAMES: Record<string, string> = {
  object: 'a value with its source ({ "value", "source", "confirmed" })',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  null: 'null',
  undefined: 'nothing',
};

function nameAt(raw: unknown, keys: Array<string | number>): string | null {
  let v: unknown = raw;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  const name = v && typeof v === 'object' ? (v as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** "categories.1.procedures.0.name" -> "Chest › procedure 1 (Routine chest) › name". */
export function readablePath(path: string, raw?: unknown): string {
  if (path === '') return 'The file';
  const seg = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < seg.length; i++) {
    const s = seg[i]!;
    const next = seg[i + 1];
    if ((s === 'categories' || s === 'procedures' || s === 'groupRules') && next !== undefined && /^\d+$/.test(next)) {
      const keys = seg.slice(0, i + 2).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
      const label = s === 'categories' ? 'category' : s === 'procedures' ? 'procedure' : 'group rule';
      const name = nameAt(raw, keys);
      out.push(name ? `${label} ${Number(next) + 1} (${name})` : `${label} ${Number(next) + 1}`);
      i++;
    } else if (s === 'value' && i === seg.length - 1) {
      // "repetitionsRequired.value" reads better as just "repetitions".
    } else {
      out.push(FIELD_NAMES[s] ?? s);
    }
  }
  return out.join(' › ');
}

export function readableMessage(message: string): string {
  const small = /^Too small: expected number to be >=(\d+)$/.exec(message);
  if (small) return `Use a whole number of ${small[1]} or more.`;
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type) return `Expected ${TYPE_NAMES[type[1]!] ?? type[1]}, found ${TYPE_NAMES[type[2]!] ?? type[2]}.`;
  const key = /^Unrecognized keys?: (.+)$/.exec(message);
  if (key) return `Not part of the catalog format: ${key[1]}.`;
  return message;
}

export function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
