import type { Migration } from './types';

// Attachment names per reference. An `attachments` row is one stored content (its sha256 is
// UNIQUE), so the same bytes attached to two wallet items or two education activities share it,
// and its `original_name` is the first upload's. Each reference now keeps the name it was attached
// under; the app reads COALESCE(attachment_name, attachments.original_name). Existing references
// are filled from their attachment row, so every item keeps the name it showed before. Review-form
// evidence (`review_forms.evidence_name`) and paper scans (`paper_attachments.file_name`) already
// keep their own names and do not reference `attachments`. No CHECK on the column: it holds the
// names the attachments table held, whatever an older release accepted.
export const m014AttachmentNames: Migration = {
  version: 14,
  name: 'attachment-names',
  up(db) {
    db.exec(`
      ALTER TABLE compliance_items ADD COLUMN attachment_name TEXT;
      ALTER TABLE education_activities ADD COLUMN attachment_name TEXT;
      UPDATE compliance_items SET attachment_name = (SELECT original_name FROM attachments a WHERE a.id = attachment_id)
        WHERE attachment_id IS NOT NULL;
      UPDATE education_activities SET attachment_name = (SELECT original_name FROM attachments a WHERE a.id = attachment_id)
        WHERE attachment_id IS NOT NULL;
    `);
  },
};
