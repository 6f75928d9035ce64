// A link to the requirement catalogs (a section hidden from the navigation), for other pages to drop
// in: <CatalogLink /> or <CatalogLink catalogKey="arrt-ct">Fill the CT list</CatalogLink>.
import type { ReactNode } from 'react';

const OPEN_KEY = 'radledger.openCatalog';

/** The catalog another page asked to open, read once by the catalogs page. */
export function takeCatalogToOpen(): string | null {
  const key = sessionStorage.getItem(OPEN_KEY);
  sessionStorage.removeItem(OPEN_KEY);
  return key;
}

export function CatalogLink(props: { catalogKey?: string; children?: ReactNode; className?: string }) {
  return (
    <a
      href="#/catalogs"
      className={props.className}
      onClick={() => {
        if (props.catalogKey) sessionStorage.setItem(OPEN_KEY, props.catalogKey);
        else sessionStorage.removeItem(OPEN_KEY);
      }}
    >
      {props.children ?? 'Requirement catalogs'}
    </a>
  );
}
