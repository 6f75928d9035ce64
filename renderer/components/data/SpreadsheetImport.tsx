// Settings → Import → from a spreadsheet. The steps a newcomer's own log needs, on one page:
// where the log is (sheet, header row, text encoding) with the top of the sheet visible; which
// column holds what and in which order the dates are written, with each date shown as read; then
// every row checked in the backend, and the choices the check asks for (the track's start, names
// matched to the catalog, sites, flagged notes, duplicates); the import itself with progress; and
// the history, whose undo works later.
import { useEffect, useMemo, useRef, useState } from 'react';
import { DATE_ORDERS, DATE_ORDER_LABELS, DATE_ORDER_SHORT, formatIsoDate, type DateOrder } from '../../../shared/import/dates';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  TEXT_ENCODINGS,
  TEXT_ENCODING_LABELS,
  type ImportCheck,
  type ImportMapping,
  type ImportPreview,
  type ImportProgress,
  type ImportReadOptions,
  type ImportResult,
} from '../../../shared/ipc/import';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field, useToast } from '../ui';
import { readFileAsBase64 } from './files';
import { ImportHistory } from './ImportHistory';

const SHOWN_PROBLEMS = 50;
const SHOWN_ROWS = 10;
const NO_READ: ImportReadOptions = { sheet: null, headerRow: null, encoding: null };

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function SpreadsheetImport(props: { refreshKey: number; onDataChanged: () => void }) {
  const tracks = useResult(() => api.tracks.list(), [props.refreshKey]);
  const [trackId, setTrackId] = useState<number | null>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [read, setRead] = useState<ImportReadOptions>(NO_READ);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(null);
  const [procedureMap, setProcedureMap] = useState<Record<string, string>>({});
  const [siteMap, setSiteMap] = useState<Record<string, string>>({});
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [moveTrackStart, setMoveTrackStart] = useState(false);
  const [cleanLines, setCleanLines] = useState<Set<number>>(new Set());
  const [keepConfirmed, setKeepConfirmed] = useState(false);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<(ImportResult & { trackName: string }) | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  const list = tracks.value ?? [];
  const track = list.find((t) => t.id === trackId) ?? list[0];

  // Every change of file, mapping, track or choice re-checks all rows in the backend.
  useEffect(() => {
    if (!file || !mapping || !track || mapping.date === null || mapping.procedure === null) {
      setCheck(null);
      return;
    }
    let current = true;
    setChecking(true);
    void api.import
      .check({ ...file, read, trackId: track.id, mapping, dateOrder, procedureMap, siteMap, skipDuplicates, moveTrackStart })
      .then((r) => {
        if (!current) return;
        setChecking(false);
        if (r.ok) {
          setCheck(r.value);
          setError(null);
        } else {
          setCheck(null);
          setError(r.error);
        }
      });
    return () => {
      current = false;
    };
  }, [file, read, mapping, track?.id, dateOrder, procedureMap, siteMap, skipDuplicates, moveTrackStart]);

  async function loadPreview(picked: { fileName: string; dataBase64: string }, options: ImportReadOptions) {
    setError(null);
    const r = await api.import.preview({ ...picked, read: options });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setFile(picked);
    setRead(options);
    setPreview(r.value);
    setMapping(r.value.mapping);
  }

  async function choose(f: File) {
    setResult(null);
    reset();
    await loadPreview({ fileName: f.name, dataBase64: await readFileAsBase64(f) }, NO_READ);
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setCheck(null);
    setError(null);
    setRead(NO_READ);
    setDateOrder(null);
    setProcedureMap({});
    setSiteMap({});
    setMoveTrackStart(false);
    setCleanLines(new Set());
    setKeepConfirmed(false);
  }

  async function commit() {
    if (!file || !mapping || !track) return;
    setBusy(true);
    setProgress(null);
    // The commit runs for seconds on a large file; its progress is polled meanwhile.
    const timer = window.setInterval(() => {
      void api.import.progress({}).then((p) => p.ok && p.value && setProgress(p.value));
    }, 250);
    const r = await api.import.commit({
      ...file,
      read,
      trackId: track.id,
      mapping,
      dateOrder,
      procedureMap,
      siteMap,
      skipDuplicates,
      moveTrackStart,
      phi: { cleanLines: [...cleanLines], cleanAll: false, keepConfirmed },
    });
    window.clearInterval(timer);
    setBusy(false);
    setProgress(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    reset();
    setResult({ ...r.value, trackName: track.name });
    setHistoryKey((k) => k + 1);
    void tracks.reload();
    props.onDataChanged();
    toast(`Imported ${plural(r.value.imported, 'entry', 'entries')}.`);
  }

  async function undo(importId: number) {
    setBusy(true);
    const r = await api.import.undo({ importId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setResult(null);
    setHistoryKey((k) => k + 1);
    props.onDataChanged();
    toast(`Import undone: ${plural(r.value.deleted, 'entry', 'entries')} removed. Entries logged since were kept.`);
  }

  if (!tracks.loading && list.length === 0) {
    return (
      <div className="import-block">
        <h3 className="import-title">From a spreadsheet (CSV or Excel)</h3>
        <p className="muted small">Create a track on the Log page first; imported entries go into a track.</p>
      </div>
    );
  }

  const issues = error?.issues?.filter((i) => i.path.startsWith('rows.') || i.path.startsWith('phi.')) ?? [];
  const flaggedLeft = check ? check.phi.filter((p) => !cleanLines.has(p.line)).length : 0;
  const phiBlocks = flaggedLeft > 0 && !keepConfirmed;
  const canImport = Boolean(check && !checking && !busy && check.problems.length === 0 && check.toImport > 0 && !phiBlocks);

  return (
    <div className="import-block stack">
      <h3 className="import-title">From a spreadsheet (CSV or Excel)</h3>
      <div className="row">
        {track ? (
          <Field label="Import into track">
            {(id) => (
              <select id={id} value={track.id} onChange={(e) => setTrackId(Number(e.target.value))}>
                {list.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.discipline}) · from {t.startDate}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button className="btn" onClick={() => fileInput.current?.click()} disabled={busy}>
          {file ? 'Choose another file…' : 'Choose a spreadsheet…'}
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          aria-label="Spreadsheet file (CSV or XLSX)"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void choose(f);
          }}
        />
        {file ? <p className="small muted import-file">{file.fileName}</p> : null}
      </div>

      {result ? (
        <Banner tone="ok">
          Imported {plural(result.imported, 'entry', 'entries')} into {result.trackName}
          {result.skippedDuplicates ? `, skipped ${plural(result.skippedDuplicates, 'duplicate')}` : ''}
          {result.skippedSummaryRows ? `, skipped ${plural(result.skippedSummaryRows, 'total row')}` : ''}
          {result.trackStartMovedTo ? `; the track now starts ${result.trackStartMovedTo}` : ''}. You can undo it here or later from the import history.{' '}
          <button className="btn-link" onClick={() => void undo(result.importId)} disabled={busy}>
            Undo import
          </button>
        </Banner>
      ) : null}
      {error && issues.length === 0 ? <Banner tone="error">{error.message}</Banner> : null}
      {error && issues.length > 0 ? <ProblemList title={error.message} items={issues.map((i) => i.message)} /> : null}

      {file && preview && mapping ? (
        <>
          <WhereTheLogIs preview={preview} read={read} onRead={(next) => void loadPreview(file, next)} />
          <ColumnMapping
            preview={preview}
            mapping={mapping}
            onMapping={setMapping}
            dateOrder={dateOrder}
            onDateOrder={setDateOrder}
            check={check}
          />

          {checking ? (
            <p className="small muted" role="status">
              Checking every row…
            </p>
          ) : null}
          {check && !checking ? (
            <div className="stack" role="status" aria-label="Import check">
              <p className="small">
                Checked {plural(check.rowCount, 'row')}: <strong>{plural(check.toImport, 'entry', 'entries')} to import</strong>
                {check.duplicates.length && skipDuplicates ? `, ${plural(check.duplicates.length, 'duplicate')} skipped` : ''}
                {check.summaryRows.length ? `, ${plural(check.summaryRows.length, 'total row')} skipped` : ''}
                {check.problems.length ? (
                  <>
                    , <strong className="text-danger">{plural(check.problems.length, 'row')} with problems</strong>
                  </>
                ) : null}
                .
              </p>
              {check.summaryRows.length ? (
                <Banner tone="info">
                  Skipped {check.summaryRows.length === 1 ? 'a total row' : 'total rows'} (not a procedure):{' '}
                  {check.summaryRows.map((s) => `row ${s.line} (${s.text})`).join(', ')}.
                </Banner>
              ) : null}
              {check.beforeTrackStart ? <TrackStartOffer check={check} move={moveTrackStart} onMove={setMoveTrackStart} /> : null}
              {check.procedures.length && (check.catalog || check.procedures.some((p) => p.mappedTo)) ? (
                <ProcedureNames check={check} map={procedureMap} onMap={setProcedureMap} />
              ) : null}
              {check.sites.length ? <SiteNames check={check} map={siteMap} onMap={setSiteMap} /> : null}
              {check.verifiers.length ? (
                <p className="small">
                  <strong>Verifiers:</strong>{' '}
                  {check.verifiers
                    .map((v) => (v.existing ? `${v.existing.name} (your record, ${plural(v.rows, 'row')})` : `${v.name} (new record, ${plural(v.rows, 'row')})`))
                    .join('; ')}
                  .
                </p>
              ) : null}
              {check.problems.length ? (
                <ProblemList
                  title={`Fix ${check.problems.length === 1 ? 'this row' : `these ${check.problems.length} rows`} first (in the file, or with the choices above) — nothing is imported while any row has a problem.`}
                  items={check.problems.map((p) => `Row ${p.line}: ${p.messages.join(' ')}`)}
                />
              ) : null}
              {check.phi.length ? (
                <PhiRows check={check} clean={cleanLines} onClean={setCleanLines} keep={keepConfirmed} onKeep={setKeepConfirmed} />
              ) : null}
              {check.duplicates.length ? (
                <div className="banner banner-warn stack">
                  <label className="check">
                    <input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} />
                    Skip {plural(check.duplicates.length, 'row')} that {check.duplicates.length === 1 ? 'matches an entry' : 'match entries'} already in this
                    track (same date, time, procedure and site; each existing entry matches one row)
                  </label>
                  <ul className="problem-list">
                    {check.duplicates.slice(0, 10).map((d) => (
                      <li key={d.line}>
                        Row {d.line}: {d.summary}
                      </li>
                    ))}
                    {check.duplicates.length > 10 ? <li>…and {(check.duplicates.length - 10).toLocaleString()} more</li> : null}
                  </ul>
                </div>
              ) : null}
              {check.overCapDays.length ? (
                <Banner tone="warn">
                  {plural(check.overCapDays.length, 'day')} would have more {track?.discipline} entries than{' '}
                  {check.overCapDays[0]!.source === 'arrt' ? 'ARRT accepts' : 'your requirement list counts'} per day ({check.overCapDays[0]!.cap}):{' '}
                  {check.overCapDays
                    .slice(0, 8)
                    .map((d) => `${d.date} (${d.count})`)
                    .join(', ')}
                  {check.overCapDays.length > 8 ? ` and ${check.overCapDays.length - 8} more` : ''}. The extra entries are kept but cannot be reported for
                  those days.
                </Banner>
              ) : null}
            </div>
          ) : null}

          {busy ? (
            <div className="stack import-progress" role="status" aria-live="polite">
              <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Import progress" />
              <p className="small">
                {progress ? `Imported ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows…` : 'Backing up, then importing…'}
              </p>
            </div>
          ) : null}
          <div className="row">
            <button className="btn btn-primary" onClick={() => void commit()} disabled={!canImport}>
              {busy ? 'Importing…' : `Import ${plural(check?.toImport ?? 0, 'entry', 'entries')}`}
            </button>
            <button className="btn" onClick={reset} disabled={busy}>
              Cancel
            </button>
            {phiBlocks && check && check.problems.length === 0 ? (
              <span className="small muted">Remove the flagged text or confirm the notes first.</span>
            ) : null}
          </div>
        </>
      ) : null}
      <ImportHistory refreshKey={props.refreshKey + historyKey} busy={busy} onUndo={(id) => void undo(id)} />
    </div>
  );
}

function WhereTheLogIs(props: { preview: ImportPreview; read: ImportReadOptions; onRead: (r: ImportReadOptions) => void }) {
  const { preview: p, read } = props;
  const width = Math.min(8, Math.max(1, ...p.topRows.map((r) => r.cells.length)));
  return (
    <fieldset className="mapping">
      <legend>Where is the log in this file?</legend>
      <div className="row">
        {p.sheets.length > 1 ? (
          <Field label="Sheet">
            {(id) => (
              <select id={id} value={p.sheet} onChange={(e) => props.onRead({ ...read, sheet: Number(e.target.value), headerRow: null })}>
                {p.sheets.map((s) => (
                  <option key={s.index} value={s.index}>
                    {s.name} ({plural(s.rows, 'row')}){s.looksLikeLog ? ' — looks like a log' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Header row (the column names)">
          {(id) => (
            <select id={id} value={p.headerRow} onChange={(e) => props.onRead({ ...read, headerRow: Number(e.target.value) })}>
              {p.topRows.map((r) => (
                <option key={r.line} value={r.line}>
                  Row {r.line}: {r.cells.filter((c) => c.trim()).slice(0, 4).join(' · ').slice(0, 60)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {p.encoding ? (
          <Field label="Text encoding">
            {(id) => (
              <select id={id} value={p.encoding!.used} onChange={(e) => props.onRead({ ...read, encoding: e.target.value as ImportReadOptions['encoding'] })}>
                {TEXT_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {TEXT_ENCODING_LABELS[enc]}
                    {enc === p.encoding!.detected ? ' — detected' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <p className="small muted">
        {p.sheets.length > 1 ? `Reading the sheet "${p.sheets[p.sheet]!.name}". ` : ''}
        {p.headerDetected ? `Row ${p.headerRow} names the columns` : `Row ${p.headerRow} is used as the header`}
        {p.topRows[0] && p.topRows[0].line < p.headerRow ? '; the rows above it are skipped' : ''}. {plural(p.rowCount, 'row')} below it.
        {p.encoding ? ' If accented letters look wrong below (é shown as �), switch the encoding.' : ''}
      </p>
      <div className="table-wrap import-top">
        <table>
          <caption className="import-caption">The top of the sheet, as written</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              {Array.from({ length: width }, (_, i) => (
                <th scope="col" key={i}>
                  {columnName(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.topRows.slice(0, SHOWN_ROWS).map((r) => (
              <tr key={r.line} className={r.line === p.headerRow ? 'import-header-row' : r.line < p.headerRow ? 'muted' : undefined}>
                <td className="num muted">{r.line === p.headerRow ? `${r.line} (header)` : r.line}</td>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{r.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function ColumnMapping(props: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onMapping: (m: ImportMapping) => void;
  dateOrder: DateOrder | null;
  onDateOrder: (o: DateOrder | null) => void;
  check: ImportCheck | null;
}) {
  const { preview, mapping, check } = props;
  const detection = check?.dateOrder.detection ?? preview.dateDetection;
  return (
    <fieldset className="mapping">
      <legend>
        Which column holds what? <span className="muted small">Guessed from the header row; change any that are wrong.</span>
      </legend>
      <div className="mapping-grid">
        {IMPORT_FIELDS.map((f) => (
          <Field key={f} label={`${IMPORT_FIELD_LABELS[f]}${REQUIRED_IMPORT_FIELDS.includes(f) ? ' (required)' : ''}`}>
            {(id) => (
              <select id={id} value={mapping[f] ?? ''} onChange={(e) => props.onMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}>
                <option value="">Not imported</option>
                {preview.headers.map((h, i) => (
                  <option key={i} value={i}>
                    {columnName(i)}: {h || '(no header)'}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <Field label="Date order">
          {(id) => (
            <select id={id} value={props.dateOrder ?? ''} onChange={(e) => props.onDateOrder(e.target.value === '' ? null : (e.target.value as DateOrder))}>
              <option value="">{detection?.order ? `From the file: ${DATE_ORDER_SHORT[detection.order]}` : 'Not decided by the file'}</option>
              {DATE_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {DATE_ORDER_LABELS[o]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {detection ? (
        <p className="small muted">
          {detection.mixed
            ? 'The dates mix day-first and month-first values: choose the order the file uses.'
            : detection.order && detection.evidence
              ? `Date order from the file: "${detection.evidence}" can only be ${DATE_ORDER_SHORT[detection.order]}.`
              : detection.ambiguous
                ? `${plural(detection.ambiguous, 'date')} could be read two ways (e.g. 03/04/2025): choose the date order.`
                : null}
        </p>
      ) : null}
      {check ? (
        <div className="table-wrap">
          <table>
            <caption className="import-caption">
              First {check.sample.length} of {plural(check.rowCount, 'row')}, as they will be saved
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Date in the file</th>
                <th scope="col">Saved as</th>
                <th scope="col">Procedure</th>
                <th scope="col">Site</th>
                {mapping.verifier !== null ? <th scope="col">Verifier</th> : null}
              </tr>
            </thead>
            <tbody>
              {check.sample.map((r) => (
                <tr key={r.line}>
                  <td className="num muted">{r.line}</td>
                  <td>{r.rawDate}</td>
                  <td className={r.date ? undefined : 'text-danger'}>{r.date ? formatIsoDate(r.date) : 'not read'}</td>
                  <td>{r.procedure}</td>
                  <td>{r.site ?? ''}</td>
                  {mapping.verifier !== null ? <td>{r.verifier ?? ''}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="import-caption">
              First {preview.sample.length} of {plural(preview.rowCount, 'row')}, as written
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                {preview.headers.map((h, i) => (
                  <th scope="col" key={i}>
                    {h || columnName(i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((r) => (
                <tr key={r.line}>
                  <td className="num muted">{r.line}</td>
                  {preview.headers.map((_, i) => (
                    <td key={i}>{r.cells[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}

function TrackStartOffer(props: { check: ImportCheck; move: boolean; onMove: (m: boolean) => void }) {
  const b = props.check.beforeTrackStart!;
  return (
    <div className="banner banner-warn stack">
      <strong>
        {plural(b.rows, 'row is', 'rows are')} dated before the start date of the track {b.trackName} ({b.trackStart}), a setting of the track, not a
        problem in your file.
      </strong>
      <p className="small">
        ARRT counts procedures performed in the 24 months before you apply, so a track can start as early as your first procedure. Moving the start to{' '}
        {b.earliest} lets these entries in; any older than 24 months on your application date will not count then.
      </p>
      <label className="check">
        <input type="checkbox" checked={props.move} onChange={(e) => props.onMove(e.target.checked)} />
        Move the track&apos;s start date to {b.earliest} (the earliest row) when importing
      </label>
    </div>
  );
}

function ProcedureNames(props: { check: ImportCheck; map: Record<string, string>; onMap: (m: Record<string, string>) => void }) {
  const { check, map } = props;
  const catalog = check.catalog?.procedures ?? [];
  const categories = useMemo(() => [...new Set(catalog.map((p) => p.category))], [catalog]);
  const unmatched = check.procedures.filter((p) => !p.mappedTo);
  const withSuggestion = unmatched.filter((p) => p.suggestions[0]);
  const set = (name: string, value: string) => props.onMap({ ...map, [name.trim().toLowerCase()]: value });
  return (
    <section className="stack import-names" aria-labelledby="import-procedures-title">
      <h4 id="import-procedures-title" className="import-subtitle">
        Procedure names
      </h4>
      <p className="small muted">
        {check.catalog
          ? `Entries count toward requirements only under the catalog's names. Choose the catalog procedure each of your names means; RadLedger remembers the table for your next import.${unmatched.length ? ` ${plural(unmatched.length, 'name')} still to match.` : ''}`
          : 'These names are saved as written.'}
      </p>
      {withSuggestion.length > 1 ? (
        <div className="row">
          <button
            type="button"
            className="btn"
            onClick={() => props.onMap({ ...map, ...Object.fromEntries(withSuggestion.map((p) => [p.name.trim().toLowerCase(), p.suggestions[0]!.id])) })}
          >
            Use all {withSuggestion.length} suggestions
          </button>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Procedure names in the file and what they are saved as</caption>
          <thead>
            <tr>
              <th scope="col">In your file</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Save as</th>
              <th scope="col">Suggestion</th>
            </tr>
          </thead>
          <tbody>
            {check.procedures.map((p) => {
              const k = p.name.trim().toLowerCase();
              const value = map[k] ?? p.mappedTo?.id ?? '';
              const top = p.suggestions[0];
              return (
                <tr key={k}>
                  <th scope="row">{p.name}</th>
                  <td className="num">{p.rows.toLocaleString()}</td>
                  <td>
                    <select aria-label={`Save "${p.name}" as`} value={value} onChange={(e) => set(p.name, e.target.value)}>
                      <option value="">{check.catalog?.binding ? '— choose a catalog procedure —' : 'Keep as written (does not count)'}</option>
                      {categories.map((c) => (
                        <optgroup key={c} label={c}>
                          {catalog
                            .filter((x) => x.category === c)
                            .map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.name}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  </td>
                  <td className="small">
                    {p.remembered ? (
                      <span className="muted">remembered from an earlier import</span>
                    ) : !p.mappedTo && top ? (
                      <button type="button" className="btn-link" onClick={() => set(p.name, top.id)}>
                        Use “{top.name}”
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SiteNames(props: { check: ImportCheck; map: Record<string, string>; onMap: (m: Record<string, string>) => void }) {
  const { check, map } = props;
  const created = [...new Set(check.sites.filter((s) => !s.existing).map((s) => s.target))];
  const set = (name: string, value: string) => props.onMap({ ...map, [name.trim().toLowerCase()]: value });
  return (
    <section className="stack import-names" aria-labelledby="import-sites-title">
      <h4 id="import-sites-title" className="import-subtitle">
        Sites
      </h4>
      <p className="small muted">
        {created.length
          ? `${plural(created.length, 'new site')} will be created: ${created.join(', ')}. Where two names are the same place, save them under one.`
          : 'Every site in the file is one you already have.'}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Sites in the file and where their entries go</caption>
          <thead>
            <tr>
              <th scope="col">In your file</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Saved under</th>
              <th scope="col">Same place?</th>
            </tr>
          </thead>
          <tbody>
            {check.sites.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td className="num">{s.rows.toLocaleString()}</td>
                <td>
                  {s.target}{' '}
                  <span className="muted small">{s.existing ? (s.remembered ? '(your site, remembered)' : '(your site)') : '(new)'}</span>
                  {map[s.name.trim().toLowerCase()] || s.remembered ? (
                    <>
                      {' '}
                      <button type="button" className="btn-link small" onClick={() => set(s.name, '')}>
                        keep separate
                      </button>
                    </>
                  ) : null}
                </td>
                <td className="small">
                  {s.suggestion ? (
                    <button type="button" className="btn-link" onClick={() => set(s.name, s.suggestion!)}>
                      Save under “{s.suggestion}”
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PhiRows(props: { check: ImportCheck; clean: Set<number>; onClean: (s: Set<number>) => void; keep: boolean; onKeep: (k: boolean) => void }) {
  const { check, clean } = props;
  const toggle = (line: number) => {
    const next = new Set(clean);
    if (next.has(line)) next.delete(line);
    else next.add(line);
    props.onClean(next);
  };
  const left = check.phi.filter((p) => !clean.has(p.line)).length;
  return (
    <div className="banner banner-warn stack" role="group" aria-label="Notes that may identify a patient">
      <strong>
        {check.phi.length === 1 ? 'One row has notes' : `${check.phi.length.toLocaleString()} rows have notes`} that may identify a patient. Remove the flagged
        text, or confirm the notes hold no patient information. Nothing is imported until you do.
      </strong>
      <div className="row">
        <button type="button" className="btn" onClick={() => props.onClean(new Set(check.phi.map((p) => p.line)))} disabled={left === 0}>
          Remove all flagged text
        </button>
      </div>
      <ul className="problem-list phi-rows">
        {check.phi.slice(0, SHOWN_PROBLEMS).map((p) => (
          <li key={p.line}>
            Row {p.line}: {clean.has(p.line) ? <span>“{p.cleaned}”</span> : <span>“{p.notes}” — {p.message}</span>}{' '}
            <button type="button" className="btn-link" onClick={() => toggle(p.line)}>
              {clean.has(p.line) ? 'Keep as written' : 'Remove flagged text'}
            </button>
          </li>
        ))}
        {check.phi.length > SHOWN_PROBLEMS ? <li>…and {(check.phi.length - SHOWN_PROBLEMS).toLocaleString()} more (use “Remove all flagged text”)</li> : null}
      </ul>
      {left > 0 ? (
        <label className="check">
          <input type="checkbox" checked={props.keep} onChange={(e) => props.onKeep(e.target.checked)} />
          Import the {left === 1 ? 'flagged note' : `${left} flagged notes`} as written: I checked {left === 1 ? 'it holds' : 'they hold'} no patient information
        </label>
      ) : (
        <p className="small">All flagged text will be replaced by [removed].</p>
      )}
    </div>
  );
}

function ProblemList(props: { title: string; items: string[] }) {
  return (
    <div className="banner banner-error stack" role="alert">
      <strong>{props.title}</strong>
      <ul className="problem-list">
        {props.items.slice(0, SHOWN_PROBLEMS).map((m) => (
          <li key={m}>{m}</li>
        ))}
        {props.items.length > SHOWN_PROBLEMS ? <li>…and {(props.items.length - SHOWN_PROBLEMS).toLocaleString()} more</li> : null}
      </ul>
    </div>
  );
}
