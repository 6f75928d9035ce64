// Structured-education progress in words and as a small chart (one bar per content category), with
// the chart's text equivalent. Used on the Education page and the dashboard.
import { formatCredits, type EducationSummary } from '../../../shared/education/summary';

export function EducationProgress(props: { summary: EducationSummary; compact?: boolean }) {
  const s = props.summary;
  if (!s.defined) return <p className="muted">{s.text}</p>;
  const scale = Math.max(s.minPerCategory ?? 1, ...s.categories.map((c) => c.counted), 1);
  const total = s.requiredTotal ?? 0;
  const pct = total > 0 ? Math.min(100, Math.round((s.counted / total) * 100)) : 0;
  const textEquivalent = s.categories.map((c) => `${c.name}: ${formatCredits(c.counted)} ${c.counted === 1 ? 'credit' : 'credits'}${c.met ? '' : ' (missing)'}`).join('; ');
  return (
    <div className="edu-progress stack">
      <p className="edu-summary" data-testid="education-summary">
        <strong>
          {formatCredits(s.counted)} of {s.requiredTotal} credits
        </strong>
        {s.categoriesOrigin === 'none' ? null : (
          <>
            {' · '}
            {s.categories.length - s.missingCategories.length} of {s.categories.length} content categories covered
          </>
        )}
        {s.met ? <span className="badge badge-ok">Met</span> : null}
      </p>
      <div className="edu-total-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </div>
      {s.categoriesOrigin === 'none' ? (
        <p className="small">{s.text}</p>
      ) : s.missingCategories.length > 0 ? (
        <p className="small">
          {s.remaining ? `${formatCredits(s.remaining)} more ${s.remaining === 1 ? 'credit' : 'credits'} needed; ` : ''}
          no credit yet in: <strong>{s.missingCategories.join(', ')}</strong>.
        </p>
      ) : s.remaining ? (
        <p className="small">
          {formatCredits(s.remaining)} more {s.remaining === 1 ? 'credit' : 'credits'} needed; every content category is covered.
        </p>
      ) : null}
      {s.categories.length > 0 ? (
        <figure className="edu-chart">
          <div aria-hidden="true" className="edu-bars">
            {s.categories.map((c) => (
              <div key={c.key} className="edu-bar-row">
                <span className="edu-bar-name">{c.name}</span>
                <span className="edu-bar">
                  <span className={c.met ? 'met' : 'short'} style={{ width: `${Math.round((Math.min(c.counted, scale) / scale) * 100)}%` }} />
                </span>
                <span className={`edu-bar-value${c.met ? '' : ' short'}`}>{c.met ? formatCredits(c.counted) : `${formatCredits(c.counted)} · missing`}</span>
              </div>
            ))}
          </div>
          <figcaption className={props.compact ? 'visually-hidden' : 'small muted'}>Chart as text: {textEquivalent}.</figcaption>
        </figure>
      ) : null}
      {s.categoriesOrigin === 'user' ? (
        <p className="small muted">Categories named by you from ARRT’s content specification: not known to RadLedger.</p>
      ) : null}
    </div>
  );
}
