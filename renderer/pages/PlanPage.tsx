// Plan: the work roster, time off, rotation sessions, the planner and the calendar export, for the
// chosen track (the planner aims at that track's remaining need).
import { useId, useState } from 'react';
import { api } from '../api';
import { PlanTab } from '../components/planning/PlanTab';
import { Banner, PageHeader } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/progress.css';
import '../styles/planning.css';

export function PlanPage() {
  const tracks = useResult(() => api.tracks.list(), []);
  const [trackId, setTrackId] = useState<number | null>(null);
  const list = tracks.value ?? [];
  const active = list.find((t) => t.id === trackId) ?? list[0] ?? null;
  const trackSelect = useId();
  return (
    <div className="page plan-page">
      <PageHeader
        title="Plan"
        subtitle="Your work roster, time off and rotation days: when you can go, and when you will finish."
        actions={
          list.length > 1 ? (
            <div className="field">
              <label htmlFor={trackSelect}>Track</label>
              <select id={trackSelect} value={active?.id ?? ''} onChange={(e) => setTrackId(Number(e.target.value))}>
                {list.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null
        }
      />
      {tracks.error ? <Banner tone="error">{tracks.error.message}</Banner> : null}
      {!tracks.loading && list.length === 0 ? (
        <div className="card empty">
          <p>No track yet. Add one on the Log page, then plan your rotations here.</p>
          <a className="btn btn-primary" href="#/log">
            Go to the Log
          </a>
        </div>
      ) : null}
      {active ? <PlanTab key={active.id} trackId={active.id} onChanged={() => undefined} /> : null}
    </div>
  );
}
