// The track a per-track page shows (Progress, Plan, Education): the first track unless the user
// picks another, a picker only when there is a choice, and one "no track yet" card that sends a
// newcomer to the guided start on Today.
import { useId, useState } from 'react';
import type { Track } from '../../shared/domain';
import { api } from '../api';
import { useResult } from '../hooks/useResult';

export function useTrackChoice() {
  const tracks = useResult(() => api.tracks.list(), []);
  const [trackId, setTrackId] = useState<number | null>(null);
  const list = tracks.value ?? [];
  const active = list.find((t) => t.id === trackId) ?? list[0] ?? null;
  return { list, active, setTrackId, loading: tracks.loading, error: tracks.error };
}

export function TrackSelect(props: { list: Track[]; active: Track | null; onChange: (id: number) => void }) {
  const id = useId();
  if (props.list.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Track</label>
      <select id={id} value={props.active?.id ?? ''} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.list.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.discipline})
          </option>
        ))}
      </select>
    </div>
  );
}

export function NoTrackYet(props: { why: string }) {
  return (
    <div className="card empty">
      <p>No track yet. {props.why} The guided start on Today sets one up in a minute: your credential, your requirements, your first procedure.</p>
      <a className="btn btn-primary" href="#/today">
        Start on Today
      </a>
    </div>
  );
}
