// The progress report: the dashboard's numbers for one track, printable for a program director or
// a supervisor: the requirement engine's counts (progress.evaluate) where the catalog knows them,
// "?" where it does not (never an invented ARRT number), then what the log holds: entries per month
// (a bar chart with its text equivalent) and per procedure. Headings keep their first lines or
// table rows with them (base.ts heading), so no heading is left alone at a page foot.
import {
  createDoc,
  ensureSpace,
  facts,
  finish,
  FONT,
  footers,
  heading,
  INK,
  linesHeight,
  MUTED,
  PAGE,
  paragraph,
  RULE,
  table,
  tableStartHeight,
  CONTENT_WIDTH,
  type Column,
} from './base';
import { educationSection, type EducationSectionData } from './education';
import { finishSection, type FinishSectionData } from './finish-section';

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
  { header: 'Procedure', wrap: true, grow: 3, cell: (r) => r.name },
  { header: 'Category', wrap: true, cell: (r) => r.category },
  { header: 'Kind', cell: (r) => r.kind },
  { header: 'Counted', align: 'right', cell: (r) => String(r.counted) },
  // "?" when the catalog does not know the number: never a guessed ARRT number.
  { header: 'Required', align: 'right', cell: (r) => (r.required === null ? '?' : String(r.required)) },
  { header: 'Left', align: 'right', cell: (r) => (r.remaining === null ? '?' : String(r.remaining)) },
];

const COLUMNS: Column<ProgressReportData['procedures'][number]>[] = [
  { header: 'Procedure', wrap: true, cell: (r) => r.name },
  { header: 'Logged', align: 'right', cell: (r) => String(r.count) },
  { header: 'Simulated', align: 'right', cell: (r) => String(r.simulated) },
  { header: 'First', cell: (r) => r.first },
  { header: 'Last', cell: (r) => r.last },
];

/** Height of the month chart with its labels (kept whole on one page, with its heading). */
const CHART_HEIGHT = 120;
const CHART_BLOCK = CHART_HEIGHT + 26;

function monthChart(doc: PDFKit.PDFDocument, months: ProgressReportData['months']) {
  const h = CHART_HEIGHT;
  ensureSpace(doc, CHART_BLOCK);
  const top = doc.y + 4;
  const max = Math.max(1, ...months.map((m) => m.count));
  const slot = CONTENT_WIDTH / Math.max(months.length, 1);
  const barW = Math.min(28, slot * 0.7);
  doc.moveTo(PAGE.margin, top + h).lineTo(PAGE.margin + CONTENT_WIDTH, top + h).lineWidth(0.6).strokeColor(RULE).stroke();
  months.forEach((m, i) => {
    const bh = (m.count / max) * (h - 14);
    const x = PAGE.margin + i * slot + (slot - barW) / 2;
    doc.rect(x, top + h - bh, barW, bh).fill('#1d5f8a');
    doc.font(FONT.regular).fontSize(7).fillColor(INK).text(String(m.count), x - 6, top + h - bh - 9, { width: barW + 12, align: 'center', lineBreak: false });
    doc.fillColor(MUTED).text(m.month, x - 12, top + h + 3, { width: barW + 24, align: 'center', lineBreak: false });
  });
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = top + h + 18;
}

export async function renderProgressReport(data: ProgressReportData, createdAt: Date): Promise<{ bytes: Buffer; pages: number }> {
  const doc = createDoc({ title: `Progress report: ${data.discipline.name}`, subject: 'RadLedger progress report', createdAt });
  doc.font(FONT.bold).fontSize(16).fillColor(INK).text('Clinical Experience Progress Report', PAGE.margin, PAGE.margin);
  doc.moveDown(0.2);
  paragraph(doc, `Prepared with RadLedger on ${data.generatedAt.slice(0, 10)}.`, { size: 9, color: MUTED });
  doc.moveDown(0.7);
  facts(doc, [
    ['Candidate', data.candidate?.name ?? 'Name not entered'],
    ['ARRT ID', data.candidate?.arrtId ?? ''],
    ['Discipline', `${data.discipline.name} (${data.discipline.code})`],
    ['Track started', data.track.startDate],
    ['Planned application', data.track.plannedApplicationDate ?? 'not set'],
    ['Entries logged', String(data.totals.entries)],
    ['Simulated', String(data.totals.simulated)],
    ['Requirements', data.requirementVersion, 'wide'],
  ]);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Status: ${data.totals.byStatus.map((s) => `${s.label} ${s.count}`).join(' · ')}. ARRT accepts at most ${data.discipline.dailyCap} entries per day for this discipline.${data.requirements ? '' : ' Requirement counts depend on a requirement list for this discipline, which RadLedger does not have yet; this report lists what the log holds.'}`,
    { size: 9, color: MUTED },
  );

  const req = data.requirements;
  if (req) {
    const status = req.complete === true ? 'All requirements met.' : req.complete === false ? 'Not complete yet.' : 'The requirement list does not say enough to tell whether the requirements are met.';
    const summary =
      // As on the dashboard: repetitions beyond a procedure's requirement do not add to progress.
      `${req.required !== null && req.remaining !== null ? `${req.required - req.remaining} of ${req.required} required repetitions done, ${req.remaining} to go (${req.counted} entries count toward ARRT's log).` : `${req.counted} entries count toward ARRT's log.`} ${status}${req.expiringSoon > 0 ? ` ${req.expiringSoon} counted entries expire within 90 days of the application date.` : ''}`;
    heading(doc, 'Requirements', linesHeight(doc, 3));
    paragraph(doc, summary);
    if (req.missing.length > 0) {
      doc.moveDown(0.3);
      // "Still missing:" stays with its first two items.
      ensureSpace(doc, linesHeight(doc, 3));
      doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text('Still missing:', PAGE.margin, doc.y);
      for (const m of req.missing) paragraph(doc, `•  ${m}`, { indent: 8 });
    }
    doc.x = PAGE.margin;
    doc.moveDown(0.5);
    if (req.rows.length > 0) {
      ensureSpace(doc, tableStartHeight(doc, REQUIREMENT_COLUMNS, req.rows));
      table(doc, REQUIREMENT_COLUMNS, req.rows);
    }
  }

  if (data.ruleNotes?.length) {
    doc.moveDown(0.3);
    for (const n of data.ruleNotes) paragraph(doc, `•  ${n}`, { size: 9, indent: 8 });
  }
  if (data.education) educationSection(doc, data.education);
  if (data.finish) finishSection(doc, data.finish);

  if (data.months.length === 0) {
    heading(doc, 'Entries per month', linesHeight(doc, 1));
    paragraph(doc, 'No entries yet.');
  } else {
    heading(doc, 'Entries per month', CHART_BLOCK + linesHeight(doc, 1, { size: 8 }));
    monthChart(doc, data.months);
    paragraph(doc, `Text equivalent: ${data.months.map((m) => `${m.month}: ${m.count}`).join('; ')}.`, { size: 8, color: MUTED });
  }

  if (data.procedures.length === 0) {
    heading(doc, 'Procedures logged', linesHeight(doc, 1));
    paragraph(doc, 'No entries yet.');
  } else {
    heading(doc, 'Procedures logged', tableStartHeight(doc, COLUMNS, data.procedures));
    table(doc, COLUMNS, data.procedures);
  }

  const pages = footers(doc, `Progress report, ${[data.candidate?.name, data.discipline.code, data.generatedAt.slice(0, 10)].filter(Boolean).join(', ')}`);
  return { bytes: await finish(doc), pages };
}
