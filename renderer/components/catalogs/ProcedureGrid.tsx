// The fast editor: one row per procedure, grouped by category, driven from the keyboard like a
// spreadsheet. Enter / Shift+Enter and the arrow keys move between cells, Enter on the last row adds
// one, Ctrl+Enter inserts a row below, Alt+Up/Down reorders within the category, Ctrl+Delete removes
// the row. Every cell has a label and shows its own validation message.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { PROCEDURE_KINDS, type ProcedureKind, type Sourced } from '../../../shared/catalog/schema';
import {
  addCategory,
  addRow,
  deleteCategory,
  deleteRow,
  moveRow,
  renameCategory,
  setKind,
  setQc,
  setSimulation,
  setText,
  type Draft,
  type ProcRow,
  type SimulationChoice,
} from './draft';
import { SourceNote } from './SourceNote';

export const KIND_LABELS: Record<ProcedureKind, string> = { mandatory: 'Mandatory', elective: 'Elective', unknown: 'Not known' };
const SIM_LABELS: Record<SimulationChoice, string> = { unknown: 'Not known', yes: 'Allowed', no: 'Not allowed' };

/** Navigable columns, left to right. */
const COLS = ['name', 'kind', 'reps', 'maxCounted', 'qc', 'sim'] as const;
type Col = (typeof COLS)[number];

export interface GridProps {
  draft: Draft;
  onChange: (d: Draft) => void;
  /** Messages per field key (see draft.targetKey). */
  errors: Map<string, string>;
  mySource: string;
}

interface Focus {
  uid: string;
  col: Col | 'category';
}

const cellKey = (uid: string, col: Col | 'category') => `${uid}:${col}`;

export function ProcedureGrid({ draft, onChange, errors, mySource }: GridProps) {
  const tableRef = useRef<HTMLTableElement>(null);
  const pendingFocus = useRef<Focus | null>(null);
  const order = draft.categories.flatMap((c) => c.procedures.map((p) => ({ cat: c.uid, uid: p.uid })));

  useEffect(() => {
    const f = pendingFocus.current;
    if (!f) return;
    pendingFocus.current = null;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(f.uid, f.col)}"]`);
    el?.focus();
    if (el instanceof HTMLInputElement && el.type === 'text') el.select();
  });

  const focusCell = (uid: string, col: Col | 'category') => {
    pendingFocus.current = { uid, col };
    // Same draft: no re-render will run the effect, so focus now.
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(uid, col)}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
      if (el instanceof HTMLInputElement && el.type === 'text') el.select();
    }
  };

  const change = (d: Draft, focus?: Focus) => {
    if (focus) pendingFocus.current = focus;
    onChange(d);
  };

  function onCellKey(e: KeyboardEvent<HTMLElement>, row: ProcRow, catUid: string, col: Col) {
    const index = order.findIndex((o) => o.uid === row.uid);
    const target = e.currentTarget;
    const isText = target instanceof HTMLInputElement && target.type === 'text';
    const caretAtStart = !isText || (target.selectionStart === 0 && target.selectionEnd === 0);
    const caretAtEnd = !isText || (target.selectionStart === target.value.length && target.selectionEnd === target.value.length);
    const colIndex = COLS.indexOf(col);
    const go = (i: number, c: Col = col) => {
      const o = order[i];
      if (!o) return false;
      e.preventDefault();
      focusCell(o.uid, c);
      return true;
    };

    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      const { draft: d, uid } = addRow(draft, catUid, row.uid);
      change(d, { uid, col: 'name' });
    } else if (e.key === 'Enter') {
      if (target instanceof HTMLButtonElement) return;
      e.preventDefault();
      if (e.shiftKey) go(index - 1);
      else if (!go(index + 1)) {
        const { draft: d, uid } = addRow(draft, catUid, row.uid);
        change(d, { uid, col: 'name' });
      }
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      change(moveRow(draft, row.uid, e.key === 'ArrowUp' ? -1 : 1), { uid: row.uid, col });
    } else if (e.key === 'ArrowUp' && !e.shiftKey) go(index - 1);
    else if (e.key === 'ArrowDown' && !e.shiftKey) go(index + 1);
    else if (e.key === 'ArrowLeft' && caretAtStart && colIndex > 0) {
      e.preventDefault();
      focusCell(row.uid, COLS[colIndex - 1]!);
    } else if (e.key === 'ArrowRight' && caretAtEnd && colIndex < COLS.length - 1) {
      e.preventDefault();
      focusCell(row.uid, COLS[colIndex + 1]!);
    } else if (e.key === 'Delete' && e.ctrlKey) {
      e.preventDefault();
      removeRow(row, index, col);
    }
  }

  function removeRow(row: ProcRow, index: number, col: Col) {
    const next = order[index + 1] ?? order[index - 1];
    change(deleteRow(draft, row.uid), next ? { uid: next.uid, col } : undefined);
  }

  const err = (uid: string, field: string) => errors.get(`proc:${uid}:${field}`);

  function numberCell(p: ProcRow, field: 'reps' | 'maxCounted', catUid: string, label: string) {
    const message = err(p.uid, field);
    const id = `cell-${p.uid}-${field}`;
    return (
      <td className="num">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          className="cat-num"
          data-cell={cellKey(p.uid, field)}
          aria-label={`${label}, ${p.name || 'new procedure'}`}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-err` : undefined}
          value={field === 'reps' ? p.reps : p.maxCounted}
          placeholder={field === 'maxCounted' ? 'no cap' : ''}
          onChange={(e) => change(setText(draft, p.uid, field, e.target.value))}
          onKeyDown={(e) => onCellKey(e, p, catUid, field)}
        />
        {message ? (
          <span className="cat-cell-error" id={`${id}-err`}>
            {message}
          </span>
        ) : null}
      </td>
    );
  }

  return (
    <div className="stack">
      <p className="small muted cat-keys">
        <kbd>Tab</kbd> / <kbd>Enter</kbd> / arrow keys move between cells · <kbd>Enter</kbd> on the last row adds a row ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> inserts a row below · <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> moves a row ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Delete</kbd> deletes it · type M, E or N in the kind column.
      </p>
      <div className="table-wrap cat-grid-wrap">
        <table className="cat-grid" ref={tableRef} aria-label="Procedures">
          <thead>
            <tr>
              <th scope="col">Procedure</th>
              <th scope="col">Mandatory / elective</th>
              <th scope="col" className="num">
                Repetitions
              </th>
              <th scope="col" className="num">
                Max counted
              </th>
              <th scope="col">QC test</th>
              <th scope="col">Simulation</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Row actions</span>
              </th>
            </tr>
          </thead>
          {draft.categories.map((c) => {
            const catError = errors.get(`category:${c.uid}`);
            return (
              <tbody key={c.uid}>
                <tr className="cat-category-row">
                  <th colSpan={8} scope="colgroup">
                    <div className="cat-category-head">
                      <label className="visually-hidden" htmlFor={`cat-${c.uid}`}>
                        Category name
                      </label>
                      <input
                        id={`cat-${c.uid}`}
                        className="cat-category-name"
                        data-cell={cellKey(c.uid, 'category')}
                        value={c.name}
                        aria-invalid={catError ? true : undefined}
                        onChange={(e) => change(renameCategory(draft, c.uid, e.target.value))}
                      />
                      <span className="small muted">{c.procedures.length} procedures</span>
                      <button
                        type="button"
                        className="btn cat-btn-small"
                        onClick={() => {
                          const { draft: d, uid } = addRow(draft, c.uid);
                          change(d, { uid, col: 'name' });
                        }}
                      >
                        Add procedure
                      </button>
                      <button
                        type="button"
                        className="btn btn-danger cat-btn-small"
                        onClick={() => change(deleteCategory(draft, c.uid))}
                        aria-label={`Delete the category ${c.name || '(unnamed)'} and its ${c.procedures.length} procedures`}
                      >
                        Delete category
                      </button>
                      {catError ? <span className="cat-cell-error">{catError}</span> : null}
                    </div>
                  </th>
                </tr>
                {c.procedures.map((p) => {
                  const index = order.findIndex((o) => o.uid === p.uid);
                  const nameErr = err(p.uid, 'name');
                  const kindErr = err(p.uid, 'kind');
                  const label = p.name || 'new procedure';
                  return (
                    <tr key={p.uid} data-row={p.uid}>
                      <td>
                        <input
                          type="text"
                          className="cat-name"
                          data-cell={cellKey(p.uid, 'name')}
                          aria-label={`Procedure name, row ${index + 1}`}
                          aria-invalid={nameErr ? true : undefined}
                          aria-describedby={nameErr ? `cell-${p.uid}-name-err` : undefined}
                          value={p.name}
                          onChange={(e) => change(setText(draft, p.uid, 'name', e.target.value))}
                          onKeyDown={(e) => onCellKey(e, p, c.uid, 'name')}
                        />
                        {nameErr ? (
                          <span className="cat-cell-error" id={`cell-${p.uid}-name-err`}>
                            {nameErr}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <select
                          data-cell={cellKey(p.uid, 'kind')}
                          aria-label={`Mandatory or elective, ${label}`}
                          aria-invalid={kindErr ? true : undefined}
                          aria-describedby={kindErr ? `cell-${p.uid}-kind-err` : undefined}
                          className={`cat-kind kind-${p.kind}`}
                          value={p.kind}
                          onChange={(e) => change(setKind(draft, p.uid, e.target.value as ProcedureKind))}
                          onKeyDown={(e) => onCellKey(e, p, c.uid, 'kind')}
                        >
                          {PROCEDURE_KINDS.map((k) => (
                            <option key={k} value={k}>
                              {KIND_LABELS[k]}
                            </option>
                          ))}
                        </select>
                        {kindErr ? (
                          <span className="cat-cell-error" id={`cell-${p.uid}-kind-err`}>
                            {kindErr}
                          </span>
                        ) : null}
                      </td>
                      {numberCell(p, 'reps', c.uid, 'Repetitions')}
                      {numberCell(p, 'maxCounted', c.uid, 'Maximum counted')}
                      <td className="cat-center">
                        <input
                          type="checkbox"
                          data-cell={cellKey(p.uid, 'qc')}
                          aria-label={`Quality-control test, ${label}`}
                          checked={p.qcTest}
                          onChange={(e) => change(setQc(draft, p.uid, e.target.checked))}
                          onKeyDown={(e) => onCellKey(e, p, c.uid, 'qc')}
                        />
                      </td>
                      <td>
                        <select
                          data-cell={cellKey(p.uid, 'sim')}
                          aria-label={`Simulation, ${label}`}
                          value={p.simulation}
                          onChange={(e) => change(setSimulation(draft, p.uid, e.target.value as SimulationChoice))}
                          onKeyDown={(e) => onCellKey(e, p, c.uid, 'sim')}
                        >
                          {(Object.keys(SIM_LABELS) as SimulationChoice[]).map((s) => (
                            <option key={s} value={s}>
                              {SIM_LABELS[s]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="cat-source-cell">
                        <RowSource p={p} mySource={mySource} />
                      </td>
                      <td className="cat-actions">
                        <button
                          type="button"
                          className="cat-icon-btn"
                          tabIndex={-1}
                          aria-label={`Move ${label} up`}
                          aria-keyshortcuts="Alt+ArrowUp"
                          title="Move up (Alt+↑)"
                          onClick={() => change(moveRow(draft, p.uid, -1))}
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="cat-icon-btn"
                          tabIndex={-1}
                          aria-label={`Move ${label} down`}
                          aria-keyshortcuts="Alt+ArrowDown"
                          title="Move down (Alt+↓)"
                          onClick={() => change(moveRow(draft, p.uid, 1))}
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="cat-icon-btn cat-danger"
                          aria-label={`Delete ${label}`}
                          aria-keyshortcuts="Control+Delete"
                          title="Delete row (Ctrl+Delete)"
                          onClick={() => removeRow(p, index, 'name')}
                        >
                          ✕
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
        {draft.categories.length === 0 ? (
          <p className="empty small">No procedures yet: paste the table from your worksheet above, or add a category.</p>
        ) : null}
      </div>
      <div className="row">
        <button
          type="button"
          className="btn"
          onClick={() => {
            const { draft: d, uid } = addCategory(draft, `Category ${draft.categories.length + 1}`);
            change(d, { uid, col: 'category' });
          }}
        >
          Add a category
        </button>
      </div>
    </div>
  );
}

/** Where this row's numbers come from, in a few words (the full source on hover and for readers). */
function RowSource({ p, mySource }: { p: ProcRow; mySource: string }) {
  const sources = [p.reps.trim() ? p.repsSource : undefined, p.maxCounted.trim() ? p.maxSource : undefined].filter(
    (s): s is Sourced<number> | null => s !== undefined,
  );
  if (sources.length === 0) return <span className="muted small">—</span>;
  const first = sources.find((s) => s !== null) ?? null;
  return <SourceNote sourced={first} mySource={mySource} />;
}
