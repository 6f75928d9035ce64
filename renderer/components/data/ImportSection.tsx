// Settings → Import: a spreadsheet people already keep (CSV or XLSX) with a column-mapping preview,
// every row checked before anything is written (all or nothing), duplicates offered to skip; and
// RadLedger's own JSON export, which replaces the data like a restore (preview, backup, undo).
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, DataPreview } from '../../../shared/ipc/backups';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  type ImportCheck,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/ipc/import';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, Field, useToast } from '../ui';
import { DataPreviewView } from './DataPreviewView';
import { readFileAsBase64, readFileAsText } from './files';

const SHOWN_PROBLEMS = 50;

/** Undoes an import by restoring the backup taken just before it; false (error shown) if that failed. */
async function restoreBackup(backup: BackupInfo, setBusy: (b: boolean) => void, setError: (e: AppError) => void): Promise<boolean> {
  setBusy(true);
  const r = await api.backups.restore({ source: { kind: 'backup', name: backup.name } });
  setBusy(false);
  if (!r.ok) setError(r.error);
  return r.ok;
}

function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function ImportSection(props: { refreshKey: number; onDataChanged: () => void }) {
  return (
    <section className="card" aria-labelledby="import-title">
      <div>
        <h2 className="card-title" id="import-title">
          Import
        </h2>
        <p className="muted small">Bring in the log you already keep. Nothing is written until every row passes the same checks as the log form.</p>
      </div>
      <SpreadsheetImport refreshKey={props.refreshKey} onDataChanged={props.onDataChanged} />
      <JsonImport onDataChanged={props.onDataChanged} />
    </section>
  );
}

function SpreadsheetImport(props: { refreshKey: number; onDataChanged: () => void }) {
  const tracks = useResult(() => api.tracks.list(), [props.refreshKey]);
  const [trackId, setTrackId] = useState<number | null>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<(ImportResult & { trackName: string }) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  const list = tracks.value ?? [];
  const track = list.find((t) => t.id === trackId) ?? list[0];

  // Every change of file, mapping or track re-checks all rows in the backend.
  useEffect(() => {
    if (!file || !mapping || !track) return;
    let current = true;
    setChecking(true);
    void api.import.check({ ...file, trackId: track.id, mapping }).then((r) => {
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
  }, [file, mapping, track?.id]);

  async function choose(f: File) {
    setResult(null);
    setError(null);
    setCheck(null);
    const picked = { fileName: f.name, dataBase64: await readFileAsBase64(f) };
    const r = await api.import.preview(picked);
    if (!r.ok) {
      setFile(null);
      setPreview(null);
      setMapping(null);
      setError(r.error);
      return;
    }
    setFile(picked);
    setPreview(r.value);
    setMapping(r.value.mapping);
  }

  function reset() {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setCheck(null);
    setError(null);
  }

  async function commit() {
    if (!file || !mapping || !track) return;
    setBusy(true);
    const r = await api.import.commit({ ...file, trackId: track.id, mapping, skipDuplicates });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    reset();
    setResult({ ...r.value, trackName: track.name });
    props.onDataChanged();
    toast(`Imported ${r.value.imported.toLocaleString()} entries.`);
  }

  async function undo(backup: BackupInfo) {
    if (!(await restoreBackup(backup, setBusy, setError))) return;
    setResult(null);
    props.onDataChanged();
    toast('Import undone: your log is back as it was before.');
  }

  if (!tracks.loading && list.length === 0) {
    return (
      <div className="import-block">
        <h3 className="import-title">From a spreadsheet (CSV or Excel)</h3>
        <p className="muted small">Create a track on the Log page first; imported entries go into a track.</p>
      </div>
    );
  }

  const mappedFields = mapping ? IMPORT_FIELDS.filter((f) => mapping[f] !== null) : [];
  const ready = check ? check.valid - (skipDuplicates ? check.duplicates.length : 0) : 0;
  const issues = error?.issues?.filter((i) => i.path.startsWith('rows.')) ?? [];

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
                    {t.name} ({t.discipline})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <button className="btn" onClick={() => fileInput.current?.click()}>
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
          Imported {result.imported.toLocaleString()} {result.imported === 1 ? 'entry' : 'entries'} into {result.trackName}
          {result.skippedDuplicates ? `, skipped ${result.skippedDuplicates.toLocaleString()} duplicate${result.skippedDuplicates === 1 ? '' : 's'}` : ''}. A
          backup was taken first.{' '}
          <button className="btn-link" onClick={() => void undo(result.backup)} disabled={busy}>
            Undo import
          </button>
        </Banner>
      ) : null}
      {error && issues.length === 0 ? <Banner tone="error">{error.message}</Banner> : null}
      {error && issues.length > 0 ? <ProblemList title={error.message} items={issues.map((i) => i.message)} /> : null}

      {preview && mapping ? (
        <>
          <fieldset className="mapping">
            <legend>
              Which column holds what? <span className="muted small">Guessed from the header row; change any that are wrong.</span>
            </legend>
            <div className="mapping-grid">
              {IMPORT_FIELDS.map((f) => (
                <Field key={f} label={`${IMPORT_FIELD_LABELS[f]}${REQUIRED_IMPORT_FIELDS.includes(f) ? ' (required)' : ''}`}>
                  {(id) => (
                    <select
                      id={id}
                      value={mapping[f] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}
                    >
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
            </div>
          </fieldset>

          <div className="table-wrap">
            <table>
              <caption className="import-caption">
                First {preview.sample.length} of {preview.rowCount.toLocaleString()} rows, as they will be read
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Row
                  </th>
                  {mappedFields.map((f) => (
                    <th scope="col" key={f}>
                      {IMPORT_FIELD_LABELS[f]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.line}>
                    <td className="num muted">{r.line}</td>
                    {mappedFields.map((f) => (
                      <td key={f}>{r.cells[mapping[f]!] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {checking ? <p className="small muted" role="status">Checking every row…</p> : null}
          {check && !checking ? (
            <div className="stack" role="status">
              <p className="small">
                Checked {check.rowCount.toLocaleString()} rows: <strong>{check.valid.toLocaleString()} ready</strong>
                {check.problems.length ? (
                  <>
                    , <strong className="text-danger">{check.problems.length.toLocaleString()} with problems</strong>
                  </>
                ) : null}
                .
              </p>
              {check.problems.length ? (
                <ProblemList
                  title={`Fix ${check.problems.length === 1 ? 'this row' : `these ${check.problems.length} rows`} in the file first — nothing is imported while any row has a problem.`}
                  items={check.problems.map((p) => `Row ${p.line}: ${p.message(' ')}`)}
                />
              ) : null}
              {check.phi.length ? (
                <div className="banner banner-warn stack">
                  <strong>
                    {check.phi.length === 1 ? 'One row has notes' : `${check.phi.length.toLocaleString()} rows have notes`} that may hold patient
                    information. Keep patient identifiers out of your log: remove them from the file and choose it again.
                  </strong>
                  <ul className="problem-list">
                    {check.phi.slice(0, 10).map((p) => (
                      <li key={p.line}>
                        Row {p.line}: {p.message(' ')}
                      </li>
                    ))}
                    {check.phi.length > 10 ? <li>…and {(check.phi.length - 10).toLocaleString()} more</li> : null}
                  </ul>
                </div>
              ) : null}
              {check.duplicates.length ? (
                <div className="banner banner-warn stack">
                  <label className="check">
                    <input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} />
                    Skip {check.duplicates.length.toLocaleString()} {check.duplicates.length === 1 ? 'row that matches an entry' : 'rows that match entries'} already
                    in this track (same date, time, procedure and site)
                  </label>
                  <ul className="problem-list">
                    {check.duplicates.slice(0, 10).map((d) => (
                      <li key={d.line}>
                        Row {d.line}: {d.summary}
                      </li>
                    ))}
                    {check.duplicates.length > 10 ? <li>…and {check.duplicates.length - 10} more</li> : null}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}

          <div className="row">
            <button className="btn btn-primary" onClick={() => void commit()} disabled={busy || checking || !check || check.problems.length > 0 || ready === 0}>
              {busy ? 'Importing…' : `Import ${ready.toLocaleString()} ${ready === 1 ? 'entry' : 'entries'}`}
            </button>
            <button className="btn" onClick={reset} disabled={busy}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
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

function JsonImport(props: { onDataChanged: () => void }) {
  const [picked, setPicked] = useState<{ name: string; json: string; preview: DataPreview & { exportedAt: string } } | null>(null);
  const [done, setDone] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toast = useToast();

  async function choose(f: File) {
    setDone(null);
    setError(null);
    const json = await readFileAsText(f);
    const r = await api.exportjson.preview({ json });
    if (r.ok) setPicked({ name: f.name, json, preview: r.value });
    else {
      setPicked(null);
      setError(r.error);
    }
  }

  async function replace() {
    if (!picked) return;
    setBusy(true);
    const r = await api.exportjson.import({ json: picked.json });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setPicked(null);
    setDone(r.value.undo);
    props.onDataChanged();
    toast('Your data was replaced with the export.');
  }

  async function undo(backup: BackupInfo) {
    if (!(await restoreBackup(backup, setBusy, setError))) return;
    setDone(null);
    props.onDataChanged();
    toast('Undone: your data is back as it was before.');
  }

  return (
    <div className="import-block stack">
      <h3 className="import-title">From a RadLedger JSON export</h3>
      <p className="muted small">Moves a whole log between computers. It replaces your current data; your data is backed up first and you can undo.</p>
      <div className="row">
        <button className="btn" onClick={() => fileInput.current?.click()} disabled={busy}>
          Choose a JSON export…
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          aria-label="RadLedger JSON export file"
          accept=".json,application/json"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void choose(f);
          }}
        />
      </div>
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {done ? (
        <Banner tone="ok">
          Your data was replaced with the export.{' '}
          <button className="btn-link" onClick={() => void undo(done)} disabled={busy}>
            Undo
          </button>
        </Banner>
      ) : null}
      {picked ? (
        <div className="restore-preview" role="region" aria-label="JSON import preview">
          <h3 className="restore-preview-title">Replace your data with {picked.name}?</h3>
          <p className="small muted">Exported {new Date(picked.preview.exportedAt).toLocaleString()}.</p>
          <DataPreviewView preview={picked.preview} />
          <div className="row">
            <button className="btn btn-primary" onClick={() => void replace()} disabled={busy}>
              {busy ? 'Replacing…' : 'Replace my data with this export'}
            </button>
            <button className="btn" onClick={() => setPicked(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
