// The plan: the work roster (shifts, pattern, one-off changes), time off, sessions, the calendar,
// the planner and the .ics export.
import { useState } from 'react';
import type { PlanProposal } from '../../../shared/ipc/planning';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';
import { downloadText } from './download';
import { PlanCalendar } from './PlanCalendar';
import { PlannerPanel } from './PlannerPanel';
import { RosterChangesPanel } from './RosterChangesPanel';
import { ScheduleForm } from './ScheduleForm';
import { SessionsPanel } from './SessionsPanel';
import { ShiftsPanel } from './ShiftsPanel';
import { TimeOffPanel } from './TimeOffPanel';

export function PlanTab(props: { trackId: number; onChanged: () => void }) {
  const state = useResult(() => api.planning.get(), []);
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const [withShifts, setWithShifts] = useState(false);
  const [picked, setPicked] = useState<{ date: string; n: number } | null>(null);
  const toast = useToast();
  const changed = () => {
    void state.reload();
    props.onChanged();
  };

  async function exportIcs() {
    const r = await api.planning.exportIcs({ includeShifts: withShifts });
    if (!r.ok) return toast(r.error.message);
    downloadText(r.value.filename, r.value.text, 'text/calendar');
    toast(`Exported ${r.value.events} ${r.value.events === 1 ? 'event' : 'events'} to ${r.value.filename}.`);
  }

  if (state.error) return <Banner tone="error">{state.error.message}</Banner>;
  const s = state.value;
  if (!s) return <p className="muted">Loading…</p>;
  const proposed = (proposal?.plan?.sessions ?? []).map((x) => ({ date: x.date, siteName: x.siteName, start: x.start, end: x.end }));
  return (
    <div className="stack-lg plan-tab">
      <PlannerPanel trackId={props.trackId} proposal={proposal} onProposal={setProposal} onAccepted={changed} />
      <PlanCalendar state={s} proposed={proposed} onPickDay={(date) => setPicked((p) => ({ date, n: (p?.n ?? 0) + 1 }))} />
      <ScheduleForm
        key={JSON.stringify([s.settings, s.definitions])}
        settings={s.settings}
        definitions={s.definitions}
        timeZone={s.timeZone}
        today={s.today}
        onSaved={() => {
          setProposal(null);
          changed();
        }}
      />
      <div className="plan-grid">
        <ShiftsPanel key={JSON.stringify(s.definitions)} definitions={s.definitions} onSaved={changed} />
        <RosterChangesPanel changes={s.changes} definitions={s.definitions} today={s.today} picked={picked} onChanged={changed} />
      </div>
      <div className="plan-grid">
        <TimeOffPanel timeOff={s.timeOff} onChanged={changed} />
        <section className="card" aria-labelledby="export-title">
          <h2 id="export-title" className="card-title">
            Calendar file
          </h2>
          <p className="small muted">
            An .ics file of your rotation sessions from today on, with times in {s.timeZone} and each site&apos;s address; any calendar app
            imports it, and importing it again updates the same events.
          </p>
          <label className="chip">
            <input type="checkbox" checked={withShifts} onChange={(e) => setWithShifts(e.target.checked)} /> Include my work shifts
          </label>
          <div>
            <button className="btn" type="button" onClick={() => void exportIcs()}>
              Export plan as .ics
            </button>
          </div>
        </section>
      </div>
      <SessionsPanel sessions={s.sessions} sites={s.sites} today={s.today} defaultHours={s.settings.shiftHours} onChanged={changed} />
    </div>
  );
}
