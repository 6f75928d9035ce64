// Today: what needs attention now, as a list of sections. Each feature contributes a section; the
// page only lays them out in order.
import { useState, type ComponentType } from 'react';
import { api } from '../api';
import { GuidedStart } from '../components/start/GuidedStart';
import { StartHere } from '../components/start/StartHere';
import { ComplianceReminders, FollowUpsDue } from '../components/sites/TodaySections';
import { ReturnedEntries } from '../components/today/ReturnedEntries';
import { VersionWarningsToday } from '../components/today/VersionWarnings';
import { ExpiringEntries, FinishToday, RotationToday } from '../components/today/PlanningToday';
import { PageHeader } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/sites.css';
import '../styles/start.css';

interface TodaySection {
  id: string;
  title: string;
  component: ComponentType;
}

const TODAY_SECTIONS: TodaySection[] = [
  { id: 'rotation', title: 'Planned rotation today', component: RotationToday },
  { id: 'returned', title: 'Returned by your reviewers', component: ReturnedEntries },
  { id: 'finish', title: 'When you will finish', component: FinishToday },
  { id: 'follow-ups', title: 'Follow-ups due', component: FollowUpsDue },
  { id: 'expiring-entries', title: 'Entries about to expire', component: ExpiringEntries },
  { id: 'compliance', title: 'Compliance reminders', component: ComplianceReminders },
];

export function TodayPage() {
  const start = useResult(() => api.start.state(), []);
  // Once the guided start has begun it stays until the user leaves Today, even after step 1 made a track.
  const [guided, setGuided] = useState(false);
  const showGuided = guided || (start.value !== undefined && start.value.track === null);
  return (
    <div className="page">
      <PageHeader title="Today" subtitle="What is due: rotations, follow-ups, expiring entries and documents." />
      {showGuided ? <GuidedStart onTrackCreated={() => setGuided(true)} /> : start.value ? <StartHere state={start.value} /> : null}
      <VersionWarningsToday />
      {TODAY_SECTIONS.map((s) => {
        const Section = s.component;
        return (
          <section key={s.id} className="card today-section" aria-labelledby={`today-${s.id}`}>
            <h2 id={`today-${s.id}`} className="card-title">
              {s.title}
            </h2>
            <Section />
          </section>
        );
      })}
    </div>
  );
}
