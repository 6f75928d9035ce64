// The verification packet: the paper log a supervisor expects. Candidate and discipline on top,
// a table of the entries (header repeated on every page), the verifier checklist, signature blocks
// (the drawn or typed signature where a valid signature covers exactly these entries, blank lines
// for wet ink otherwise), "Page n of m", and the packet's SHA-256 digest so anyone can check later
// that the log still matches it. The same data goes into the packet's JSON twin (docs/export-format.md).
import type { ChecklistItem, SignatureKind } from '../../../shared/signoff/checklist';
import type { DigestEntry } from '../../../shared/signoff/digest';
import { educationSection, type EducationSectionData } from './education';
import { CONTENT_WIDTH, createDoc, ensureSpace, facts, finish, footers, heading, INK, MUTED, PAGE, RULE, table, type Column } from './base';

export const PACKET_FORMAT = 'radledger-verification-packet';
export const PACKET_FORMAT_VERSION = 1;

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
  batch: { siteName: string | null; from: string | null; to: string | null; statuses: string[] | null };
  verifier: { name: string; credentials: string; arrtId: string | null; email: string | null } | null;
  checklist: ChecklistItem[];
  supervisorChecklist: ChecklistItem[];
  notes: string[];
  entries: PacketEntry[];
  digestFormat: number;
  /** SHA-256 (hex) of digestPayload(entries). */
  digest: string;
}

const COLUMNS: Column<PacketEntry & { n: number }>[] = [
  { header: '#', width: 24, align: 'right', cell: (r) => String(r.n) },
  { header: 'Date', width: 60, cell: (r) => r.performedOn },
  { header: 'Time', width: 36, cell: (r) => r.performedAt ?? '' },
  { header: 'Procedure', width: 0, cell: (r) => r.procedureName },
  { header: 'Category', width: 80, cell: (r) => r.category ?? '' },
  { header: 'Site', width: 92, cell: (r) => r.siteName ?? '' },
  { header: 'Simulated', width: 52, align: 'center', cell: (r) => (r.simulated ? 'Yes' : 'No') },
];
// The procedure column takes what the fixed columns leave.
COLUMNS[3]!.width = CONTENT_WIDTH - COLUMNS.reduce((s, c) => s + c.width, 0);

function dateRange(b: PacketData['batch']): string {
  if (b.from && b.to) return `${b.from} to ${b.to}`;
  if (b.from) return `from ${b.from}`;
  if (b.to) return `until ${b.to}`;
  return 'All dates';
}

function checkbox(doc: PDFKit.PDFDocument, x: number, y: number, checked: boolean) {
  doc.rect(x, y, 9, 9).lineWidth(0.8).strokeColor(INK).stroke();
  if (checked) {
    doc.moveTo(x + 1.8, y + 4.8).lineTo(x + 3.8, y + 7.2).lineTo(x + 7.6, y + 1.8).lineWidth(1.3).stroke();
  }
}

function checklistSection(doc: PDFKit.PDFDocument, title: string, intro: string, items: readonly ChecklistItem[], checked: boolean) {
  ensureSpace(doc, 40 + items.length * 26);
  heading(doc, title);
  doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(intro, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  for (const item of items) {
    const y = doc.y;
    checkbox(doc, PAGE.margin, y + 1, checked);
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(INK).text(`${item.label}: `, PAGE.margin + 16, y, { continued: true, width: CONTENT_WIDTH - 16 });
    doc.font('Helvetica').text(item.text);
    doc.moveDown(0.3);
  }
}

function signatureBlock(doc: PDFKit.PDFDocument, title: string, person: { name: string; credentials: string } | null, sig: PacketSignatureBlock | undefined, withFacility: boolean) {
  const height = withFacility ? 128 : 108;
  ensureSpace(doc, height);
  const top = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(title, PAGE.margin, top);
  const lineY = top + 58;
  const sigX = PAGE.margin;
  const sigW = 280;
  const dateX = PAGE.margin + sigW + 30;
  const dateW = CONTENT_WIDTH - sigW - 30;
  if (sig?.signaturePng) {
    const png = Buffer.from(sig.signaturePng.replace(/^data:image\/png;base64,/, ''), 'base64');
    doc.image(png, sigX + 4, top + 16, { fit: [sigW - 8, 40], valign: 'bottom' });
  } else if (sig) {
    doc.font('Times-Italic').fontSize(20).fillColor(INK).text(sig.signerName, sigX + 4, lineY - 26, { width: sigW - 8, lineBreak: false });
  }
  if (sig) {
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(sig.signedAt.slice(0, 10), dateX + 4, lineY - 14, { width: dateW, lineBreak: false });
  }
  doc.moveTo(sigX, lineY).lineTo(sigX + sigW, lineY).lineWidth(0.7).strokeColor(INK).stroke();
  doc.moveTo(dateX, lineY).lineTo(dateX + dateW, lineY).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  const how = sig ? (sig.method === 'typed' ? ' (typed in RadLedger)' : sig.method === 'drawn' ? ' (drawn in RadLedger)' : ' (signed on paper)') : '';
  doc.text(`Signature${how}`, sigX, lineY + 3, { width: sigW, lineBreak: false });
  doc.text(sig ? `Date (signed ${sig.signedAt.replace('T', ' ').slice(0, 16)} UTC)` : 'Date', dateX, lineY + 3, { width: dateW, lineBreak: false });
  // Printed name and credentials: pre-filled when known, a blank line for ink otherwise.
  const nameY = lineY + 34;
  const name = sig?.signerName ?? person?.name ?? '';
  const creds = sig?.signerCredentials ?? person?.credentials ?? '';
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(name, sigX + 4, nameY - 14, { width: sigW - 8, lineBreak: false });
  doc.text(creds, dateX + 4, nameY - 14, { width: dateW, lineBreak: false });
  doc.moveTo(sigX, nameY).lineTo(sigX + sigW, nameY).lineWidth(0.7).strokeColor(RULE).stroke();
  doc.moveTo(dateX, nameY).lineTo(dateX + dateW, nameY).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text('Printed name', sigX, nameY + 3, { lineBreak: false });
  doc.text('Credentials', dateX, nameY + 3, { lineBreak: false });
  let y = nameY + 16;
  if (withFacility) {
    y += 18;
    doc.moveTo(sigX, y).lineTo(sigX + sigW, y).lineWidth(0.7).strokeColor(RULE).stroke();
    doc.text('Title / facility', sigX, y + 3, { lineBreak: false });
    y += 14;
  }
  doc.fillColor(INK);
  doc.x = PAGE.margin;
  doc.y = y + 6;
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

  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text('Clinical Experience Verification Log', PAGE.margin, PAGE.margin);
  doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(
    `ARRT post-primary clinical experience: procedures presented to the verifier for confirmation. Prepared by the candidate with RadLedger on ${data.generatedAt.slice(0, 10)}.`,
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.7);
  facts(doc, [
    ['Candidate', data.candidate ? data.candidate.name : '(name not set)'],
    ['ARRT ID', data.candidate?.arrtId ?? ''],
    ['Discipline', `${data.discipline.name} (${data.discipline.code})`],
    ['Requirement version', data.requirementVersion],
    ['Facility', data.batch.siteName ?? 'All sites'],
    ['Dates', dateRange(data.batch)],
    ['Verifier', data.verifier ? [data.verifier.name, data.verifier.credentials].filter(Boolean).join(', ') : ''],
    ['Entries', String(data.entries.length)],
  ]);

  heading(doc, 'Procedures');
  table(
    doc,
    COLUMNS,
    data.entries.map((e, i) => ({ ...e, n: i + 1 })),
    {
      onNewPage: () => {
        doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(
          `Procedures (continued): ${data.candidate?.name ?? 'candidate'}, ${data.discipline.name}`,
          PAGE.margin,
          PAGE.margin,
        );
        return PAGE.margin + 16;
      },
    },
  );
  if (data.entries.length === 0) doc.font('Helvetica').fontSize(10).text('No entries in this batch.');

  // The digest sits above the signatures: what the verifier signs includes it.
  ensureSpace(doc, 64);
  heading(doc, 'Packet digest');
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED).text(
    'SHA-256 of the listed entries (date, time, procedure, site, simulated). RadLedger\'s "Check a packet" recomputes it from the log: any later edit to these entries changes it.',
    PAGE.margin,
    doc.y,
    { width: CONTENT_WIDTH },
  );
  doc.moveDown(0.3);
  doc.font('Courier').fontSize(9).fillColor(INK).text(data.digest, PAGE.margin, doc.y, { width: CONTENT_WIDTH, lineBreak: false });
  doc.x = PAGE.margin;
  doc.moveDown(0.4);

  checklistSection(
    doc,
    'Verifier checklist',
    'By signing, the verifier confirms for every procedure listed above:',
    data.checklist,
    !!signatures.verifier,
  );
  if (data.notes.length > 0) {
    doc.moveDown(0.2);
    doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED).text(data.notes.join(' '), PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  }
  doc.moveDown(0.8);
  signatureBlock(doc, 'Verifier', data.verifier, signatures.verifier, false);

  checklistSection(doc, 'Clinical supervisor final approval', 'After verification, the clinical supervisor at the facility confirms:', data.supervisorChecklist, !!signatures.supervisor);
  doc.moveDown(0.8);
  signatureBlock(doc, 'Clinical supervisor', null, signatures.supervisor, true);

  if (extras.education) {
    doc.addPage();
    educationSection(doc, extras.education);
    doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED).text('For information: structured education is not part of what the verifier signs above.', PAGE.margin, doc.y + 4, { width: CONTENT_WIDTH });
  }

  const pages = footers(doc, `Verification packet, ${data.discipline.code}, digest ${data.digest.slice(0, 16)}`);
  return { bytes: await finish(doc), pages };
}
