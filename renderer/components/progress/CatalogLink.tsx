// Where the user fills a catalog's numbers: Requirements, opened on the track's catalog.
import { CatalogLink as Link } from '../catalogs/CatalogLink';

export function CatalogLink(props: { children?: string; trackId?: number }) {
  return (
    <Link className="btn" {...(props.trackId ? { trackId: props.trackId } : {})}>
      {props.children ?? 'Fill in the catalog'}
    </Link>
  );
}
