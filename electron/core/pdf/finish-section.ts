// The progress report's "Finish date" section: the one finish date the app shows everywhere, with
// its basis (the pace of the log, or the accepted plan). Self-contained so the report's layout can
// change around it; it uses the body font `heading` leaves set.
import { CONTENT_WIDTH, heading, INK, MUTED, PAGE } from './base';

export interface FinishSectionData {
  basis: 'pace' | 'plan' | 'done' | 'none';
  date: string | null;
  message: string;
}

const BASIS_TEXT: Record<FinishSectionData['basis'], string> = {
  pace: 'Basis: the pace of the log.',
  plan: 'Basis: the accepted rotation plan (the log has too little history for a pace yet).',
  done: 'Every requirement is met.',
  none: 'No finish date yet.',
};

export function finishSection(doc: PDFKit.PDFDocument, finish: FinishSectionData): void {
  heading(doc, 'Finish date');
  if (finish.date) doc.fontSize(13).fillColor(INK).text(finish.date, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.fontSize(9.5).fillColor(INK).text(finish.message, PAGE.margin, doc.y + 2, { width: CONTENT_WIDTH });
  doc.fontSize(8.5).fillColor(MUTED).text(BASIS_TEXT[finish.basis], PAGE.margin, doc.y + 2, { width: CONTENT_WIDTH });
  doc.fillColor(INK);
}
