// The outreach contact log: one row per call, email or visit, with the next follow-up it sets.
import type { ContactChannel, SiteContact } from '../../../shared/sites/types';
import type { DB } from '../db/open';

interface ContactRow {
  id: number;
  site_id: number;
  contacted_on: string;
  person: string;
  role: string;
  channel: string;
  outcome: string;
  next_follow_up_on: string | null;
  follow_up_done_on: string | null;
  created_at: string;
}

function toContact(r: ContactRow): SiteContact {
  return {
    id: r.id,
    siteId: r.site_id,
    contactedOn: r.contacted_on,
    person: r.person,
    role: r.role,
    channel: r.channel as ContactChannel,
    outcome: r.outcome,
    nextFollowUpOn: r.next_follow_up_on,
    followUpDoneOn: r.follow_up_done_on,
    createdAt: r.created_at,
  };
}

export interface NewContact {
  siteId: number;
  contactedOn: string;
  person: string;
  role: string;
  channel: ContactChannel;
  outcome: string;
  nextFollowUpOn: string | null;
}

export function insertContact(db: DB, c: NewContact, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO site_contacts (site_id, contacted_on, person, role, channel, outcome, next_follow_up_on, created_at)
         VALUES (@siteId, @contactedOn, @person, @role, @channel, @outcome, @nextFollowUpOn, @now)`,
      )
      .run({ ...c, now }).lastInsertRowid,
  );
}

export function getContact(db: DB, id: number): SiteContact | undefined {
  const row = db.prepare('SELECT * FROM site_contacts WHERE id = ?').get(id) as ContactRow | undefined;
  return row && toContact(row);
}

/** Newest first: the log reads like a conversation history. */
export function listContacts(db: DB, siteId: number): SiteContact[] {
  return (
    db.prepare('SELECT * FROM site_contacts WHERE site_id = ? ORDER BY contacted_on DESC, id DESC').all(siteId) as ContactRow[]
  ).map(toContact);
}

export function listAllContacts(db: DB): SiteContact[] {
  return (db.prepare('SELECT * FROM site_contacts ORDER BY site_id, contacted_on, id').all() as ContactRow[]).map(toContact);
}

export function markFollowUpDone(db: DB, id: number, today: string): void {
  db.prepare('UPDATE site_contacts SET follow_up_done_on = ? WHERE id = ?').run(today, id);
}
