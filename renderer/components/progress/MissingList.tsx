// What is missing, in plain words, hardest first, with where each procedure can be found.
import type { DashboardData, MissingLine } from '../../../shared/ipc/dashboard';
import { CatalogLink } from './CatalogLink';

const DIFFICULTY_LABEL = { hard: 'Hard to find', medium: 'One source', easier: 'Several sources' } as const;
const DIFFICULTY_TONE = { hard: 'badge-danger', medium: 'badge-warn', easier: 'badge-ok' } as const;

function Where(props: { line: MissingLine }) {
  if (!props.line.procedureId) return null;
  if (props.line.sites.length === 0) return <p className="small muted">{props.line.why}</p>;
  return (
    <p className="small">
      {props.line.sites.map((s, i) => (
        <span key={s.siteId}>
          {i > 0 ? '; ' : ''}
          <strong>{s.name}</strong>
          {s.performed > 0 ? ` (you logged ${s.performed} there)` : ''}
          {s.offered ? (s.performed > 0 ? ', offers it' : ' (says it offers it)') : ''}
          {s.travelMinutes !== null ? `, ${s.travelMinutes} min away` : ''}
        </span>
      ))}
    </p>
  );
}

export function MissingList(props: { data: DashboardData }) {
  const { missing, missingSource, catalog } = props.data;
  return (
    <section className="card" aria-labelledby="missing-title">
      <h2 id="missing-title" className="card-title">
        What is missing
      </h2>
      <p className="small muted">
        Hardest first: fewest sites that have supplied or offer it, then the most still needed.{' '}
        {missingSource === 'log-only'
          ? 'Sites are taken from your log only (no site has listed what it offers).'
          : 'Sites come from your log and from what each site says it offers on the Sites page.'}
      </p>
      {missing.length === 0 ? (
        <p data-testid="nothing-missing">
          {catalog.numbersKnown ? <span className="badge badge-ok">Nothing is missing.</span> : 'Nothing can be listed until the catalog is filled in.'}
        </p>
      ) : (
        <ol className="missing-list" data-testid="missing-list">
          {missing.map((m, i) => (
            <li key={`${m.kind}-${m.procedureId ?? i}`}>
              <div className="missing-head">
                <span className="missing-text">{m.text}</span>
                {m.difficulty ? <span className={`badge ${DIFFICULTY_TONE[m.difficulty]}`}>{DIFFICULTY_LABEL[m.difficulty]}</span> : null}
              </div>
              {m.kind === 'catalog' ? (
                <div>
                  <CatalogLink trackId={props.data.track.id} />
                </div>
              ) : (
                <Where line={m} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
