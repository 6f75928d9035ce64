// Schedule & plan: the work pattern, time off, sessions, the calendar, the planner, .ics export.
import { useState } from 'react';
import type { PlanProposal } from '../../../shared/ipc/planning';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';
import { downloadText } from './download';
import { PlanCalendar } from './PlanCalendar';
import { PlannerPanel } from './PlannerPanel';
import { ScheduleForm } from './ScheduleForm';
import { SessionsPanel } from './SessionsPanel';
import { TimeOffPanel } from './TimeOffPanel';

export function PlanTab(props: { trackId: number; onChanged: () => void }) {
  const state = useResult(() => api.planning.get(), []);
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const toast = useToast();
  const changed = () => {
    void state.reload();
    props.onChanged();
  };

  async function exportIcs() {
    const r = await api.planning.exportIcs({});
    if (!r.ok) return toast(r.error.message);
    downloadText(r.value.filename, r.value.text, 'text/calendar');
    toast(`Exported ${r.value.events} rotation ${r.value.events === 1 ? 'session' : 'sessions'} to ${r.value.filename}.`);
  }

  if (state.error) return <Banner tone="error">{state.error.message}</Banner>;
  const s = state.value;
  if (!s) return <p className="muted">Loading…</p>;
  const proposed = (proposal?.plan?.sessions ?? []).map((x) => ({ date: x.date, siteName: x.siteName }));
  return (
    <div className="stack-lg plan-tab">
      <div className="plan-grid">
        <ScheduleForm
          key={JSON.stringify(s.settings)}
          settings={s.settings}
          today={s.today}
          onSaved={() => {
            setProposal(null);
            changed();
          }}
        />
        <TimeOffPanel timeOff={s.timeOff} onChanged={changed} />
      </div>
      <PlannerPanel trackId={props.trackId} proposal={proposal} onProposal={setProposal} onAccepted={changed} />
      <PlanCalendar state={s} proposed={proposed} />
      <SessionsPanel sessions={s.sessions} sites={s.sites} today={s.today} defaultHours={s.settings.shiftHours} onChanged={changed} />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title" className="card-title">
          Calendar file
        </h2>
        <p className="small muted">An .ics file of your rotation sessions from today on; any calendar app imports it, and importing it again updates the same events.</p>
        <div>
          <button className="btn" type="button" onClick={() => void exportIcs()}>
            Export plan as .ics
          </button>
        </div>
      </section>
    </div>
  );
}
