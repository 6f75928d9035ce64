// Today: a track whose requirement version stops being accepted soon (or already has). The end date
// says when it is worked out by RadLedger from ARRT's 24-month rule rather than printed by ARRT.
import type { TodayItems } from '../../../shared/ipc/dashboard';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner } from '../ui';
import '../../styles/sites.css';

export function VersionWarningsToday() {
  const today = useResult<TodayItems>(() => api.dashboard.today(), []);
  if (today.error) return <Banner tone="error">{today.error.message}</Banner>;
  const v = today.value;
  // Shown only when a version ends within 180 days or has ended: no empty card for everyone else.
  if (!v || v.versionWarnings.length === 0) return null;
  return (
    <section className="card today-section" aria-labelledby="today-version-warnings">
      <h2 id="today-version-warnings" className="card-title">
        Requirement version ending
      </h2>
      <ul className="today-list" aria-label="Requirement versions ending" data-testid="version-warnings">
        {v.versionWarnings.map((w) => (
          <li key={w.trackId} className="today-item">
            <div>
              <strong>{w.trackName}</strong>{' '}
              <span className={`badge ${w.kind === 'version-expired' ? 'badge-danger' : 'badge-warn'}`}>
                {w.kind === 'version-expired' ? 'Version ended' : `${w.daysLeft} days left`}
              </span>
              <div className="small">{w.message}</div>
            </div>
            <a className="btn" href="#/progress">
              Open progress
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
