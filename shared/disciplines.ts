// The eight ARRT post-primary disciplines that have a clinical experience procedure log, with
// the daily entry caps ARRT publishes (confirmed: see docs/arrt-rules.md, "Disciplines").

export const DISCIPLINES = [
  { code: 'CT', name: 'Computed Tomography', dailyCap: 9 },
  { code: 'MR', name: 'Magnetic Resonance Imaging', dailyCap: 7 },
  { code: 'M', name: 'Mammography', dailyCap: 16 },
  { code: 'BD', name: 'Bone Densitometry', dailyCap: 15 },
  { code: 'VI', name: 'Vascular Interventional Radiography', dailyCap: 6 },
  { code: 'CI', name: 'Cardiac Interventional Radiography', dailyCap: 8 },
  { code: 'VS', name: 'Vascular Sonography', dailyCap: 28 },
  { code: 'BS', name: 'Breast Sonography', dailyCap: 9 },
] as const;

export type DisciplineCode = (typeof DISCIPLINES)[number]['code'];
export const DISCIPLINE_CODES = DISCIPLINES.map((d) => d.code) as [DisciplineCode, ...DisciplineCode[]];

export function disciplineByCode(code: string) {
  return DISCIPLINES.find((d) => d.code === code);
}

/** Source of the caps, shown beside them in the UI. */
export const DAILY_CAP_SOURCE =
  'https://www.arrt.org/pages/arrt-reference-documents/by-document-type/clinical-experience-requirements';
