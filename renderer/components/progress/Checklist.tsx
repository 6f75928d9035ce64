// The mandatory checklist and the electives: which are chosen toward the minimum, which are still possible.
import type { DashboardData } from '../../../shared/ipc/dashboard';

function Count(props: { counted: number; required: number | null }) {
  return (
    <span className="num">
      {props.counted} / {props.required ?? '?'}
    </span>
  );
}

export function Checklist(props: { data: DashboardData }) {
  const { mandatory, electives, electiveRules } = props.data;
  const metCount = mandatory.filter((m) => m.met).length;
  const chosen = electives.filter((e) => e.chosen);
  const possible = electives.filter((e) => !e.chosen);
  return (
    <section className="card" aria-labelledby="checklist-title">
      <h2 id="checklist-title" className="card-title">
        Mandatory procedures{' '}
        <span className="muted small">
          {metCount} of {mandatory.length} met
        </span>
      </h2>
      {mandatory.length === 0 ? (
        <p className="muted">The catalog lists no mandatory procedures yet.</p>
      ) : (
        <ul className="checklist" aria-label="Mandatory procedures">
          {mandatory.map((m) => (
            <li key={m.procedureId} className={m.met ? 'met' : 'short'}>
              <span className="check-mark" aria-hidden="true">
                {m.met ? '✓' : '○'}
              </span>
              <span className="check-name">
                {m.name} <span className="muted small">{m.categoryName}</span>
              </span>
              <Count counted={m.counted} required={m.required} />
              <span className="visually-hidden">{m.met ? 'met' : 'not met yet'}</span>
            </li>
          ))}
        </ul>
      )}
      {electiveRules.length > 0 || electives.length > 0 ? (
        <>
          <h3 className="subhead">Electives</h3>
          {electiveRules.map((r) => (
            <p key={r.scope} className="small" data-testid="elective-rule">
              {r.scope === 'overall' ? 'Electives' : `Electives in ${r.scope}`}: <strong>{r.completed}</strong> of {r.required} completed
              {r.remaining > 0 ? `, ${r.remaining} more to choose` : ''}.{' '}
              {r.available < r.required ? (
                <span className="badge badge-warn">The catalog lists only {r.available}</span>
              ) : (
                <span className="muted">{r.available} possible.</span>
              )}
            </p>
          ))}
          <div className="grid-2">
            <div>
              <h4 className="minihead">Chosen toward the minimum</h4>
              <ul className="checklist" aria-label="Electives chosen">
                {chosen.map((e) => (
                  <li key={e.procedureId} className={e.met ? 'met' : 'short'}>
                    <span className="check-mark" aria-hidden="true">
                      {e.met ? '✓' : '○'}
                    </span>
                    <span className="check-name">{e.name}</span>
                    <Count counted={e.counted} required={e.required} />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h4 className="minihead">Still possible</h4>
              {possible.length === 0 ? (
                <p className="muted small">None left.</p>
              ) : (
                <ul className="checklist" aria-label="Electives still possible">
                  {possible.map((e) => (
                    <li key={e.procedureId}>
                      <span className="check-mark" aria-hidden="true">
                        ·
                      </span>
                      <span className="check-name">{e.name}</span>
                      <Count counted={e.counted} required={e.required} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
