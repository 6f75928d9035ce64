// Overall completion at a glance: one big percentage, what it is made of, and what does not count.
import type { DashboardData } from '../../../shared/ipc/dashboard';
import { CatalogLink } from './CatalogLink';
import { plural } from './format';

export function OverallCard(props: { data: DashboardData }) {
  const { overall, catalog, notCounting } = props.data;
  const known = catalog.numbersKnown && overall.required !== null && overall.percent !== null;
  return (
    <section className="card progress-overall" aria-labelledby="overall-title">
      <h2 id="overall-title" className="card-title">
        Overall
      </h2>
      {known ? (
        <>
          <div className="overall-figure">
            <span className="big-number" data-testid="overall-percent">
              {overall.percent}%
            </span>
            <span className="muted">
              {overall.credited} of {overall.required} required repetitions done
              {overall.remaining ? `, ${overall.remaining} to go` : ''}
            </span>
          </div>
          <div
            className="meter"
            role="progressbar"
            aria-label="Overall completion"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={overall.percent ?? 0}
          >
            <div className="meter-fill" style={{ width: `${overall.percent}%` }} />
          </div>
          <dl className="facts-grid">
            <div>
              <dt>Mandatory met</dt>
              <dd>
                {props.data.mandatory.filter((m) => m.met).length} of {props.data.mandatory.length}
              </dd>
            </div>
            {props.data.electiveRules.map((r) => (
              <div key={r.scope}>
                <dt>{r.scope === 'overall' ? 'Electives done' : `Electives, ${r.scope}`}</dt>
                <dd>
                  {r.completed} of {r.required}
                </dd>
              </div>
            ))}
            <div>
              <dt>Entries counted</dt>
              <dd>
                {overall.counted} of {overall.performed}
              </dd>
            </div>
            <div>
              <dt>Expire within 90 days</dt>
              <dd>{props.data.expiringSoon.within90}</dd>
            </div>
          </dl>
          <p className="small">
            {overall.complete ? (
              <span className="badge badge-ok">All requirements met</span>
            ) : overall.mandatoryMet ? (
              <span className="badge badge-ok">Every mandatory procedure met</span>
            ) : (
              <span className="badge badge-warn">Mandatory procedures still short</span>
            )}
          </p>
        </>
      ) : (
        <div className="stack">
          <p data-testid="numbers-unknown">
            <strong>Your progress cannot be measured yet:</strong>{' '}
            {catalog.proceduresStatus === 'unknown'
              ? `the catalog "${catalog.title}" does not list ARRT's procedures and repetition counts. RadLedger never guesses them.`
              : `the catalog "${catalog.title}" is missing some repetition counts.`}{' '}
            Copy them from your ARRT worksheet and the dashboard fills in.
          </p>
          <p className="muted small">{plural(overall.performed, 'entry is', 'entries are')} logged so far; they are kept and will count once the catalog is filled.</p>
          <div>
            <CatalogLink trackId={props.data.track.id} />
          </div>
        </div>
      )}
      {notCounting.length > 0 ? (
        <details className="not-counting">
          <summary>
            {plural(
              notCounting.reduce((s, r) => s + r.count, 0),
              'entry does not count',
              'entries do not count',
            )}
          </summary>
          <ul>
            {notCounting.map((r) => (
              <li key={r.reason}>
                <strong>{r.count}</strong> — {r.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {/* Version warnings are shown above the dashboard (ProgressPage); the rest here. */}
      {props.data.warnings.filter((w) => !props.data.versionWarnings.some((v) => v.message === w)).map((w) => (
        <p key={w} className="banner banner-warn" data-testid="dashboard-warning">
          {w}
        </p>
      ))}
      <p className="small muted" data-testid="window-rule">
        {props.data.window.text}
      </p>
    </section>
  );
}
