// Checking a whole sheet and writing it: every row is checked before anything is written; the
// write is one transaction with prepared statements (all rows or none).
import { createHash, randomUUID } from 'node:crypto';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS, type ImportCheck, type ImportMapping } from '../../../shared/ipc/import';
import { detectPhi, phiWarningMessage } from '../../../shared/phi';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { DB } from '../db/open';
import { checkRow, type ImportedEntry, type ImportTarget } from './rows';
import type { Sheet } from './table';

export function assertMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const issues: FieldIssue[] = [];
  const used = new Map<number, string>();
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field];
    if (col === null) {
      if (REQUIRED_IMPORT_FIELDS.includes(field)) issues.push({ path: `mapping.${field}`, message: `Choose the column that holds the ${IMPORT_FIELD_LABELS[field].toLowerCase()}.` });
      continue;
    }
    if (col >= headers.length) issues.push({ path: `mapping.${field}`, message: 'That column is not in the file.' });
    const other = used.get(col);
    if (other) issues.push({ path: `mapping.${field}`, message: `That column is already used for ${other}.` });
    used.set(col, IMPORT_FIELD_LABELS[field]);
  }
  if (issues.length) throw new AppFailure('validation', issues.map((i) => i.message).join(' '), issues);
}

/** Same track, date, time, procedure and site (the last two without regard to case). */
export function duplicateKey(date: string, time: string | null, procedure: string, site: string | null): string {
  return `${date}\u001f${time ?? ''}\u001f${procedure.trim().toLowerCase()}\u001f${(site ?? '').trim().toLowerCase()}`;
}

function existingKeys(db: DB, trackId: number): Set<string> {
  const rows = db
    .prepare(
      `SELECT e.performed_on AS d, e.performed_at AS t, e.procedure_name AS p, s.name AS s
       FROM entries e LEFT JOIN sites s ON s.id = e.site_id
       WHERE e.track_id = ? AND e.deleted_at IS NULL`,
    )
    .raw()
    .all(trackId) as Array<[string, string | null, string, string | null]>;
  return new Set(rows.map(([d, t, p, s]) => duplicateKey(d, t, p, s)));
}

export interface CheckedSheet extends ImportCheck {
  entries: ImportedEntry[];
  duplicateLines: Set<number>;
}

export function checkSheet(db: DB, sheet: Sheet, mapping: ImportMapping, target: ImportTarget): CheckedSheet {
  assertMapping(mapping, sheet.headers);
  const entries: ImportedEntry[] = [];
  const problems: ImportCheck['problems'] = [];
  for (const row of sheet.rows) {
    const r = checkRow(row, mapping, target);
    if (r.ok) entries.push(r.entry);
    else problems.push({ line: r.line, messages: r.messages });
  }
  const existing = existingKeys(db, target.trackId);
  const duplicates: ImportCheck['duplicates'] = [];
  const duplicateLines = new Set<number>();
  for (const e of entries) {
    if (!existing.has(duplicateKey(e.performedOn, e.performedAt, e.procedureName, e.siteName))) continue;
    duplicateLines.add(e.line);
    duplicates.push({
      line: e.line,
      summary: [e.performedOn + (e.performedAt ? ` ${e.performedAt}` : ''), e.procedureName, e.siteName].filter(Boolean).join(' · '),
    });
  }
  // The quick log's PHI guard, per row: a warning, never a refusal (the user decides).
  const phi: ImportCheck['phi'] = [];
  for (const e of entries) {
    if (!e.notes) continue;
    const findings = detectPhi(e.notes);
    if (findings.length) phi.push({ line: e.line, messages: [phiWarningMessage(findings)] });
  }
  return { rowCount: sheet.rows.length, valid: entries.length, problems, duplicates, phi, entries, duplicateLines };
}

export function problemsFailure(problems: ImportCheck['problems']): AppFailure {
  const n = problems.length;
  return new AppFailure(
    'validation',
    `${n} ${n === 1 ? 'row has a problem' : 'rows have problems'}, so nothing was imported. Fix ${n === 1 ? 'it' : 'them'} in the file and import again.`,
    problems.map((p) => ({ path: `rows.${p.line}`, message: `Row ${p.line}: ${p.messages.join(' ')}` })),
  );
}

/**
 * Writes the entries in one transaction. One audit row records the whole import (file hash, rows,
 * id range) rather than one per entry: hashing 100k audit rows would triple the import time, and
 * the id range names every entry the import created.
 */
export function insertEntries(
  db: DB,
  entries: readonly ImportedEntry[],
  meta: { trackId: number; fileName: string; fileSha256: string; now: string },
): { firstId: number | null; lastId: number | null } {
  return db.transaction(() => {
    const siteIds = new Map<string, number>();
    for (const s of db.prepare('SELECT id, name FROM sites').all() as Array<{ id: number; name: string }>) siteIds.set(s.name.toLowerCase(), s.id);
    const insertSite = db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)');
    const insert = db.prepare(
      `INSERT INTO entries (uuid, track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, patient_marker, simulated, notes, status,
                            created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Each imported entry is its own (anonymous) patient, as a quick-log entry without "same patient".
    let marker = (db.prepare('SELECT coalesce(max(patient_marker), 0) FROM entries').pluck().get() as number) + 1;
    let firstId: number | null = null;
    let lastId: number | null = null;
    for (const e of entries) {
      let siteId: number | null = null;
      if (e.siteName) {
        const key = e.siteName.toLowerCase();
        siteId = siteIds.get(key) ?? null;
        if (siteId === null) {
          siteId = Number(insertSite.run(e.siteName, meta.now, meta.now).lastInsertRowid);
          siteIds.set(key, siteId);
        }
      }
      const id = Number(
        insert.run(randomUUID(), meta.trackId, e.performedOn, e.performedAt, e.procedureId, e.procedureName, siteId, marker++, e.simulated ? 1 : 0, e.notes, e.status, meta.now, meta.now)
          .lastInsertRowid,
      );
      firstId ??= id;
      lastId = id;
    }
    if (firstId !== null) {
      appendAudit(db, meta.now, 'import', firstId, 'create', null, {
        fileName: meta.fileName,
        fileSha256: meta.fileSha256,
        trackId: meta.trackId,
        entries: entries.length,
        firstEntryId: firstId,
        lastEntryId: lastId,
      });
    }
    return { firstId, lastId };
  })();
}

export const sha256Bytes = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
