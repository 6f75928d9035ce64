// Today: what needs attention now, as a list of sections. Each feature contributes a section; the
// page only lays them out in order.
import type { ComponentType } from 'react';
import { ComplianceReminders, FollowUpsDue } from '../components/sites/TodaySections';
import { ExpiringEntries, RotationToday } from '../components/today/PlanningToday';
import { VersionWarningsToday } from '../components/today/VersionWarnings';
import { PageHeader } from '../components/ui';
import '../styles/sites.css';

interface TodaySection {
  id: string;
  title: string;
  component: ComponentType;
}

const TODAY_SECTIONS: TodaySection[] = [
  { id: 'rotation', title: 'Planned rotation today', component: RotationToday },
  { id: 'follow-ups', title: 'Follow-ups due', component: FollowUpsDue },
  { id: 'expiring-entries', title: 'Entries about to expire', component: ExpiringEntries },
  { id: 'compliance', title: 'Compliance reminders', component: ComplianceReminders },
];

export function TodayPage() {
  return (
    <div className="page">
      <PageHeader title="Today" subtitle="What is due: rotations, follow-ups, expiring entries and documents." />
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
