// Log: tracks, the keyboard-first quick log, a whole shift at once, and the log table.
import { useCallback, useEffect, useState } from 'react';
import type { Track } from '../../shared/domain';
import type { ProcedureOptions } from '../../shared/ipc/entries';
import { api } from '../api';
import { LogTable } from '../components/capture/LogTable';
import { QuickLog } from '../components/capture/QuickLog';
import { RenameProcedure } from '../components/capture/RenameProcedure';
import { ShiftForm } from '../components/capture/ShiftForm';
import { useFreeTextChoice } from '../components/capture/free-text';
import { TrackForm } from '../components/capture/TrackForm';
import { useUndoStack } from '../components/capture/undo';
import { Banner, Field, PageHeader } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/capture.css';

const NO_PROCEDURES: ProcedureOptions = { catalogHasProcedures: false, options: [] };

export function LogPage() {
  const tracks = useResult(() => api.tracks.list(), []);
  const [trackId, setTrackId] = useState<number | null>(null);
  const [trackPanel, setTrackPanel] = useState<'none' | 'edit' | 'new'>('none');
  const [version, setVersion] = useState(0);
  const offerUndo = useUndoStack();
  const list = tracks.value ?? [];
  const active = list.find((t) => t.id === trackId) ?? list[0];
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const [freeText, setFreeText] = useFreeTextChoice(active?.id);
  const procedures = useResult(
    () => (active ? api.entries.procedureOptions({ trackId: active.id }) : Promise.resolve({ ok: true as const, value: NO_PROCEDURES })),
    [active?.id, active?.catalogId, version],
  );

  const onTrackSaved = (t: Track) => {
    setTrackPanel('none');
    setTrackId(t.id);
    void tracks.reload();
    changed();
  };

  useEffect(() => setTrackPanel('none'), [active?.id]);

  return (
    <div className="page page-wide">
      <PageHeader title="Log" subtitle="Every procedure you perform, kept on this computer." />
      {tracks.error ? <Banner tone="error">{tracks.error.message}</Banner> : null}
      {!tracks.loading && list.length === 0 ? <TrackForm first onSaved={onTrackSaved} /> : null}
      {active ? (
        <>
          <div className="row track-bar">
            <Field label="Track">
              {(id) => (
                <select id={id} value={active.id} onChange={(e) => setTrackId(Number(e.target.value))}>
                  {list.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.discipline}) · from {t.startDate}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className="btn" aria-expanded={trackPanel === 'edit'} onClick={() => setTrackPanel((p) => (p === 'edit' ? 'none' : 'edit'))}>
              Edit track
            </button>
            <button type="button" className="btn" aria-expanded={trackPanel === 'new'} onClick={() => setTrackPanel((p) => (p === 'new' ? 'none' : 'new'))}>
              Add track
            </button>
            <TrackSummary track={active} />
          </div>
          {trackPanel !== 'none' ? (
            <section className="card" aria-label={trackPanel === 'edit' ? 'Edit track' : 'Add a track'}>
              <h2 className="card-title">{trackPanel === 'edit' ? `Edit ${active.name}` : 'Add a track'}</h2>
              <TrackForm key={trackPanel + active.id} track={trackPanel === 'edit' ? active : undefined} onSaved={onTrackSaved} onCancel={() => setTrackPanel('none')} />
            </section>
          ) : null}
          <QuickLog
            key={active.id}
            track={active}
            procedures={procedures.value ?? NO_PROCEDURES}
            version={version}
            onChanged={changed}
            offerUndo={offerUndo}
            freeTextAllowed={freeText}
            onAllowFreeText={setFreeText}
          />
          <details className="card shift-card">
            <summary className="card-title">Log a shift</summary>
            <p className="muted small">Several procedures with counts for one date and site, saved together or not at all.</p>
            <ShiftForm key={active.id} track={active} procedures={procedures.value ?? NO_PROCEDURES} onChanged={changed} offerUndo={offerUndo} freeTextAllowed={freeText} />
          </details>
          <RenameProcedure key={`rename-${active.id}`} track={active} procedures={procedures.value ?? NO_PROCEDURES} version={version} onChanged={changed} offerUndo={offerUndo} />
          <LogTable tracks={list} version={version} onChanged={changed} offerUndo={offerUndo} />
        </>
      ) : null}
    </div>
  );
}

function TrackSummary(props: { track: Track }) {
  const t = props.track;
  const parts = [
    `started ${t.startDate}`,
    t.plannedApplicationDate ? `applying ${t.plannedApplicationDate}` : null,
    t.examWindowAssignedOn ? `exam window since ${t.examWindowAssignedOn}${t.windowLockedOn ? ` (window frozen at ${t.windowLockedOn})` : ''}` : null,
    t.supportingCredential ? `via ${t.supportingCredential}` : null,
    t.mqsaQualifiedOn ? `MQSA ${t.mqsaQualifiedOn}` : null,
  ].filter(Boolean);
  return <span className="muted small track-summary">{parts.join(' · ')}</span>;
}
