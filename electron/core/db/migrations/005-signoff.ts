import type { Migration } from './types';

// Sign-off: verifiers and the sites they work at, signatures over exactly the entries they cover
// (digest + ids), scanned signed copies for the paper path, and the candidate's name for packets.
// A signature is never deleted or edited: an edit to a covered entry voids it when read (the digest
// no longer matches), and a new signature supersedes it.
export const m005Signoff: Migration = {
  version: 5,
  name: 'signoff',
  up(db) {
    db.exec(`
      CREATE TABLE verifiers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        credentials TEXT NOT NULL DEFAULT '',
        arrt_id TEXT,
        email TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;

      CREATE TABLE verifier_sites (
        verifier_id INTEGER NOT NULL REFERENCES verifiers(id) ON DELETE CASCADE,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        PRIMARY KEY (verifier_id, site_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE signatures (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('verifier', 'supervisor')),
        method TEXT NOT NULL CHECK (method IN ('drawn', 'typed', 'paper')),
        track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE RESTRICT,
        site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
        verifier_id INTEGER REFERENCES verifiers(id) ON DELETE SET NULL,
        -- As typed or as on the verifier record at signing time: kept even if the record changes.
        signer_name TEXT NOT NULL,
        signer_credentials TEXT NOT NULL DEFAULT '',
        -- PNG data URL of a drawn signature; NULL for typed and paper signatures.
        signature_png TEXT,
        -- The checklist items with their exact wording and whether each was attested.
        checklist_json TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        entries_digest TEXT NOT NULL,
        entry_ids_json TEXT NOT NULL
      ) STRICT;

      -- Which signatures cover an entry: the entry views read the newest one per entry.
      CREATE TABLE signature_entries (
        signature_id INTEGER NOT NULL REFERENCES signatures(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL,
        PRIMARY KEY (entry_id, signature_id)
      ) STRICT, WITHOUT ROWID;

      -- Paper path: the scanned signed packet, attached to the paper signature of its batch.
      CREATE TABLE paper_attachments (
        id INTEGER PRIMARY KEY,
        signature_id INTEGER NOT NULL UNIQUE REFERENCES signatures(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- One row: the candidate as named on packets (never a patient).
      CREATE TABLE candidate (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        arrt_id TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
