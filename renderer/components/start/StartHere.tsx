// "Start here" on Today: the first-run steps with done / to-do state, each a link to where the step
// is done, until all are done.
import type { StartState } from '../../../shared/ipc/start';
import { CatalogLink } from '../catalogs/CatalogLink';

export function StartHere({ state }: { state: StartState }) {
  const track = state.track;
  if (!track) return null;
  const steps = [
    {
      id: 'track',
      done: true,
      title: 'Create your track',
      detail: `${track.name}, from ${track.startDate}.`,
      link: (
        <a href="#/log" className="btn-link">
          See it in the Log
        </a>
      ),
    },
    {
      id: 'requirements',
      done: state.requirementsIn,
      title: 'Get your requirements in',
      detail: state.requirementsIn ? 'Your log is measured against your procedure list.' : 'Import or paste the procedure list from your ARRT worksheet.',
      link: (
        <CatalogLink trackId={track.id} className={state.requirementsIn ? 'btn-link' : 'btn btn-primary'}>
          {state.requirementsIn ? 'Open the requirements' : 'Fill in the requirements'}
        </CatalogLink>
      ),
    },
    {
      id: 'first-entry',
      done: state.entryCount > 0,
      title: 'Log your first procedure',
      detail: state.entryCount > 0 ? `${state.entryCount} logged.` : 'Procedure, date, site and verifier: a few keystrokes.',
      link: (
        <a href="#/log" className={state.entryCount > 0 ? 'btn-link' : 'btn'}>
          Log a procedure
        </a>
      ),
    },
  ];
  if (steps.every((s) => s.done)) return null;
  const left = steps.filter((s) => !s.done).length;
  return (
    <section className="card start-here" aria-labelledby="start-here-title">
      <h2 id="start-here-title" className="card-title">
        Start here <span className="muted small">({left} {left === 1 ? 'step' : 'steps'} to go)</span>
      </h2>
      <ol className="start-here-list">
        {steps.map((s) => (
          <li key={s.id} className={s.done ? 'done' : ''} aria-label={`${s.title}: ${s.done ? 'done' : 'to do'}`}>
            <span className={`badge ${s.done ? 'badge-ok' : 'badge-warn'}`}>{s.done ? '✓ Done' : 'To do'}</span>
            <div className="start-here-text">
              <strong>{s.title}</strong>
              <span className="small muted">{s.detail}</span>
            </div>
            {s.link}
          </li>
        ))}
      </ol>
    </section>
  );
}
