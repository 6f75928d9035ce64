// When will I be done at this pace? Pace window picker, the likely date with its range, expiry risk,
// and an honest "not enough data" when that is the answer.
import { useId } from 'react';
import type { DashboardData } from '../../../shared/ipc/dashboard';
import { dayLabel } from './format';

export const PACE_WINDOWS = [4, 8, 12, 26] as const;

export function ForecastPanel(props: { data: DashboardData; onPaceWindow: (weeks: number) => void; busy: boolean }) {
  const f = props.data.forecast;
  const selectId = useId();
  return (
    <section className="card forecast" aria-labelledby="forecast-title" aria-busy={props.busy}>
      <div className="forecast-head">
        <h2 id="forecast-title" className="card-title">
          Forecast
        </h2>
        <div className="field">
          <label htmlFor={selectId}>Pace from the last</label>
          <select id={selectId} value={props.data.paceWindowWeeks} onChange={(e) => props.onPaceWindow(Number(e.target.value))}>
            {PACE_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {w} weeks
              </option>
            ))}
          </select>
        </div>
      </div>
      {props.data.finish.basis === 'pace' ? (
        <p className="small muted finish-line" data-testid="finish-date">
          <span className="badge">from your pace</span> Finish date {dayLabel(props.data.finish.date!)}, as Today and the progress report show it.
        </p>
      ) : (
        <div className={`finish-line finish-${props.data.finish.basis}`} data-testid="finish-date">
          <div className="muted small">Finish date</div>
          <div className="big-date">{props.data.finish.date ? dayLabel(props.data.finish.date) : '—'}</div>
          <p className="small">
            {props.data.finish.basis === 'plan' ? <span className="badge badge-warn">from your accepted plan</span> : null}{' '}
            {props.data.finish.message}
            {props.data.finish.basis === 'none' ? (
              <>
                {' '}
                <a className="btn-link" href="#/plan">
                  Plan rotations
                </a>
              </>
            ) : null}
          </p>
        </div>
      )}
      <div data-testid="forecast" aria-live="polite">
        {f.status === 'projected' ? (
          <div className="stack">
            <div className="forecast-dates">
              <div>
                <div className="muted small">Likely done</div>
                <div className="big-date" data-testid="forecast-likely">
                  {dayLabel(f.finish.likely)}
                </div>
              </div>
              <div>
                <div className="muted small">Range</div>
                <div className="range-text">
                  {dayLabel(f.finish.optimistic)} – {f.finish.pessimistic ? dayLabel(f.finish.pessimistic) : 'no latest date'}
                </div>
              </div>
              <div>
                <div className="muted small">Pace</div>
                <div className="range-text">
                  {f.pace.perWeek.toFixed(1)} counted / week ({f.pace.windowWeeks} wk)
                </div>
              </div>
            </div>
            <p>{f.expiry.message ? f.message.replace(` ${f.expiry.message}`, '') : f.message}</p>
            {f.expiry.message ? (
              <p className={`banner ${f.expiry.expiring > 0 || f.expiry.outrunsWindow ? 'banner-warn' : 'banner-info'}`} data-testid="expiry-risk">
                {f.expiry.message}
              </p>
            ) : (
              <p className="small muted" data-testid="expiry-risk">
                No entry you need expires before you finish at this pace (older extra repetitions may age out harmlessly).
              </p>
            )}
            <p className="small muted">
              The range is the likely pace plus or minus one standard error of your weekly counts: steady weeks give a narrow range.
            </p>
          </div>
        ) : f.status === 'done' ? (
          <p className="banner banner-ok">{f.message}</p>
        ) : (
          <p className="banner banner-info" data-testid="forecast-refusal">
            {f.message}
          </p>
        )}
      </div>
    </section>
  );
}
