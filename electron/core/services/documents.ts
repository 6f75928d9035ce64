// Documents: the verification packet (PDF + JSON twin), the progress report, the CSV of the log,
// the ARRT entry helper and "Check a packet". Files go back to the renderer as base64 bytes; the
// renderer saves them (see shared/ipc/documents.ts for why). The CSV, which can be tens of MB, is
// written to the data folder and read back in pieces (electron/core/exports.ts).
import { z } from 'zod';
import { trimRuns } from '../../../shared/text';
import { localIsoDate } from '../../../shared/dates';
import { disciplineByCode } from '../../../shared/disciplines';
import { ENTRY_STATUS_LABELS, ENTRY_STATUSES, type Entry, type EntryStatus, type Track } from '../../../shared/domain';
import type { documentChannels, PacketCheck, SavedFile } from '../../../shared/ipc/documents';
import { planArrtDays } from '../../../shared/signoff/arrt-days';
import { CANDIDATE_ATTESTATION, SUPERVISOR_CHECKLIST, VERIFIER_CHECKLIST, VERIFIER_NOTES } from '../../../shared/signoff/checklist';
import { LOG_CSV_HEADER, neutraliseCell, UTF8_BOM } from '../../../shared/signoff/csv';
import { DIGEST_FORMAT, digestPayload, reportableFields } from '../../../shared/signoff/digest';
import { AppFailure } from '../../../shared/result';
import { appendAudit, sha256 } from '../audit';
import type { Ctx } from '../context';
import type { DB } from '../db/open';
import { appendUpload, beginUpload, readExportPiece, writeExport } from '../exports';
import { PACKET_FORMAT, PACKET_FORMAT_VERSION } from '../pdf/formats';
import type { PacketData, PacketSignatureBlock } from '../pdf/packet';
import { getEntry } from '../tables/entries';
import { getCandidate, listSignatureRows, liveEntriesByIds, selectBatch, setEntryStatus } from '../tables/signoff';
import { getTrack, listTracks as listAllTracks } from '../tables/tracks';
import { getVerifier } from '../tables/verifiers';
import { batchDigest, entrySignStates, overCap, signedEntryStates } from './signoff';
import { catalogHandlers } from './catalogs';
import { educationSectionData } from './education';
import { NOT_JUDGED, trackJudgements } from './entry-judgement';
import { dashboardFor } from './dashboard';
import type { ChannelsOf, HandlerMap } from './types';

function requireTrack(db: DB, trackId: number): Track {
  const track = getTrack(db, trackId);
  if (!track) throw new AppFailure('not-found', 'That track no longer exists.');
  return track;
}

function disciplineOf(track: Track) {
  const d = disciplineByCode(track.discipline);
  return { code: track.discipline, name: d?.name ?? track.discipline, dailyCap: d?.dailyCap ?? 0 };
}

/**
 * What the requirement engine knows about a track (progress.evaluate, from the catalogs service):
 * the catalog's name and version for the documents' header, each procedure's category and the
 * catalog's procedure order (the order of ARRT's worksheet). Entries logged by name are matched
 * to catalog procedures by name, as the engine does.
 */
async function catalogView(ctx: Ctx, track: Track) {
  const report = await catalogHandlers['progress.evaluate'](ctx, { trackId: track.id, verdicts: 'none' });
  const summary = report.catalog;
  const evaluation = report.evaluation;
  const categoryName = new Map((evaluation?.categories ?? []).map((c) => [c.categoryId, c.name] as const));
  const procedures = evaluation?.procedures ?? [];
  const byId = new Map(procedures.map((p) => [p.procedureId, p] as const));
  const byName = new Map(procedures.map((p) => [p.name.toLowerCase(), p] as const));
  const procedureOf = (e: { procedureId: string | null; procedureName: string }) =>
    (e.procedureId ? byId.get(e.procedureId) : undefined) ?? byName.get(e.procedureName.toLowerCase());
  // Words a supervisor reads on paper: the version's effective date when known; "current version"
  // for an ARRT catalog whose date no source confirms (its version label says so in app wording).
  const version = summary
    ? summary.effectiveDate
      ? `version effective ${summary.effectiveDate}`
      : summary.kind === 'arrt'
        ? 'current version'
        : `version ${summary.versionLabel}`
    : null;
  const label = summary ? `${[summary.title, version].join(', ')}${summary.label ? `. ${summary.label}` : ''}` : 'No requirement list for this discipline yet';
  return {
    label,
    /** False when the track has no version chosen and the discipline's default list is used. */
    assigned: report.catalogAssigned,
    evaluation,
    order: procedures.map((p) => p.procedureId),
    procedureIdOf: (e: { procedureId: string | null; procedureName: string }) => procedureOf(e)?.procedureId ?? null,
    categoryOf: (e: { procedureId: string | null; procedureName: string }) => {
      const p = procedureOf(e);
      return p ? (categoryName.get(p.categoryId) ?? null) : null;
    },
  };
}

/** File names people can read in a folder: discipline, site, dates; nothing unsafe for any OS. */
function fileSlug(parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .map((p) => trimRuns(p.replace(/[^A-Za-z0-9._-]+/g, '-'), '-'))
    .filter(Boolean)
    .join('_');
}

function file(fileName: string, mime: string, bytes: Buffer | string): SavedFile {
  return { fileName, mime, base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64') };
}

/**
 * The newest signature of each kind that validly covers every entry of the packet. Signatures are
 * judged per entry (by UUID and digest): one that signed these entries among others still counts,
 * and an edit to any listed entry since leaves its block blank, for ink.
 */
function packetSignatures(db: DB, trackId: number, entryIds: readonly number[]) {
  const out: { verifier?: PacketSignatureBlock; supervisor?: PacketSignatureBlock } = {};
  if (entryIds.length === 0) return out;
  for (const row of listSignatureRows(db, trackId)) {
    if (out[row.kind]) continue;
    const valid = new Set(signedEntryStates(db, row.id).flatMap((s) => (s.valid ? [s.entryId] : [])));
    if (!entryIds.every((id) => valid.has(id))) continue;
    out[row.kind] = {
      kind: row.kind,
      signerName: row.signer_name,
      signerCredentials: row.signer_credentials,
      method: row.method,
      signedAt: row.signed_at,
      signaturePng: row.signature_png,
    };
  }
  return out;
}

export async function buildPacket(
  ctx: Ctx,
  input: { batch: Parameters<typeof selectBatch>[1] & { statuses?: string[] | null | undefined }; verifierId?: number | null | undefined },
) {
  const { db } = ctx;
  const now = ctx.now();
  const track = requireTrack(db, input.batch.trackId);
  const catalog = await catalogView(ctx, track);
  const verifier = input.verifierId ? getVerifier(db, input.verifierId) : undefined;
  if (input.verifierId && !verifier) throw new AppFailure('not-found', 'That verifier no longer exists.');
  const entries = selectBatch(db, input.batch);
  const siteName = input.batch.siteId
    ? ((db.prepare('SELECT name FROM sites WHERE id = ?').get(input.batch.siteId) as { name: string } | undefined)?.name ?? null)
    : null;
  const digest = batchDigest(entries);
  const dailyCap = disciplineOf(track).dailyCap;
  const packetIds = new Set(entries.map((e) => e.id));
  const days = entries.map((e) => e.performedOn).sort();
  const data: PacketData = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    candidate: getCandidate(db),
    discipline: { code: track.discipline, name: disciplineOf(track).name },
    requirementVersion: catalog.label,
    track: { id: track.id, name: track.name, startDate: track.startDate },
    batch: { siteName, from: input.batch.from ?? null, to: input.batch.to ?? null, statuses: input.batch.statuses ?? null },
    period: { first: days[0] ?? null, last: days[days.length - 1] ?? null },
    siteNames: [...new Set(entries.map((e) => e.siteName).filter((n): n is string => !!n))],
    dailyCap,
    // The same rule as the review's over-cap badges: one function, so the packet and the review agree.
    overCapEntryIds: overCap(db, track, entries).overCapIds.filter((id) => packetIds.has(id)),
    candidateAttestation: CANDIDATE_ATTESTATION,
    verifier: verifier ? { name: verifier.name, credentials: verifier.credentials, arrtId: verifier.arrtId, email: verifier.email } : null,
    checklist: [...VERIFIER_CHECKLIST],
    supervisorChecklist: [...SUPERVISOR_CHECKLIST],
    notes: [...VERIFIER_NOTES],
    entries: entries.map((e) => ({
      ...reportableFields(e),
      siteName: e.siteName,
      category: catalog.categoryOf(e),
    })),
    digestFormat: DIGEST_FORMAT,
    digest,
  };
  // pdfkit and the drawing code load on first use, not with the backend (docs/decisions.md).
  const { renderPacket } = await import('../pdf/packet');
  const rendered = await renderPacket(data, packetSignatures(db, track.id, entries.map((e) => e.id)), now, { education: educationSectionData(db, track, localIsoDate(now)) });
  const base = fileSlug(['verification-packet', track.discipline, siteName, input.batch.from, input.batch.to, verifier?.name]);
  return {
    data,
    pdf: file(`${base}.pdf`, 'application/pdf', rendered.bytes),
    json: file(`${base}.json`, 'application/json', `${JSON.stringify(data, null, 2)}\n`),
    pages: rendered.pages,
  };
}


/**
 * One CSV cell, quoted exactly when Papa.unparse({ quotes: false }) quotes (a comma, quote, line
 * break or BOM inside, or a leading/trailing space), so the export is byte-for-byte what it was.
 */
function csvCell(value: string): string {
  const cell = neutraliseCell(value);
  const escaped = cell.replace(/"/g, '""');
  const quote = /[",\r\n\uFEFF]/.test(cell) || cell.startsWith(' ') || cell.endsWith(' ');
  return quote ? `"${escaped}"` : escaped;
}

/** Positional columns of the export query (`.raw()`: no object per row). */
type CsvRow = [
  id: number,
  trackId: number,
  date: string,
  time: string | null,
  discipline: string | null,
  procedure: string,
  procedureId: string | null,
  site: string | null,
  verifier: string | null,
  simulated: number,
  status: EntryStatus,
  notes: string,
];

/** What the CSV says per entry beyond its own columns, looked up per track. */
export interface LogCsvLookups {
  /** counts yes/no/'' and the reason in words. */
  judge: (trackId: number, entryId: number) => { counts: boolean | null; text: string };
  category: (trackId: number, entry: { procedureId: string | null; procedureName: string }) => string | null;
  /** The signature state per entry of a track (see signatureStates). */
  signatures: (trackId: number) => Record<number, string>;
}

/**
 * The signature state of each entry of a track, as the sign-off model keeps it today (the newest
 * verifier signature covering the entry). The one place the CSV reads it: when signatures move to
 * per-entry records, only this function changes.
 */
export function signatureStates(db: DB, trackId: number): Record<number, string> {
  return entrySignStates(db, trackId);
}

/** Hand the text to the writer at about this many characters. */
const CSV_CHUNK_CHARS = 1 << 16;

/**
 * The log as CSV text (UTF-8 with BOM, CRLF as spreadsheets and RFC 4180 expect), handed to
 * `write` in chunks of about CSV_CHUNK_CHARS as the rows come from the query: a 100k-entry export
 * never holds row objects, entries, cell arrays or the whole text at once. documents.csv writes
 * the chunks straight to a file (electron/core/exports.ts).
 */
export function writeLogCsv(db: DB, trackId: number | null, lookups: LogCsvLookups, write: (text: string) => void): void {
  const where = trackId === null ? 'e.deleted_at IS NULL' : 'e.deleted_at IS NULL AND e.track_id = @trackId';
  const rows = db
    .prepare(
      `SELECT e.id, e.track_id, e.performed_on, e.performed_at, t.discipline, e.procedure_name, e.procedure_id,
              s.name, coalesce(v.name, e.verifier_name), e.simulated, e.status, e.notes
       FROM entries e LEFT JOIN sites s ON s.id = e.site_id LEFT JOIN tracks t ON t.id = e.track_id
            LEFT JOIN verifiers v ON v.id = e.verifier_id
       WHERE ${where} ORDER BY e.performed_on, coalesce(e.performed_at, '99:99'), e.id`,
    )
    .raw()
    .iterate({ trackId }) as IterableIterator<CsvRow>;
  const states = new Map<number, Record<number, string>>();
  let text = UTF8_BOM + LOG_CSV_HEADER;
  let anyRow = false;
  for (const [id, track, date, time, discipline, procedure, procedureId, site, verifier, simulated, status, notes] of rows) {
    anyRow = true;
    let signed = states.get(track);
    if (!signed) states.set(track, (signed = lookups.signatures(track)));
    const judged = lookups.judge(track, id);
    text +=
      '\r\n' +
      [
        String(id),
        date,
        time ?? '',
        discipline ?? '',
        procedure,
        procedureId ?? '',
        lookups.category(track, { procedureId, procedureName: procedure }) ?? '',
        site ?? '',
        verifier ?? '',
        simulated === 1 ? 'yes' : 'no',
        ENTRY_STATUS_LABELS[status],
        judged.counts === null ? '' : judged.counts ? 'yes' : 'no',
        judged.counts ? '' : judged.text,
        signed[id] ?? 'unsigned',
        notes,
      ]
        .map(csvCell)
        .join(',');
    if (text.length >= CSV_CHUNK_CHARS) {
      write(text);
      text = '';
    }
  }
  // Papa.unparse, which this replaced, ended an export without rows with a line break after the header.
  write(anyRow ? text : text + '\r\n');
}

/** The rules the dashboard shows as warnings and the window, for the report's reader. */
function ruleNotes(ctx: Ctx, trackId: number): string[] {
  const d = dashboardFor(ctx, trackId, 8);
  return [...d.warnings, d.window.text];
}

async function progressReport(ctx: Ctx, trackId: number): Promise<SavedFile> {
  const { db } = ctx;
  const now = ctx.now();
  const track = requireTrack(db, trackId);
  const catalog = await catalogView(ctx, track);
  const entries = selectBatch(db, { trackId });
  const byProcedure = new Map<string, { name: string; count: number; simulated: number; first: string; last: string }>();
  const byMonth = new Map<string, number>();
  for (const e of entries) {
    const key = e.procedureName.toLowerCase();
    const p = byProcedure.get(key) ?? { name: e.procedureName, count: 0, simulated: 0, first: e.performedOn, last: e.performedOn };
    p.count++;
    if (e.simulated) p.simulated++;
    if (e.performedOn < p.first) p.first = e.performedOn;
    if (e.performedOn > p.last) p.last = e.performedOn;
    byProcedure.set(key, p);
    const month = e.performedOn.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
  }
  const { renderProgressReport } = await import('../pdf/progress');
  const rendered = await renderProgressReport(
    {
      generatedAt: now.toISOString(),
      candidate: getCandidate(db),
      discipline: disciplineOf(track),
      // The packet names the list only; the report, which counts against it, says when it is assumed.
      requirementVersion: catalog.assigned || !catalog.evaluation ? catalog.label : `${catalog.label} (assumed: no version chosen for this track yet)`,
      track: { name: track.name, startDate: track.startDate, plannedApplicationDate: track.plannedApplicationDate },
      requirements: catalog.evaluation
        ? {
            rows: catalog.evaluation.procedures.map((p) => ({
              name: p.name,
              category: catalog.categoryOf({ procedureId: p.procedureId, procedureName: p.name }) ?? '',
              kind: p.kind,
              counted: p.counted,
              required: p.required,
              remaining: p.remaining,
            })),
            counted: catalog.evaluation.totals.counted,
            required: catalog.evaluation.totals.required,
            remaining: catalog.evaluation.totals.remaining,
            complete: catalog.evaluation.complete,
            missing: catalog.evaluation.missing.map((m) => m.text),
            expiringSoon: catalog.evaluation.expiring.length,
          }
        : null,
      totals: {
        entries: entries.length,
        simulated: entries.filter((e) => e.simulated).length,
        byStatus: ENTRY_STATUSES.map((s) => ({ label: ENTRY_STATUS_LABELS[s], count: entries.filter((e) => e.status === s).length })),
      },
      procedures: [...byProcedure.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      finish: dashboardFor(ctx, track.id, 8).finish,
      // The last 12 months with entries, oldest first: one bar each.
      months: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-12).map(([month, count]) => ({ month, count })),
      education: educationSectionData(db, track, localIsoDate(now)),
      ruleNotes: ruleNotes(ctx, track.id),
    },
    now,
  );
  return file(`${fileSlug(['progress-report', track.discipline, now.toISOString().slice(0, 10)])}.pdf`, 'application/pdf', rendered.bytes);
}

interface PacketPointer {
  digest: string;
  entryIds: number[];
}

/** "21 0 obj (6a7b…)": an indirect object holding a hex string (groups: object number, hex). */
const PDF_HEX_STRING_OBJECT = /(?:^|\s)(\d+) 0 obj\s*\(([0-9a-f]+)\)/g;

/**
 * What checkPacket relies on in a packet's JSON twin: the digest and, per entry, the fields the
 * digest covers. A file that breaks it is answered as `validation` (the file's fault), never as a
 * TypeError turned `internal`. Other keys are allowed: the twin also carries names for people.
 */
const packetTwinShape = z.looseObject({
  digest: z.string().max(64, { abort: true }),
  entries: z
    .array(
      z.looseObject({
        id: z.number().int().positive(),
        trackId: z.number().int(),
        performedOn: z.string().max(10, { abort: true }),
        performedAt: z.string().max(5, { abort: true }).nullable(),
        procedureId: z.string().max(80, { abort: true }).nullable(),
        procedureName: z.string().max(1000, { abort: true }),
        siteId: z.number().int().nullable(),
        simulated: z.boolean(),
        patientMarker: z.number().int().nullable(),
      }),
    )
    .max(100_000),
});

/** The digest and entry ids a RadLedger packet PDF carries in its document information. */
function pointerFromPdf(bytes: Buffer): PacketPointer | null {
  const text = bytes.toString('latin1');
  // pdfkit writes document-information values as indirect objects: "/RadLedgerPacket 21 0 R".
  const direct = /\/RadLedgerPacket \(([0-9a-f]+)\)/.exec(text)?.[1];
  const ref = /\/RadLedgerPacket (\d+) 0 R/.exec(text)?.[1];
  const hex = direct ?? (ref ? [...text.matchAll(PDF_HEX_STRING_OBJECT)].find((m) => m[1] === ref)?.[2] : undefined);
  if (!hex) return null;
  try {
    const p = JSON.parse(Buffer.from(hex, 'hex').toString('utf8')) as PacketPointer;
    return /^[0-9a-f]{64}$/.test(p.digest) && Array.isArray(p.entryIds) && p.entryIds.every((n) => Number.isInteger(n)) ? p : null;
  } catch {
    return null;
  }
}

export function checkPacket(db: DB, bytes: Buffer): PacketCheck {
  const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  let pointer: PacketPointer;
  let selfConsistent: boolean | null = null;
  let twinEntries: PacketData['entries'] | null = null;
  if (isPdf) {
    const p = pointerFromPdf(bytes);
    if (!p) throw new AppFailure('validation', 'This PDF is not a RadLedger verification packet: it carries no packet digest.');
    pointer = p;
  } else {
    let data: PacketData;
    try {
      data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as PacketData;
    } catch {
      throw new AppFailure('validation', 'This file is neither a packet PDF nor a packet JSON file.');
    }
    if (data?.format !== PACKET_FORMAT || !packetTwinShape.safeParse(data).success) {
      throw new AppFailure('validation', 'This JSON file is not a RadLedger verification packet.');
    }
    if (data.formatVersion !== PACKET_FORMAT_VERSION || data.digestFormat !== DIGEST_FORMAT) {
      throw new AppFailure('validation', `This packet uses format version ${String(data.formatVersion)}, which this RadLedger does not read.`);
    }
    twinEntries = data.entries;
    selfConsistent = sha256(digestPayload(data.entries)) === data.digest;
    pointer = { digest: data.digest, entryIds: data.entries.map((e) => e.id) };
  }
  const current = liveEntriesByIds(db, pointer.entryIds);
  const present = new Set(current.map((e) => e.id));
  const missingEntryIds = pointer.entryIds.filter((id) => !present.has(id));
  const matchesLog = missingEntryIds.length === 0 && current.length === pointer.entryIds.length && batchDigest(current) === pointer.digest;
  const changedEntryIds: number[] = [];
  if (twinEntries) {
    const byId = new Map(current.map((e) => [e.id, e] as const));
    for (const t of twinEntries) {
      const now = byId.get(t.id);
      if (now && JSON.stringify(reportableFields(now)) !== JSON.stringify(reportableFields(t))) changedEntryIds.push(t.id);
    }
  }
  const parts: string[] = [];
  if (selfConsistent === false) parts.push('The packet file was altered after RadLedger produced it: its entries no longer match its own digest.');
  if (matchesLog) parts.push('The log still holds exactly these entries, unchanged since the packet was produced.');
  else {
    if (missingEntryIds.length > 0) parts.push(`${missingEntryIds.length} of the packet's entries are no longer in the log.`);
    if (changedEntryIds.length > 0) parts.push(`${changedEntryIds.length} entries were edited since the packet was produced.`);
    if (missingEntryIds.length === 0 && changedEntryIds.length === 0) {
      parts.push(
        isPdf
          ? 'The log no longer matches this packet: some of its entries were edited since. Open the JSON twin to see which.'
          : 'The log no longer matches this packet.',
      );
    }
  }
  return {
    source: isPdf ? 'pdf' : 'json',
    digest: pointer.digest,
    entryCount: pointer.entryIds.length,
    selfConsistent,
    matchesLog,
    missingEntryIds,
    changedEntryIds,
    message: parts.join(' '),
  };
}

export const documentHandlers: HandlerMap<ChannelsOf<typeof documentChannels>> = {
  'documents.packet': async (ctx, input) => {
    const p = await buildPacket(ctx, input);
    return { pdf: p.pdf, json: p.json, digest: p.data.digest, entryCount: p.data.entries.length, pages: p.pages };
  },

  'documents.progressReport': (ctx, input) => progressReport(ctx, input.trackId),

  'documents.csv': async (ctx, input) => {
    const trackId = input.trackId ?? null;
    const track = trackId === null ? null : requireTrack(ctx.db, trackId);
    const name = fileSlug(['radledger-log', track?.discipline ?? 'all', ctx.now().toISOString().slice(0, 10)]);
    // Each track is judged by its own catalog, once per export.
    const tracks = track ? [track] : listAllTracks(ctx.db);
    const views = new Map(await Promise.all(tracks.map(async (t) => [t.id, { view: await catalogView(ctx, t), judged: trackJudgements(ctx, t.id) }] as const)));
    const lookups: LogCsvLookups = {
      judge: (t, id) => views.get(t)?.judged.judge(id) ?? NOT_JUDGED,
      category: (t, e) => views.get(t)?.view.categoryOf(e) ?? null,
      signatures: (t) => signatureStates(ctx.db, t),
    };
    const written = writeExport(ctx.dataDir, (write) => writeLogCsv(ctx.db, trackId, lookups, write));
    return { fileName: `${name}.csv`, mime: 'text/csv', exportId: written.id, bytes: written.bytes };
  },

  'documents.readExport': (ctx, input) => readExportPiece(ctx.dataDir, input.exportId, input.offset),
  'documents.beginUpload': (ctx, input) => beginUpload(ctx.dataDir, input.bytes),
  'documents.appendUpload': (ctx, input) => appendUpload(ctx.dataDir, input.uploadId, input.offset, Buffer.from(input.base64, 'base64')),

  'documents.arrtHelper': async (ctx, input) => {
    const track = requireTrack(ctx.db, input.trackId);
    const all = selectBatch(ctx.db, { trackId: track.id });
    const pending = all.filter((e) => e.status === 'draft' || e.status === 'signed');
    const enteredPerDay: Record<string, number> = {};
    for (const e of all) if (e.status === 'entered' || e.status === 'verified') enteredPerDay[e.performedOn] = (enteredPerDay[e.performedOn] ?? 0) + 1;
    const catalog = await catalogView(ctx, track);
    const order = catalog.order;
    return {
      trackId: track.id,
      dailyCap: disciplineOf(track).dailyCap,
      orderSource: order.length > 0 ? ('catalog' as const) : ('time' as const),
      days: planArrtDays(
        pending.map((e: Entry) => ({
          id: e.id,
          performedOn: e.performedOn,
          performedAt: e.performedAt,
          procedureId: e.procedureId ?? catalog.procedureIdOf(e),
          procedureName: e.procedureName,
          siteName: e.siteName,
          simulated: e.simulated,
        })),
        enteredPerDay,
        disciplineOf(track).dailyCap,
        order,
      ),
    };
  },

  'documents.markEntered': (ctx, input) => {
    const now = ctx.now().toISOString();
    return ctx.db.transaction(() => {
      const before = new Map(input.entryIds.map((id) => [id, getEntry(ctx.db, id)] as const));
      const changed = setEntryStatus(ctx.db, input.entryIds, ['draft', 'signed'], 'entered', now);
      for (const id of changed) appendAudit(ctx.db, now, 'entry', id, 'update', before.get(id), getEntry(ctx.db, id));
      // Each entry's status before, so the UI can undo with entries.restoreStatuses.
      return { marked: changed.length, previous: changed.map((id) => ({ id, status: before.get(id)!.status })) };
    })();
  },

  'documents.checkPacket': (ctx, input) => checkPacket(ctx.db, Buffer.from(input.base64, 'base64')),
};
