// The ARRT entry helper: what to type into ARRT's tool, day by day within the daily cap, in the
// worksheet's order when the catalog knows it; "mark as entered" moves entries to 'entered'.
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { Banner, useToast } from '../ui';

export function ArrtHelper(props: { trackId: number }) {
  const plan = useResult(() => api.documents.arrtHelper({ trackId: props.trackId }), [props.trackId]);
  const toast = useToast();
  if (plan.error) return <Banner tone="error">{plan.error.message}</Banner>;
  const p = plan.value;
  if (!p) return <p className="muted">Loading…</p>;
  const days = p.days.filter((d) => d.toEnter.length > 0 || d.overCap.length > 0);

  async function mark(ids: number[], date: string) {
    const r = await api.documents.markEntered({ entryIds: ids });
    if (!r.ok) return;
    void plan.reload();
    const previous = r.value.previous;
    toast(
      `Marked ${r.value.marked} entries of ${date} as entered in ARRT.`,
      previous.length > 0
        ? { label: 'Undo', run: () => void api.entries.restoreStatuses({ changes: previous }).then(() => plan.reload()) }
        : undefined,
    );
  }

  return (
    <div className="stack">
      <p className="small muted">
        ARRT accepts at most {p.dailyCap} entries per day performed for this discipline.{' '}
        {p.orderSource === 'catalog' ? 'Each day is listed in the order of your requirement catalog.' : 'Each day is listed by time (no catalog order known).'}
      </p>
      {days.length === 0 ? <p className="muted">Nothing left to enter: every entry is marked as entered in ARRT.</p> : null}
      <ul className="so-arrt-days" aria-label="Days to enter in ARRT">
        {days.map((d) => (
          <li key={d.date} className="so-arrt-day">
            <div className="row so-between">
              <h3>
                {d.date} · {d.toEnter.length} to enter
                {d.alreadyEntered ? <span className="muted small"> ({d.alreadyEntered} already entered)</span> : null}
              </h3>
              {d.toEnter.length > 0 ? (
                <button className="btn" type="button" onClick={() => void mark(d.toEnter.map((e) => e.id), d.date)} aria-label={`Mark as entered: ${d.date}`}>
                  Mark as entered
                </button>
              ) : null}
            </div>
            <ol>
              {d.toEnter.map((e) => (
                <li key={e.id}>
                  {e.procedureName}
                  {e.performedAt ? <span className="muted"> · {e.performedAt}</span> : null}
                  {e.siteName ? <span className="muted"> · {e.siteName}</span> : null}
                  {e.simulated ? <span className="badge badge-info">simulated</span> : null}
                </li>
              ))}
            </ol>
            {d.overCap.length > 0 ? (
              <p className="small so-over-cap">
                Over the daily cap, cannot be entered: {d.overCap.map((e) => e.procedureName).join(', ')}.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
