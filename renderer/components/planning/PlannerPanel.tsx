// The planner: proposes rotation days on free days, shows what that means for the finish date,
// and saves the proposals as planned sessions when the user accepts them.
import { useState } from 'react';
import type { PlanProposal } from '../../../shared/ipc/planning';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { dayLabel } from '../progress/format';
import { Banner, useToast } from '../ui';

export function PlannerPanel(props: {
  trackId: number;
  proposal: PlanProposal | null;
  onProposal: (p: PlanProposal | null) => void;
  onAccepted: () => void;
}) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const p = props.proposal;
  const plan = p?.plan ?? null;

  async function propose() {
    setBusy(true);
    const r = await api.planning.propose({ trackId: props.trackId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onProposal(r.value);
  }

  async function accept() {
    if (!plan || plan.sessions.length === 0) return;
    setBusy(true);
    const r = await api.planning.accept({
      sessions: plan.sessions.map((s) => ({ siteId: s.siteId, date: s.date, startTime: s.start, hours: s.hours })),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const ids = r.value.map((s) => s.id);
    props.onProposal(null);
    props.onAccepted();
    toast(`${ids.length} rotation ${ids.length === 1 ? 'day' : 'days'} added to your plan.`, {
      label: 'Undo',
      run: () => void Promise.all(ids.map((id) => api.planning.deleteSession({ id }))).then(props.onAccepted),
    });
  }

  const tone = plan?.outcome.kind === 'reaches-target' || plan?.outcome.kind === 'done' ? 'ok' : 'warn';
  return (
    <section className="card" aria-labelledby="planner-title">
      <div className="card-head">
        <h2 id="planner-title" className="card-title">
          Rotation planner
        </h2>
        <button className="btn btn-primary" type="button" onClick={() => void propose()} disabled={busy}>
          Propose rotation days
        </button>
      </div>
      <p className="small muted">
        Proposes timed sessions on days your roster leaves free, keeping your rest hours after and before every shift (travel included), at
        the sites that supplied or offer what you still need, within your travel limit, up to your rotation days per week, aiming at the target
        date. It adds days for entries that would leave the 24-month window before you finish. Nothing is saved until you accept.
      </p>
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {p ? (
        <div className="stack" data-testid="plan-result" aria-live="polite">
          {p.refusal ? <Banner tone="info">{p.refusal}</Banner> : null}
          {plan ? (
            <>
              <Banner tone={tone}>{plan.message}</Banner>
              {p.summary ? <p data-testid="plan-forecast">{p.summary}</p> : null}
              {plan.sessions.length > 0 ? (
                <>
                  <div className="table-wrap proposal-table">
                    <table>
                      <caption className="visually-hidden">Proposed rotation days</caption>
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Time</th>
                          <th scope="col">Site</th>
                          <th scope="col">Expected</th>
                        </tr>
                      </thead>
                      <tbody>
                        {plan.sessions.map((s) => (
                          <tr key={s.date} className={s.afterTarget ? 'after-target' : undefined}>
                            <td>
                              {dayLabel(s.date)}
                              {s.afterTarget ? <span className="badge badge-warn">after target</span> : null}
                            </td>
                            <td className="nowrap">
                              {s.start}–{s.end}
                            </td>
                            <td>{s.siteName}</td>
                            <td className="small">
                              {Object.entries(s.expected)
                                .map(([name, n]) => `${n} ${name}`)
                                .join(', ')}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <div className="row">
                    <button className="btn btn-primary" type="button" onClick={() => void accept()} disabled={busy}>
                      Accept {plan.sessions.length} proposed {plan.sessions.length === 1 ? 'day' : 'days'}
                    </button>
                    <button className="btn" type="button" onClick={() => props.onProposal(null)}>
                      Discard
                    </button>
                  </div>
                </>
              ) : null}
              {plan.unusableDays.length > 0 ? (
                <details className="small unusable-days" data-testid="unusable-days">
                  <summary>
                    Days it could not use ({plan.unusableDays.length})
                  </summary>
                  <ul>
                    {plan.unusableDays.map((u) => (
                      <li key={u.date}>{u.text}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {plan.excludedSites.length > 0 ? (
                <div className="small">
                  <strong>Not proposed:</strong>
                  <ul>
                    {plan.excludedSites.map((s) => (
                      <li key={s.siteId}>
                        {s.name}: {s.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          ) : null}
          {p.sitesNotAgreed.length > 0 ? (
            <p className="small muted">Not proposed (they have not agreed to take you yet): {p.sitesNotAgreed.join(', ')}.</p>
          ) : null}
          {p.sitesWithoutTravel.length > 0 ? (
            <p className="small muted">
              Skipped (no travel time on the Sites page): {p.sitesWithoutTravel.join(', ')}.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
