// The planning and progress contributions to Today: the rotation planned for today (or the next
// one), and counted entries about to leave the 24-month window.
import type { TodayItems } from '../../../shared/ipc/dashboard';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { dayLabel } from '../progress/format';
import { Banner } from '../ui';
import '../../styles/progress.css';

function useToday() {
  return useResult<TodayItems>(() => api.dashboard.today(), []);
}

export function RotationToday() {
  const today = useToday();
  if (today.error) return <Banner tone="error">{today.error.message}</Banner>;
  const v = today.value;
  if (!v) return <p className="muted">Loading…</p>;
  if (v.rotations.length === 0) {
    return (
      <p className="muted" data-testid="rotation-today">
        No rotation today.
        {v.nextRotation ? ` Next: ${v.nextRotation.siteName} on ${dayLabel(v.nextRotation.date)}.` : ' '}{' '}
        <a className="btn-link" href="#/plan">
          Plan rotations
        </a>
      </p>
    );
  }
  return (
    <ul className="today-list" aria-label="Rotation today" data-testid="rotation-today">
      {v.rotations.map((r) => (
        <li key={r.id} className="today-item">
          <div>
            <strong>{r.siteName}</strong>
            <div className="small muted">
              {r.startTime ? `from ${r.startTime}, ` : ''}
              {r.hours} h {r.status === 'done' ? '· done' : ''}
              {r.notes ? ` · ${r.notes}` : ''}
            </div>
          </div>
          <a className="btn" href="#/log">
            Log procedures
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Each track's finish date with its basis (the pace of the log, or the accepted plan). */
export function FinishToday() {
  const today = useToday();
  if (today.error) return <Banner tone="error">{today.error.message}</Banner>;
  const v = today.value;
  if (!v) return <p className="muted">Loading…</p>;
  if (v.finishes.length === 0) return <p className="muted">No track yet.</p>;
  return (
    <ul className="today-list" aria-label="Finish dates" data-testid="finish-today">
      {v.finishes.map((t) => (
        <li key={t.trackId} className="today-item">
          <div>
            <strong>{t.trackName}</strong>
            {t.finish.date ? <span className="finish-date"> · {dayLabel(t.finish.date)}</span> : null}
            <div className="small muted">{t.finish.message}</div>
          </div>
          <a className="btn" href={t.finish.basis === 'none' ? '#/plan' : '#/progress'}>
            {t.finish.basis === 'none' ? 'Plan rotations' : 'See progress'}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ExpiringEntries() {
  const today = useToday();
  if (today.error) return <Banner tone="error">{today.error.message}</Banner>;
  const v = today.value;
  if (!v) return <p className="muted">Loading…</p>;
  if (v.expiring.length === 0) {
    return (
      <p className="muted" data-testid="expiring-entries">
        No counted entry leaves the 24-month window in the next 90 days.
      </p>
    );
  }
  return (
    <ul className="today-list" aria-label="Entries about to expire" data-testid="expiring-entries">
      {v.expiring.map((t) => (
        <li key={t.trackId} className="today-item">
          <div>
            <strong>{t.trackName}</strong>
            <div className="small">
              {t.within30 > 0 ? <span className="badge badge-danger">{t.within30} within 30 days</span> : null}{' '}
              <span className="badge badge-warn">{t.within60} within 60 days</span> <span className="badge">{t.within90} within 90 days</span>
              {t.firstDate ? <span className="muted"> · the first one counts until {dayLabel(t.firstDate)}</span> : null}
            </div>
          </div>
          <a className="btn" href="#/progress">
            See progress
          </a>
        </li>
      ))}
    </ul>
  );
}
