// Education: the structured-education activities of a track (ARRT asks for 16 CE credits in the
// same window as the procedures, at least one in each content category), what the engine makes of
// them, and, for a discipline RadLedger knows no categories for, the categories the user names.
import { useState } from 'react';
import { formatCredits } from '../../shared/education/summary';
import type { EducationActivityView } from '../../shared/ipc/education';
import { api } from '../api';
import { useUndoStack } from '../components/capture/undo';
import { ActivityForm } from '../components/education/ActivityForm';
import { CategoryNamer } from '../components/education/CategoryNamer';
import { EducationProgress } from '../components/education/EducationProgress';
import { NoTrackYet, TrackSelect, useTrackChoice } from '../components/TrackChoice';
import { Banner, PageHeader } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/education.css';

export function EducationPage() {
  const { list, active, setTrackId, loading, error } = useTrackChoice();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<EducationActivityView | null>(null);
  const [naming, setNaming] = useState(false);
  const offerUndo = useUndoStack();
  const data = useResult(
    () => (active ? api.education.list({ trackId: active.id }) : Promise.resolve({ ok: true as const, value: null })),
    [active?.id, version],
  );
  const changed = () => setVersion((v) => v + 1);
  const v = data.value ?? null;

  async function remove(a: EducationActivityView) {
    const r = await api.education.remove({ id: a.id });
    if (!r.ok) return;
    if (editing?.id === a.id) setEditing(null);
    changed();
    offerUndo(`Deleted ${a.title} (${a.completedOn}).`, {
      label: `deleting ${a.title}`,
      run: async () => {
        await api.education.restore({ id: a.id });
        changed();
      },
    });
  }

  return (
    <div className="page">
      <PageHeader
        title="Education"
        subtitle="Structured education: the courses and modules you complete, counted in the same window as your procedures."
        actions={
          <TrackSelect list={list} active={active} onChange={setTrackId} />
        }
      />
      {error ? <Banner tone="error">{error.message}</Banner> : null}
      {data.error ? <Banner tone="error">{data.error.message}</Banner> : null}
      {!loading && list.length === 0 ? <NoTrackYet why="Education is kept per track." /> : null}
      {active && v ? (
        <div className="edu-stack">
          <section className="card" aria-labelledby="edu-progress-title">
            <h2 id="edu-progress-title" className="card-title">
              Progress
            </h2>
            <EducationProgress summary={v.summary} />
            {v.categoriesEditable && v.categories.length > 0 && !naming ? (
              <button type="button" className="btn-link small" onClick={() => setNaming(true)}>
                Edit the content categories
              </button>
            ) : null}
          </section>

          {v.categoriesEditable && (v.categories.length === 0 || naming) ? (
            <section className="card" aria-labelledby="edu-cats-title">
              <h2 id="edu-cats-title" className="card-title">
                Name the content categories
              </h2>
              <CategoryNamer
                trackId={active.id}
                categories={v.categories}
                onSaved={() => {
                  setNaming(false);
                  changed();
                }}
                onCancel={v.categories.length > 0 ? () => setNaming(false) : undefined}
              />
            </section>
          ) : null}

          {v.summary.defined && v.categories.length > 0 ? (
            <section className="card" aria-labelledby="edu-form-title">
              <h2 id="edu-form-title" className="card-title">
                {editing ? `Edit “${editing.title}”` : 'Record an activity'}
              </h2>
              <ActivityForm
                key={editing?.id ?? 'new'}
                trackId={active.id}
                categories={v.categories}
                editing={editing ?? undefined}
                onCancel={editing ? () => setEditing(null) : undefined}
                onSaved={(saved, before) => {
                  setEditing(null);
                  changed();
                  if (before) {
                    offerUndo(`Saved your edit of ${before.title}.`, {
                      label: `the edit of ${before.title}`,
                      run: async () => {
                        await api.education.update({
                          id: before.id,
                          completedOn: before.completedOn,
                          title: before.title,
                          provider: before.provider,
                          credits: before.credits,
                          categoryKey: before.categoryKey,
                        });
                        changed();
                      },
                    });
                  }
                }}
              />
            </section>
          ) : null}

          <section className="card" aria-labelledby="edu-list-title">
            <h2 id="edu-list-title" className="card-title">
              Activities <span className="badge">{v.activities.length}</span>
            </h2>
            {v.activities.length === 0 ? (
              <p className="muted">No activities recorded yet.</p>
            ) : (
              <div className="table-wrap">
                <table className="edu-table">
                  <thead>
                    <tr>
                      <th scope="col">Completed</th>
                      <th scope="col">Activity</th>
                      <th scope="col">Category</th>
                      <th scope="col" className="num">
                        Credits
                      </th>
                      <th scope="col">Counts</th>
                      <th scope="col">Certificate</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.activities.map((a) => (
                      <tr key={a.id} className={editing?.id === a.id ? 'editing' : undefined}>
                        <td className="nowrap">{a.completedOn}</td>
                        <td>
                          {a.title}
                          {a.provider ? <div className="small muted">{a.provider}</div> : null}
                        </td>
                        <td>{a.categoryName}</td>
                        <td className="num">{formatCredits(a.credits)}</td>
                        <td>{a.counts ? <span className="badge badge-ok">Counts</span> : <span className="edu-why">{a.reason}</span>}</td>
                        <td>{a.attachment ? <CertificateLink key={`${a.attachment.id}:${a.attachment.originalName}`} id={a.attachment.id} activityId={a.id} name={a.attachment.originalName} /> : <span className="muted">—</span>}</td>
                        <td className="nowrap">
                          <button type="button" className="btn btn-small" aria-label={`Edit ${a.title}`} onClick={() => setEditing(a)}>
                            Edit
                          </button>{' '}
                          <button type="button" className="btn btn-small btn-danger" aria-label={`Delete ${a.title}`} onClick={() => void remove(a)}>
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}

function CertificateLink(props: { id: number; activityId: number; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (url) {
    return (
      <a className="btn-link" href={url} download={props.name}>
        Save {props.name}
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn-link"
        aria-label={`Open the certificate ${props.name}`}
        onClick={() =>
          void api.compliance.attachment({ id: props.id, activityId: props.activityId }).then((r) => (r.ok ? setUrl(r.value.dataUrl) : setError(r.error.message)))
        }
      >
        {props.name}
      </button>
      {error ? <span className="error small">{error}</span> : null}
    </>
  );
}
