// Month and week calendar: shifts, time off, rotation sessions, and the planner's proposals.
// A table (days as cells, every state written as text) so it reads the same to a screen reader.
import { format, parseISO } from 'date-fns';
import { useState } from 'react';
import type { PlanningState } from '../../../shared/ipc/planning';
import { definitionOf, shiftCodeOn, type Roster } from '../../../shared/planning/roster';
import { addIsoDays, monthCalendar, weekCalendar, type CalendarDay, type RotationSession } from '../../../shared/planning/schedule';

export interface ProposedDay {
  date: string;
  siteName: string;
  start?: string;
  end?: string;
}

/** 'N 19:00–07:00' for the shift on a day (one-off changes applied), or null. */
function shiftText(roster: Roster, date: string): string | null {
  const code = shiftCodeOn(roster, date);
  if (code === null) return null;
  const def = definitionOf(roster, code);
  return def ? `${def.code} ${def.start}–${def.end}` : code;
}

const HEAD = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function DayCell(props: {
  day: CalendarDay;
  today: string;
  siteNames: Map<number, string>;
  proposed: Map<string, ProposedDay>;
  roster: Roster;
  tall?: boolean;
  onPickDay?: ((date: string) => void) | undefined;
}) {
  const { day } = props;
  const proposal = props.proposed.get(day.date);
  const shift = shiftText(props.roster, day.date);
  const changed = props.roster.changes.some((c) => c.date === day.date);
  const classes = ['cal-day', `cal-${day.kind}`, day.inMonth ? '' : 'cal-out', day.date === props.today ? 'cal-today' : '', proposal ? 'cal-proposed' : '', props.tall ? 'cal-tall' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <td className={classes} data-date={day.date}>
      <div className="cal-num">
        {props.onPickDay && day.date >= props.today ? (
          <button
            type="button"
            className="cal-pick"
            title="Swap, extra shift or day off"
            aria-label={`Change the roster on ${format(parseISO(day.date), 'EEEE d MMMM yyyy')}`}
            onClick={() => props.onPickDay?.(day.date)}
          >
            {format(parseISO(day.date), props.tall ? 'EEE d MMM' : 'd')}
          </button>
        ) : (
          format(parseISO(day.date), props.tall ? 'EEE d MMM' : 'd')
        )}
        {day.date === props.today ? <span className="visually-hidden"> (today)</span> : null}
      </div>
      {shift ? (
        <div className="cal-tag tag-work">
          {shift}
          {changed ? ' (changed)' : ''}
        </div>
      ) : changed ? (
        <div className="cal-tag tag-off">Day off (changed)</div>
      ) : null}
      {day.timeOff ? <div className="cal-tag tag-off">Time off</div> : null}
      {day.sessions.map((s) => (
        <div key={s.id} className={`cal-tag tag-rotation${s.status === 'done' ? ' tag-done' : ''}`}>
          {s.status === 'done' ? 'Done: ' : ''}
          {s.startTime ? `${s.startTime} ` : ''}
          {props.siteNames.get(s.siteId) ?? 'Rotation'}
        </div>
      ))}
      {proposal ? (
        <div className="cal-tag tag-proposed">
          Proposed: {proposal.start ? `${proposal.start}–${proposal.end} ` : ''}
          {proposal.siteName}
        </div>
      ) : null}
    </td>
  );
}

export function PlanCalendar(props: { state: PlanningState; proposed: ProposedDay[]; onPickDay?: (date: string) => void }) {
  const { state } = props;
  const [view, setView] = useState<'month' | 'week'>('month');
  const [month, setMonth] = useState(state.today.slice(0, 7));
  const [weekOf, setWeekOf] = useState(state.today);
  const sessions: RotationSession[] = state.sessions.map((s) => ({
    id: String(s.id),
    date: s.date,
    siteId: s.siteId,
    hours: s.hours,
    status: s.status,
    ...(s.startTime ? { startTime: s.startTime } : {}),
  }));
  const roster: Roster = { definitions: state.definitions, pattern: state.settings.pattern, changes: state.changes };
  const siteNames = new Map(state.sessions.map((s) => [s.siteId, s.siteName]));
  const proposed = new Map(props.proposed.map((p) => [p.date, p]));
  const pattern = state.settings.pattern;
  const weeks =
    view === 'month' ? monthCalendar(pattern, state.timeOff, sessions, month) : [weekCalendar(pattern, state.timeOff, sessions, weekOf)];
  const title =
    view === 'month'
      ? format(parseISO(`${month}-01`), 'MMMM yyyy')
      : `Week of ${format(parseISO(weeks[0]![0]!.date), 'd MMM yyyy')}`;
  const step = (by: number) => (view === 'month' ? setMonth((m) => shiftMonth(m, by)) : setWeekOf((w) => addIsoDays(w, 7 * by)));

  return (
    <section className="card" aria-labelledby="calendar-title">
      <div className="card-head">
        <h2 id="calendar-title" className="card-title">
          Calendar <span className="muted">· {title}</span>
        </h2>
        <div className="row cal-controls">
          <div className="seg" role="group" aria-label="Calendar view">
            <button type="button" className="btn" aria-pressed={view === 'month'} onClick={() => setView('month')}>
              Month
            </button>
            <button type="button" className="btn" aria-pressed={view === 'week'} onClick={() => setView('week')}>
              Week
            </button>
          </div>
          <button type="button" className="btn" onClick={() => step(-1)} aria-label={view === 'month' ? 'Previous month' : 'Previous week'}>
            ←
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setMonth(state.today.slice(0, 7));
              setWeekOf(state.today);
            }}
          >
            Today
          </button>
          <button type="button" className="btn" onClick={() => step(1)} aria-label={view === 'month' ? 'Next month' : 'Next week'}>
            →
          </button>
        </div>
      </div>
      <div className="cal-legend small" aria-hidden="true">
        <span className="cal-tag tag-work">Shift</span>
        <span className="cal-tag tag-off">Time off</span>
        <span className="cal-tag tag-rotation">Rotation</span>
        <span className="cal-tag tag-proposed">Proposed</span>
        <span className="muted">Unmarked days are free. Pick a day's number to swap a shift, add one or take the day off.</span>
      </div>
      {/* Seven columns need room: below ~560 px the calendar scrolls sideways in its own box (a two-dimensional layout, the reflow exception), not the page. */}
      <div className="cal-scroll" data-scroll-box>
        <table className="calendar" data-testid="calendar">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {HEAD.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w[0]!.date}>
                {w.map((d) => (
                  <DayCell key={d.date} day={d} today={state.today} siteNames={siteNames} proposed={proposed} roster={roster} tall={view === 'week'} onPickDay={props.onPickDay} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
