// A link into Requirements for other pages to drop in: <CatalogLink />, <CatalogLink catalogKey=
// "arrt-ct">Fill the CT list</CatalogLink>, or <CatalogLink trackId={1}> to open the catalog that
// track uses (or would use) with the track as context, so saving applies it to that track.
import type { ReactNode } from 'react';

const OPEN_KEY = 'radledger.openCatalog';
const TRACK_KEY = 'radledger.openCatalogFor';

export interface CatalogRequest {
  key: string | null;
  trackId: number | null;
}

/** What another page asked the catalogs page to open, read once. */
export function takeCatalogRequest(): CatalogRequest {
  const key = sessionStorage.getItem(OPEN_KEY);
  const track = sessionStorage.getItem(TRACK_KEY);
  sessionStorage.removeItem(OPEN_KEY);
  sessionStorage.removeItem(TRACK_KEY);
  return { key, trackId: track ? Number(track) : null };
}

/** Asks the catalogs page to open a catalog (by key) and/or the one of a track, then goes there. */
export function requestCatalog(req: Partial<CatalogRequest>): void {
  if (req.key) sessionStorage.setItem(OPEN_KEY, req.key);
  else sessionStorage.removeItem(OPEN_KEY);
  if (req.trackId) sessionStorage.setItem(TRACK_KEY, String(req.trackId));
  else sessionStorage.removeItem(TRACK_KEY);
}

export function CatalogLink(props: { catalogKey?: string; trackId?: number; children?: ReactNode; className?: string }) {
  return (
    <a href="#/catalogs" className={props.className} onClick={() => requestCatalog({ key: props.catalogKey ?? null, trackId: props.trackId ?? null })}>
      {props.children ?? 'Requirement catalogs'}
    </a>
  );
}
