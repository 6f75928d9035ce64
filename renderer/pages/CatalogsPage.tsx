// Requirements: the catalogs that say what counts. Lists the shipped ARRT catalogs, the example and
// the user's own; opens one to fill it from a pasted table or the worksheet file and edit it in a
// fast grid; imports and exports catalog files. A section of the navigation; other pages link here
// with <CatalogLink trackId=…/>, which opens the catalog of that track and saves for it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogDocument } from '../../shared/ipc/catalogs';
import type { AppError } from '../../shared/result';
import { api } from '../api';
import { CatalogEditor } from '../components/catalogs/CatalogEditor';
import { CatalogList, type CatalogRef } from '../components/catalogs/CatalogList';
import { takeCatalogRequest } from '../components/catalogs/CatalogLink';
import { takePendingWorksheet, type PendingWorksheet } from '../components/catalogs/worksheet';
import { newCustomCatalog, type Draft } from '../components/catalogs/draft';
import { exportCatalog, importCatalogFile } from '../components/catalogs/files';
import { readableMessage, readablePath, tryParse } from '../components/catalogs/issues';
import { Banner, PageHeader, useToast } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/catalogs.css';

interface Open {
  doc: CatalogDocument;
  isNew: boolean;
  /** Remounts the editor when another catalog (or a fresh copy) is opened. */
  nonce: number;
  /** The track it was opened for: saving applies the revision to it. */
  trackId: number | null;
  /** A worksheet file read before the editor opened (guided start). */
  worksheet?: PendingWorksheet | null;
}

/**
 * The open catalog and its draft, kept for the life of the window: switching to the Log and back
 * (the page unmounts) must not throw away a half-transcribed worksheet.
 */
let parked: { open: Open; draft: Draft | null; dirty: boolean } | null = null;

export function CatalogsPage() {
  const listing = useResult(() => api.catalogs.list(), []);
  const tracks = useResult(() => api.tracks.list(), []);
  const [open, setOpenState] = useState<Open | null>(() => parked?.open ?? null);
  const [error, setErrorState] = useState<AppError | null>(null);
  /** The parsed file behind an import error, to name its categories and procedures. */
  const [errorFile, setErrorFile] = useState<unknown>(undefined);
  const setError = (e: AppError | null) => {
    setErrorState(e);
    setErrorFile(undefined);
  };
  const [importing, setImporting] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const nonce = useRef(parked?.open.nonce ?? 0);
  const [initial] = useState(() => (parked?.draft ? { draft: parked.draft, dirty: parked.dirty } : undefined));
  const setOpen = (o: Open | null) => {
    // A worksheet read for the first opening is not pasted in again when the page comes back.
    parked = o ? { open: { ...o, worksheet: null }, draft: null, dirty: false } : null;
    setOpenState(o);
  };
  const onDraft = useCallback((draft: Draft, dirty: boolean) => {
    if (parked) parked = { ...parked, draft, dirty };
  }, []);
  const toast = useToast();

  async function openRef(ref: CatalogRef, trackId: number | null = null, worksheet: PendingWorksheet | null = null) {
    const r = await api.catalogs.get(ref);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setOpen({ doc: r.value, isNew: false, nonce: ++nonce.current, trackId, worksheet });
    window.scrollTo({ top: 0 });
  }

  /** The catalog a track uses, or the shipped version it would use, opened for that track. */
  async function openForTrack(trackId: number, worksheet: PendingWorksheet | null) {
    const r = await api.progress.evaluate({ trackId, verdicts: 'none' });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const c = r.value.catalog;
    if (c) await openRef(c.id !== null ? { id: c.id } : { key: c.key }, trackId, worksheet);
  }

  useEffect(() => {
    const req = takeCatalogRequest();
    const worksheet = takePendingWorksheet();
    if (req.key) void openRef({ key: req.key }, req.trackId, worksheet);
    else if (req.trackId) void openForTrack(req.trackId, worksheet);
  }, []);

  function newCustom() {
    const catalog = newCustomCatalog('custom-new');
    setError(null);
    setOpen({
      doc: {
        catalog,
        summary: {
          origin: 'saved',
          id: null,
          revision: null,
          key: catalog.key,
          title: catalog.title,
          label: null,
          kind: 'custom',
          discipline: 'CUSTOM',
          versionLabel: catalog.versionLabel,
          effectiveDate: null,
          expiresOn: null,
          expiresDerived: null,
          proceduresStatus: 'unknown',
          procedureCount: 0,
          tracksUsing: 0,
          latest: true,
          createdAt: null,
          importedFrom: null,
        },
      },
      isNew: true,
      nonce: ++nonce.current,
      trackId: null,
    });
  }

  async function onImport(file: File | undefined) {
    if (!file) return;
    setImporting(true);
    // A shared file is applied to the track in the same step when there is exactly one track.
    const only = (tracks.value ?? []).length === 1 ? tracks.value![0]!.id : undefined;
    const { result: r, text } = await importCatalogFile(file, only);
    setImporting(false);
    if (fileRef.current) fileRef.current.value = '';
    if (!r.ok) {
      // The issues are listed one per line below, so the intro does not repeat them.
      const intro = r.error.issues?.length ? 'It is not a valid catalog file:' : r.error.message;
      setError({ ...r.error, message: `“${file.name}” was not imported. ${intro}` });
      setErrorFile(tryParse(text));
      return;
    }
    setError(null);
    void listing.reload();
    void tracks.reload();
    const s = r.value.summary;
    const head = r.value.created ? `Imported “${s.title}” as revision ${s.revision}.` : `“${s.title}” is already saved as revision ${s.revision}.`;
    toast(r.value.assignment ? `${head} ${r.value.assignment.message}` : head);
    setOpen({ doc: r.value, isNew: false, nonce: ++nonce.current, trackId: r.value.assignment?.trackId ?? null });
  }

  async function onExport(ref: CatalogRef) {
    const failure = await exportCatalog(ref);
    setError(failure);
  }

  return (
    <div className="page cat-page">
      <PageHeader
        title="Requirements"
        subtitle="The catalogs your log is measured against. Fill ARRT's lists from your worksheet in a minute: paste the table, check it, save."
        actions={
          open ? null : (
            <>
              <input
                ref={fileRef}
                id="cat-import-file"
                type="file"
                accept=".json,application/json"
                className="visually-hidden"
                onChange={(e) => void onImport(e.target.files?.[0])}
              />
              <label htmlFor="cat-import-file" className="btn" aria-busy={importing}>
                {importing ? 'Importing…' : 'Import a catalog file'}
              </label>
              <button type="button" className="btn btn-primary" onClick={newCustom}>
                New custom catalog
              </button>
            </>
          )
        }
      />
      {error ? (
        <Banner tone="error">
          <p>{error.message}</p>
          {error.issues?.length ? (
            <ul className="cat-issue-list">
              {error.issues.slice(0, 12).map((i, n) => (
                <li key={n} title={i.path || undefined}>
                  {i.path ? <strong>{readablePath(i.path, errorFile)}:</strong> : null} {readableMessage(i.message)}
                </li>
              ))}
              {error.issues.length > 12 ? <li>…and {error.issues.length - 12} more.</li> : null}
            </ul>
          ) : null}
        </Banner>
      ) : null}
      {listing.error ? <Banner tone="error">{listing.error.message}</Banner> : null}
      {open && listing.value ? (
        <CatalogEditor
          key={open.nonce}
          doc={open.doc}
          isNew={open.isNew}
          listing={listing.value}
          tracks={tracks.value ?? []}
          initial={parked?.open.nonce === open.nonce && initial ? initial : undefined}
          onDraft={onDraft}
          onSaved={(saved) => {
            const o = { ...open, doc: saved, isNew: false };
            parked = parked ? { ...parked, open: o } : null;
            setOpenState(o);
          }}
          onChanged={() => {
            void listing.reload();
            void tracks.reload();
          }}
          onClose={() => {
            setOpen(null);
            void listing.reload();
          }}
          onExport={(ref) => void onExport(ref)}
          contextTrackId={open.trackId}
          initialWorksheet={open.worksheet ?? null}
        />
      ) : listing.value ? (
        <CatalogList listing={listing.value} onOpen={(ref) => void openRef(ref)} onExport={(ref) => void onExport(ref)} />
      ) : (
        <p className="muted">Loading catalogs…</p>
      )}
    </div>
  );
}
