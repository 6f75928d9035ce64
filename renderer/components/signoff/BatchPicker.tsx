// Which entries: a track, a site, a date range and a status. Used by the sign-off session, the
// packet and the paper path, so all three always speak of the same batch.
import type { Site, Track, EntryStatus } from '../../../shared/domain';
import { ENTRY_STATUS_LABELS, ENTRY_STATUSES } from '../../../shared/domain';
import type { BatchInput } from '../../../shared/ipc/signoff';
import { Field } from '../ui';

export interface BatchState {
  trackId: number | null;
  siteId: number | null;
  from: string;
  to: string;
  status: EntryStatus | 'any';
}

export function toBatchInput(b: BatchState): BatchInput | null {
  if (b.trackId === null) return null;
  return {
    trackId: b.trackId,
    siteId: b.siteId,
    from: b.from || null,
    to: b.to || null,
    statuses: b.status === 'any' ? null : [b.status],
  };
}

export function BatchPicker(props: { tracks: Track[]; sites: Site[]; value: BatchState; onChange: (b: BatchState) => void; showStatus?: boolean }) {
  const b = props.value;
  const set = (patch: Partial<BatchState>) => props.onChange({ ...b, ...patch });
  return (
    <div className="row">
      <Field label="Track">
        {(id) => (
          <select id={id} value={b.trackId ?? ''} onChange={(e) => set({ trackId: e.target.value ? Number(e.target.value) : null })}>
            {props.tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.discipline})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Site">
        {(id) => (
          <select id={id} value={b.siteId ?? ''} onChange={(e) => set({ siteId: e.target.value ? Number(e.target.value) : null })}>
            <option value="">All sites</option>
            {props.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="From">{(id) => <input id={id} type="date" value={b.from} onChange={(e) => set({ from: e.target.value })} />}</Field>
      <Field label="To">{(id) => <input id={id} type="date" value={b.to} onChange={(e) => set({ to: e.target.value })} />}</Field>
      {props.showStatus === false ? null : (
        <Field label="Status">
          {(id) => (
            <select id={id} value={b.status} onChange={(e) => set({ status: e.target.value as BatchState['status'] })}>
              <option value="any">Any status</option>
              {ENTRY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ENTRY_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
