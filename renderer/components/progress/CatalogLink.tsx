// Where the user fills a catalog's numbers: the catalog editor when it exists, else Settings.
import { SECTIONS } from '../../pages/registry';

export function CatalogLink(props: { children?: string }) {
  // Read at render time (not import time): the registry imports the pages that import this.
  const editor = SECTIONS.find((s) => s.id === 'catalogs');
  const href = editor ? '#/catalogs' : '#/settings';
  return (
    <a className="btn" href={href}>
      {props.children ?? 'Fill in the catalog'}
    </a>
  );
}
