// How the entry being typed moves the requirement it counts toward, from the requirement engine
// (progress.evaluate). Shown only for a procedure picked from the track's catalog.
import { useEffect, useState } from 'react';
import type { ProcedureProgress } from '../../../shared/engine/evaluate';
import { api } from '../../api';

export function requirementText(p: ProcedureProgress): string {
  if (p.required === null) return `${p.name}: ${p.counted} counted so far (the number required is not known for this catalog).`;
  if (p.met) {
    const capped = p.maxCounted !== null && p.counted >= p.maxCounted;
    return capped
      ? `${p.name} is complete (${p.counted} counted, ${p.required} required) and at its maximum: this one will be kept but not counted.`
      : `${p.name} is complete (${p.counted} counted, ${p.required} required); this one adds beyond the requirement.`;
  }
  const after = p.counted + 1;
  return after >= p.required
    ? `${p.name}: ${p.counted} of ${p.required} counted — this one completes it.`
    : `${p.name}: ${p.counted} of ${p.required} counted — this one makes ${after}, ${p.required - after} to go.`;
}

/** `enabled`: the track's catalog lists procedures (otherwise there is nothing to move). */
export function RequirementHint(props: { trackId: number; procedureId: string | null; version: number; enabled: boolean }) {
  const [progress, setProgress] = useState<ProcedureProgress[] | null>(null);

  // One evaluation per change to the log, not per keystroke.
  useEffect(() => {
    let live = true;
    if (!props.enabled) {
      setProgress(null);
      return;
    }
    void api.progress.evaluate({ trackId: props.trackId, verdicts: 'none' }).then((r) => {
      if (live) setProgress(r.ok && r.value.evaluation ? r.value.evaluation.procedures : null);
    });
    return () => {
      live = false;
    };
  }, [props.trackId, props.version, props.enabled]);

  const p = props.procedureId ? progress?.find((x) => x.procedureId === props.procedureId) : undefined;
  if (!p) return null;
  return (
    <p className="requirement-hint" role="status" data-testid="requirement-hint">
      {requirementText(p)}
    </p>
  );
}
