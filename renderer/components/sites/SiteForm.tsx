// Add or edit a site: everything a tech weighs when choosing where to do clinicals.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DISCIPLINES, type DisciplineCode } from '../../../shared/disciplines';
import type { AppError } from '../../../shared/result';
import { inferComplianceKind } from '../../../shared/sites/kinds';
import {
  AFFILIATION_LABELS,
  AFFILIATIONS,
  COMPLIANCE_KIND_LABELS,
  COMPLIANCE_KIND_ORDER,
  LABELLED_KINDS,
  LABEL_MATCHED_KINDS,
  SITE_KIND_LABELS,
  SITE_KINDS,
  type Affiliation,
  type ComplianceKind,
  type Requirement,
  type SiteKind,
  type SiteRecord,
} from '../../../shared/sites/types';
import { api } from '../../api';
import type { SiteSignatureImpact } from '../../../shared/sites/signature-impact';
import { PhiNotes } from '../PhiNotes';
import { Field, fieldErrors, FormFooter } from '../ui';
import { parseMoney } from './format';
import { SignatureVoidWarning } from './SignatureVoidWarning';

// Every kind but the labelled ones (custom items are typed in by name below).
const PLAIN_REQUIREMENTS = COMPLIANCE_KIND_ORDER.filter((k) => !LABELLED_KINDS.includes(k));

const splitList = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);

/** Server paths like "requirements.2.label" land on the field that shows the list. */
function errorsByField(error: AppError | null): Record<string, string> {
  const raw = fieldErrors(error);
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(raw)) {
    const key = path.split('.')[0] ?? path;
    out[key] = out[key] ? `${out[key]} ${message}` : message;
  }
  return out;
}

interface CatalogProcedure {
  id: string;
  name: string;
  track: string;
}

/** Procedures listed in the catalogs of the user's tracks, so offers can carry catalog ids. */
function useCatalogProcedures(): CatalogProcedure[] {
  const [list, setList] = useState<CatalogProcedure[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const tracks = await api.tracks.list();
      if (!tracks.ok) return;
      const out: CatalogProcedure[] = [];
      for (const t of tracks.value) {
        const r = await api.progress.evaluate({ trackId: t.id, verdicts: 'none' });
        for (const p of r.ok ? (r.value.evaluation?.procedures ?? []) : []) {
          if (!out.some((o) => o.name.toLowerCase() === p.name.toLowerCase())) out.push({ id: p.procedureId, name: p.name, track: t.discipline });
        }
      }
      if (live) setList(out);
    })();
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function SiteForm(props: { site?: SiteRecord; onSaved: (site: SiteRecord) => void; onCancel?: () => void }) {
  const s = props.site;
  const [name, setName] = useState(s?.name ?? '');
  const [kind, setKind] = useState<SiteKind>(s?.kind ?? 'hospital');
  const [location, setLocation] = useState(s?.location ?? '');
  const [travelText, setTravelText] = useState(s?.travelMinutes == null ? '' : String(s.travelMinutes));
  const [affiliation, setAffiliation] = useState<Affiliation | ''>(s?.affiliation ?? '');
  const [modalities, setModalities] = useState<DisciplineCode[]>(s?.modalities ?? []);
  const [equipment, setEquipment] = useState(s?.equipment ?? '');
  const [paid, setPaid] = useState(Boolean(s && s.costCents > 0));
  const [costText, setCostText] = useState(s && s.costCents > 0 ? (s.costCents / 100).toFixed(2) : '');
  const [housing, setHousing] = useState(s?.housing ?? '');
  const [notes, setNotes] = useState(s?.notes ?? '');
  const [offeredText, setOfferedText] = useState((s?.offered ?? []).map((p) => p.name).join('\n'));
  // Kinds that match by kind alone are ticked whatever their label ("Flu vaccination: Influenza" is a flu-vaccination tick).
  const [plain, setPlain] = useState<ComplianceKind[]>([
    ...new Set((s?.requirements ?? []).filter((r) => r.label === '' || !LABEL_MATCHED_KINDS.includes(r.kind)).map((r) => r.kind)),
  ]);
  const labelsOf = (k: ComplianceKind) => (s?.requirements ?? []).filter((r) => r.kind === k && r.label).map((r) => r.label).join(', ');
  const [immunizations, setImmunizations] = useState(labelsOf('immunization'));
  const [customs, setCustoms] = useState(labelsOf('custom'));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // A new name voids the signatures of the site's signed entries: asked first, for that name.
  const [voidAsk, setVoidAsk] = useState<{ name: string; impact: SiteSignatureImpact } | null>(null);
  const errors = errorsByField(error);
  const costGroup = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const catalog = useCatalogProcedures();

  function localError(path: string, message: string) {
    setError({ kind: 'validation', message, issues: [{ path, message }] });
  }

  async function submit(e: FormEvent | null, voidConfirmed = false) {
    e?.preventDefault();
    const travelMinutes = travelText.trim() === '' ? null : Number(travelText);
    if (travelMinutes !== null && (!Number.isInteger(travelMinutes) || travelMinutes < 0)) {
      return localError('travelMinutes', 'Enter the one-way travel time in whole minutes.');
    }
    const costCents = paid ? parseMoney(costText) : 0;
    if (costCents === null) return localError('costCents', 'Enter the amount paid, e.g. 250 or 250.00.');
    // A named requirement whose name says its kind ("Influenza", "TB test") becomes that kind.
    const named = (kind: ComplianceKind, label: string): Requirement => {
      const k = inferComplianceKind(kind, label);
      return k === kind ? { kind, label } : { kind: k, label: '' };
    };
    const requirements: Requirement[] = [];
    for (const r of [
      ...plain.map((k) => ({ kind: k, label: '' })),
      ...splitList(immunizations, /,/).map((label) => named('immunization', label)),
      ...splitList(customs, /,/).map((label) => named('custom', label)),
    ]) {
      if (!requirements.some((x) => x.kind === r.kind && x.label.toLowerCase() === r.label.toLowerCase())) requirements.push(r);
    }
    const fields = {
      name,
      kind,
      location,
      travelMinutes,
      affiliation: affiliation || null,
      modalities,
      equipment,
      costCents,
      housing,
      notes,
      // A line that names a catalog procedure carries its id, so variety can match it exactly.
      offered: splitList(offeredText, /\n/).map((n) => ({
        name: n,
        procedureId: catalog.find((c) => c.name.toLowerCase() === n.toLowerCase())?.id ?? null,
      })),
      requirements,
    };
    setBusy(true);
    if (s && !voidConfirmed) {
      const impact = await api.sites.updateImpact({ id: s.id, ...fields });
      if (impact.ok && impact.value.entries > 0) {
        setBusy(false);
        setError(null);
        return setVoidAsk({ name, impact: impact.value });
      }
    }
    const r = s ? await api.sites.update({ id: s.id, ...fields, ...(voidConfirmed ? { voidSignatures: true } : {}) }) : await api.sites.create(fields);
    setBusy(false);
    setVoidAsk(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    props.onSaved(r.value);
  }

  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

  return (
    <form className="stack site-form" onSubmit={(e) => void submit(e)} aria-label={s ? `Edit ${s.name}` : 'New site'} noValidate>
      <div className="row">
        <Field label="Site name" error={errors.name} grow>
          {(id, d) => (
            <input
              ref={nameRef}
              id={id}
              value={name}
              aria-invalid={Boolean(errors.name)} aria-describedby={d} onChange={(e) => {
                setName(e.target.value);
                setVoidAsk(null);
              }}
              placeholder="e.g. Mercy General Hospital"
            />
          )}
        </Field>
        <Field label="Type">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SiteKind)}>
              {SITE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SITE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Address or city" error={errors.location} grow>
          {(id, d) => <input id={id} value={location} aria-describedby={d} onChange={(e) => setLocation(e.target.value)} />}
        </Field>
        <Field label="Travel time (minutes, one way)" error={errors.travelMinutes}>
          {(id, d) => (
            <input id={id} inputMode="numeric" value={travelText} aria-invalid={Boolean(errors.travelMinutes)} aria-describedby={d} onChange={(e) => setTravelText(e.target.value)} />
          )}
        </Field>
        <Field label="Your affiliation">
          {(id) => (
            <select id={id} value={affiliation} onChange={(e) => setAffiliation(e.target.value as Affiliation | '')}>
              <option value="">Not set</option>
              {AFFILIATIONS.map((a) => (
                <option key={a} value={a}>
                  {AFFILIATION_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="site-checks">
        <legend>Modalities</legend>
        <div className="site-checks-body">
          {DISCIPLINES.map((d) => (
            <label key={d.code} className="site-check">
              <input type="checkbox" checked={modalities.includes(d.code)} onChange={(e) => setModalities((m) => toggle(m, d.code, e.target.checked))} />
              {d.code}
              <span className="visually-hidden"> {d.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Equipment" error={errors.equipment} hint="Scanners and units, e.g. Siemens SOMATOM Force, GE 3T Signa.">
        {(id, d) => <input id={id} value={equipment} aria-describedby={d} onChange={(e) => setEquipment(e.target.value)} />}
      </Field>
      <div className="row">
        <Field label="Procedures it says it can offer" error={errors.offered} hint="One per line." grow>
          {(id, d) => <textarea id={id} value={offeredText} aria-describedby={d} onChange={(e) => setOfferedText(e.target.value)} />}
        </Field>
        {catalog.length ? (
          <Field label="Add from your catalog" hint="Appends the procedure as a line.">
            {(id, d) => (
              <select
                id={id}
                value=""
                aria-describedby={d}
                onChange={(e) => {
                  const name = e.target.value;
                  if (name) setOfferedText((t) => (t.trim() ? `${t.trimEnd()}\n${name}` : name));
                }}
              >
                <option value="">Choose a procedure…</option>
                {catalog.map((c) => (
                  <option key={`${c.track}:${c.id}`} value={c.name}>
                    {c.name} ({c.track})
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="row">
        <fieldset className="site-checks">
          <legend>Cost paid for the clinical experience</legend>
          <div className="site-checks-body">
            <label className="site-check">
              <input type="radio" name={costGroup} checked={!paid} onChange={() => setPaid(false)} /> None
            </label>
            <label className="site-check">
              <input type="radio" name={costGroup} checked={paid} onChange={() => setPaid(true)} /> An amount
            </label>
          </div>
        </fieldset>
        {paid ? (
          <Field label="Amount (USD)" error={errors.costCents}>
            {(id, d) => (
              <input id={id} inputMode="decimal" value={costText} aria-invalid={Boolean(errors.costCents)} aria-describedby={d} onChange={(e) => setCostText(e.target.value)} />
            )}
          </Field>
        ) : null}
        <Field label="Housing" error={errors.housing} grow>
          {(id, d) => <input id={id} value={housing} aria-describedby={d} onChange={(e) => setHousing(e.target.value)} placeholder="e.g. staff dorm, $30/night" />}
        </Field>
      </div>
      <fieldset className="site-checks">
        <legend>What this site requires from you</legend>
        <div className="site-checks-body">
          {PLAIN_REQUIREMENTS.map((k) => (
            <label key={k} className="site-check">
              <input type="checkbox" checked={plain.includes(k)} onChange={(e) => setPlain((p) => toggle(p, k, e.target.checked))} />
              {COMPLIANCE_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Field label="Immunizations required" hint="Others than the ones ticked above, comma-separated, e.g. Polio. A name like Influenza ticks its box." grow error={errors.requirements}>
          {(id, d) => <input id={id} value={immunizations} aria-describedby={d} onChange={(e) => setImmunizations(e.target.value)} />}
        </Field>
        <Field label="Other requirements" hint="Comma-separated, e.g. Site orientation." grow>
          {(id, d) => <input id={id} value={customs} aria-describedby={d} onChange={(e) => setCustoms(e.target.value)} />}
        </Field>
      </div>
      <PhiNotes value={notes} onChange={setNotes} error={errors.notes} profile="site-contact" />
      {voidAsk && s && voidAsk.name === name ? (
        <SignatureVoidWarning
          action="rename"
          siteName={s.name}
          impact={voidAsk.impact}
          busy={busy}
          onConfirm={() => void submit(null, true)}
          onCancel={() => {
            setVoidAsk(null);
            nameRef.current?.focus();
          }}
        />
      ) : null}
      <FormFooter error={error} submitLabel={s ? 'Save site' : 'Add site'} busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
