import type { Migration } from './types';

// Sites grow from a bare name (what the log remembers) into the outreach record: kind, travel,
// affiliation, pipeline status, the procedures a site offers, the contact log, and the compliance
// wallet with its attachments and each site's requirements.
//
// Sites that already exist were created by logging entries there, so they default to 'active'
// (the user has worked there); the Sites page creates new ones as prospects explicitly.
export const m004Sites: Migration = {
  version: 4,
  name: 'sites',
  up(db) {
    db.exec(`
      ALTER TABLE sites ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('hospital', 'imaging-center', 'large-clinic', 'other'));
      ALTER TABLE sites ADD COLUMN location TEXT NOT NULL DEFAULT '';
      ALTER TABLE sites ADD COLUMN travel_minutes INTEGER CHECK (travel_minutes IS NULL OR travel_minutes >= 0);
      ALTER TABLE sites ADD COLUMN affiliation TEXT
        CHECK (affiliation IS NULL OR affiliation IN ('employer', 'educational-program', 'other-provider'));
      ALTER TABLE sites ADD COLUMN modalities_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE sites ADD COLUMN equipment TEXT NOT NULL DEFAULT '';
      ALTER TABLE sites ADD COLUMN cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents >= 0);
      ALTER TABLE sites ADD COLUMN housing TEXT NOT NULL DEFAULT '';
      ALTER TABLE sites ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE sites ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('prospect', 'contacted', 'follow-up', 'agreed', 'active', 'ended', 'declined'));
      ALTER TABLE sites ADD COLUMN declined_reason TEXT;

      CREATE TABLE site_procedures (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        procedure_id TEXT,
        UNIQUE (site_id, name)
      ) STRICT;

      CREATE TABLE site_contacts (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        contacted_on TEXT NOT NULL,
        person TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'in-person', 'letter', 'other')),
        outcome TEXT NOT NULL DEFAULT '',
        next_follow_up_on TEXT CHECK (next_follow_up_on IS NULL OR next_follow_up_on >= contacted_on),
        follow_up_done_on TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX site_contacts_site ON site_contacts (site_id, contacted_on, id);

      -- Files live in <dataDir>/attachments/<sha256>.<ext>; one row per distinct content.
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        original_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE compliance_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('hipaa', 'liability-insurance', 'immunization', 'bls-cpr',
                                           'background-check', 'drug-screen', 'custom')),
        label TEXT NOT NULL DEFAULT '',
        issued_on TEXT,
        expires_on TEXT CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on),
        hipaa_source TEXT
          CHECK (hipaa_source IS NULL OR hipaa_source IN ('employer', 'clinical-facility', 'educational-program', 'online', 'other')),
        insurance_coverage TEXT
          CHECK (insurance_coverage IS NULL OR insurance_coverage IN ('employer', 'own-policy', 'educational-program')),
        insurer TEXT NOT NULL DEFAULT '',
        policy_number TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        attachment_id INTEGER REFERENCES attachments(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE site_requirements (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('hipaa', 'liability-insurance', 'immunization', 'bls-cpr',
                                           'background-check', 'drug-screen', 'custom')),
        label TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
        UNIQUE (site_id, kind, label)
      ) STRICT;

      -- Site variety groups live entries by site.
      CREATE INDEX entries_site ON entries (site_id, procedure_id, procedure_name) WHERE deleted_at IS NULL;
    `);
  },
};
