// The per-entry review: entries grouped by day and site (the day heading says how many the track
// has that day and whether it passes ARRT's cap; each over-cap entry is flagged), with Accept /
// Reject / Needs correction for each and a reason field when it is not accepted. Plain radio groups
// and text fields in the page's own flow: Tab and the arrow keys do everything, and nothing scrolls
// inside a box.
import type { Entry } from '../../../shared/domain';
import type { ReviewDecision } from '../../../shared/ipc/review';
import type { EntryMark } from '../../../shared/ipc/signoff';
import { SignStateBadge } from './SignStateBadge';

export interface Decision {
  decision: ReviewDecision;
  reason: string;
}

const CHOICES: Array<{ value: ReviewDecision; label: string }> = [
  { value: 'accept', label: 'Accept' },
  { value: 'reject', label: 'Reject' },
  { value: 'correct', label: 'Needs correction' },
];

export function submitLabel(c: { accept: number; reject: number; correct: number }): string {
  const parts: string[] = [];
  if (c.accept) parts.push(`Sign ${c.accept} accepted`);
  const back = c.reject + c.correct;
  if (back) parts.push(`return ${back} to the candidate`);
  const text = parts.join(', ') || 'Record the review';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function weekday(iso: string): string {
  return new Date(`${iso}T12:00:00`).toLocaleDateString('en-US', { weekday: 'short' });
}

export function ReviewList(props: {
  entries: Entry[];
  overCapIds: number[];
  dayCounts: Record<string, number>;
  dailyCap: number | null;
  decisions: Record<number, Decision>;
  errors: Record<string, string>;
  marks: Record<number, EntryMark>;
  onChange: (id: number, d: Decision) => void;
}) {
  const over = new Set(props.overCapIds);
  const groups = new Map<string, Entry[]>();
  const sorted = [...props.entries].sort(
    (a, b) => a.performedOn.localeCompare(b.performedOn) || (a.siteName ?? '').localeCompare(b.siteName ?? '') || (a.performedAt ?? '99:99').localeCompare(b.performedAt ?? '99:99') || a.id - b.id,
  );
  for (const e of sorted) {
    const key = `${e.performedOn}|${e.siteName ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const indexOf = new Map(props.entries.map((e, i) => [e.id, i] as const));
  return (
    <div className="so-review" aria-label="Entries to review">
      {[...groups.entries()].map(([key, list]) => {
        const day = list[0]!.performedOn;
        const count = props.dayCounts[day] ?? list.length;
        const overDay = props.dailyCap !== null && count > props.dailyCap;
        const headingId = `review-${key.replace(/[^A-Za-z0-9]/g, '-')}`;
        return (
          <section key={key} className="so-review-group" aria-labelledby={headingId}>
            <h3 id={headingId} className="so-review-day">
              {weekday(day)} {day} · {list[0]!.siteName ?? 'No site'}
              <span className={overDay ? 'so-over' : 'muted'}>
                {' '}
                · {count} {count === 1 ? 'entry' : 'entries'} that day{overDay ? `, ${count - props.dailyCap!} over ARRT's daily cap of ${props.dailyCap}` : ''}
              </span>
            </h3>
            <ul className="so-review-list">
              {list.map((e) => {
                const d = props.decisions[e.id];
                const i = indexOf.get(e.id) ?? 0;
                const label = `${e.procedureName} on ${e.performedOn}${e.performedAt ? ` at ${e.performedAt}` : ''}`;
                const reasonError = props.errors[`decisions.${i}.reason`];
                const mark = props.marks[e.id];
                return (
                  <li key={e.id} className={`so-review-item${d ? ` so-${d.decision}` : ''}`} data-testid={`review-${e.id}`}>
                    <div className="so-review-entry">
                      <span className="nowrap">{e.performedAt ?? '--:--'}</span>
                      <strong>{e.procedureName}</strong>
                      {e.simulated ? <span className="badge badge-info">simulated</span> : null}
                      {over.has(e.id) ? <span className="badge badge-danger">Over the daily cap</span> : null}
                      {mark && mark.state !== 'unsigned' ? <SignStateBadge state={mark.state} /> : null}
                      {mark?.reason ? <span className="small muted">Returned before: {mark.reason}</span> : null}
                    </div>
                    <div className="so-review-choice" role="radiogroup" aria-label={`Decision for ${label}`}>
                      {CHOICES.map((c) => (
                        <label key={c.value} className="so-check">
                          <input
                            type="radio"
                            name={`decision-${e.id}`}
                            checked={d?.decision === c.value}
                            onChange={() => props.onChange(e.id, { decision: c.value, reason: d?.reason ?? '' })}
                          />{' '}
                          {c.label}
                        </label>
                      ))}
                    </div>
                    {d && d.decision !== 'accept' ? (
                      <label className="so-review-reason">
                        <span>{d.decision === 'reject' ? 'Reason for rejecting' : 'What to correct'}</span>
                        <input
                          value={d.reason}
                          aria-label={`${d.decision === 'reject' ? 'Reason for rejecting' : 'What to correct in'} ${label}`}
                          aria-invalid={Boolean(reasonError) || d.reason.trim() === ''}
                          onChange={(ev) => props.onChange(e.id, { ...d, reason: ev.target.value })}
                          required
                        />
                        {reasonError ? <span className="error">{reasonError}</span> : null}
                      </label>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
