// Worksheet PDFs generated with pdfkit in an ARRT-like layout, for the worksheet import tests:
//   tableWorksheetPdf()      a requirements table over two pages (running header, repeated table
//                            header, check-mark columns, "Page n of 2" footer)
//   twoColumnWorksheetPdf()  two independent tables side by side
//   scannedWorksheetPdf()    an image only (a scan): no text at all
// The numbers are test data, not ARRT's.
import PDFDocument from 'pdfkit';
import { crc32, deflateSync } from 'node:zlib';

export interface FixtureRow {
  category: string;
  name: string;
  repetitions: number;
  kind: 'mandatory' | 'elective';
}

/** 24 procedures in 4 categories; the table breaks after row 14, in the middle of CHEST. */
export const TABLE_ROWS: FixtureRow[] = [
  ...['Routine head', 'Temporal bone', 'Orbits', 'Sinuses', 'Facial bones', 'Brain perfusion'].map((name, i) => ({
    category: 'HEAD',
    name,
    repetitions: [15, 5, 5, 10, 5, 3][i]!,
    kind: (i < 2 || i === 3 ? 'mandatory' : 'elective') as FixtureRow['kind'],
  })),
  ...['Soft tissue neck', 'CT angiography neck', 'Larynx'].map((name, i) => ({ category: 'NECK', name, repetitions: [10, 5, 3][i]!, kind: (i === 0 ? 'mandatory' : 'elective') as FixtureRow['kind'] })),
  ...['Routine chest', 'High resolution chest', 'CT angiography chest', 'Low-dose lung screening', 'Cardiac calcium scoring', 'Chest biopsy guidance'].map((name, i) => ({
    category: 'CHEST',
    name,
    repetitions: [15, 5, 10, 5, 3, 3][i]!,
    kind: (i < 3 ? 'mandatory' : 'elective') as FixtureRow['kind'],
  })),
  ...['Routine abdomen and pelvis', 'Liver multiphase', 'Renal stone protocol', 'Pancreas', 'CT enterography', 'Adrenals', 'CT colonography', 'Abdominal biopsy guidance', 'Virtual cystoscopy'].map(
    (name, i) => ({ category: 'ABDOMEN AND PELVIS', name, repetitions: [15, 5, 10, 5, 3, 3, 3, 3, 3][i]!, kind: (i < 3 ? 'mandatory' : 'elective') as FixtureRow['kind'] }),
  ),
];

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

const COLS = { name: 72, reps: 330, mandatory: 410, elective: 480 };

function pageFrame(doc: PDFKit.PDFDocument, page: number, pages: number) {
  doc.font('Helvetica').fontSize(8).fillColor('#444').text('Post-primary certification · Clinical experience requirements (test fixture)', 72, 40, { lineBreak: false });
  doc.text(`Page ${page} of ${pages}`, 500, 750, { lineBreak: false });
  doc.fillColor('black');
}

function tableHeader(doc: PDFKit.PDFDocument, y: number) {
  doc.font('Helvetica-Bold').fontSize(10);
  doc.text('Procedure', COLS.name, y, { lineBreak: false });
  doc.text('Repetitions', COLS.reps, y, { lineBreak: false });
  doc.text('Mandatory', COLS.mandatory, y, { lineBreak: false });
  doc.text('Elective', COLS.elective, y, { lineBreak: false });
  doc.moveTo(72, y + 14).lineTo(540, y + 14).stroke();
  doc.font('Helvetica');
}

export async function tableWorksheetPdf(rows: FixtureRow[] = TABLE_ROWS, breakAfter = 14): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: 'Clinical experience requirements (test fixture)' } });
  const out = collect(doc);
  pageFrame(doc, 1, 2);
  doc.font('Helvetica-Bold').fontSize(15).text('Computed Tomography', 72, 72, { lineBreak: false });
  doc.font('Helvetica').fontSize(10).text('Clinical Experience Requirements', 72, 92, { lineBreak: false });
  doc.text('Document each procedure with the date and the verifying technologist.', 72, 112, { lineBreak: false });
  let y = 140;
  tableHeader(doc, y);
  y += 22;
  let category = '';
  rows.forEach((r, i) => {
    if (i === breakAfter) {
      doc.addPage();
      pageFrame(doc, 2, 2);
      y = 80;
      tableHeader(doc, y);
      y += 22;
    }
    if (r.category !== category) {
      category = r.category;
      doc.font('Helvetica-Bold').fontSize(10).text(category, COLS.name, y, { lineBreak: false });
      doc.font('Helvetica');
      y += 18;
    }
    doc.fontSize(10).text(r.name, COLS.name + 8, y, { lineBreak: false });
    doc.text(String(r.repetitions), COLS.reps + 20, y, { lineBreak: false });
    doc.text('X', r.kind === 'mandatory' ? COLS.mandatory + 18 : COLS.elective + 14, y, { lineBreak: false });
    y += 16;
  });
  doc.font('Helvetica-Bold').text('Total', COLS.name, y + 10, { lineBreak: false }).text('180', COLS.reps + 20, y + 10, { lineBreak: false });
  doc.end();
  return out;
}

/** Two tables side by side: HEAD and NECK on the left, CHEST on the right; kinds written out. */
export async function twoColumnWorksheetPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
  const out = collect(doc);
  doc.font('Helvetica-Bold').fontSize(14).text('Magnetic Resonance Imaging — Clinical Experience Requirements', 54, 54, { lineBreak: false });
  const columns: Array<{ x: number; groups: Array<[string, Array<[string, number, string]>]> }> = [
    {
      x: 54,
      groups: [
        ['HEAD', [['Brain routine', 10, 'Mandatory'], ['Pituitary', 3, 'Elective'], ['Internal auditory canals', 3, 'Elective']]],
        ['NECK', [['Soft tissue neck', 5, 'Mandatory'], ['MR angiography neck', 5, 'Elective']]],
      ],
    },
    {
      x: 320,
      groups: [['SPINE', [['Cervical spine', 10, 'Mandatory'], ['Thoracic spine', 5, 'Mandatory'], ['Lumbar spine', 10, 'Mandatory'], ['Sacrum', 3, 'Elective']]]],
    },
  ];
  for (const col of columns) {
    let y = 96;
    for (const [name, rows] of col.groups) {
      doc.font('Helvetica-Bold').fontSize(10).text(name, col.x, y, { lineBreak: false });
      y += 16;
      doc.font('Helvetica');
      for (const [proc, reps, kind] of rows) {
        doc.text(proc, col.x, y, { lineBreak: false });
        doc.text(String(reps), col.x + 150, y, { lineBreak: false });
        doc.text(kind, col.x + 180, y, { lineBreak: false });
        y += 15;
      }
      y += 8;
    }
  }
  doc.end();
  return out;
}

/** A grey "scan" as a PNG, drawn with zlib (no image library). */
function scanPng(width = 200, height = 260): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = y % 12 < 2 && x > 20 && x < 180 ? 90 : 235;
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export async function scannedWorksheetPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0 });
  const out = collect(doc);
  doc.image(scanPng(), 40, 40, { width: 532 });
  doc.end();
  return out;
}
