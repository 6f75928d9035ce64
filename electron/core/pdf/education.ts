// The structured-education section of the progress report and the packet, self-contained: one call
// draws its heading, the engine's verdict in words, credits per content category as small bars with
// a text equivalent, and the activities with whether each counts.
import { formatCredits, type EducationSummary } from '../../../shared/education/summary';
import { CONTENT_WIDTH, ensureSpace, heading, INK, MUTED, PAGE, RULE, table, type Column, type Doc } from './base';

export interface EducationSectionData {
  summary: EducationSummary;
  activities: Array<{ completedOn: string; title: string; provider: string; categoryName: string; credits: number; counts: boolean; reason: string | null; certificate: boolean }>;
}

type Row = EducationSectionData['activities'][number];

// Columns sized to their text by base.ts (fitColumns); the activity name takes most of what is left.
const COLUMNS: Column<Row>[] = [
  { header: 'Completed', cell: (r) => r.completedOn },
  {
    header: 'Activity',
    wrap: true,
    grow: 3,
    cell: (r) => [r.title, r.provider ? `(${r.provider})` : '', r.certificate ? '· certificate on file' : ''].filter(Boolean).join(' '),
  },
  { header: 'Category', wrap: true, cell: (r) => r.categoryName },
  { header: 'Credits', align: 'right', cell: (r) => formatCredits(r.credits) },
  { header: 'Counts', wrap: true, cell: (r) => (r.counts ? 'Yes' : `No: ${r.reason ?? ''}`) },
];

function categoryBars(doc: Doc, s: EducationSummary) {
  const rowH = 14;
  const labelW = 150;
  const barMax = CONTENT_WIDTH - labelW - 70;
  const scale = Math.max(1, s.minPerCategory ?? 1, ...s.categories.map((c) => c.counted));
  ensureSpace(doc, s.categories.length * rowH + 10);
  let y = doc.y + 2;
  for (const c of s.categories) {
    doc.font('Helvetica').fontSize(8.5).fillColor(INK).text(c.name, PAGE.margin, y + 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
    doc.rect(PAGE.margin + labelW, y + 2, barMax, 8).lineWidth(0.4).strokeColor(RULE).stroke();
    const w = (Math.min(c.counted, scale) / scale) * barMax;
    if (w > 0) doc.rect(PAGE.margin + labelW, y + 2, w, 8).fill(c.met ? '#2f7a4d' : '#b7791f');
    doc.fillColor(c.met ? INK : MUTED).text(`${formatCredits(c.counted)} ${c.met ? '' : '(missing)'}`, PAGE.margin + labelW + barMax + 6, y + 2, { width: 64, lineBreak: false });
    y += rowH;
  }
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = y + 2;
}

/** Draws the section at the current position (adds pages as needed). */
export function educationSection(doc: Doc, data: EducationSectionData): void {
  const s = data.summary;
  ensureSpace(doc, 80);
  heading(doc, 'Structured education');
  doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(s.text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  if (s.defined) {
    const rule =
      `ARRT asks for ${s.requiredTotal} credits earned in the same window as the procedures, at least ${s.minPerCategory} in each content category.` +
      (s.categoriesOrigin === 'user' ? ' The content categories below were named by the candidate from ARRT’s content specification; they are not known to RadLedger.' : '') +
      (s.categoriesOrigin === 'none' ? ' The content categories of this discipline are not known to RadLedger.' : '');
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(rule, PAGE.margin, doc.y + 2, { width: CONTENT_WIDTH });
  }
  if (s.categories.length > 0) {
    doc.moveDown(0.4);
    categoryBars(doc, s);
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(
      `Text equivalent: ${s.categories.map((c) => `${c.name}: ${formatCredits(c.counted)} credit${c.counted === 1 ? '' : 's'}${c.met ? '' : ' (missing)'}`).join('; ')}.`,
      PAGE.margin,
      doc.y,
      { width: CONTENT_WIDTH },
    );
  }
  doc.moveDown(0.5);
  doc.fillColor(INK);
  if (data.activities.length === 0) doc.font('Helvetica').fontSize(9.5).text('No structured-education activities recorded yet.', PAGE.margin, doc.y);
  else table(doc, COLUMNS, data.activities);
  doc.x = PAGE.margin;
}
