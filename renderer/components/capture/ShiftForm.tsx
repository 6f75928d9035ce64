// Log a shift: several procedures with counts for one date and site, saved all together or not
// at all (the backend checks every row before writing any).
import { useEffect, useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { Track } from '../../../shared/domain';
import type { ProcedureOptions } from '../../../shared/ipc/entries';
import type { AppError } from '../../../shared/result';
import { api } from '../../api';
import { Banner, Field, fieldErrors } from '../ui';
import { ProcedureCombobox } from './ProcedureCombobox';
import { freeTextRefusal } from './free-text';
import type { OfferUndo } from './undo';
import { useVerifierChoice, VerifierField } from './VerifierField';

interface Row {
  key: number;
  procedureName: string;
  procedureId: string | null;
  count: string;
}

let nextKey = 1;
const blankRow = (): Row => ({ key: nextKey++, procedureName: '', procedureId: null, count: '1' });

export function ShiftForm(props: { track: Track; procedures: ProcedureOptions; onChanged: () => void; offerUndo: OfferUndo; freeTextAllowed: boolean }) {
  const { track } = props;
  const [performedOn, setPerformedOn] = useState(() => localIsoDate(new Date()));
  const [siteName, setSiteName] = useState('');
  const verifier = useVerifierChoice();
  const [rows, setRows] = useState<Row[]>(() => [blankRow(), blankRow()]);
  const [error, setError] = useState<AppError | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const errors = fieldErrors(error);

  useEffect(() => {
    void api.entries.memory({ trackId: track.id }).then((r) => {
      if (!r.ok) return;
      setSiteName(r.value.siteName ?? '');
      verifier.remember(r.value);
    });
  }, [track.id]);

  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const filled = rows.filter((r) => r.procedureName.trim() !== '');
  const total = filled.reduce((n, r) => n + (Number(r.count) || 0), 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!props.procedures.catalogHasProcedures && !props.freeTextAllowed && filled.length > 0) {
      setError({ kind: 'validation', message: freeTextRefusal() });
      return;
    }
    const r = await api.entries.createShift({
      trackId: track.id,
      performedOn,
      siteName: siteName || null,
      ...verifier.input(),
      rows: filled.map((row) => ({ procedureName: row.procedureName, procedureId: row.procedureId, count: Number(row.count) })),
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setWarning(r.value.warnings.map((w) => w.message).join(' ') || null);
    setRows([blankRow(), blankRow()]);
    const ids = r.value.ids;
    props.offerUndo(`Logged a shift of ${r.value.created} procedures on ${performedOn}.`, {
      label: 'the shift',
      run: async () => {
        await api.entries.delete({ ids });
        props.onChanged();
      },
    });
    props.onChanged();
  }

  // Row errors come back as rows.<index among filled rows>.<field>; map them to the visible rows.
  const rowError = (row: Row, field: string) => {
    const i = filled.indexOf(row);
    return i < 0 ? undefined : errors[`rows.${i}.${field}`];
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label="Log a shift" noValidate>
      <div className="row">
        <Field label="Shift date" error={errors.performedOn}>
          {(id, d) => <input id={id} type="date" value={performedOn} aria-invalid={Boolean(errors.performedOn)} aria-describedby={d} onChange={(e) => setPerformedOn(e.target.value)} />}
        </Field>
        <Field label="Shift site" error={errors.siteName} grow>
          {(id, d) => <input id={id} value={siteName} aria-describedby={d} onChange={(e) => setSiteName(e.target.value)} />}
        </Field>
        <VerifierField label="Shift verifier" choice={verifier} error={errors.verifierName ?? errors.verifierId} grow />
      </div>
      <ol className="shift-rows">
        {rows.map((row, i) => (
          <li key={row.key} className="row">
            <Field label={`Shift procedure ${i + 1}`} grow error={rowError(row, 'procedureName')}>
              {(id, d) => (
                <ProcedureCombobox
                  id={id}
                  describedBy={d}
                  value={row.procedureName}
                  options={props.procedures.options}
                  autoHighlight={props.procedures.catalogHasProcedures}
                  invalid={Boolean(rowError(row, 'procedureName'))}
                  onChange={(name, pid) => update(row.key, { procedureName: name, procedureId: pid })}
                />
              )}
            </Field>
            <Field label={`Count ${i + 1}`} error={rowError(row, 'count')}>
              {(id, d) => (
                <input id={id} type="number" min={1} max={50} className="count-input" value={row.count} aria-describedby={d} onChange={(e) => update(row.key, { count: e.target.value })} />
              )}
            </Field>
            <button type="button" className="btn" aria-label={`Remove row ${i + 1}`} onClick={() => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : rs))}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="btn" onClick={() => setRows((rs) => [...rs, blankRow()])}>
          Add row
        </button>
        <button type="submit" className="btn btn-primary">
          Save shift ({total} {total === 1 ? 'entry' : 'entries'})
        </button>
      </div>
      {errors.rows ? <Banner tone="error">{errors.rows}</Banner> : null}
      {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
      {warning ? <Banner tone="warn">{warning}</Banner> : null}
    </form>
  );
}
