// The job's recurring shift pattern (weekly weekdays, or N on / M off from an anchor date) and the
// planner's limits (travel, day length, rotation days per week, target date).
import { useState, type FormEvent } from 'react';
import type { PlanningSettings } from '../../../shared/ipc/planning';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Field, fieldErrors } from '../ui';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** On/off counts of a cycle that is one block of work days followed by days off, else null. */
function onOff(days: readonly boolean[]): { on: number; off: number } | null {
  const on = days.indexOf(false) === -1 ? days.length : days.indexOf(false);
  if (days.slice(on).some(Boolean)) return null;
  return { on, off: days.length - on };
}

export function ScheduleForm(props: { settings: PlanningSettings; today: string; onSaved: (s: PlanningSettings) => void }) {
  const s = props.settings;
  const cycle = s.pattern.kind === 'cycle' ? onOff(s.pattern.days) : null;
  const [kind, setKind] = useState<'weekly' | 'cycle'>(s.pattern.kind);
  const [weekdays, setWeekdays] = useState<number[]>(s.pattern.kind === 'weekly' ? [...s.pattern.weekdays] : [1, 2, 3, 4, 5]);
  const [on, setOn] = useState(String(cycle?.on ?? 3));
  const [off, setOff] = useState(String(cycle?.off ?? 4));
  const [anchor, setAnchor] = useState(s.pattern.kind === 'cycle' ? s.pattern.anchor : props.today);
  const [travel, setTravel] = useState(String(s.maxTravelMinutes));
  const [shiftHours, setShiftHours] = useState(String(s.shiftHours));
  const [dayHours, setDayHours] = useState(String(s.maxDayHours));
  const [perWeek, setPerWeek] = useState(String(s.maxRotationDaysPerWeek));
  const [target, setTarget] = useState(s.targetDate ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const onN = Math.max(0, Math.floor(Number(on)));
    const offN = Math.max(0, Math.floor(Number(off)));
    const r = await api.planning.saveSettings({
      pattern:
        kind === 'weekly'
          ? { kind, weekdays }
          : { kind, anchor, days: [...Array<boolean>(onN).fill(true), ...Array<boolean>(offN).fill(false)] },
      maxTravelMinutes: Number(travel),
      shiftHours: Number(shiftHours),
      maxDayHours: Number(dayHours),
      maxRotationDaysPerWeek: Number(perWeek),
      targetDate: target || null,
    });
    setSaving(false);
    if (r.ok) {
      setError(null);
      props.onSaved(r.value);
    } else setError(r.error);
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="card-title">
        Your work schedule
      </h2>
      {!s.saved ? <p className="small muted">Not saved yet: the planner assumes Monday to Friday until you save your pattern.</p> : null}
      <fieldset className="plain-fieldset">
        <legend>Shift pattern</legend>
        <div className="row">
          <label className="radio">
            <input type="radio" name="pattern-kind" checked={kind === 'weekly'} onChange={() => setKind('weekly')} /> Same weekdays every week
          </label>
          <label className="radio">
            <input type="radio" name="pattern-kind" checked={kind === 'cycle'} onChange={() => setKind('cycle')} /> Rotating (days on / days off)
          </label>
        </div>
      </fieldset>
      {kind === 'weekly' ? (
        <fieldset className="plain-fieldset">
          <legend>Days you work</legend>
          <div className="row weekday-row">
            {WEEK_ORDER.map((d) => (
              <label key={d} className="chip">
                <input
                  type="checkbox"
                  checked={weekdays.includes(d)}
                  onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, d] : w.filter((x) => x !== d)))}
                />{' '}
                {WEEKDAYS[d]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <div className="row">
          <Field label="Days on" error={errors['pattern.days']}>
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={28} value={on} onChange={(e) => setOn(e.target.value)} className="input-short" />}
          </Field>
          <Field label="Days off">
            {(id) => <input id={id} type="number" min={1} max={28} value={off} onChange={(e) => setOff(e.target.value)} className="input-short" />}
          </Field>
          <Field label="First day on" hint="Any day that starts a block of shifts." error={errors['pattern.anchor']}>
            {(id, d) => <input id={id} aria-describedby={d} type="date" value={anchor} onChange={(e) => setAnchor(e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="row">
        <Field label="Travel per day (round trip, min)" error={errors.maxTravelMinutes}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} value={travel} onChange={(e) => setTravel(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Rotation shift (h)" error={errors.shiftHours}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={24} step={0.5} value={shiftHours} onChange={(e) => setShiftHours(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Longest day (h)" error={errors.maxDayHours}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={24} step={0.5} value={dayHours} onChange={(e) => setDayHours(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Rotation days per week" error={errors.maxRotationDaysPerWeek}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={7} value={perWeek} onChange={(e) => setPerWeek(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Target date" hint="When you want to be done." error={errors.targetDate}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={target} onChange={(e) => setTarget(e.target.value)} />}
        </Field>
      </div>
      {error && Object.keys(errors).length === 0 ? <p className="error-text">{error.message}</p> : null}
      <div>
        <button className="btn btn-primary" type="submit" disabled={saving}>
          Save schedule
        </button>
      </div>
    </form>
  );
}
