// Paste to fill: the table text copied from the ARRT PDF or worksheet, or from a spreadsheet, parsed
// live in the renderer (the parser is pure shared code) into a preview. The detected column mapping
// can be changed per column, and every line that was not read is listed with its number, so nothing
// is dropped silently.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { PasteFormat } from '../../../shared/catalog/paste-parser';
import { COLUMN_ROLES, parseWithMapping, ROLE_LABELS, type ColumnRole } from './paste-mapping';
import type { PasteMode } from './draft';
import { KIND_LABELS } from './ProcedureGrid';
import { describeRead, readWorksheetFile, WORKSHEET_ACCEPT, type PendingWorksheet } from './worksheet';

const FORMAT_LABELS: Record<PasteFormat, string> = {
  tab: 'tab-separated (spreadsheet or worksheet copy)',
  csv: 'comma-separated',
  spaces: 'columns separated by spaces (PDF text)',
};

export function PastePanel(props: {
  source: string;
  hasProcedures: boolean;
  onUse: (paste: ReturnType<typeof parseWithMapping>['result'], mode: PasteMode) => void;
  /** A worksheet file already read (e.g. picked in the guided start). */
  initial?: PendingWorksheet | null;
  /** How many procedures are read in the box but not yet put in the list (0 when none). */
  onPending?: (n: number) => void;
}) {
  const [text, setText] = useState(props.initial?.read.text ?? '');
  const [fileNote, setFileNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(
    props.initial ? { tone: 'ok', text: describeRead(props.initial.fileName, props.initial.read) } : null,
  );
  const [reading, setReading] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setReading(true);
    setFileNote(null);
    const r = await readWorksheetFile(file);
    setReading(false);
    if (fileRef.current) fileRef.current.value = '';
    if (!r.ok) {
      setFileNote({ tone: 'error', text: `“${file.name}”: ${r.error.message}` });
      return;
    }
    setText(r.value.text);
    setRoles(null);
    setFileNote({ tone: 'ok', text: describeRead(file.name, r.value) });
  }
  const [roles, setRoles] = useState<ColumnRole[] | null>(null);
  const deferred = useDeferredValue(text);
  const mapped = useMemo(() => parseWithMapping(deferred, roles, { source: props.source }), [deferred, roles, props.source]);
  const { result } = mapped;
  const n = result.rows.length;
  const empty = deferred.trim() === '';
  const { onPending } = props;
  useEffect(() => onPending?.(empty ? 0 : n), [empty, n, onPending]);

  function setRole(col: number, role: ColumnRole) {
    const next = Array.from({ length: mapped.columnCount }, (_, i) => mapped.roles[i] ?? 'ignore');
    // One column per role: picking a role elsewhere frees it here.
    if (role !== 'ignore') next.forEach((r, i) => r === role && (next[i] = 'ignore'));
    next[col] = role;
    setRoles(next);
  }

  function use(mode: PasteMode) {
    props.onUse(result, mode);
    setText('');
    setRoles(null);
    setFileNote(null);
  }

  return (
    <div className="stack cat-paste">
      <div className="row cat-file-row">
        <input ref={fileRef} type="file" accept={WORKSHEET_ACCEPT} className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e.target.files?.[0])} />
        <button type="button" className="btn" aria-busy={reading} disabled={reading} onClick={() => fileRef.current?.click()}>
          {reading ? 'Reading the file…' : 'Import the worksheet file (PDF, CSV, XLSX)'}
        </button>
        <span className="small muted">or copy the table from it and paste it below. A scanned PDF has no text to read: type it in instead.</span>
      </div>
      {fileNote ? (
        <p className={`small ${fileNote.tone === 'error' ? 'cat-warn-text' : ''}`} role={fileNote.tone === 'error' ? 'alert' : 'status'} data-testid="worksheet-note">
          {fileNote.text}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="cat-paste-text">Paste the table</label>
        <textarea
          id="cat-paste-text"
          className="cat-paste-text"
          spellCheck={false}
          value={text}
          placeholder={'Copy the procedure table from your ARRT worksheet, the PDF or a spreadsheet and paste it here, e.g.\n\nCATEGORY NAME\nProcedure name    repetitions    Mandatory or Elective'}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim() === '') {
              setRoles(null);
              setFileNote(null);
            }
          }}
          aria-describedby="cat-paste-hint"
        />
        <span className="hint" id="cat-paste-hint">
          A header row (Procedure, Category, Repetitions, Mandatory/Elective) helps; without one, a number is read as the repetitions, the words
          Mandatory or Elective as the kind, and a line with no number as a category.
        </span>
      </div>

      {empty ? null : (
        <>
          <div className="cat-detected" role="status">
            <span>
              Read as <strong>{FORMAT_LABELS[result.format]}</strong>
              {result.columns ? ', with a header row.' : ', no header row found.'}
            </span>{' '}
            <span>
              <strong>{n}</strong> procedures in <strong>{result.categories.length}</strong> categories
              {result.rules.length ? `, ${result.rules.length} group rules` : ''}; <strong>{result.unparsed.length}</strong> lines not read.
            </span>
          </div>

          {mapped.columnCount > 1 ? (
            <fieldset className="cat-mapping">
              <legend>Columns</legend>
              {Array.from({ length: mapped.columnCount }, (_, i) => (
                <div className="field" key={i}>
                  <label htmlFor={`cat-col-${i}`}>
                    Column {i + 1}
                    {mapped.headerCells?.[i] ? <span className="muted"> “{mapped.headerCells[i]}”</span> : null}
                  </label>
                  <select id={`cat-col-${i}`} value={mapped.roles[i] ?? 'ignore'} onChange={(e) => setRole(i, e.target.value as ColumnRole)}>
                    {COLUMN_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              {roles ? (
                <button type="button" className="btn-link cat-mapping-reset" onClick={() => setRoles(null)}>
                  Use the detected columns
                </button>
              ) : null}
            </fieldset>
          ) : null}
          {mapped.columnCount === 1 && result.format === 'spaces' ? (
            <p className="small muted">Each line was read as a procedure name followed by its repetitions and Mandatory or Elective; a line with no number starts a category.</p>
          ) : null}
          {mapped.columnCount > 1 && !result.columns && !roles ? (
            <p className="small muted">No header row: each line’s cells were guessed (number = repetitions, Mandatory/Elective = kind, text = name, a text cell before it = category). Pick the columns above to set them yourself.</p>
          ) : null}
          {mapped.overrideIgnored ? (
            <p className="small cat-warn-text" role="alert">
              Choose a “Procedure name” column and at least one other column; until then the detected reading is shown.
            </p>
          ) : null}

          {result.unparsed.length ? (
            <div className="cat-unparsed" aria-labelledby="cat-unparsed-title">
              <h3 id="cat-unparsed-title" className="small">
                Lines not read ({result.unparsed.length}) — check them against your worksheet
              </h3>
              <ul>
                {result.unparsed.map((u) => (
                  <li key={u.line}>
                    <span className="cat-line-no">Line {u.line}</span> <code>{u.text.trim()}</code> <span className="muted">— {u.reason}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {n ? (
            <div className="table-wrap cat-preview">
              <table aria-label="Parsed preview">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Category</th>
                    <th scope="col">Procedure</th>
                    <th scope="col" className="num">
                      Repetitions
                    </th>
                    <th scope="col">Mandatory / elective</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.line}>
                      <td className="num muted">{r.line}</td>
                      <td>{r.category}</td>
                      <td>{r.name}</td>
                      <td className="num">{r.repetitions ?? <span className="cat-warn-text">missing</span>}</td>
                      <td>{r.kind === 'unknown' ? <span className="cat-warn-text">not stated</span> : KIND_LABELS[r.kind]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {result.rules.length ? (
            <ul className="small cat-rules-found">
              {result.rules.map((r, i) => (
                <li key={i}>
                  {r.type === 'totalRepetitions' ? `Total repetitions: ${r.count.value}` : `At least ${r.count.value} electives`}
                </li>
              ))}
            </ul>
          ) : null}

          <div className="row">
            <button type="button" className="btn btn-primary" id="cat-paste-use" disabled={n === 0} onClick={() => use('replace')}>
              {props.hasProcedures ? `Replace the list with these ${n} procedures` : `Use these ${n} procedures`}
            </button>
            {props.hasProcedures ? (
              <button type="button" className="btn" disabled={n === 0} onClick={() => use('append')}>
                Add them to the list
              </button>
            ) : null}
            <button
              type="button"
              className="btn"
              onClick={() => {
                setText('');
                setRoles(null);
                setFileNote(null);
              }}
            >
              Clear
            </button>
          </div>
        </>
      )}
    </div>
  );
}
