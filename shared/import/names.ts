// Matching the names in someone's own log to the names RadLedger already knows (catalog procedures,
// sites, verifiers). Pure. Similarity is a Dice coefficient over letter pairs of a normalised form,
// so "St. Mary's" and "St Marys", "Hôpital" and a garbled "H�pital", "CT abd/pelvis w/o" and
// "CT Abdomen/Pelvis without contrast" come out close; the user confirms every suggestion.

// Shorthand techs write, expanded before comparing (whole words only).
const EXPANSIONS: Array<[RegExp, string]> = [
  [/\bw\/o\b/g, ' without '],
  [/\bw\/\s?/g, ' with '],
  [/\bwo\b/g, ' without '],
  [/\babd\b/g, ' abdomen '],
  [/\bpelv\b/g, ' pelvis '],
  [/\bc-?spine\b/g, ' cervical spine '],
  [/\bl-?spine\b/g, ' lumbar spine '],
  [/\bt-?spine\b/g, ' thoracic spine '],
  [/\bsaint\b/g, ' st '],
  [/\bhosp\b/g, ' hospital '],
  [/\bmed\b/g, ' medical '],
  [/\bctr\b/g, ' center '],
  [/\bcentre\b/g, ' center '],
];

/** Lower case, accents and apostrophes dropped, shorthand expanded, punctuation to spaces. */
export function normaliseName(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\uFFFD/g, '') // a character lost to a wrong encoding
    .toLowerCase()
    .replace(/['’`]/g, '');
  for (const [re, to] of EXPANSIONS) s = s.replace(re, to);
  return s
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function pairs(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of s.split(' ')) {
    const w = ` ${word} `;
    for (let i = 0; i < w.length - 1; i++) {
      const p = w.slice(i, i + 2);
      out.set(p, (out.get(p) ?? 0) + 1);
    }
  }
  return out;
}

/** 0 (nothing alike) .. 1 (the same once normalised). */
export function nameSimilarity(a: string, b: string): number {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na === '' || nb === '') return 0;
  if (na === nb) return 1;
  const pa = pairs(na);
  const pb = pairs(nb);
  let shared = 0;
  let total = 0;
  for (const [p, n] of pa) {
    shared += Math.min(n, pb.get(p) ?? 0);
    total += n;
  }
  for (const n of pb.values()) total += n;
  return (2 * shared) / total;
}

export interface NameSuggestion<T> {
  item: T;
  score: number;
}

/** The candidates most like `name`, best first, at least `min` alike. */
export function suggestNames<T>(name: string, candidates: readonly T[], nameOf: (t: T) => string, opts: { min?: number; limit?: number } = {}): NameSuggestion<T>[] {
  const min = opts.min ?? 0.45;
  return candidates
    .map((item) => ({ item, score: nameSimilarity(name, nameOf(item)) }))
    .filter((s) => s.score >= min)
    .sort((x, y) => y.score - x.score)
    .slice(0, opts.limit ?? 3);
}

/** Near-duplicates worth a "same site?" question (spelling variants, lost accents). */
export const NEAR_DUPLICATE = 0.7;
