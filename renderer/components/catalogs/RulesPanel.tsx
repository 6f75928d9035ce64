// The catalog's rules: the ones ARRT states (caps, window, versions), read-only with their source,
// and the group rules (electives, total repetitions) the user transcribes, editable.
import type { Catalog, Sourced } from '../../../shared/catalog/schema';
import { addRule, deleteRule, isConfirmedRule, setRule, type Draft, type RuleRow } from './draft';
import { isLink, SourceNote } from './SourceNote';

interface Fact {
  label: string;
  value: string;
  sourced: Sourced<unknown> | null;
}

function facts(c: Catalog): Fact[] {
  const out: Fact[] = [];
  const add = <T,>(label: string, s: Sourced<T> | null, show: (v: T) => string) => {
    if (s) out.push({ label, value: show(s.value), sourced: s });
  };
  add('Entries per day (by date performed)', c.dailyCap, (v) => `at most ${v}`);
  add('Daily cap applies to procedures from', c.dailyCapAppliesFrom, String);
  add('Window', c.windowMonths, (v) => `${v} months before the application`);
  add('Version effective', c.effectiveDate, String);
  if (c.supersededBy) add('Replaced by a newer version from', c.supersededBy.effectiveDate, (v) => `${v} (no new tracks on this version from then)`);
  add('Version accepted until (exclusive)', c.expiresOn, String);
  add('Procedures counted per patient per day', c.perPatientPerDay, (v) => `at most ${v}`);
  add('Submissions per QC test per day', c.perQcTestPerDay, (v) => `at most ${v}`);
  add('MQSA qualification required before procedures count', c.mqsaRequired, (v) => (v ? 'yes' : 'no'));
  if (c.education) {
    add('Structured education', c.education.totalCredits, (v) => `${v} credits in the window`);
    add('Per content category', c.education.minPerCategory, (v) => `at least ${v} credit`);
  }
  return out;
}

export function StatedRules({ catalog, mySource }: { catalog: Catalog; mySource: string }) {
  const list = facts(catalog);
  const arrt = catalog.kind === 'arrt';
  return (
    <div className="stack">
      {list.length === 0 ? (
        <p className="muted small">This catalog states no caps, window or version dates.</p>
      ) : (
        <dl className="cat-facts">
          {list.map((f) => (
            <div key={f.label} className="cat-fact">
              <dt>{f.label}</dt>
              <dd>
                <strong>{f.value}</strong> <SourceNote sourced={f.sourced} mySource={mySource} />
                {f.sourced && isLink(f.sourced.source) ? <span className="visually-hidden"> Source: {f.sourced.source}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {arrt && !catalog.effectiveDate ? <p className="small muted">The effective date of this version is not known here.</p> : null}
      {catalog.notes.length ? (
        <ul className="small muted cat-notes">
          {catalog.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function GroupRules({ draft, onChange, errors, mySource }: { draft: Draft; onChange: (d: Draft) => void; errors: Map<string, string>; mySource: string }) {
  const describe = (r: RuleRow) => {
    const scope = r.categoryUid ? `in ${draft.categories.find((c) => c.uid === r.categoryUid)?.name ?? 'a removed category'}` : 'over the whole catalog';
    return r.type === 'totalRepetitions' ? `Total repetitions: ${r.count}` : `At least ${r.count} electives ${scope}`;
  };
  return (
    <div className="stack">
      {draft.rules.length === 0 ? <p className="muted small">No group rules. Add the ones your worksheet states.</p> : null}
      <ul className="cat-rule-list">
        {draft.rules.map((r) => {
          const message = errors.get(`rule:${r.uid}`);
          if (isConfirmedRule(r)) {
            return (
              <li key={r.uid} className="cat-rule readonly">
                <span>{describe(r)}</span> <SourceNote sourced={r.countSource} mySource={mySource} />
                <span className="visually-hidden"> Source: {r.countSource?.source}</span>
              </li>
            );
          }
          return (
            <li key={r.uid} className="cat-rule">
              <div className="field">
                <label htmlFor={`rule-type-${r.uid}`}>Rule</label>
                <select
                  id={`rule-type-${r.uid}`}
                  value={r.type}
                  onChange={(e) => onChange(setRule(draft, r.uid, { type: e.target.value as RuleRow['type'], categoryUid: null }))}
                >
                  <option value="minElectives">At least N electives</option>
                  <option value="totalRepetitions">Total repetitions</option>
                </select>
              </div>
              {r.type === 'minElectives' ? (
                <div className="field">
                  <label htmlFor={`rule-scope-${r.uid}`}>Counted over</label>
                  <select
                    id={`rule-scope-${r.uid}`}
                    value={r.categoryUid ?? ''}
                    onChange={(e) => onChange(setRule(draft, r.uid, { categoryUid: e.target.value || null }))}
                  >
                    <option value="">The whole catalog</option>
                    {draft.categories.map((c) => (
                      <option key={c.uid} value={c.uid}>
                        {c.name || '(unnamed category)'}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <div className="field cat-rule-count">
                <label htmlFor={`rule-count-${r.uid}`}>{r.type === 'minElectives' ? 'Electives' : 'Repetitions'}</label>
                <input
                  id={`rule-count-${r.uid}`}
                  type="text"
                  inputMode="numeric"
                  value={r.count}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `rule-err-${r.uid}` : undefined}
                  onChange={(e) => onChange(setRule(draft, r.uid, { count: e.target.value }))}
                />
              </div>
              <SourceNote sourced={r.countSource} mySource={mySource} />
              <button type="button" className="btn btn-danger cat-btn-small" onClick={() => onChange(deleteRule(draft, r.uid))}>
                Remove rule
              </button>
              {message ? (
                <span className="cat-cell-error cat-rule-error" id={`rule-err-${r.uid}`}>
                  {message}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button type="button" className="btn" onClick={() => onChange(addRule(draft, 'minElectives'))}>
          Add an elective rule
        </button>
        <button type="button" className="btn" onClick={() => onChange(addRule(draft, 'totalRepetitions'))}>
          Add a total-repetitions rule
        </button>
      </div>
    </div>
  );
}
