// Moving a site along the pipeline with a menu and a button: the board never depends on dragging.
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/result';
import { allowedMoves } from '../../../shared/sites/pipeline';
import { SITE_STATUS_LABELS, type SiteRecord, type SiteStatus } from '../../../shared/sites/types';
import { api } from '../../api';
import { Field, fieldErrors } from '../ui';

export function MoveControl(props: { site: SiteRecord; onMoved: (site: SiteRecord, from: SiteStatus) => void; compact?: boolean }) {
  const { site } = props;
  const moves = allowedMoves(site.status);
  const [to, setTo] = useState<SiteStatus>(moves[0] ?? site.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);
  const target = moves.includes(to) ? to : (moves[0] ?? site.status);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.sites.move({ id: site.id, to: target, reason: target === 'declined' ? reason : null });
    if (!r.ok) return setError(r.error);
    setError(null);
    setReason('');
    props.onMoved(r.value, site.status);
  }

  return (
    <form className={`move-control${props.compact ? ' compact' : ''}`} onSubmit={(e) => void submit(e)} aria-label={`Move ${site.name}`}>
      <Field label={`Move ${site.name} to`} error={errors.to}>
        {(id, d) => (
          <select id={id} value={target} aria-describedby={d} onChange={(e) => setTo(e.target.value as SiteStatus)}>
            {moves.map((m) => (
              <option key={m} value={m}>
                {SITE_STATUS_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {target === 'declined' ? (
        <Field label="Reason declined" error={errors.reason}>
          {(id, d) => (
            <input id={id} value={reason} aria-invalid={Boolean(errors.reason)} aria-describedby={d} onChange={(e) => setReason(e.target.value)} placeholder="e.g. no students this year" />
          )}
        </Field>
      ) : null}
      <button className="btn" type="submit">
        Move
      </button>
    </form>
  );
}
