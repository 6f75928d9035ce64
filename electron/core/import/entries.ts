// Checking a whole sheet and writing it: every row is checked before anything is written; the
// write is one transaction (all rows or none), made in chunks so the UI can show progress, and it
// becomes an import record whose entries carry its id (undo deletes exactly those).
import { createHash, randomUUID } from 'node:crypto';
import type { Track } from '../../../shared/domain';
import { detectDateOrder, readDateCell } from '../../../shared/import/dates';
import { NEAR_DUPLICATE, suggestNames } from '../../../shared/import/names';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  type ImportCheck,
  type ImportMapping,
  type ImportProcedureName,
  type ImportSiteName,
  type ImportVerifierName,
} from '../../../shared/ipc/import';
import { detectPhi, phiWarningMessage, redactPhi } from '../../../shared/phi';
import { AppFailure, type FieldIssue } from '../../../shared/result';
import { appendAudit } from '../audit';
import type { DB } from '../db/open';
import { countOnDay } from '../tables/entries';
import { dailyCap } from '../services/track-catalog';
import { checkRow, isSummaryRow, type ImportedEntry, type ImportTarget } from './rows';
import type { Sheet, SheetRow } from './table';

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

/** How many live entries of the track have each key: a multiset, so duplicates are counted, not just seen. */
function existingKeys(db: DB, trackId: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT e.performed_on AS d, e.performed_at AS t, e.procedure_name AS p, s.name AS s
       FROM entries e LEFT JOIN sites s ON s.id = e.site_id
       WHERE e.track_id = ? AND e.deleted_at IS NULL`,
    )
    .raw()
    .all(trackId) as Array<[string, string | null, string, string | null]>;
  const out = new Map<string, number>();
  for (const [d, t, p, s] of rows) {
    const k = duplicateKey(d, t, p, s);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

const key = (name: string) => name.trim().toLowerCase();

export interface ImportChoices {
  mapping: ImportMapping;
  dateOrder: ImportTarget['dateOrder'];
  procedureMap: Record<string, string>;
  siteMap: Record<string, string>;
  skipDuplicates: boolean;
  moveTrackStart: boolean;
}

export interface ImportBase {
  track: Track;
  today: string;
  /** The track's catalog procedures (empty: no list). */
  catalog: Array<{ id: string; name: string; category: string }>;
  catalogIsBinding: boolean;
}

export interface CheckedSheet extends ImportCheck {
  entries: ImportedEntry[];
  /** The entries the commit writes (duplicates left out when skipping them). */
  toWrite: ImportedEntry[];
  /** Explicit choices worth remembering for the next import. */
  remember: { procedures: Array<{ source: string; id: string; name: string }>; sites: Array<{ source: string; target: string }> };
}

interface Remembered {
  procedures: Map<string, { id: string; name: string }>;
  sites: Map<string, string>;
}

function remembered(db: DB, discipline: string): Remembered {
  const rows = db
    .prepare(`SELECT kind, source, target_id, target_name FROM import_name_maps WHERE (kind = 'procedure' AND scope = ?) OR kind = 'site'`)
    .all(discipline) as Array<{ kind: string; source: string; target_id: string | null; target_name: string }>;
  const out: Remembered = { procedures: new Map(), sites: new Map() };
  for (const r of rows) {
    if (r.kind === 'procedure' && r.target_id) out.procedures.set(key(r.source), { id: r.target_id, name: r.target_name });
    if (r.kind === 'site') out.sites.set(key(r.source), r.target_name);
  }
  return out;
}

function cellOf(cells: string[], col: number | null): string {
  return col === null ? '' : (cells[col] ?? '').trim();
}

/** Counts each distinct (case-insensitive) value of a column, keeping its first spelling. */
function distinctValues(rows: readonly SheetRow[], col: number | null): Array<{ name: string; rows: number }> {
  const out = new Map<string, { name: string; rows: number }>();
  if (col === null) return [];
  for (const r of rows) {
    const v = cellOf(r.cells, col);
    if (v === '') continue;
    const k = key(v);
    const hit = out.get(k);
    if (hit) hit.rows++;
    else out.set(k, { name: v, rows: 1 });
  }
  return [...out.values()];
}

const SAMPLE_ROWS = 8;

export function checkSheet(db: DB, sheet: Sheet, choices: ImportChoices, base: ImportBase): CheckedSheet {
  const { mapping } = choices;
  assertMapping(mapping, sheet.headers);
  const memory = remembered(db, base.track.discipline);
  const detection = detectDateOrder(mapping.date === null ? [] : sheet.rows.map((r) => r.cells[mapping.date!] ?? ''));
  const dateOrder = choices.dateOrder ?? detection.order;
  const dataRows = sheet.rows.filter((r) => !isSummaryRow(r, mapping, dateOrder));
  const catalogById = new Map(base.catalog.map((p) => [p.id, p]));
  const catalogByName = new Map(base.catalog.map((p) => [key(p.name), p]));

  // Procedure names: the user's choice, else a remembered one, else the catalog's own spelling.
  const procedureTarget = new Map<string, { id: string; name: string } | null>();
  const procedureRemembered = new Set<string>();
  const remember: CheckedSheet['remember'] = { procedures: [], sites: [] };
  const procedureNames = distinctValues(dataRows, mapping.procedure);
  for (const { name } of procedureNames) {
    const k = key(name);
    const chosen = choices.procedureMap[k];
    let target: { id: string; name: string } | null = null;
    if (chosen !== undefined) {
      const p = chosen === '' ? undefined : catalogById.get(chosen);
      target = p ? { id: p.id, name: p.name } : null;
      if (p && key(p.name) !== k) remember.procedures.push({ source: name, id: p.id, name: p.name });
    } else if (catalogByName.has(k)) {
      const p = catalogByName.get(k)!;
      target = { id: p.id, name: p.name };
    } else {
      const m = memory.procedures.get(k);
      if (m && catalogById.has(m.id)) {
        target = { id: m.id, name: catalogById.get(m.id)!.name };
        procedureRemembered.add(k);
      }
    }
    procedureTarget.set(k, target);
  }

  const siteTarget = (name: string) => {
    const k = key(name);
    const chosen = choices.siteMap[k];
    if (chosen !== undefined) return chosen === '' ? name : chosen; // '' = keep it a site of its own
    return memory.sites.get(k) ?? name;
  };
  for (const [k, target] of Object.entries(choices.siteMap)) {
    if (target !== '' && key(target) !== k) remember.sites.push({ source: k, target });
  }

  const target: ImportTarget = {
    trackId: base.track.id,
    trackName: base.track.name,
    trackStart: base.track.startDate,
    today: base.today,
    dateOrder,
    moveTrackStart: choices.moveTrackStart,
    resolveProcedure: (name) => {
      const t = procedureTarget.get(key(name));
      if (t) return t;
      return base.catalog.length > 0 && base.catalogIsBinding ? null : { id: null, name: name.trim() };
    },
    resolveSite: siteTarget,
  };

  const entries: ImportedEntry[] = [];
  const problems: ImportCheck['problems'] = [];
  const summaryRows: ImportCheck['summaryRows'] = [];
  let beforeStart = 0;
  let earliest: string | null = null;
  for (const row of sheet.rows) {
    const r = checkRow(row, mapping, target);
    if (r.kind === 'summary') {
      summaryRows.push({ line: r.line, text: r.text });
      continue;
    }
    const before = r.kind === 'ok' ? (r.entry.performedOn < base.track.startDate ? r.entry.performedOn : null) : r.beforeStart;
    if (before) {
      beforeStart++;
      if (earliest === null || before < earliest) earliest = before;
    }
    if (r.kind === 'ok') entries.push(r.entry);
    else problems.push({ line: r.line, messages: r.messages });
  }

  // Duplicates by multiplicity: each existing entry matches at most one row of the file.
  const existing = existingKeys(db, base.track.id);
  const duplicates: ImportCheck['duplicates'] = [];
  const duplicateLines = new Set<number>();
  for (const e of entries) {
    const k = duplicateKey(e.performedOn, e.performedAt, e.procedureName, e.siteName);
    const left = existing.get(k) ?? 0;
    if (left === 0) continue;
    existing.set(k, left - 1);
    duplicateLines.add(e.line);
    duplicates.push({
      line: e.line,
      summary: [e.performedOn + (e.performedAt ? ` ${e.performedAt}` : ''), e.procedureName, e.siteName].filter(Boolean).join(' · '),
    });
  }
  const toWrite = choices.skipDuplicates ? entries.filter((e) => !duplicateLines.has(e.line)) : entries;

  // The quick log's PHI guard, per row: the commit needs each flagged row cleaned or confirmed.
  const phi: ImportCheck['phi'] = [];
  for (const e of toWrite) {
    if (!e.notes) continue;
    const findings = detectPhi(e.notes);
    if (findings.length) phi.push({ line: e.line, message: phiWarningMessage(findings), notes: e.notes, cleaned: redactPhi(e.notes) });
  }

  // Days over the daily limit (the quick log's: the track's list, else ARRT's) once these rows are
  // added to what the track already holds.
  const overCapDays: ImportCheck['overCapDays'] = [];
  const perDay = new Map<string, number>();
  for (const e of toWrite) perDay.set(e.performedOn, (perDay.get(e.performedOn) ?? 0) + 1);
  for (const [date, n] of [...perDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { cap, source } = dailyCap(db, base.track, date);
    if (cap === null || source === null) continue;
    const count = n + countOnDay(db, base.track.id, date);
    if (count > cap) overCapDays.push({ date, count, cap, source });
  }

  const procedures: ImportProcedureName[] = procedureNames.map(({ name, rows }) => {
    const k = key(name);
    const mapped = procedureTarget.get(k) ?? null;
    return {
      name,
      rows,
      mappedTo: mapped,
      remembered: procedureRemembered.has(k),
      suggestions: mapped
        ? []
        : suggestNames(name, base.catalog, (p) => p.name, { min: 0.4, limit: 3 }).map((s) => ({ id: s.item.id, name: s.item.name, score: Math.round(s.score * 100) / 100 })),
    };
  });

  const knownSites = db.prepare('SELECT name FROM sites ORDER BY name').pluck().all() as string[];
  const knownSiteKeys = new Set(knownSites.map(key));
  const fileSites = distinctValues(dataRows, mapping.site).sort((a, b) => b.rows - a.rows);
  const sites: ImportSiteName[] = fileSites.map(({ name, rows }, i) => {
    const t = siteTarget(name);
    const isExisting = knownSiteKeys.has(key(t));
    let suggestion: string | null = null;
    if (!isExisting) {
      const pool = [...knownSites, ...fileSites.slice(0, i).map((s) => siteTarget(s.name))].filter((s) => key(s) !== key(t));
      suggestion = suggestNames(t, pool, (s) => s, { min: NEAR_DUPLICATE, limit: 1 })[0]?.item ?? null;
    }
    return { name, rows, target: t, existing: isExisting, remembered: choices.siteMap[key(name)] === undefined && memory.sites.has(key(name)), suggestion };
  });

  const knownVerifiers = db.prepare('SELECT id, name FROM verifiers WHERE archived_at IS NULL ORDER BY id').all() as Array<{ id: number; name: string }>;
  const verifiers: ImportVerifierName[] = distinctValues(dataRows, mapping.verifier).map(({ name, rows }) => {
    const hit = knownVerifiers.find((v) => key(v.name) === key(name));
    return { name, rows, existing: hit ? { id: hit.id, name: hit.name } : null };
  });

  const sample = sheet.rows.slice(0, SAMPLE_ROWS).map((r) => {
    const raw = cellOf(r.cells, mapping.date);
    const read = readDateCell(raw, dateOrder);
    const proc = cellOf(r.cells, mapping.procedure);
    const site = cellOf(r.cells, mapping.site);
    const verifier = cellOf(r.cells, mapping.verifier);
    return {
      line: r.line,
      rawDate: raw,
      date: read.kind === 'date' ? read.iso : null,
      procedure: proc === '' ? '' : (target.resolveProcedure(proc)?.name ?? proc),
      site: site === '' ? null : siteTarget(site),
      verifier: verifier === '' ? null : verifier,
    };
  });

  return {
    rowCount: sheet.rows.length,
    valid: entries.length,
    toImport: toWrite.length,
    problems,
    duplicates,
    phi,
    summaryRows,
    dateOrder: { used: dateOrder, detection },
    sample,
    beforeTrackStart: beforeStart > 0 ? { rows: beforeStart, earliest: earliest!, trackStart: base.track.startDate, trackName: base.track.name } : null,
    catalog: base.catalog.length ? { binding: base.catalogIsBinding, procedures: base.catalog } : null,
    procedures,
    sites,
    verifiers,
    overCapDays,
    entries,
    toWrite,
    remember,
  };
}

export function problemsFailure(problems: ImportCheck['problems']): AppFailure {
  const n = problems.length;
  return new AppFailure(
    'validation',
    `${n} ${n === 1 ? 'row has a problem' : 'rows have problems'}, so nothing was imported. Fix ${n === 1 ? 'it' : 'them'} (in the file or with the choices above) and import again.`,
    problems.map((p) => ({ path: `rows.${p.line}`, message: `Row ${p.line}: ${p.messages.join(' ')}` })),
  );
}

export interface PhiChoice {
  cleanLines: number[];
  cleanAll: boolean;
  keepConfirmed: boolean;
}

/**
 * Applies the user's PHI choice to the rows to write: cleaned rows lose their flagged text; any
 * other flagged row needs the explicit "keep as written" confirmation, or the import is refused.
 */
export function applyPhiChoice(checked: CheckedSheet, choice: PhiChoice): ImportedEntry[] {
  const flagged = new Map(checked.phi.map((p) => [p.line, p]));
  const clean = new Set(choice.cleanLines);
  const unconfirmed = checked.phi.filter((p) => !choice.cleanAll && !clean.has(p.line));
  if (unconfirmed.length > 0 && !choice.keepConfirmed) {
    const n = unconfirmed.length;
    throw new AppFailure(
      'validation',
      `${n} ${n === 1 ? 'row has notes' : 'rows have notes'} that may identify a patient. Remove the flagged text, or confirm that the notes hold no patient information, before importing.`,
      unconfirmed.map((p) => ({ path: `phi.${p.line}`, message: `Row ${p.line}: ${p.message}` })),
    );
  }
  return checked.toWrite.map((e) => {
    const f = flagged.get(e.line);
    return f && (choice.cleanAll || clean.has(e.line)) ? { ...e, notes: f.cleaned } : e;
  });
}

export interface ImportProgressSink {
  (done: number, total: number): void;
}

const CHUNK = 1000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the import: the import record, new sites and verifiers, the entries (each with the import's
 * id) and one audit row for the whole import (file hash, rows, id range) rather than one per entry:
 * hashing 100k audit rows would triple the import time, and the import id names every entry.
 * One transaction, opened by hand so that the event loop can run between chunks (the UI polls the
 * progress); a failure rolls every chunk back. `beforeWrite` runs first, inside the transaction.
 */
export async function writeImport(
  db: DB,
  entries: readonly ImportedEntry[],
  meta: { trackId: number; fileName: string; fileSha256: string; now: string; rowsInFile: number; skippedDuplicates: number; skippedSummary: number },
  remember: CheckedSheet['remember'] & { discipline: string },
  beforeWrite: () => void,
  progress: ImportProgressSink,
): Promise<{ importId: number; firstId: number | null; lastId: number | null }> {
  db.exec('BEGIN IMMEDIATE');
  try {
    beforeWrite();
    const importId = Number(
      db
        .prepare(
          `INSERT INTO imports (track_id, file_name, file_sha256, imported_at, rows_in_file, imported, skipped_duplicates, skipped_summary)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(meta.trackId, meta.fileName, meta.fileSha256, meta.now, meta.rowsInFile, entries.length, meta.skippedDuplicates, meta.skippedSummary).lastInsertRowid,
    );
    const siteIds = new Map<string, number>();
    for (const s of db.prepare('SELECT id, name FROM sites').all() as Array<{ id: number; name: string }>) siteIds.set(key(s.name), s.id);
    // Matched case-insensitively; the oldest record wins when two share a name. Entries take the record's spelling.
    const verifiers = new Map<string, { id: number; name: string }>();
    for (const v of db.prepare('SELECT id, name FROM verifiers WHERE archived_at IS NULL ORDER BY id DESC').all() as Array<{ id: number; name: string }>) {
      verifiers.set(key(v.name), v);
    }
    const insertSite = db.prepare('INSERT INTO sites (name, created_at, updated_at) VALUES (?, ?, ?)');
    const insertVerifier = db.prepare('INSERT INTO verifiers (name, created_at, updated_at) VALUES (?, ?, ?)');
    const insert = db.prepare(
      `INSERT INTO entries (uuid, track_id, performed_on, performed_at, procedure_id, procedure_name, site_id, verifier_id, verifier_name, patient_marker,
                            simulated, notes, status, created_at, updated_at, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Each imported entry is its own (anonymous) patient, as a quick-log entry without "same patient".
    let marker = (db.prepare('SELECT coalesce(max(patient_marker), 0) FROM entries').pluck().get() as number) + 1;
    let firstId: number | null = null;
    let lastId: number | null = null;
    const createdSites: string[] = [];
    const createdVerifiers: string[] = [];
    for (let start = 0; start < entries.length; start += CHUNK) {
      for (const e of entries.slice(start, start + CHUNK)) {
        let siteId: number | null = null;
        if (e.siteName) {
          siteId = siteIds.get(key(e.siteName)) ?? null;
          if (siteId === null) {
            siteId = Number(insertSite.run(e.siteName, meta.now, meta.now).lastInsertRowid);
            siteIds.set(key(e.siteName), siteId);
            createdSites.push(e.siteName);
          }
        }
        let verifier: { id: number; name: string } | null = null;
        if (e.verifierName) {
          verifier = verifiers.get(key(e.verifierName)) ?? null;
          if (verifier === null) {
            verifier = { id: Number(insertVerifier.run(e.verifierName, meta.now, meta.now).lastInsertRowid), name: e.verifierName };
            verifiers.set(key(e.verifierName), verifier);
            createdVerifiers.push(e.verifierName);
            appendAudit(db, meta.now, 'verifier', verifier.id, 'create', null, { id: verifier.id, name: verifier.name, source: 'import', importId });
          }
        }
        const id = Number(
          insert.run(
            randomUUID(), meta.trackId, e.performedOn, e.performedAt, e.procedureId, e.procedureName, siteId, verifier?.id ?? null, verifier?.name ?? null, marker++,
            e.simulated ? 1 : 0, e.notes, e.status, meta.now, meta.now, importId,
          ).lastInsertRowid,
        );
        firstId ??= id;
        lastId = id;
      }
      progress(Math.min(entries.length, start + CHUNK), entries.length);
      if (start + CHUNK < entries.length) await yieldToEventLoop();
    }
    const upsert = db.prepare(
      `INSERT INTO import_name_maps (kind, scope, source, target_id, target_name, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, scope, source) DO UPDATE SET target_id = excluded.target_id, target_name = excluded.target_name, updated_at = excluded.updated_at`,
    );
    for (const p of remember.procedures) upsert.run('procedure', remember.discipline, p.source, p.id, p.name, meta.now);
    for (const s of remember.sites) upsert.run('site', '', s.source, null, s.target, meta.now);
    appendAudit(db, meta.now, 'import', importId, 'create', null, {
      fileName: meta.fileName,
      fileSha256: meta.fileSha256,
      trackId: meta.trackId,
      entries: entries.length,
      firstEntryId: firstId,
      lastEntryId: lastId,
      skippedDuplicates: meta.skippedDuplicates,
      skippedSummaryRows: meta.skippedSummary,
      createdSites,
      createdVerifiers,
      rememberedNames: remember.procedures.length + remember.sites.length,
    });
    db.exec('COMMIT');
    return { importId, firstId, lastId };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

export const sha256Bytes = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
