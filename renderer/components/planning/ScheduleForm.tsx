// The job's roster pattern (the same weekdays every week, N on / M off, or a repeating sequence of
// shift codes from an anchor date) and the planner's limits (rest, travel, day length, rotation days
// per week, preferred start, time zone, target date).
import { useState, type FormEvent } from 'react';
import type { PlanningSettings } from '../../../shared/ipc/planning';
import type { ShiftDefinition } from '../../../shared/planning/roster';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Field, fieldErrors } from '../ui';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
type Kind = PlanningSettings['pattern']['kind'];
/** Error paths a field shows; anything else (e.g. 'pattern.codes.2') is shown under the form. */
const SHOWN_AT_A_FIELD = [
  'pattern.code',
  'pattern.days',
  'pattern.anchor',
  'pattern.codes',
  'restHours',
  'maxTravelMinutes',
  'shiftHours',
  'preferredStart',
  'maxDayHours',
  'maxRotationDaysPerWeek',
  'targetDate',
  'timeZone',
];

/** On/off counts of a cycle that is one block of work days followed by days off, else null. */
function onOff(days: readonly boolean[]): { on: number; off: number } | null {
  const on = days.indexOf(false) === -1 ? days.length : days.indexOf(false);
  if (days.slice(on).some(Boolean)) return null;
  return { on, off: days.length - on };
}

export function ScheduleForm(props: {
  settings: PlanningSettings;
  definitions: ShiftDefinition[];
  timeZone: string;
  today: string;
  onSaved: (s: PlanningSettings) => void;
}) {
  const s = props.settings;
  const p = s.pattern;
  const cycle = p.kind === 'cycle' ? onOff(p.days) : null;
  const [kind, setKind] = useState<Kind>(p.kind);
  const [weekdays, setWeekdays] = useState<number[]>(p.kind === 'weekly' ? [...p.weekdays] : [1, 2, 3, 4, 5]);
  const [code, setCode] = useState(p.kind === 'sequence' ? (props.definitions[0]?.code ?? 'D') : (p.code ?? 'D'));
  const [on, setOn] = useState(String(cycle?.on ?? 3));
  const [off, setOff] = useState(String(cycle?.off ?? 4));
  const [sequence, setSequence] = useState(p.kind === 'sequence' ? p.codes.join(' ') : 'D D N N O O O O');
  const [anchor, setAnchor] = useState(p.kind === 'weekly' ? props.today : p.anchor);
  const [rest, setRest] = useState(String(s.restHours));
  const [travel, setTravel] = useState(String(s.maxTravelMinutes));
  const [shiftHours, setShiftHours] = useState(String(s.shiftHours));
  const [dayHours, setDayHours] = useState(String(s.maxDayHours));
  const [perWeek, setPerWeek] = useState(String(s.maxRotationDaysPerWeek));
  const [start, setStart] = useState(s.preferredStart);
  const [zone, setZone] = useState(s.timeZone ?? '');
  const [target, setTarget] = useState(s.targetDate ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const onN = Math.max(0, Math.floor(Number(on)));
    const offN = Math.max(0, Math.floor(Number(off)));
    const pattern =
      kind === 'weekly'
        ? { kind, weekdays, code }
        : kind === 'cycle'
          ? { kind, anchor, code, days: [...Array<boolean>(onN).fill(true), ...Array<boolean>(offN).fill(false)] }
          : { kind, anchor, codes: sequence.split(/[\s,]+/).filter(Boolean) };
    const r = await api.planning.saveSettings({
      pattern,
      maxTravelMinutes: Number(travel),
      shiftHours: Number(shiftHours),
      maxDayHours: Number(dayHours),
      maxRotationDaysPerWeek: Number(perWeek),
      restHours: Number(rest),
      preferredStart: start,
      timeZone: zone.trim() || null,
      targetDate: target || null,
    });
    setSaving(false);
    if (r.ok) {
      setError(null);
      props.onSaved(r.value);
    } else setError(r.error);
  }

  const codeSelect = (
    <Field label="Shift worked" error={errors['pattern.code']}>
      {(id, d) => (
        <select id={id} aria-describedby={d} value={code} onChange={(e) => setCode(e.target.value)}>
          {props.definitions.map((def) => (
            <option key={def.code} value={def.code}>
              {def.code} · {def.label} {def.start}–{def.end}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="card-title">
        Your work roster
      </h2>
      {!s.saved ? <p className="small muted">Not saved yet: the planner assumes day shifts Monday to Friday until you save your pattern.</p> : null}
      <fieldset className="plain-fieldset">
        <legend>Pattern</legend>
        <div className="row">
          <label className="radio">
            <input type="radio" name="pattern-kind" checked={kind === 'weekly'} onChange={() => setKind('weekly')} /> Same weekdays every week
          </label>
          <label className="radio">
            <input type="radio" name="pattern-kind" checked={kind === 'cycle'} onChange={() => setKind('cycle')} /> Days on / days off
          </label>
          <label className="radio">
            <input type="radio" name="pattern-kind" checked={kind === 'sequence'} onChange={() => setKind('sequence')} /> Repeating sequence
          </label>
        </div>
      </fieldset>
      {kind === 'weekly' ? (
        <div className="row">
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
          {codeSelect}
        </div>
      ) : kind === 'cycle' ? (
        <div className="row">
          <Field label="Days on" error={errors['pattern.days']}>
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={28} value={on} onChange={(e) => setOn(e.target.value)} className="input-short" />}
          </Field>
          <Field label="Days off">
            {(id) => <input id={id} type="number" min={1} max={28} value={off} onChange={(e) => setOff(e.target.value)} className="input-short" />}
          </Field>
          {codeSelect}
          <Field label="First day on" hint="Any day that starts a block of shifts." error={errors['pattern.anchor']}>
            {(id, d) => <input id={id} aria-describedby={d} type="date" value={anchor} onChange={(e) => setAnchor(e.target.value)} />}
          </Field>
        </div>
      ) : (
        <div className="row">
          <Field
            label="Sequence of shift codes"
            hint={`One code a day, O for a day off; your codes: ${props.definitions.map((d) => d.code).join(', ')}.`}
            error={errors['pattern.codes']}
            grow
          >
            {(id, d) => <input id={id} aria-describedby={d} value={sequence} onChange={(e) => setSequence(e.target.value)} spellCheck={false} />}
          </Field>
          <Field label="Day 1 of the sequence" error={errors['pattern.anchor']}>
            {(id, d) => <input id={id} aria-describedby={d} type="date" value={anchor} onChange={(e) => setAnchor(e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="row">
        <Field label="Rest after / before a shift (h)" hint="Travel is added on both sides." error={errors.restHours}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} max={24} step={0.5} value={rest} onChange={(e) => setRest(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Travel per day (round trip, min)" error={errors.maxTravelMinutes}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} value={travel} onChange={(e) => setTravel(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Rotation session (h)" error={errors.shiftHours}>
          {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={24} step={0.5} value={shiftHours} onChange={(e) => setShiftHours(e.target.value)} className="input-short" />}
        </Field>
        <Field label="Preferred start" error={errors.preferredStart}>
          {(id, d) => <input id={id} aria-describedby={d} type="time" value={start} onChange={(e) => setStart(e.target.value)} />}
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
        <Field label="Time zone" hint={`Empty: this computer's (${props.timeZone}).`} error={errors.timeZone}>
          {(id, d) => <input id={id} aria-describedby={d} value={zone} placeholder={props.timeZone} onChange={(e) => setZone(e.target.value)} spellCheck={false} />}
        </Field>
      </div>
      {error && !Object.keys(errors).some((k) => SHOWN_AT_A_FIELD.includes(k)) ? (
        <p className="error-text" role="alert">
          {Object.values(errors)[0] ?? error.message}
        </p>
      ) : null}
      <div>
        <button className="btn btn-primary" type="submit" disabled={saving}>
          Save roster
        </button>
      </div>
    </form>
  );
}
