// The dashboard's structured-education card: credits done of required and content categories
// covered or missing, in words and as a small chart with its text equivalent.
import type { DashboardData } from '../../../shared/ipc/dashboard';
import { EducationProgress } from '../education/EducationProgress';
import '../../styles/education.css';

export function EducationCard(props: { data: DashboardData }) {
  const s = props.data.education;
  return (
    <section className="card" aria-labelledby="education-title" data-testid="education-card">
      <div className="quick-log-head">
        <h2 id="education-title" className="card-title">
          Structured education
        </h2>
        <a className="btn btn-small" href="#/education">
          {s.activityCount === 0 ? 'Record education' : 'Open education'}
        </a>
      </div>
      <EducationProgress summary={s} compact={false} />
      {s.notCounting.length > 0 ? (
        <p className="small muted">
          {s.notCounting.length} {s.notCounting.length === 1 ? 'activity does' : 'activities do'} not count: {[...new Set(s.notCounting.map((n) => n.text))].join(' ')}
        </p>
      ) : null}
    </section>
  );
}
