// One catalog open for filling and editing: details, the rules ARRT states (read-only), paste or
// import the worksheet file to fill, the procedure grid, group rules, and saving as a new revision.
// Saving "for" a track applies the new revision to it in the same step, except where the track's
// entries are already measured against filled requirements: then it stays on its revision until the
// user switches here (requirements never change under a log silently).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DISCIPLINES } from '../../../shared/disciplines';
import type { Track } from '../../../shared/domain';
import { NOT_VERIFIED_LABEL, type CatalogDocument, type CatalogListing, type SavedCatalog, type TrackAssignment } from '../../../shared/ipc/catalogs';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, Field, useToast } from '../ui';
import { disciplineName, type CatalogRef } from './CatalogList';
import { applyPaste, checkDraft, draftFrom, issuesByField, locate, uniqueKey, type Draft } from './draft';
import { readableMessage } from './issues';
import { PastePanel } from './PastePanel';
import { ProcedureGrid } from './ProcedureGrid';
import { GroupRules, StatedRules } from './RulesPanel';
import { mineLabel } from './SourceNote';
import { RevisionCompare } from './RevisionCompare';
import type { PendingWorksheet } from './worksheet';

export interface EditorProps {
  doc: CatalogDocument;
  /** A catalog not saved yet under its own key (new custom): the key is taken from the title on save. */
  isNew: boolean;
  listing: CatalogListing;
  tracks: Track[];
  /** A revision was saved or a track switched: the page reloads the listing and tracks. */
  onChanged: () => void;
  /** A saved revision (a new catalog now has its key: later saves are revisions of it). */
  onSaved: (saved: SavedCatalog) => void;
  /** The draft as it is being edited, kept by the page so leaving the section loses nothing. */
  onDraft: (draft: Draft, dirty: boolean) => void;
  /** A draft kept from an earlier visit. */
  initial?: { draft: Draft; dirty: boolean } | undefined;
  onClose: () => void;
  onExport: (ref: CatalogRef) => void;
  /** The track this catalog was opened for (from the Log, Progress, Today or the guided start). */
  contextTrackId?: number | null;
  /** A worksheet file read before the editor opened. */
  initialWorksheet?: PendingWorksheet | null;
}

function trackName(t: Track): string {
  return t.name?.trim() || `${disciplineName(t.discipline)} track from ${t.startDate}`;
}

export function CatalogEditor({ doc, isNew, listing, tracks, onChanged, onSaved, onDraft, initial, onClose, onExport, contextTrackId, initialWorksheet }: EditorProps) {
  const [draft, setDraftState] = useState<Draft>(() => initial?.draft ?? draftFrom(doc.catalog));
  const [dirty, setDirty] = useState(initial?.dirty ?? false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [justSaved, setJustSaved] = useState<SavedCatalog | null>(null);
  const [pasteOpen, setPasteOpen] = useState(doc.catalog.categories.length === 0 || Boolean(initialWorksheet));
  const [assignment, setAssignment] = useState<TrackAssignment | null>(null);
  /** Procedures read from a paste or worksheet file that are not in the list yet. */
  const [pendingPaste, setPendingPaste] = useState(0);
  const [pasteWarning, setPasteWarning] = useState(false);
  const onPending = useCallback((n: number) => {
    setPendingPaste(n);
    if (n === 0) setPasteWarning(false);
  }, []);
  const toast = useToast();

  const setDraft = (d: Draft) => {
    setDraftState(d);
    setDirty(true);
    setServerError(null);
  };

  useEffect(() => onDraft(draft, dirty), [draft, dirty, onDraft]);

  // Opened with a worksheet file already read: show what was read first.
  useEffect(() => {
    if (initialWorksheet) document.getElementById('cat-paste-title')?.scrollIntoView({ block: 'start' });
  }, [initialWorksheet]);

  const checked = useMemo(() => checkDraft(draft), [draft]);
  const errors = useMemo(() => {
    const server = (serverError?.issues ?? []).map((i) => ({ ...i, message: readableMessage(i.message), target: locate(draft, i.path) }));
    return issuesByField([...checked.issues, ...server]);
  }, [checked, serverError, draft]);

  const fresh = isNew && !justSaved;
  const key = justSaved?.summary.key ?? doc.catalog.key;
  const revisions = listing.saved.filter((s) => s.key === key);
  const latest = revisions.find((s) => s.latest) ?? null;
  const nextRevision = (latest?.revision ?? 0) + 1;
  const revisionIds = new Set(revisions.map((s) => s.id));
  const tracksOnKey = tracks.filter((t) => t.catalogId !== null && revisionIds.has(t.catalogId));
  const revisionOf = (id: number | null) => revisions.find((s) => s.id === id)?.revision ?? null;
  const procedureCount = draft.categories.reduce((n, c) => n + c.procedures.length, 0);
  const kind = doc.catalog.kind;
  // Tracks this catalog can serve; the one it was opened for (or the only one) is picked for the user.
  const fitting = tracks.filter((t) => draft.discipline === 'CUSTOM' || t.discipline === draft.discipline);
  const [targetChoice, setTarget] = useState<number | null | undefined>(undefined);
  const autoTarget = fitting.find((t) => t.id === contextTrackId)?.id ?? (fitting.length === 1 ? fitting[0]!.id : null);
  const target = targetChoice === undefined ? autoTarget : targetChoice;
  const targetTrack = fitting.find((t) => t.id === target) ?? null;
  const importedFrom = latest?.importedFrom ?? doc.summary.importedFrom;
  /** Nothing to save, but the chosen track is not on the saved revision: saving applies it. */
  // (Not after the backend kept the track on its filled list: the explicit switch below does that.)
  const applyOnly =
    !dirty && latest !== null && targetTrack !== null && targetTrack.catalogId !== latest.id && !(assignment?.status === 'kept' && assignment.trackId === targetTrack.id);

  async function save() {
    // Saving now would save the list without what was just read: ask to use it first.
    if (pendingPaste > 0 && !pasteWarning) {
      setPasteWarning(true);
      setPasteOpen(true);
      document.getElementById('cat-paste-use')?.focus();
      return;
    }
    setPasteWarning(false);
    if (!checked.parsed) {
      setServerError(null);
      document.querySelector<HTMLElement>('.cat-editor [aria-invalid="true"]')?.focus();
      return;
    }
    setSaving(true);
    const taken = new Set([...listing.builtin.map((b) => b.key), ...listing.saved.map((s) => s.key)]);
    const catalog = fresh ? { ...checked.catalog, key: uniqueKey(draft.title, taken) } : checked.catalog;
    const r = await api.catalogs.save(targetTrack ? { catalog, trackId: targetTrack.id } : { catalog });
    setSaving(false);
    if (!r.ok) {
      setServerError(r.error);
      return;
    }
    setJustSaved(r.value);
    setAssignment(r.value.assignment);
    setDraftState({ ...draftFrom(r.value.catalog), mySource: draft.mySource });
    setDirty(false);
    const head = r.value.created ? `Saved as revision ${r.value.summary.revision}.` : `Nothing changed since revision ${r.value.summary.revision}.`;
    toast(r.value.assignment?.status === 'assigned' ? `${head} ${r.value.assignment.message}` : head);
    onSaved(r.value);
    onChanged();
  }

  async function switchTrack(t: Track, id: number) {
    const r = await api.catalogs.assign({ trackId: t.id, catalog: { id } });
    if (!r.ok) {
      setServerError(r.error);
      return;
    }
    toast(`${trackName(t)} now uses revision ${revisionOf(id) ?? ''}.`);
    setAssignment(null);
    onChanged();
  }

  function close() {
    if (dirty && !window.confirm('Leave without saving? Your changes to this catalog will be lost.')) return;
    onClose();
  }

  const metaErr = (f: string) => errors.get(`meta:${f}`);
  const catalogErr = errors.get('catalog');
  const problems = checked.issues.length + (serverError?.issues?.length ?? 0);
  const savedRef: CatalogRef | null = latest?.id ? { id: latest.id } : fresh ? null : { key };

  return (
    <div className="stack cat-editor">
      <div className="cat-editor-head">
        <button type="button" className="btn-link" onClick={close}>
          ← All catalogs
        </button>
        <div className="cat-item-title">
          <h2>{draft.title || 'Untitled catalog'}</h2>
          {doc.catalog.label ? <span className="badge badge-warn">{doc.catalog.label}</span> : null}
          {importedFrom ? (
            <span className="badge badge-warn" title={`Imported from ${importedFrom}`}>
              {NOT_VERIFIED_LABEL}
            </span>
          ) : null}
          <span className="badge badge-info" data-testid="cat-revision">
            {latest ? `Revision ${latest.revision}` : isNew ? 'Not saved yet' : 'Shipped with RadLedger'}
          </span>
          {dirty ? <span className="badge badge-warn">Unsaved changes</span> : null}
        </div>
      </div>

      {importedFrom ? (
        <Banner tone="warn">
          {NOT_VERIFIED_LABEL}: this catalog was imported from “{importedFrom}”, someone else’s file. Check every number against your own ARRT worksheet
          before you rely on it.
        </Banner>
      ) : null}
      {kind === 'arrt' && procedureCount === 0 ? (
        <Banner tone="warn">
          ARRT's procedure list is not included: fill it from your ARRT worksheet. Paste the table below, then check it row by row.
        </Banner>
      ) : null}
      {kind === 'arrt' ? (
        <p className="small muted">
          Numbers you type or paste are marked <span className="badge badge-info">{mineLabel(draft.mySource)}</span>: they are yours, not confirmed by ARRT.
          Rules marked <span className="badge badge-ok">ARRT, confirmed</span> come from ARRT's public pages and cannot be edited here.
        </p>
      ) : null}

      <section className="card" aria-labelledby="cat-details-title">
        <h3 id="cat-details-title" className="card-title">
          Details
        </h3>
        <div className="row cat-details-row">
          <Field label="Title" grow error={metaErr('title')}>
            {(id, d) => (
              <input id={id} aria-describedby={d} aria-invalid={metaErr('title') ? true : undefined} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
            )}
          </Field>
          <Field label="Version" error={metaErr('versionLabel')} hint={kind === 'arrt' ? 'As printed on the worksheet' : undefined}>
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                aria-invalid={metaErr('versionLabel') ? true : undefined}
                value={draft.versionLabel}
                onChange={(e) => setDraft({ ...draft, versionLabel: e.target.value })}
              />
            )}
          </Field>
          {kind === 'custom' ? (
            <Field label="Discipline" error={metaErr('discipline')}>
              {(id, d) => (
                <select id={id} aria-describedby={d} value={draft.discipline} onChange={(e) => setDraft({ ...draft, discipline: e.target.value as Draft['discipline'] })}>
                  <option value="CUSTOM">Other (school list, another board)</option>
                  {DISCIPLINES.map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {kind === 'custom' ? (
            <>
              <Field label="Daily cap (entries per day)" error={metaErr('dailyCap')} hint="Leave empty for no cap.">
                {(id, d) => (
                  <input
                    id={id}
                    inputMode="numeric"
                    className="cat-num-input"
                    aria-describedby={d}
                    aria-invalid={metaErr('dailyCap') ? true : undefined}
                    value={draft.dailyCap}
                    onChange={(e) => setDraft({ ...draft, dailyCap: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Window (months)" error={metaErr('windowMonths')} hint="Procedures older than this stop counting. Empty: no window.">
                {(id, d) => (
                  <input
                    id={id}
                    inputMode="numeric"
                    className="cat-num-input"
                    aria-describedby={d}
                    aria-invalid={metaErr('windowMonths') ? true : undefined}
                    value={draft.windowMonths}
                    onChange={(e) => setDraft({ ...draft, windowMonths: e.target.value })}
                  />
                )}
              </Field>
            </>
          ) : null}
          <Field label="Source of the numbers you enter" grow hint="Recorded with every number you type or paste (not confirmed by ARRT).">
            {(id, d) => <input id={id} aria-describedby={d} value={draft.mySource} onChange={(e) => setDraft({ ...draft, mySource: e.target.value })} />}
          </Field>
        </div>
        <p className="small muted">
          Catalog id <code>{fresh ? '(taken from the title when you save)' : key}</code>
        </p>
      </section>

      {kind !== 'custom' ? (
        <section className="card" aria-labelledby="cat-stated-title">
          <h3 id="cat-stated-title" className="card-title">
            {kind === 'arrt' ? 'Rules ARRT states' : 'Rules in this catalog'}
          </h3>
          <StatedRules catalog={doc.catalog} mySource={draft.mySource} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="cat-paste-title">
        <div className="cat-section-head">
          <h3 id="cat-paste-title" className="card-title">
            Fill from your worksheet
          </h3>
          <button type="button" className="btn" aria-expanded={pasteOpen} aria-controls="cat-paste-body" onClick={() => setPasteOpen((v) => !v)}>
            {pasteOpen ? 'Hide' : 'Paste or import the worksheet'}
          </button>
        </div>
        <div id="cat-paste-body" hidden={!pasteOpen}>
          <PastePanel
            initial={initialWorksheet ?? null}
            onPending={onPending}
            source={draft.mySource}
            hasProcedures={procedureCount > 0}
            onUse={(paste, mode) => {
              setDraft(applyPaste(draft, paste, mode));
              setPasteOpen(false);
              toast(`${paste.rows.length} procedures put in the list. Check them below, then save.`);
              window.setTimeout(() => document.querySelector<HTMLElement>('.cat-grid [data-cell$=":name"]')?.focus(), 0);
            }}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="cat-procs-title">
        <h3 id="cat-procs-title" className="card-title">
          Procedures <span className="muted small">({procedureCount})</span>
        </h3>
        <ProcedureGrid draft={draft} onChange={setDraft} errors={errors} mySource={draft.mySource} />
      </section>

      <section className="card" aria-labelledby="cat-rules-title">
        <h3 id="cat-rules-title" className="card-title">
          Group rules
        </h3>
        <GroupRules draft={draft} onChange={setDraft} errors={errors} mySource={draft.mySource} />
      </section>

      {revisions.length >= 2 ? <RevisionCompare revisions={revisions} /> : null}

      {tracksOnKey.length || justSaved ? (
        <section className="card" aria-labelledby="cat-revisions-title">
          <h3 id="cat-revisions-title" className="card-title">
            Revisions and tracks
          </h3>
          {justSaved ? (
            <Banner tone="ok">
              {justSaved.created ? `Saved as revision ${justSaved.summary.revision}.` : `No changes: revision ${justSaved.summary.revision} already holds this catalog.`}
            </Banner>
          ) : null}
          {assignment ? (
            <Banner tone={assignment.status === 'assigned' || assignment.status === 'already' ? 'ok' : 'warn'}>
              <span data-testid="cat-assignment">{assignment.message}</span>{' '}
              {assignment.status === 'assigned' ? (
                <>
                  <a href="#/log">Log a procedure</a> · <a href="#/progress">See your progress</a>
                </>
              ) : null}
            </Banner>
          ) : null}
          {tracksOnKey.length ? (
            <>
              <p className="small" role="note" data-testid="cat-tracks-note">
                Tracks using revision {[...new Set(tracksOnKey.map((t) => revisionOf(t.catalogId)))].join(', ')} keep it while their entries are measured
                against it: saving never changes the requirements under an existing log. Switch a track here when you are ready.
              </p>
              <ul className="cat-track-list">
                {tracksOnKey.map((t) => (
                  <li key={t.id} className="small">
                    {trackName(t)} — revision {revisionOf(t.catalogId)}
                    {latest && t.catalogId !== latest.id ? (
                      <button type="button" className="btn cat-btn-small" disabled={dirty} onClick={() => void switchTrack(t, latest.id!)}>
                        Switch to revision {latest.revision}
                      </button>
                    ) : (
                      <span className="badge badge-ok">on the latest revision</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="cat-save-bar" aria-label="Save" data-sticky-bottom>
        {serverError ? <Banner tone="error">{serverError.message}</Banner> : null}
        {catalogErr ? <Banner tone="error">{catalogErr}</Banner> : null}
        {pasteWarning && pendingPaste > 0 ? (
          <Banner tone="warn">
            The {pendingPaste} procedures read from your worksheet are not in the list yet: put them in with the button under the preview first, or
            save again to save the list without them.
          </Banner>
        ) : null}
        <div className="row cat-save-row">
          {fitting.length ? (
            <Field label="Use it for">
              {(id) => (
                <select id={id} value={target ?? ''} onChange={(e) => setTarget(e.target.value ? Number(e.target.value) : null)}>
                  {fitting.map((t) => (
                    <option key={t.id} value={t.id}>
                      {trackName(t)}
                    </option>
                  ))}
                  <option value="">No track (only save)</option>
                </select>
              )}
            </Field>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving || (!dirty && latest !== null && !applyOnly)}>
            {saving
              ? 'Saving…'
              : dirty || !latest
                ? `Save as revision ${nextRevision}`
                : applyOnly
                  ? `Use revision ${latest.revision} for ${trackName(targetTrack!)}`
                  : 'No changes to save'}
          </button>
          {savedRef ? (
            <button type="button" className="btn" onClick={() => onExport(savedRef)} disabled={dirty} title={dirty ? 'Save first: export writes the saved revision' : undefined}>
              Export {latest ? `revision ${latest.revision}` : 'catalog file'}
            </button>
          ) : null}
          <span className={`small ${problems ? 'cat-warn-text' : 'muted'}`} role="status">
            {problems
              ? `${problems} ${problems === 1 ? 'problem' : 'problems'} to fix before saving (marked at the field).`
              : `${procedureCount} procedures · ${checked.catalog.proceduresStatus === 'complete' ? 'complete' : checked.catalog.proceduresStatus === 'partial' ? 'partly filled: some procedures have no kind or no count' : 'none yet'}${latest && !dirty ? ` · revision ${latest.revision} is saved` : ''}.`}
          </span>
        </div>
      </section>
    </div>
  );
}
