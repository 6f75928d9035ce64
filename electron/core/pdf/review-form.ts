// The review form: a fillable PDF (AcroForm) a remote reviewer fills in any PDF reader and returns.
// Per entry a decision (drop-down: Accept, Reject, Needs correction) and a reason; the five
// checklist confirmations (check boxes); name, credentials, date, a typed signature and a digital
// signature field. What the form covers travels inside it, twice: in hidden read-only fields (one
// payload field plus each entry's UUID and digest), which every form-filling reader keeps, and in
// the document information (key RadLedgerReviewForm, hex JSON), as the packet does. The importer
// compares both with the copy RadLedger kept when the form was sent (docs/signoff.md).
//
// pdfkit writes the page and the fields. pdfkit gives check boxes no appearance, which some readers
// then never draw and which form fillers (pdf-lib among them) need to know the box's "on" value, so
// check boxes get explicit on/off appearance streams here (through pdfkit's form internals; see
// `widget`). Text and choice fields rely on NeedAppearances, which pdfkit sets.
import PDFDocument from 'pdfkit';
import type { ChecklistItem } from '../../../shared/signoff/checklist';
import { formatDigest } from '../../../shared/signoff/digest';
import { FONT, registerFonts } from './base';
import { PAYLOAD_FIELD, REVIEW_FORM_FORMAT, REVIEW_FORM_INFO_KEY, REVIEW_FORM_VERSION } from './formats';

export { PAYLOAD_FIELD, REVIEW_FORM_FORMAT, REVIEW_FORM_INFO_KEY, REVIEW_FORM_VERSION } from './formats';
export const DECISION_OPTIONS = ['Choose', 'Accept', 'Reject', 'Needs correction'] as const;

/** What the form covers; embedded in the PDF and hashed into review_forms.payload_sha256. */
export interface ReviewFormPayload {
  format: typeof REVIEW_FORM_FORMAT;
  version: typeof REVIEW_FORM_VERSION;
  formId: string;
  /** The candidate's log ("candidate file") the form was sent from. */
  ledgerId: string;
  kind: 'verifier' | 'supervisor';
  /** In the form's order: entry n is fields entry.n.*. */
  entries: Array<{ uuid: string; digest: string }>;
  reviewDigest: string;
}

export interface ReviewFormEntry {
  performedOn: string;
  performedAt: string | null;
  procedureName: string;
  siteName: string | null;
  simulated: boolean;
  overCap: boolean;
}

export interface ReviewFormData {
  payload: ReviewFormPayload;
  generatedAt: Date;
  candidate: { name: string; arrtId: string | null } | null;
  discipline: string;
  dailyCap: number | null;
  dayCounts: Record<string, number>;
  reviewer: { name: string; credentials: string };
  role: string;
  siteName: string | null;
  range: { from: string; to: string };
  checklist: readonly ChecklistItem[];
  notes: readonly string[];
  entries: ReviewFormEntry[];
}

export const fieldNames = {
  decision: (n: number) => `entry.${n}.decision`,
  reason: (n: number) => `entry.${n}.reason`,
  uuid: (n: number) => `entry.${n}.uuid`,
  digest: (n: number) => `entry.${n}.digest`,
  confirm: (id: string) => `confirm.${id}`,
  name: 'reviewer.name',
  credentials: 'reviewer.credentials',
  date: 'reviewer.date',
  typedSignature: 'reviewer.signature',
  digitalSignature: 'reviewer.digitalSignature',
} as const;

const W = 792;
const H = 612;
const M = 40;
const CW = W - 2 * M;
const BOTTOM = H - M - 24;
const INK = '#1e2326';
const MUTED = '#5b6266';
const RULE = '#b9b5aa';
const SHADE = '#efede7';
const WARN = '#9a3b12';
const FIELD_BG = '#eef3fb';

type Doc = PDFKit.PDFDocument;
// pdfkit's form internals used to add widgets it has no option for (appearances, hidden flag, /Sig).
interface FormInternals {
  _fieldDict: (name: string, type: string | null, options: Record<string, unknown>) => Record<string, unknown>;
  _addToParent: (ref: unknown) => void;
  page: { annotations: unknown[] };
}

function widget(doc: Doc, name: string, type: string | null, rect: [number, number, number, number], extra: Record<string, unknown>, options: Record<string, unknown> = {}) {
  const internals = doc as unknown as FormInternals;
  const dict = { ...internals._fieldDict(name, type, options), Subtype: 'Widget', F: 4, ...extra };
  doc.annotate(rect[0], rect[1], rect[2], rect[3], dict as never);
  internals._addToParent(internals.page.annotations[internals.page.annotations.length - 1]);
}

function appearance(doc: Doc, w: number, h: number, content: string) {
  const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: {} });
  ref.end(content);
  return ref;
}

function checkbox(doc: Doc, name: string, x: number, y: number, size: number) {
  const on = appearance(doc, size, size, `q 0.12 0.14 0.15 RG 1.6 w 1 J 1 j ${size * 0.2} ${size * 0.52} m ${size * 0.42} ${size * 0.25} l ${size * 0.82} ${size * 0.8} l S Q`);
  const off = appearance(doc, size, size, '');
  doc.rect(x, y, size, size).lineWidth(0.8).strokeColor(INK).stroke();
  widget(doc, name, 'checkbox', [x, y, size, size], { AP: { N: { Yes: on, Off: off } }, AS: 'Off', V: 'Off', MK: {} });
}

function hiddenText(doc: Doc, name: string, value: string) {
  widget(doc, name, 'text', [0, 0, 0, 0], { F: 2 }, { value, readOnly: true });
}

/** The default appearance: the form's font at a fixed size (pdfkit's default is auto-size). */
function da(doc: Doc, size: number) {
  const id = (doc as unknown as { _font: { id: string } })._font.id;
  return new String(`/${id} ${size} Tf 0 g`);
}

function text(doc: Doc, name: string, x: number, y: number, w: number, h: number, value = '') {
  doc.rect(x, y, w, h).fill(FIELD_BG);
  doc.moveTo(x, y + h).lineTo(x + w, y + h).lineWidth(0.6).strokeColor(MUTED).stroke();
  doc.fillColor(INK);
  doc.font('Helvetica');
  widget(doc, name, 'text', [x, y, w, h], { DA: da(doc, 9) }, { value });
}

function hexJson(v: unknown): string {
  return Buffer.from(JSON.stringify(v), 'utf8').toString('hex');
}

function weekday(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
}

export function renderReviewForm(data: ReviewFormData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: M,
    bufferPages: true,
    info: {
      Title: `Review request: ${data.discipline} entries of ${data.candidate?.name ?? 'the candidate'}`,
      Subject: 'RadLedger review form',
      Creator: 'RadLedger',
      Producer: 'RadLedger',
      CreationDate: data.generatedAt,
      [REVIEW_FORM_INFO_KEY]: hexJson(data.payload),
    } as PDFKit.DocumentInfo,
  });
  // Printed text in the embedded Unicode font (base.ts); the fields keep Helvetica, which every
  // reader has, for what the reviewer types (a subset font holds only the glyphs already printed).
  registerFonts(doc, true);
  // The form's default font (for what the reviewer types) is Helvetica, which every reader has.
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.initForm();

  // Header.
  doc.font(FONT.bold).fontSize(16).text(`Review request: ${data.discipline}`, M, M);
  doc.font(FONT.regular).fontSize(9.5).fillColor(MUTED);
  const who = data.candidate ? `${data.candidate.name}${data.candidate.arrtId ? ` (ARRT ID ${data.candidate.arrtId})` : ''}` : 'the candidate';
  doc.text(
    `Candidate: ${who}   ·   ${data.role}: ${data.reviewer.name}${data.reviewer.credentials ? `, ${data.reviewer.credentials}` : ''}   ·   ` +
      `Site: ${data.siteName ?? 'all sites'}   ·   Dates: ${data.range.from} to ${data.range.to}   ·   ${data.entries.length} entries`,
    M,
    doc.y + 2,
    { width: CW },
  );
  doc.moveDown(0.4);
  doc.fillColor(INK).fontSize(9.5);
  doc.text(
    'For each entry choose Accept, Reject or Needs correction. Reject and Needs correction need a reason: it goes back to the candidate. ' +
      'Then confirm the statements, fill in your name, credentials and the date, sign, save the file and return it to the candidate. ' +
      'Fill it in any PDF reader (Acrobat, Preview, a web browser). Do not print and scan it: RadLedger reads the filled fields.',
    { width: CW },
  );
  if (data.dailyCap !== null) {
    doc.moveDown(0.3).fillColor(WARN).text(`ARRT accepts ${data.dailyCap} ${data.discipline} entries per day; entries beyond that on a day are marked "over the daily cap".`, { width: CW });
  }
  doc.fillColor(INK);
  doc.moveDown(0.6);

  // Entries, grouped by day and site.
  const cols = { n: 24, when: 78, proc: 0, site: 120, sim: 36, decision: 112, reason: 170 };
  cols.proc = CW - (cols.n + cols.when + cols.site + cols.sim + cols.decision + cols.reason);
  const header = (y: number) => {
    doc.rect(M, y, CW, 16).fill(SHADE);
    doc.font(FONT.bold).fontSize(8.5).fillColor(INK);
    let x = M;
    for (const [label, w] of [
      ['#', cols.n],
      ['Date / time', cols.when],
      ['Procedure', cols.proc],
      ['Site', cols.site],
      ['Sim.', cols.sim],
      ['Decision', cols.decision],
      ['Reason (required to reject or send back)', cols.reason],
    ] as const) {
      doc.text(label, x + 3, y + 4, { width: w - 6, lineBreak: false });
      x += w;
    }
    return y + 18;
  };
  let y = header(doc.y);
  let group = '';
  data.entries.forEach((e, i) => {
    const n = i + 1;
    const key = `${e.performedOn}|${e.siteName ?? ''}`;
    const rowH = 22;
    const needs = (key !== group ? 18 : 0) + rowH;
    if (y + needs > BOTTOM) {
      doc.addPage();
      y = header(M);
      group = '';
    }
    if (key !== group) {
      group = key;
      const count = data.dayCounts[e.performedOn] ?? 0;
      const over = data.dailyCap !== null && count > data.dailyCap;
      doc.font(FONT.bold).fontSize(9).fillColor(INK).text(`${weekday(e.performedOn)} ${e.performedOn} · ${e.siteName ?? 'no site'}`, M + 3, y + 4, { continued: true });
      doc.font(FONT.regular).fillColor(over ? WARN : MUTED).text(`   ${count} ${count === 1 ? 'entry' : 'entries'} logged that day${over ? `, ${count - data.dailyCap!} over ARRT's daily cap of ${data.dailyCap}` : ''}`);
      y += 18;
    }
    doc.font(FONT.regular).fontSize(9).fillColor(INK);
    let x = M;
    doc.text(String(n), x + 3, y + 6, { width: cols.n - 6, align: 'right', lineBreak: false });
    x += cols.n;
    doc.text(`${e.performedAt ?? '--:--'}`, x + 3, e.overCap ? y + 3 : y + 6, { width: cols.when - 6, lineBreak: false });
    if (e.overCap) doc.font(FONT.bold).fontSize(7).fillColor(WARN).text('over the daily cap', x + 3, y + 13, { width: cols.when - 6, lineBreak: false });
    doc.font(FONT.regular).fontSize(9).fillColor(INK);
    x += cols.when;
    doc.text(e.procedureName, x + 3, y + 6, { width: cols.proc - 6, height: 12, ellipsis: true, lineBreak: false });
    x += cols.proc;
    doc.text(e.siteName ?? '', x + 3, y + 6, { width: cols.site - 6, height: 12, ellipsis: true, lineBreak: false });
    x += cols.site;
    doc.text(e.simulated ? 'Yes' : 'No', x + 3, y + 6, { width: cols.sim - 6, lineBreak: false });
    x += cols.sim;
    doc.rect(x + 3, y + 3, cols.decision - 6, rowH - 6).fill(FIELD_BG);
    doc.fillColor(INK);
    doc.font('Helvetica');
    widget(doc, fieldNames.decision(n), 'combo', [x + 3, y + 3, cols.decision - 6, rowH - 6], { DA: da(doc, 9) }, { select: [...DECISION_OPTIONS], value: DECISION_OPTIONS[0] });
    x += cols.decision;
    text(doc, fieldNames.reason(n), x + 3, y + 3, cols.reason - 6, rowH - 6);
    hiddenText(doc, fieldNames.uuid(n), data.payload.entries[i]!.uuid);
    hiddenText(doc, fieldNames.digest(n), data.payload.entries[i]!.digest);
    y += rowH;
    doc.moveTo(M, y).lineTo(M + CW, y).lineWidth(0.3).strokeColor(RULE).stroke();
  });
  doc.x = M;
  doc.y = y + 10;

  // Checklist and signature.
  const checklistH = data.checklist.length * 26 + 40;
  if (doc.y + checklistH + 150 > BOTTOM) doc.addPage();
  doc.font(FONT.bold).fontSize(11.5).fillColor(INK).text('By signing, I confirm for every entry I accept:', M, doc.y);
  doc.moveDown(0.4);
  for (const c of data.checklist) {
    const top = doc.y;
    checkbox(doc, fieldNames.confirm(c.id), M, top, 12);
    doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(`${c.label}. `, M + 20, top + 1, { width: CW - 20, continued: true });
    doc.font(FONT.regular).text(c.text);
    doc.y = Math.max(doc.y, top + 14) + 6;
  }
  if (data.notes.length) doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text(data.notes.join(' '), M, doc.y, { width: CW });
  doc.moveDown(0.8);

  const label = (t: string, x: number, yy: number) => doc.font(FONT.bold).fontSize(8.5).fillColor(MUTED).text(t, x, yy, { lineBreak: false });
  const top = doc.y;
  const half = (CW - 20) / 2;
  label('Name', M, top);
  text(doc, fieldNames.name, M, top + 11, half, 18, data.reviewer.name);
  label('Credentials', M + half + 20, top);
  text(doc, fieldNames.credentials, M + half + 20, top + 11, half, 18, data.reviewer.credentials);
  label('Date (YYYY-MM-DD)', M, top + 38);
  text(doc, fieldNames.date, M, top + 49, 140, 18);
  label('Signature (type your full name)', M + 160, top + 38);
  text(doc, fieldNames.typedSignature, M + 160, top + 49, half - 160, 18);
  label('Digital signature (optional, if your reader signs PDFs)', M + half + 20, top + 38);
  doc.rect(M + half + 20, top + 49, half, 30).lineWidth(0.6).dash(3, { space: 2 }).strokeColor(MUTED).stroke().undash();
  widget(doc, fieldNames.digitalSignature, null, [M + half + 20, top + 49, half, 30], { FT: 'Sig' });
  doc.y = top + 90;
  doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(
    `Form ${data.payload.formId}. Review digest ${formatDigest(data.payload.reviewDigest)}. Each entry's digest is stored in the form: ` +
      'RadLedger applies your decisions only if every entry is still exactly as shown.',
    M,
    doc.y,
    { width: CW },
  );

  hiddenText(doc, PAYLOAD_FIELD, JSON.stringify(data.payload));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(`RadLedger review form ${data.payload.formId.slice(0, 8)} · digest ${data.payload.reviewDigest.slice(0, 16)}`, M, H - M + 4, { width: CW - 80, lineBreak: false });
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, W - M - 80, H - M + 4, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
