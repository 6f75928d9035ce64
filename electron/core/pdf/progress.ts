// The progress report: the log's numbers for one track, printable for a program director or a
// supervisor. Until the requirement engine's progress channel is wired into the backend, it reports
// what the log itself says (totals per procedure, per status, per month) and states that
// requirement counts come from the dashboard, rather than inventing ARRT numbers.
import { CONTENT_WIDTH, createDoc, ensureSpace, facts, finish, footers, heading, INK, MUTED, PAGE, RULE, table, type Column } from './base';

export interface ProgressReportData {
  generatedAt: string;
  candidate: { name: string; arrtId: string | null } | null;
  discipline: { code: string; name: string; dailyCap: number };
  requirementVersion: string;
  track: { name: string; startDate: string; plannedApplicationDate: string | null };
  totals: { entries: number; simulated: number; byStatus: Array<{ label: string; count: number }> };
  procedures: Array<{ name: string; count: number; simulated: number; first: string; last: string }>;
  months: Array<{ month: string; count: number }>;
}

const COLUMNS: Column<ProgressReportData['procedures'][number]>[] = [
  { header: 'Procedure', width: 250, cell: (r) => r.name },
  { header: 'Logged', width: 56, align: 'right', cell: (r) => String(r.count) },
  { header: 'Simulated', width: 60, align: 'right', cell: (r) => String(r.simulated) },
  { header: 'First', width: 69, cell: (r) => r.first },
  { header: 'Last', width: CONTENT_WIDTH - 250 - 56 - 60 - 69, cell: (r) => r.last },
];

function monthChart(doc: PDFKit.PDFDocument, months: ProgressReportData['months']) {
  const h = 120;
  ensureSpace(doc, h + 40);
  const top = doc.y + 4;
  const max = Math.max(1, ...months.map((m) => m.count));
  const slot = CONTENT_WIDTH / Math.max(months.length, 1);
  const barW = Math.min(28, slot * 0.7);
  doc.moveTo(PAGE.margin, top + h).lineTo(PAGE.margin + CONTENT_WIDTH, top + h).lineWidth(0.6).strokeColor(RULE).stroke();
  months.forEach((m, i) => {
    const bh = (m.count / max) * (h - 14);
    const x = PAGE.margin + i * slot + (slot - barW) / 2;
    doc.rect(x, top + h - bh, barW, bh).fill('#1d5f8a');
    doc.font('Helvetica').fontSize(7).fillColor(INK).text(String(m.count), x - 6, top + h - bh - 9, { width: barW + 12, align: 'center', lineBreak: false });
    doc.fillColor(MUTED).text(m.month.slice(2), x - 8, top + h + 3, { width: barW + 16, align: 'center', lineBreak: false });
  });
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = top + h + 18;
}

export async function renderProgressReport(data: ProgressReportData, createdAt: Date): Promise<{ bytes: Buffer; pages: number }> {
  const doc = createDoc({ title: `Progress report: ${data.discipline.name}`, subject: 'RadLedger progress report', createdAt });
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text('Clinical Experience Progress Report', PAGE.margin, PAGE.margin);
  doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(`Prepared with RadLedger on ${data.generatedAt.slice(0, 10)}.`);
  doc.moveDown(0.7);
  facts(doc, [
    ['Candidate', data.candidate?.name ?? '(name not set)'],
    ['ARRT ID', data.candidate?.arrtId ?? ''],
    ['Discipline', `${data.discipline.name} (${data.discipline.code})`],
    ['Requirement version', data.requirementVersion],
    ['Track started', data.track.startDate],
    ['Planned application', data.track.plannedApplicationDate ?? 'not set'],
    ['Entries logged', String(data.totals.entries)],
    ['Simulated', String(data.totals.simulated)],
  ]);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(
    `Status: ${data.totals.byStatus.map((s) => `${s.label} ${s.count}`).join(' · ')}. ARRT accepts at most ${data.discipline.dailyCap} entries per day for this discipline. Requirement counts (done / required) depend on the requirement catalog and are shown on RadLedger's Progress page; this report lists what the log holds.`,
    PAGE.margin,
    doc.y + 4,
    { width: CONTENT_WIDTH },
  );

  heading(doc, 'Entries per month');
  if (data.months.length === 0) doc.text('No entries yet.');
  else {
    monthChart(doc, data.months);
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(
      `Text equivalent: ${data.months.map((m) => `${m.month}: ${m.count}`).join('; ')}.`,
      PAGE.margin,
      doc.y,
      { width: CONTENT_WIDTH },
    );
  }

  heading(doc, 'Procedures logged');
  table(doc, COLUMNS, data.procedures);

  const pages = footers(doc, `Progress report, ${data.discipline.code}, ${data.generatedAt.slice(0, 10)}`);
  return { bytes: await finish(doc), pages };
}
