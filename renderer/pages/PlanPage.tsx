// Plan: the work roster, time off, rotation sessions, the planner and the calendar export, for the
// chosen track (the planner aims at that track's remaining need).
import { PlanTab } from '../components/planning/PlanTab';
import { NoTrackYet, TrackSelect, useTrackChoice } from '../components/TrackChoice';
import { Banner, PageHeader } from '../components/ui';
import '../styles/progress.css';
import '../styles/planning.css';

export function PlanPage() {
  const { list, active, setTrackId, loading, error } = useTrackChoice();
  return (
    <div className="page plan-page">
      <PageHeader
        title="Plan"
        subtitle="Your work roster, time off and rotation days: when you can go, and when you will finish."
        actions={
          <TrackSelect list={list} active={active} onChange={setTrackId} />
        }
      />
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {!loading && list.length === 0 ? <NoTrackYet why="The planner aims at a track's remaining need." /> : null}
      {active ? <PlanTab key={active.id} trackId={active.id} onChanged={() => undefined} /> : null}
    </div>
  );
}
