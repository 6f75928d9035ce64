// The log: every entry, filtered, searched and sorted by the database (paged SQL served from
// indexes), drawn as a virtualised list so 100,000 rows scroll like 100. Rows edit inline; deletes
// and edits offer Undo; a bulk bar moves selected entries along draft -> signed -> entered -> verified.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ENTRY_STATUSES, ENTRY_STATUS_LABELS, type Entry, type EntryStatus, type Track } from '../../../shared/domain';
import { ENTRY_SORTS, type CountingFilter, type EntryJudgement, type EntryListInput, type EntrySort } from '../../../shared/ipc/entries';
import { phiWarningMessage, redactPhi } from '../../../shared/phi';
import type { EntryMark } from '../../../shared/ipc/signoff';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, fieldErrors } from '../ui';
import { HistoryPanel } from './HistoryPanel';
import { usePhiFindings } from '../PhiNotes';
import type { OfferUndo } from './undo';

const PAGE = 100;
const ROW_HEIGHT = 44;

const SORT_LABELS: Record<EntrySort, string> = {
  'date-desc': 'Newest first',
  'date-asc': 'Oldest first',
  procedure: 'Procedure',
  site: 'Site',
  status: 'Status',
};

export interface LogFilters {
  q: string;
  trackId: string;
  from: string;
  to: string;
  siteId: string;
  procedureName: string;
  status: string;
  counting: CountingFilter;
  sort: EntrySort;
}

export const NO_FILTERS: LogFilters = { q: '', trackId: '', from: '', to: '', siteId: '', procedureName: '', status: '', counting: 'all', sort: 'date-desc' };

/** The Status filter's extra choice: entries whose signature is void (stored status aside). */
const SIGNATURE_VOID = 'signature-void';

function toQuery(f: LogFilters): EntryListInput {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  return {
    q: f.q.trim() || undefined,
    trackId: f.trackId ? Number(f.trackId) : undefined,
    from: valid(f.from) ? f.from : undefined,
    to: valid(f.to) ? f.to : undefined,
    siteId: f.siteId ? Number(f.siteId) : undefined,
    procedureName: f.procedureName || undefined,
    // "Signed" is what still holds: an entry whose signature is void is listed under "Signature void".
    status: f.status === SIGNATURE_VOID || !f.status ? undefined : (f.status as EntryStatus),
    signature: f.status === SIGNATURE_VOID ? 'void' : f.status === 'signed' ? 'holds' : undefined,
    // What counts is decided per track by its catalog; without a track picked, each by its own.
    counting: f.counting,
    sort: f.sort,
  };
}

/** Pages of the current query, fetched as the virtual rows come into view. */
function usePagedEntries(query: EntryListInput, version: number, visiblePages: number[]) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; total: number | null; capped?: boolean; pages: Map<number, { version: number; rows: Entry[]; judgements: Record<number, EntryJudgement>; marks: Record<number, EntryMark> }> }>(
    { key, total: null, pages: new Map() },
  );
  const inFlight = useRef(new Set<string>());
  const [error, setError] = useState<AppError | null>(null);

  // A new query starts from an empty cache; a new version (an edit) refreshes pages in place.
  const current = state.key === key ? state : { key, total: null, pages: new Map<number, { version: number; rows: Entry[]; judgements: Record<number, EntryJudgement>; marks: Record<number, EntryMark> }>() };
  const wanted = visiblePages.length ? visiblePages : [0];
  const missing = wanted.filter((p) => current.pages.get(p)?.version !== version);

  useEffect(() => {
    for (const p of missing) {
      const id = `${key}|${version}|${p}`;
      if (inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      void api.entries.list({ ...query, limit: PAGE, offset: p * PAGE }).then((r) => {
        inFlight.current.delete(id);
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setError(null);
        setState((s) => {
          const base = s.key === key ? s : { key, total: null, pages: new Map() };
          // A slow answer for an older version must not replace a newer one already shown.
          if ((base.pages.get(p)?.version ?? -1) > version) return base;
          const pages = new Map(base.pages);
          pages.set(p, { version, rows: r.value.rows, judgements: r.value.judgements, marks: r.value.marks ?? {} });
          // A capped total is a lower bound that grows with the page's offset: keep the highest
          // one seen, so an answer for a shallower page does not shrink the list being scrolled.
          const capped = r.value.totalCapped === true;
          const total = capped && 'capped' in base && base.capped === true && base.total !== null ? Math.max(base.total, r.value.total) : r.value.total;
          return { key, total, capped, pages };
        });
      });
    }
    // `missing` is a new array each render; its joined text is the stable dependency.
  }, [key, version, missing.join(',')]);

  const rowAt = (i: number): Entry | undefined => current.pages.get(Math.floor(i / PAGE))?.rows[i % PAGE];
  const judgementAt = (i: number, id: number): EntryJudgement | undefined => current.pages.get(Math.floor(i / PAGE))?.judgements[id];
  const loadedRows = [...current.pages.values()].flatMap((p) => p.rows);
  const markOf = (id: number): EntryMark | undefined => {
    for (const p of current.pages.values()) if (p.marks[id]) return p.marks[id];
    return undefined;
  };
  return { total: current.total, capped: 'capped' in current && current.capped === true, rowAt, judgementAt, loadedRows, markOf, error };
}

export function LogTable(props: { tracks: Track[]; version: number; onChanged: () => void; offerUndo: OfferUndo }) {
  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<number | null>(null);
  // The row whose inline edit just closed: its Edit button takes the focus back (keyboard users
  // keep their place, and Ctrl+Z then undoes the edit instead of typing in some other field).
  const refocus = useRef<number | null>(null);
  const closeEdit = (id: number) => {
    refocus.current = id;
    setEditing(null);
  };
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const [bulkStatus, setBulkStatus] = useState<EntryStatus>('signed');
  const scrollRef = useRef<HTMLDivElement>(null);
  const options = useResult(
    () => api.entries.filterOptions({ trackId: filters.trackId ? Number(filters.trackId) : undefined }),
    [filters.trackId, props.version],
  );

  // Search runs 200 ms after the last keystroke, not on each one.
  useEffect(() => {
    const t = window.setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), 200);
    return () => window.clearTimeout(t);
  }, [search]);

  const query = useMemo(() => toQuery(filters), [filters]);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);
  const paged = usePagedEntries(query, props.version, visiblePages);
  const total = paged.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    const pages: number[] = [];
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) pages.push(p);
    setVisiblePages((old) => (old.join() === pages.join() ? old : pages));
  }, [first, last]);

  useEffect(() => {
    setSelected(new Set());
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  const set = <K extends keyof LogFilters>(k: K, v: LogFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const trackName = useCallback((id: number) => props.tracks.find((t) => t.id === id)?.discipline ?? '?', [props.tracks]);
  const filtered = JSON.stringify({ ...filters, sort: 'date-desc' }) !== JSON.stringify(NO_FILTERS);

  async function remove(entry: Entry) {
    const r = await api.entries.delete({ ids: [entry.id] });
    if (!r.ok) return;
    props.onChanged();
    props.offerUndo(`Deleted ${entry.procedureName} (${entry.performedOn}).`, {
      label: `deleting ${entry.procedureName}`,
      run: async () => {
        await api.entries.restore({ ids: [entry.id] });
        props.onChanged();
      },
    });
  }

  async function applyBulk() {
    const ids = [...selected];
    const r = await api.entries.setStatus({ ids, status: bulkStatus });
    if (!r.ok || r.value.updated === 0) return;
    const previous = r.value.previous;
    props.onChanged();
    setSelected(new Set());
    props.offerUndo(`Set ${r.value.updated} ${r.value.updated === 1 ? 'entry' : 'entries'} to “${ENTRY_STATUS_LABELS[bulkStatus]}”.`, {
      label: 'the status change',
      run: async () => {
        await api.entries.restoreStatuses({ changes: previous });
        props.onChanged();
      },
    });
  }

  const allLoadedSelected = paged.loadedRows.length > 0 && paged.loadedRows.every((r) => selected.has(r.id));

  return (
    <div className="log-layout">
      <section className="card log-card" aria-label="Entries">
        <div className="quick-log-head">
          <h2 className="card-title">
            Entries <span className="badge" data-testid="entry-total">{paged.total === null ? '…' : `${paged.total}${paged.capped ? '+' : ''}`}</span>
          </h2>
          {filtered ? (
            <button type="button" className="btn-link" onClick={() => { setSearch(''); setFilters(NO_FILTERS); }}>
              Clear filters
            </button>
          ) : null}
        </div>
        <div className="log-filters" role="search" aria-label="Filter the log">
          <label className="mini-field grow">
            <span>Search</span>
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Procedure, site, verifier, notes" />
          </label>
          <label className="mini-field">
            <span>Track filter</span>
            <select value={filters.trackId} onChange={(e) => setFilters((f) => ({ ...f, trackId: e.target.value, procedureName: '' }))}>
              <option value="">All tracks</option>
              {props.tracks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.discipline})
                </option>
              ))}
            </select>
          </label>
          <label className="mini-field">
            <span>From</span>
            <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label className="mini-field">
            <span>To</span>
            <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
          </label>
          <label className="mini-field">
            <span>Site filter</span>
            <select value={filters.siteId} onChange={(e) => set('siteId', e.target.value)}>
              <option value="">All sites</option>
              {(options.value?.sites ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="mini-field">
            <span>Procedure filter</span>
            <select value={filters.procedureName} onChange={(e) => set('procedureName', e.target.value)}>
              <option value="">All procedures</option>
              {(options.value?.procedures ?? []).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="mini-field">
            <span>Status filter</span>
            <select value={filters.status} onChange={(e) => set('status', e.target.value)}>
              <option value="">Any status</option>
              {ENTRY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ENTRY_STATUS_LABELS[s]}
                </option>
              ))}
              <option value={SIGNATURE_VOID}>Signature void</option>
            </select>
          </label>
          <label className="mini-field">
            <span>Counts filter</span>
            <select
              value={filters.counting}
              title={filters.trackId ? undefined : 'Each entry is judged by its own track’s requirement catalog.'}
              onChange={(e) => set('counting', e.target.value as CountingFilter)}
            >
              <option value="all">Counting or not</option>
              <option value="counts">Counts toward requirements</option>
              <option value="not-counting">Does not count</option>
            </select>
          </label>
          <label className="mini-field">
            <span>Sort</span>
            <select value={filters.sort} onChange={(e) => set('sort', e.target.value as EntrySort)}>
              {ENTRY_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>

        {selected.size > 0 ? (
          <div className="bulk-bar" role="region" aria-label="Bulk actions">
            <strong>{selected.size} selected</strong>
            <label className="mini-inline">
              Set status to
              <select value={bulkStatus} onChange={(e) => setBulkStatus(e.target.value as EntryStatus)}>
                {ENTRY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ENTRY_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn btn-primary" onClick={() => void applyBulk()}>
              Apply to selected
            </button>
            <button type="button" className="btn" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </div>
        ) : null}

        {paged.error ? <Banner tone="error">{paged.error.message}</Banner> : null}
        {paged.total === 0 ? (
          <p className="empty">{filtered ? 'No entries match these filters.' : 'No entries yet for this track.'}</p>
        ) : (
          <div className="log-table" role="table" aria-label="Log entries" aria-rowcount={total + 1}>
            <div className="log-row log-header" role="row" aria-rowindex={1}>
              <span role="columnheader" className="c-check">
                <input
                  type="checkbox"
                  aria-label="Select all loaded entries"
                  checked={allLoadedSelected}
                  onChange={(e) => setSelected(e.target.checked ? new Set(paged.loadedRows.map((r) => r.id)) : new Set())}
                />
              </span>
              <span role="columnheader">Date</span>
              <span role="columnheader">Track</span>
              <span role="columnheader">Procedure</span>
              <span role="columnheader">Site</span>
              <span role="columnheader">Verifier</span>
              <span role="columnheader">Status</span>
              <span role="columnheader">Counts</span>
              <span role="columnheader">Notes</span>
              <span role="columnheader" className="c-actions">
                Actions
              </span>
            </div>
            <div className="log-scroll" ref={scrollRef} data-testid="log-scroll">
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((v) => {
                  const entry = paged.rowAt(v.index);
                  const style = { position: 'absolute' as const, top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` };
                  if (!entry) {
                    return (
                      <div key={v.key} role="row" aria-rowindex={v.index + 2} className="log-row loading" style={{ ...style, height: ROW_HEIGHT }}>
                        <span role="cell">Loading…</span>
                      </div>
                    );
                  }
                  return (
                    <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} role="row" aria-rowindex={v.index + 2} className={`log-row${selected.has(entry.id) ? ' selected' : ''}`} style={style}>
                      {editing === entry.id ? (
                        <EditRow
                          entry={entry}
                          onDone={() => closeEdit(entry.id)}
                          onSaved={(before) => {
                            closeEdit(entry.id);
                            props.onChanged();
                            props.offerUndo(`Saved your edit of ${before.procedureName}.`, {
                              label: `the edit of ${before.procedureName}`,
                              run: async () => {
                                await api.entries.update(restoreInput(before));
                                props.onChanged();
                              },
                            });
                          }}
                        />
                      ) : (
                        <>
                          <span role="cell" className="c-check">
                            <input
                              type="checkbox"
                              aria-label={`Select ${entry.procedureName} on ${entry.performedOn}`}
                              checked={selected.has(entry.id)}
                              onChange={(e) =>
                                setSelected((s) => {
                                  const n = new Set(s);
                                  if (e.target.checked) n.add(entry.id);
                                  else n.delete(entry.id);
                                  return n;
                                })
                              }
                            />
                          </span>
                          <span role="cell" className="nowrap">
                            {entry.performedOn}
                            {entry.performedAt ? <span className="muted"> {entry.performedAt}</span> : null}
                          </span>
                          <span role="cell">{trackName(entry.trackId)}</span>
                          <span role="cell" className="c-proc">
                            <span className="c-proc-name" title={entry.procedureName}>{entry.procedureName}</span>
                            {entry.simulated ? <span className="badge badge-info">sim</span> : null}
                          </span>
                          <span role="cell" title={entry.siteName ?? undefined}>{entry.siteName ?? '—'}</span>
                          <span role="cell" title={entry.verifierName ?? undefined}>{entry.verifierName ?? '—'}</span>
                          <span role="cell">
                            <EntryStatusCell entry={entry} mark={paged.markOf(entry.id)} />
                          </span>
                          <CountsCell judgement={paged.judgementAt(v.index, entry.id)} />
                          <span role="cell" className="muted c-notes" title={returnedNote(paged.markOf(entry.id)) ?? entry.notes}>
                            {returnedNote(paged.markOf(entry.id)) ? <span className="log-returned">{returnedNote(paged.markOf(entry.id))} </span> : null}
                            {entry.notes}
                          </span>
                          <span role="cell" className="c-actions">
                            <button
                              type="button"
                              className="btn btn-small"
                              aria-label={`Edit ${entry.procedureName} on ${entry.performedOn}`}
                              onClick={() => setEditing(entry.id)}
                              ref={(el) => {
                                if (el && refocus.current === entry.id) {
                                  refocus.current = null;
                                  el.focus();
                                }
                              }}
                            >
                              Edit
                            </button>
                            <button type="button" className="btn btn-small" aria-label={`History of ${entry.procedureName} on ${entry.performedOn}`} onClick={() => setHistoryOf(entry.id)}>
                              History
                            </button>
                            <button type="button" className="btn btn-small btn-danger" aria-label={`Delete ${entry.procedureName} on ${entry.performedOn}`} onClick={() => void remove(entry)}>
                              Delete
                            </button>
                          </span>
                        </>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        )}
      </section>
      {historyOf !== null ? <HistoryPanel entryId={historyOf} version={props.version} onClose={() => setHistoryOf(null)} /> : null}
    </div>
  );
}

/** Whether the entry counts, in words: "Counts", or why not (the engine's reason). */
function CountsCell(props: { judgement: EntryJudgement | undefined }) {
  const j = props.judgement;
  if (!j) return <span role="cell" className="c-counts muted">…</span>;
  if (j.counts === null) {
    return (
      <span role="cell" className="c-counts muted" title={j.text}>
        Not judged
      </span>
    );
  }
  if (j.counts) {
    return (
      <span role="cell" className="c-counts" title={j.text}>
        <span className="badge badge-ok">Counts</span>
        {j.text !== 'Counts.' ? <span className="c-counts-note muted">{j.text.replace(/^Counts \((.*)\)\.$/, '$1')}</span> : null}
      </span>
    );
  }
  return (
    <span role="cell" className="c-counts c-counts-no" title={j.text}>
      <span className="badge badge-warn">No</span> <span className="c-counts-why">{j.text}</span>
    </span>
  );
}

function restoreInput(e: Entry) {
  return {
    id: e.id,
    performedOn: e.performedOn,
    performedAt: e.performedAt,
    procedureName: e.procedureName,
    procedureId: e.procedureId,
    siteName: e.siteName,
    verifierName: e.verifierName,
    notes: e.notes,
    simulated: e.simulated,
    status: e.status,
  };
}

/**
 * The status, unless review says more: a voided signature reads "Signature void", never "Signed";
 * a returned entry shows who returned it and why.
 */
function EntryStatusCell(props: { entry: Entry; mark: EntryMark | undefined }) {
  const m = props.mark;
  if (m?.state === 'void') {
    return (
      <span className="badge badge-danger" title={`Signed by ${m.by ?? 'a verifier'}; edited since, so that signature no longer covers it.`}>
        Signature void
      </span>
    );
  }
  if (m?.state === 'rejected' || m?.state === 'needs-correction') {
    return (
      <span className={`badge ${m.state === 'rejected' ? 'badge-danger' : 'badge-warn'}`} title={`${m.by ?? 'Reviewer'}: ${m.reason ?? ''}`}>
        {m.state === 'rejected' ? 'Rejected' : 'Needs correction'}
      </span>
    );
  }
  return <span className={`badge status-${props.entry.status}`}>{ENTRY_STATUS_LABELS[props.entry.status]}</span>;
}

/** Why a reviewer returned the entry, shown first in its notes cell (the widest one). */
function returnedNote(m: EntryMark | undefined): string | null {
  if (m?.state !== 'rejected' && m?.state !== 'needs-correction') return null;
  return `${m.by ?? 'Reviewer'}: ${m.reason ?? ''}${m.changedSince ? ' (edited since: ask for a new review)' : ''}`;
}

/** Inline edit: Enter saves, Escape cancels; errors appear under the field they concern. */
function EditRow(props: { entry: Entry; onDone: () => void; onSaved: (before: Entry) => void }) {
  const [draft, setDraft] = useState(() => restoreInput(props.entry));
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);
  const findings = usePhiFindings(draft.notes);
  const [askedNotes, setAskedNotes] = useState<string | null>(null);
  const [voids, setVoids] = useState<{ draft: string; text: string } | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  async function save() {
    // Notes that look like PHI: the first save asks (the warning below), the second saves as typed.
    if (findings.length > 0 && askedNotes !== draft.notes) {
      setAskedNotes(draft.notes);
      return;
    }
    const input = { ...draft, performedAt: draft.performedAt || null, siteName: draft.siteName || null, verifierName: draft.verifierName || null };
    // Editing a signed entry voids its signature: say exactly whose, and save only when asked twice.
    const key = JSON.stringify(input);
    if (voids?.draft !== key) {
      const impact = await api.review.editImpact(input);
      if (impact.ok && impact.value.voids.length > 0) {
        const who = impact.value.voids
          .map((v) => `${v.signerName}${v.signerCredentials ? `, ${v.signerCredentials}` : ''} (${v.kind === 'verifier' ? 'verifier' : 'clinical supervisor'}, signed ${v.signedAt.slice(0, 10)})`)
          .join(' and ');
        const others = impact.value.voids.some((v) => v.otherEntries > 0) ? ' The other entries signed with it stay signed.' : '';
        setVoids({ draft: key, text: `This edit voids the signature of ${who} on this entry.${others} Save anyway?` });
        return;
      }
    }
    const r = await api.entries.update(input);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    props.onSaved(props.entry);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onDone();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void save();
    }
  }

  const input = (label: string, key: 'performedOn' | 'procedureName' | 'siteName' | 'verifierName', type = 'text') => (
    <span role="cell" className={`edit-cell edit-${key === 'performedOn' ? 'date' : key === 'procedureName' ? 'procedure' : 'text'}`}>
      <input
        ref={key === 'performedOn' ? firstRef : undefined}
        aria-label={label}
        type={type}
        value={draft[key] ?? ''}
        aria-invalid={Boolean(errors[key])}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
      {errors[key] ? (
        <span className="error" role="alert">
          {errors[key]}
        </span>
      ) : null}
    </span>
  );

  return (
    <div className="edit-row" onKeyDown={onKeyDown} role="presentation">
      {input('Edit date', 'performedOn', 'date')}
      {input('Edit procedure', 'procedureName')}
      {input('Edit site', 'siteName')}
      {input('Edit verifier', 'verifierName')}
      <span role="cell" className="edit-cell">
        <select aria-label="Edit status" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as EntryStatus }))}>
          {ENTRY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ENTRY_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </span>
      <span role="cell" className="edit-cell edit-notes">
        <input aria-label="Edit notes" value={draft.notes} aria-invalid={Boolean(errors.notes)} className={findings.length ? 'phi-flagged' : undefined} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} />
        {errors.notes ? (
          <span className="error" role="alert">
            {errors.notes}
          </span>
        ) : null}
      </span>
      <span role="cell" className="c-actions">
        <button type="button" className="btn btn-small btn-primary" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={props.onDone}>
          Cancel
        </button>
      </span>
      {findings.length ? (
        <span className="phi-inline" role="status">
          {phiWarningMessage(findings)}{' '}
          <button type="button" className="btn-link" onClick={() => setDraft((d) => ({ ...d, notes: redactPhi(d.notes) }))}>
            Remove them
          </button>
          {askedNotes === draft.notes ? <strong> Save again to keep the notes as typed.</strong> : null}
        </span>
      ) : null}
      {voids && voids.draft === JSON.stringify({ ...draft, performedAt: draft.performedAt || null, siteName: draft.siteName || null, verifierName: draft.verifierName || null }) ? (
        <span className="phi-inline void-warning" role="alert">
          {voids.text}{' '}
          <button type="button" className="btn btn-small btn-danger" onClick={() => void save()}>
            Save and void it
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={props.onDone}>
            Cancel
          </button>
        </span>
      ) : null}
      {error && !error.issues ? <span className="error edit-error">{error.message}</span> : null}
    </div>
  );
}
