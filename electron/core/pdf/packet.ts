// The verification packet: the paper log a supervisor expects. Candidate, discipline and the real
// date range of the entries on top; a table of the entries (header repeated on every page, columns
// sized to their text, entries over ARRT's daily cap marked with a legend); the packet's SHA-256
// digest so anyone can check later that the log still matches it; the candidate's attestation and
// signature line; the verifier checklist and the supervisor's approval with their signature blocks
// (the drawn or typed signature where a valid signature covers exactly these entries, blank lines
// for wet ink otherwise); "Page n of m". The same data goes into the packet's JSON twin
// (docs/export-format.md).
import type { ChecklistItem, SignatureKind } from '../../../shared/signoff/checklist';
import type { DigestEntry } from '../../../shared/signoff/digest';
import { educationSection, type EducationSectionData } from './education';
import {
  CONTENT_WIDTH,
  createDoc,
  ensureSpace,
  facts,
  finish,
  FONT,
  footers,
  heading,
  INK,
  MUTED,
  PAGE,
  paragraph,
  RULE,
  table,
  tableStartHeight,
  WARN_FILL,
  WARN_INK,
  type Column,
  type Doc,
} from './base';

import { PACKET_FORMAT, PACKET_FORMAT_VERSION } from './formats';

export { PACKET_FORMAT, PACKET_FORMAT_VERSION } from './formats';

export interface PacketEntry extends DigestEntry {
  siteName: string | null;
  category: string | null;
}

export interface PacketSignatureBlock {
  kind: SignatureKind;
  signerName: string;
  signerCredentials: string;
  method: 'drawn' | 'typed' | 'paper';
  signedAt: string;
  /** PNG data URL of a drawn signature. */
  signaturePng: string | null;
}

/** Everything the packet shows; also the JSON twin's content (minus signature images). */
export interface PacketData {
  format: typeof PACKET_FORMAT;
  formatVersion: typeof PACKET_FORMAT_VERSION;
  generatedAt: string;
  candidate: { name: string; arrtId: string | null } | null;
  discipline: { code: string; name: string };
  requirementVersion: string;
  track: { id: number; name: string; startDate: string };
  /** The filter the packet was made with (null = not limited). */
  batch: { siteName: string | null; from: string | null; to: string | null; statuses: string[] | null };
  /** The first and last day of the entries in the packet (null when it has none). */
  period: { first: string | null; last: string | null };
  /** The sites of the entries in the packet, in the order they first appear. */
  siteNames: string[];
  /** ARRT's daily entry limit for the discipline (entries per day of performance). */
  dailyCap: number;
  /** Entries beyond the daily limit for their day (ARRT does not accept them); marked in the PDF. */
  overCapEntryIds: number[];
  /** What the candidate attests by signing the packet. */
  candidateAttestation: string;
  verifier: { name: string; credentials: string; arrtId: string | null; email: string | null } | null;
  checklist: ChecklistItem[];
  supervisorChecklist: ChecklistItem[];
  notes: string[];
  entries: PacketEntry[];
  digestFormat: number;
  /** SHA-256 (hex) of digestPayload(entries). */
  digest: string;
}

type Row = PacketEntry & { n: number; overCap: boolean };

/** The mark of an entry over the daily cap, on its row and in the legend. */
export const OVER_CAP_MARK = '▲';

const ALL_COLUMNS: Column<Row>[] = [
  { header: '#', align: 'right', cell: (r) => String(r.n) },
  { header: '', align: 'center', cell: (r) => (r.overCap ? OVER_CAP_MARK : ''), style: (r) => (r.overCap ? { color: WARN_INK, bold: true } : undefined) },
  { header: 'Date', cell: (r) => r.performedOn },
  { header: 'Time', cell: (r) => r.performedAt ?? '' },
  { header: 'Procedure', wrap: true, grow: 3, cell: (r) => r.procedureName },
  { header: 'Category', wrap: true, cell: (r) => r.category ?? '' },
  { header: 'Site', wrap: true, cell: (r) => r.siteName ?? '' },
  { header: 'Simulated', align: 'center', cell: (r) => (r.simulated ? 'Yes' : 'No') },
];

/**
 * The table's columns. A packet whose entries all come from one site names it once, as "Facility"
 * at the top, like a paper log, and one without simulated entries says so once ("Simulated: none"):
 * a column repeating one value (or none) on every row would only take the width the names need.
 */
function columnsFor(data: PacketData): Column<Row>[] {
  const show: Record<string, boolean> = {
    Site: data.siteNames.length > 1,
    Simulated: data.entries.some((e) => e.simulated),
    // No times logged, no category known (a list without procedures): an empty column says nothing.
    Time: data.entries.some((e) => e.performedAt),
    Category: data.entries.some((e) => e.category),
    // The over-cap mark's column.
    '': data.overCapEntryIds.length > 0,
  };
  return ALL_COLUMNS.filter((c) => show[c.header] ?? true);
}

/** "2026-06-01 to 2026-06-10", "2026-06-01" for one day; what the batch asked for when it is empty. */
export function periodText(data: Pick<PacketData, 'period' | 'batch'>): string {
  const { first, last } = data.period;
  if (first && last) return first === last ? first : `${first} to ${last}`;
  const { from, to } = data.batch;
  if (from && to) return `${from} to ${to} (no entries)`;
  if (from) return `from ${from} (no entries)`;
  if (to) return `until ${to} (no entries)`;
  return 'No entries';
}

function facilityText(data: PacketData): string {
  if (data.batch.siteName) return data.batch.siteName;
  if (data.siteNames.length === 1) return data.siteNames[0]!;
  if (data.siteNames.length === 0) return 'Not recorded';
  return `${data.siteNames.length} sites (see each entry)`;
}

function checkbox(doc: Doc, x: number, y: number, checked: boolean) {
  doc.rect(x, y, 9, 9).lineWidth(0.8).strokeColor(INK).stroke();
  if (checked) {
    doc.moveTo(x + 1.8, y + 4.8).lineTo(x + 3.8, y + 7.2).lineTo(x + 7.6, y + 1.8).lineWidth(1.3).stroke();
  }
}

const ITEM_INDENT = 16;

function itemHeight(doc: Doc, item: ChecklistItem): number {
  doc.font(FONT.regular).fontSize(9);
  return doc.heightOfString(`${item.label}: ${item.text}`, { width: CONTENT_WIDTH - ITEM_INDENT }) + doc.currentLineHeight(true) * 0.3;
}

function introHeight(doc: Doc, intro: string): number {
  doc.font(FONT.regular).fontSize(9);
  return doc.heightOfString(intro, { width: CONTENT_WIDTH }) + 6;
}

function checklistItems(doc: Doc, items: readonly ChecklistItem[], checked: boolean) {
  for (const item of items) {
    const y = doc.y;
    checkbox(doc, PAGE.margin, y + 1.5, checked);
    doc.font(FONT.bold).fontSize(9).fillColor(INK).text(`${item.label}: `, PAGE.margin + ITEM_INDENT, y, { continued: true, width: CONTENT_WIDTH - ITEM_INDENT });
    doc.font(FONT.regular).text(item.text);
    doc.moveDown(0.3);
  }
  doc.x = PAGE.margin;
}

const SIGNATURE_HEIGHT = 96;
const FACILITY_HEIGHT = 24;

/**
 * A signature block: signature and date lines, then printed name and credentials (pre-filled when
 * known, blank lines for ink otherwise), optionally a title / facility line.
 */
function signatureBlock(
  doc: Doc,
  person: { name: string; credentials: string } | null,
  sig: PacketSignatureBlock | undefined,
  withFacility: boolean,
  credentialsLabel = 'Credentials',
) {
  ensureSpace(doc, SIGNATURE_HEIGHT + (withFacility ? FACILITY_HEIGHT : 0));
  const top = doc.y;
  const lineY = top + 40;
  const sigX = PAGE.margin;
  const sigW = 290;
  const dateX = PAGE.margin + sigW + 24;
  const dateW = CONTENT_WIDTH - sigW - 24;
  if (sig?.signaturePng) {
    const png = Buffer.from(sig.signaturePng.replace(/^data:image\/png;base64,/, ''), 'base64');
    doc.image(png, sigX + 4, top, { fit: [sigW - 8, 38], valign: 'bottom' });
  } else if (sig) {
    doc.font(FONT.oblique).fontSize(17).fillColor(INK).text(sig.signerName, sigX + 4, lineY - 24, { width: sigW - 8, lineBreak: false, ellipsis: true });
  }
  if (sig) {
    doc.font(FONT.regular).fontSize(10).fillColor(INK).text(sig.signedAt.slice(0, 10), dateX + 4, lineY - 14, { width: dateW, lineBreak: false });
  }
  doc.moveTo(sigX, lineY).lineTo(sigX + sigW, lineY).lineWidth(0.7).strokeColor(INK).stroke();
  doc.moveTo(dateX, lineY).lineTo(dateX + dateW, lineY).stroke();
  doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
  const how = sig ? (sig.method === 'typed' ? ' (typed in RadLedger)' : sig.method === 'drawn' ? ' (drawn in RadLedger)' : ' (signed on paper)') : '';
  doc.text(`Signature${how}`, sigX, lineY + 3, { width: sigW, lineBreak: false });
  doc.text(sig ? `Date (signed ${sig.signedAt.replace('T', ' ').slice(0, 16)} UTC)` : 'Date', dateX, lineY + 3, { width: dateW, lineBreak: false });
  // Printed name and credentials: pre-filled when known, a blank line for ink otherwise.
  const nameY = lineY + 32;
  const name = sig?.signerName ?? person?.name ?? '';
  const creds = sig?.signerCredentials ?? person?.credentials ?? '';
  doc.font(FONT.regular).fontSize(10).fillColor(INK).text(name, sigX + 4, nameY - 14, { width: sigW - 8, lineBreak: false, ellipsis: true });
  doc.text(creds, dateX + 4, nameY - 14, { width: dateW - 4, lineBreak: false, ellipsis: true });
  doc.moveTo(sigX, nameY).lineTo(sigX + sigW, nameY).lineWidth(0.7).strokeColor(RULE).stroke();
  doc.moveTo(dateX, nameY).lineTo(dateX + dateW, nameY).stroke();
  doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED).text('Printed name', sigX, nameY + 3, { lineBreak: false });
  doc.text(credentialsLabel, dateX, nameY + 3, { lineBreak: false });
  let y = nameY + 14;
  if (withFacility) {
    y += 22;
    doc.moveTo(sigX, y).lineTo(sigX + sigW, y).lineWidth(0.7).strokeColor(RULE).stroke();
    doc.text('Title / facility', sigX, y + 3, { lineBreak: false });
    y += 12;
  }
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = y + 10;
}

/**
 * A signed section: heading, intro, checklist items, signature block, kept on one page together
 * (a signer sees what they sign next to the line they sign on).
 */
function signedSection(
  doc: Doc,
  title: string,
  intro: string,
  items: readonly ChecklistItem[],
  checked: boolean,
  sign: () => void,
  signHeight: number,
  after?: string,
) {
  const body = introHeight(doc, intro) + items.reduce((h, i) => h + itemHeight(doc, i), 0) + (after ? introHeight(doc, after) : 0);
  heading(doc, title, body + signHeight + 12);
  paragraph(doc, intro, { size: 9, color: MUTED });
  doc.moveDown(0.4);
  checklistItems(doc, items, checked);
  if (after) paragraph(doc, after, { font: FONT.oblique, size: 8.5, color: MUTED });
  doc.moveDown(0.6);
  sign();
}

export async function renderPacket(
  data: PacketData,
  signatures: { verifier?: PacketSignatureBlock | undefined; supervisor?: PacketSignatureBlock | undefined },
  createdAt: Date,
  /** Sections outside what the verifier signs (not in the digest or the JSON twin). */
  extras: { education?: EducationSectionData | null } = {},
): Promise<{ bytes: Buffer; pages: number }> {
  const doc = createDoc({
    title: `Verification packet: ${data.discipline.name}`,
    subject: `RadLedger packet digest ${data.digest}`,
    createdAt,
    // Machine-readable pointer for "Check a packet": hex of {digest, entryIds}, no escaping needed.
    extra: { RadLedgerPacket: Buffer.from(JSON.stringify({ digest: data.digest, entryIds: data.entries.map((e) => e.id) }), 'utf8').toString('hex') },
  });
  const candidateName = data.candidate?.name ?? '';
  const period = periodText(data);

  doc.font(FONT.bold).fontSize(16).fillColor(INK).text('Clinical Experience Verification Log', PAGE.margin, PAGE.margin);
  doc.moveDown(0.2);
  paragraph(
    doc,
    `ARRT post-primary clinical experience: procedures presented to the verifier for confirmation. Prepared by the candidate with RadLedger on ${data.generatedAt.slice(0, 10)}.`,
    { size: 9, color: MUTED },
  );
  doc.moveDown(0.7);
  const over = new Set(data.overCapEntryIds);
  const simulated = data.entries.filter((e) => e.simulated).length;
  facts(doc, [
    ['Candidate', candidateName || 'Name not entered'],
    ['ARRT ID', data.candidate?.arrtId ?? ''],
    ['Discipline', `${data.discipline.name} (${data.discipline.code})`],
    ['Dates', period],
    ['Facility', facilityText(data)],
    ['Entries', over.size > 0 ? `${data.entries.length}, ${over.size} over the daily limit (${OVER_CAP_MARK})` : String(data.entries.length)],
    ['Verifier', data.verifier ? [data.verifier.name, data.verifier.credentials].filter(Boolean).join(', ') : ''],
    ['Simulated', simulated === 0 ? 'none' : `${simulated} (see the Simulated column)`],
    ['Requirements', data.requirementVersion, 'wide'],
  ]);
  const columns = columnsFor(data);

  const rows: Row[] = data.entries.map((e, i) => ({ ...e, n: i + 1, overCap: over.has(e.id) }));
  heading(doc, 'Procedures', rows.length > 0 ? tableStartHeight(doc, columns, rows) : 20);
  if (rows.length === 0) paragraph(doc, 'No entries in this packet.');
  else {
    table(doc, columns, rows, {
      rowFill: (r) => (r.overCap ? WARN_FILL : null),
      onNewPage: () => {
        doc.font(FONT.regular).fontSize(8).fillColor(MUTED).text(
          `Verification log (continued): ${[candidateName, data.discipline.name, period].filter(Boolean).join(', ')}`,
          PAGE.margin,
          PAGE.margin,
          { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true },
        );
        return PAGE.margin + 16;
      },
    });
  }
  if (over.size > 0) {
    const n = over.size;
    paragraph(
      doc,
      `${OVER_CAP_MARK}  Over ARRT's daily limit: ARRT accepts at most ${data.dailyCap} ${data.discipline.code} entries per day of performance, ` +
        `counted in time order across all sites. ${n === 1 ? 'The marked entry was' : `The ${n} marked entries were`} performed beyond that limit on ` +
        `${n === 1 ? 'its' : 'their'} day and cannot be reported to ARRT; ${n === 1 ? 'it is' : 'they are'} listed so the log is complete.`,
      { size: 8.5, color: WARN_INK },
    );
  }

  // The digest sits above the signatures: what every signer signs includes it.
  const digestIntro =
    'SHA-256 of the listed entries (date, time, procedure, site, simulated). RadLedger\'s "Check a packet" recomputes it from the log: any later edit to these entries changes it.';
  heading(doc, 'Packet digest', introHeight(doc, digestIntro) + 16);
  paragraph(doc, digestIntro, { size: 8.5, color: MUTED });
  doc.moveDown(0.3);
  doc.font(FONT.mono).fontSize(8.5).fillColor(INK).text(data.digest, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineBreak: false });
  doc.x = PAGE.margin;
  doc.moveDown(0.4);

  const attestation = data.candidateAttestation;
  heading(doc, "Candidate's attestation", introHeight(doc, attestation) + SIGNATURE_HEIGHT);
  paragraph(doc, attestation, { size: 9 });
  doc.moveDown(0.6);
  signatureBlock(doc, data.candidate ? { name: data.candidate.name, credentials: data.candidate.arrtId ?? '' } : null, undefined, false, 'ARRT ID');

  signedSection(
    doc,
    'Verifier checklist',
    'By signing, the verifier confirms for every procedure listed above:',
    data.checklist,
    !!signatures.verifier,
    () => signatureBlock(doc, data.verifier, signatures.verifier, false),
    SIGNATURE_HEIGHT,
    data.notes.length > 0 ? data.notes.join(' ') : undefined,
  );
  signedSection(
    doc,
    'Clinical supervisor final approval',
    'After verification, the clinical supervisor at the facility confirms:',
    data.supervisorChecklist,
    !!signatures.supervisor,
    () => signatureBlock(doc, null, signatures.supervisor, true),
    SIGNATURE_HEIGHT + FACILITY_HEIGHT,
  );

  if (extras.education) {
    doc.addPage();
    educationSection(doc, extras.education);
    paragraph(doc, 'For information: structured education is not part of what the verifier signs above.', { font: FONT.oblique, size: 8.5, color: MUTED });
  }

  const pages = footers(doc, `Verification log, ${[candidateName, data.discipline.code, period].filter(Boolean).join(', ')}, digest ${data.digest.slice(0, 16)}`);
  return { bytes: await finish(doc), pages };
}
