// Progress: the dashboard for a track (how far, what is missing, when done). Planning has its own
// page (#/plan).
import { useCallback, useEffect, useState } from 'react';
import type { DashboardData } from '../../shared/ipc/dashboard';
import { api } from '../api';
import { CategoryChart } from '../components/progress/CategoryChart';
import { Checklist } from '../components/progress/Checklist';
import { EducationCard } from '../components/progress/EducationCard';
import { ExpiryChart } from '../components/progress/ExpiryChart';
import { ForecastPanel } from '../components/progress/ForecastPanel';
import { MissingList } from '../components/progress/MissingList';
import { OverallCard } from '../components/progress/OverallCard';
import { WeeklyChart } from '../components/progress/WeeklyChart';
import { NoTrackYet, TrackSelect, useTrackChoice } from '../components/TrackChoice';
import { Banner, PageHeader } from '../components/ui';
import type { AppError } from '../../shared/result';
import '../styles/progress.css';

function useDashboard(trackId: number | null) {
  const [paceWindowWeeks, setPace] = useState(8);
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    if (trackId === null) return;
    setBusy(true);
    const r = await api.dashboard.get({ trackId, paceWindowWeeks });
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error);
    setBusy(false);
  }, [trackId, paceWindowWeeks]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, busy, paceWindowWeeks, setPace, reload: load };
}

export function ProgressPage() {
  const { list, active, setTrackId, loading, error } = useTrackChoice();
  const dash = useDashboard(active?.id ?? null);

  return (
    <div className="page progress-page">
      <PageHeader
        title="Progress"
        subtitle="How far you are, what is missing, and when you will finish."
        actions={
          <TrackSelect list={list} active={active} onChange={setTrackId} />
        }
      />
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {!loading && list.length === 0 ? <NoTrackYet why="Progress is measured per track." /> : null}
      {active ? (
        <>
          {dash.error ? <Banner tone="error">{dash.error.message}</Banner> : null}
          {dash.data ? <Dashboard data={dash.data} busy={dash.busy} onPaceWindow={dash.setPace} /> : <p className="muted">Loading…</p>}
        </>
      ) : null}
    </div>
  );
}

function Dashboard(props: { data: DashboardData; busy: boolean; onPaceWindow: (w: number) => void }) {
  const { data } = props;
  return (
    <>
      <p className="small muted catalog-line">
        Measured against <strong>{data.catalog.title}</strong>
        {data.catalog.label ? <span className="badge badge-warn">{data.catalog.label}</span> : null}
        {data.catalog.resolvedFrom === 'builtin' ? ' (the shipped catalog for this discipline; no catalog is assigned to the track yet)' : ''}
        {' · '}as of {data.today}
      </p>
      {data.versionWarnings.map((w) => (
        <p key={w.kind} className={`banner ${w.kind === 'version-expired' ? 'banner-error' : 'banner-warn'}`} data-testid="dashboard-warning">
          {w.message}
        </p>
      ))}
      <div className="dash-top">
        <OverallCard data={data} />
        <ForecastPanel data={data} busy={props.busy} onPaceWindow={props.onPaceWindow} />
      </div>
      {data.catalog.numbersKnown ? <CategoryChart categories={data.categories} /> : null}
      <MissingList data={data} />
      <EducationCard data={data} />
      {data.catalog.numbersKnown ? <Checklist data={data} /> : null}
      <div className="grid-2">
        <WeeklyChart weekly={data.weekly} />
        <ExpiryChart data={data} />
      </div>
    </>
  );
}
