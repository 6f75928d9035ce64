// Guesses which column feeds which field from the header names people actually use in their
// logs ("Exam date", "DOS", "Procedure performed", "Facility", "Verified by"...). The user confirms
// or changes it. The same names find the header row under a title row.
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../shared/ipc/import';

const SYNONYMS: Record<ImportField, string[]> = {
  date: ['date', 'exam date', 'date performed', 'performed on', 'procedure date', 'study date', 'dos', 'day', 'datum', 'fecha'],
  time: ['time', 'exam time', 'start time', 'performed at', 'time performed'],
  procedure: ['procedure', 'procedure name', 'exam', 'exam name', 'study', 'procedure performed', 'description', 'exam type', 'procedures'],
  site: ['site', 'location', 'facility', 'hospital', 'clinical site', 'site name', 'clinic'],
  verifier: ['verifier', 'verified by', 'verifying technologist', 'supervisor', 'signed by', 'technologist', 'tech', 'rt', 'witness', 'preceptor'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  simulated: ['simulated', 'simulation', 'sim', 'simulated?'],
  status: ['status', 'state'],
};

const normalise = (h: string) => h.toLowerCase().replace(/[_\-.:]+/g, ' ').replace(/\s+/g, ' ').trim();

const ALL_SYNONYMS = new Set(Object.values(SYNONYMS).flat());

/** How much a row looks like a header: the number of its cells that are known column names. */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((c) => ALL_SYNONYMS.has(normalise(c))).length;
}

export function guessMapping(headers: readonly string[]): ImportMapping {
  const names = headers.map(normalise);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;
  // Exact synonyms first, for every field; then headers that merely contain the field's name.
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      const idx = names.findIndex(
        (n, i) => !taken.has(i) && (pass === 'exact' ? SYNONYMS[field].includes(n) : n.split(' ').includes(field)),
      );
      if (idx >= 0) {
        mapping[field] = idx;
        taken.add(idx);
      }
    }
  }
  return mapping;
}
