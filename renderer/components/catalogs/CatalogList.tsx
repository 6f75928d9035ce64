// The catalog list: ARRT's disciplines (with what is and is not known), the example, and the user's
// saved, imported and custom catalogs with their revisions.
import { disciplineByCode } from '../../../shared/disciplines';
import { NOT_VERIFIED_LABEL, type CatalogListing, type CatalogSummary } from '../../../shared/ipc/catalogs';

export type CatalogRef = { id: number } | { key: string };

const STATUS_TEXT: Record<CatalogSummary['proceduresStatus'], string> = {
  complete: 'Complete',
  partial: 'Partly filled',
  unknown: 'No procedures',
};

const STATUS_TONE: Record<CatalogSummary['proceduresStatus'], string> = {
  complete: 'badge-ok',
  partial: 'badge-warn',
  unknown: 'badge-warn',
};

export function disciplineName(code: CatalogSummary['discipline']): string {
  return code === 'CUSTOM' ? 'Custom' : (disciplineByCode(code)?.name ?? code);
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function Revisions({ all }: { all: CatalogSummary[] }) {
  const older = all.filter((s) => !s.latest);
  if (older.length === 0) return null;
  return (
    <details className="cat-older">
      <summary className="small">{plural(older.length, 'earlier revision')}</summary>
      <ul className="small">
        {older.map((s) => (
          <li key={s.id}>
            Revision {s.revision} · {plural(s.procedureCount, 'procedure')}
            {s.tracksUsing ? ` · used by ${plural(s.tracksUsing, 'track')}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface RowProps {
  summary: CatalogSummary;
  saved: CatalogSummary[];
  onOpen: (ref: CatalogRef) => void;
  onExport: (ref: CatalogRef) => void;
}

function CatalogRow({ summary, saved, onOpen, onExport }: RowProps) {
  const mine = saved.find((s) => s.latest) ?? null;
  const shown = mine ?? summary;
  const ref: CatalogRef = mine?.id ? { id: mine.id } : { key: summary.key };
  const tracks = saved.reduce((n, s) => n + s.tracksUsing, 0);
  const unknownList = shown.kind === 'arrt' && shown.proceduresStatus === 'unknown';
  return (
    <li className="cat-item" data-catalog-key={summary.key}>
      <div className="cat-item-main">
        <div className="cat-item-title">
          <strong>{summary.kind === 'arrt' ? disciplineName(summary.discipline) : shown.title}</strong>
          {summary.kind === 'arrt' ? <span className="badge">{summary.discipline}</span> : null}
          {shown.label ? <span className="badge badge-warn">{shown.label}</span> : null}
          <span className={`badge ${STATUS_TONE[shown.proceduresStatus]}`}>{STATUS_TEXT[shown.proceduresStatus]}</span>
          {mine ? <span className="badge badge-info">Revision {mine.revision}</span> : null}
          {mine?.importedFrom ? (
            <span className="badge badge-warn" title={`Imported from ${mine.importedFrom}`}>
              {NOT_VERIFIED_LABEL}
            </span>
          ) : null}
        </div>
        <div className="small muted">
          {shown.versionLabel}
          {shown.effectiveDate && !shown.versionLabel.includes(shown.effectiveDate) ? ` · effective ${shown.effectiveDate}` : ''}
          {shown.expiresOn ? ` · accepted until ${shown.expiresOn}${shown.expiresDerived ? ` (${shown.expiresDerived})` : ''}` : ''}
          {shown.procedureCount ? ` · ${plural(shown.procedureCount, 'procedure')}` : ''}
          {tracks ? ` · used by ${plural(tracks, 'track')}` : ''}
        </div>
        {unknownList ? <p className="small cat-warn-text">ARRT's procedure list is not included: fill it from your ARRT worksheet.</p> : null}
        <Revisions all={saved} />
      </div>
      <div className="cat-item-actions">
        <button type="button" className="btn" onClick={() => onOpen(ref)} aria-label={`${unknownList ? 'Fill from worksheet:' : 'Open'} ${shown.title}`}>
          {unknownList ? 'Fill from worksheet' : 'Open'}
        </button>
        <button type="button" className="btn" onClick={() => onExport(ref)} aria-label={`Export ${shown.title}`}>
          Export
        </button>
      </div>
    </li>
  );
}

export function CatalogList({ listing, onOpen, onExport }: { listing: CatalogListing; onOpen: (ref: CatalogRef) => void; onExport: (ref: CatalogRef) => void }) {
  const savedFor = (key: string) => listing.saved.filter((s) => s.key === key);
  const builtinKeys = new Set(listing.builtin.map((b) => b.key));
  const arrt = listing.builtin.filter((b) => b.kind === 'arrt');
  const examples = listing.builtin.filter((b) => b.kind === 'example');
  const ownKeys = [...new Set(listing.saved.filter((s) => !builtinKeys.has(s.key)).map((s) => s.key))];

  return (
    <div className="stack cat-list">
      <section className="card" aria-labelledby="cat-arrt-title">
        <div>
          <h2 className="card-title" id="cat-arrt-title">
            ARRT post-primary catalogs
          </h2>
          <p className="small muted">
            Each holds the rules ARRT states publicly (daily entry caps, the 24-month window, version dates). ARRT's procedure lists and repetition
            counts are in PDFs not included here: fill them from your own worksheet.
          </p>
        </div>
        <ul className="cat-items">
          {arrt.map((b) => (
            <CatalogRow key={b.key} summary={b} saved={savedFor(b.key)} onOpen={onOpen} onExport={onExport} />
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="cat-own-title">
        <h2 className="card-title" id="cat-own-title">
          Your custom and imported catalogs
        </h2>
        {ownKeys.length === 0 ? (
          <p className="small muted">None yet. Create one for a school competency list or another board, or import a catalog file someone shared.</p>
        ) : (
          <ul className="cat-items">
            {ownKeys.map((key) => {
              const revs = savedFor(key);
              return <CatalogRow key={key} summary={revs.find((s) => s.latest) ?? revs[0]!} saved={revs} onOpen={onOpen} onExport={onExport} />;
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="cat-example-title">
        <h2 className="card-title" id="cat-example-title">
          Example
        </h2>
        <ul className="cat-items">
          {examples.map((b) => (
            <CatalogRow key={b.key} summary={b} saved={savedFor(b.key)} onOpen={onOpen} onExport={onExport} />
          ))}
        </ul>
      </section>
    </div>
  );
}
