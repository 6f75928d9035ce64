// The progress report: the dashboard's numbers for one track, printable for a program director or
// a supervisor: the requirement engine's counts (progress.evaluate) where the catalog knows them,
// "?" where it does not (never an invented ARRT number), then what the log holds: entries per month
// (a bar chart with its text equivalent) and per procedure.
import { educationSection, type EducationSectionData } from './education';
import { finishSection, type FinishSectionData } from './finish-section';
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
  /** From the requirement engine, when the discipline has a catalog; null otherwise. */
  requirements: {
    rows: Array<{ name: string; category: string; kind: string; counted: number; required: number | null; remaining: number | null }>;
    counted: number;
    required: number | null;
    /** Repetitions still needed; null when the catalog does not know. */
    remaining: number | null;
    complete: boolean | null;
    missing: string[];
    expiringSoon: number;
  } | null;
  /** Structured education (its own section); absent when not provided. */
  education?: EducationSectionData | null;
  /** Rules the engine applies that the reader should see: version ending, window frozen. */
  ruleNotes?: string[];
  /** The finish date and its basis (pace or accepted plan); absent for reports made without one. */
  finish?: FinishSectionData | null;
}

const REQUIREMENT_COLUMNS: Column<NonNullable<ProgressReportData['requirements']>['rows'][number]>[] = [
  { header: 'Procedure', width: 206, cell: (r) => r.name },
  { header: 'Category', width: 110, cell: (r) => r.category },
  { header: 'Kind', width: 62, cell: (r) => r.kind },
  { header: 'Counted', width: 44, align: 'right', cell: (r) => String(r.counted) },
  // "?" when the catalog does not know the number: never a guessed ARRT number.
  { header: 'Required', width: 46, align: 'right', cell: (r) => (r.required === null ? '?' : String(r.required)) },
  { header: 'Left', width: CONTENT_WIDTH - 206 - 110 - 62 - 44 - 46, align: 'right', cell: (r) => (r.remaining === null ? '?' : String(r.remaining)) },
];

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
    doc.fillColor(MUTED).text(m.month, x - 12, top + h + 3, { width: barW + 24, align: 'center', lineBreak: false });
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
    `Status: ${data.totals.byStatus.map((s) => `${s.label} ${s.count}`).join(' · ')}. ARRT accepts at most ${data.discipline.dailyCap} entries per day for this discipline.${data.requirements ? '' : ' Requirement counts depend on a requirement catalog, which this discipline does not have yet; this report lists what the log holds.'}`,
    PAGE.margin,
    doc.y + 4,
    { width: CONTENT_WIDTH },
  );

  const req = data.requirements;
  if (req) {
    heading(doc, 'Requirements');
    const status = req.complete === true ? 'All requirements met.' : req.complete === false ? 'Not complete yet.' : 'The catalog does not say enough to tell whether the requirements are met.';
    doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(
      // As on the dashboard: repetitions beyond a procedure's requirement do not add to progress.
      `${req.required !== null && req.remaining !== null ? `${req.required - req.remaining} of ${req.required} required repetitions done, ${req.remaining} to go (${req.counted} entries count toward ARRT's log).` : `${req.counted} entries count toward ARRT's log.`} ${status}${req.expiringSoon > 0 ? ` ${req.expiringSoon} counted entries expire within 90 days of the application date.` : ''}`,
      PAGE.margin,
      doc.y,
      { width: CONTENT_WIDTH },
    );
    if (req.missing.length > 0) {
      doc.moveDown(0.3);
      doc.font('Helvetica-Bold').fontSize(9.5).text('Still missing:');
      doc.font('Helvetica').fontSize(9.5);
      for (const m of req.missing) doc.text(`•  ${m}`, PAGE.margin + 8, doc.y, { width: CONTENT_WIDTH - 8 });
    }
    doc.x = PAGE.margin;
    doc.moveDown(0.5);
    if (req.rows.length > 0) table(doc, REQUIREMENT_COLUMNS, req.rows);
  }

  if (data.ruleNotes?.length) {
    doc.moveDown(0.3);
    doc.font('Helvetica').fontSize(9).fillColor(INK);
    for (const n of data.ruleNotes) doc.text(`•  ${n}`, PAGE.margin + 8, doc.y, { width: CONTENT_WIDTH - 8 });
    doc.x = PAGE.margin;
  }
  if (data.education) {
    educationSection(doc, data.education);
    ensureSpace(doc, 190); // keeps the next heading with its chart
  }
  if (data.finish) finishSection(doc, data.finish);

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

  ensureSpace(doc, 70); // the heading, the table header and a first row stay together
  heading(doc, 'Procedures logged');
  table(doc, COLUMNS, data.procedures);

  const pages = footers(doc, `Progress report, ${data.discipline.code}, ${data.generatedAt.slice(0, 10)}`);
  return { bytes: await finish(doc), pages };
}
