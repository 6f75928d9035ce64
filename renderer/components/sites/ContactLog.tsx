// The contact log of one site: who was reached, how, what came of it, and when to follow up.
import { useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { AppError } from '../../../shared/result';
import { CONTACT_CHANNEL_LABELS, CONTACT_CHANNELS, type ContactChannel, type SiteRecord } from '../../../shared/sites/types';
import { api } from '../../api';
import { useResult } from '../../hooks/useResult';
import { redactPhi } from '../../../shared/phi';
import { PhiHint, usePhiFindings } from '../PhiNotes';
import { Banner, Field, fieldErrors, useToast } from '../ui';

export function ContactLog(props: { site: SiteRecord; onChanged: () => void }) {
  const { site } = props;
  const contacts = useResult(() => api.sites.contacts({ siteId: site.id }), [site.id]);
  const [contactedOn, setContactedOn] = useState(localIsoDate(new Date()));
  const [person, setPerson] = useState('');
  const [role, setRole] = useState('');
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [outcome, setOutcome] = useState('');
  const [nextFollowUpOn, setNext] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = fieldErrors(error);
  const toast = useToast();
  // The short fields are checked for patient identifiers as they are typed; the site's own contact
  // data (an office phone, an e-mail, "Mrs. Okafor") is not flagged (the site-contact profile).
  const phi = {
    person: usePhiFindings(person, 'site-contact'),
    role: usePhiFindings(role, 'site-contact'),
    outcome: usePhiFindings(outcome, 'site-contact'),
  };
  const hint = (findings: typeof phi.person, value: string, set: (v: string) => void) =>
    findings.length ? <PhiHint findings={findings} onRemove={() => set(redactPhi(value, undefined, 'site-contact'))} /> : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.sites.addContact({ siteId: site.id, contactedOn, person, role, channel, outcome, nextFollowUpOn: nextFollowUpOn || null });
    if (!r.ok) return setError(r.error);
    setError(null);
    setOutcome('');
    setNext('');
    toast(`Contact with ${site.name} logged${r.value.nextFollowUpOn ? `; follow up on ${r.value.nextFollowUpOn}` : ''}.`);
    void contacts.reload();
    props.onChanged();
  }

  async function done(contactId: number) {
    const r = await api.sites.completeFollowUp({ contactId });
    if (!r.ok) return setError(r.error);
    void contacts.reload();
    props.onChanged();
  }

  const list = contacts.value ?? [];
  return (
    <section className="stack" aria-labelledby={`contacts-${site.id}`}>
      <h3 id={`contacts-${site.id}`}>Contact log</h3>
      <form className="stack contact-form" onSubmit={(e) => void submit(e)} aria-label={`Log a contact with ${site.name}`} noValidate>
        <div className="row">
          <Field label="Contact date" error={errors.contactedOn}>
            {(id, d) => <input id={id} type="date" value={contactedOn} aria-invalid={Boolean(errors.contactedOn)} aria-describedby={d} onChange={(e) => setContactedOn(e.target.value)} />}
          </Field>
          <Field label="Person" error={errors.person} hint={hint(phi.person, person, setPerson)}>
            {(id, d) => <input id={id} value={person} aria-describedby={d} onChange={(e) => setPerson(e.target.value)} placeholder="e.g. Dana Lee" />}
          </Field>
          <Field label="Role" error={errors.role} hint={hint(phi.role, role, setRole)}>
            {(id, d) => <input id={id} value={role} aria-describedby={d} onChange={(e) => setRole(e.target.value)} placeholder="e.g. CT supervisor" />}
          </Field>
          <Field label="Channel">
            {(id) => (
              <select id={id} value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)}>
                {CONTACT_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CONTACT_CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Outcome" error={errors.outcome} grow hint={hint(phi.outcome, outcome, setOutcome)}>
            {(id, d) => <input id={id} value={outcome} aria-describedby={d} onChange={(e) => setOutcome(e.target.value)} placeholder="e.g. Send CV; decision after the budget meeting" />}
          </Field>
          <Field label="Next follow-up" error={errors.nextFollowUpOn}>
            {(id, d) => <input id={id} type="date" value={nextFollowUpOn} aria-invalid={Boolean(errors.nextFollowUpOn)} aria-describedby={d} onChange={(e) => setNext(e.target.value)} />}
          </Field>
          <button className="btn btn-primary" type="submit">
            Log contact
          </button>
        </div>
        {error && !error.issues ? <Banner tone="error">{error.message}</Banner> : null}
      </form>
      {list.length === 0 ? (
        <p className="muted small">No contacts logged yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label={`Contacts with ${site.name}`}>
            <thead>
              <tr>
                <th>Date</th>
                <th>Person</th>
                <th>Channel</th>
                <th>Outcome</th>
                <th>Next follow-up</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c, i) => (
                <tr key={c.id}>
                  <td>{c.contactedOn}</td>
                  <td>
                    {c.person || '—'}
                    {c.role ? <span className="muted"> · {c.role}</span> : null}
                  </td>
                  <td>{CONTACT_CHANNEL_LABELS[c.channel]}</td>
                  <td>{c.outcome || '—'}</td>
                  <td>
                    {c.nextFollowUpOn ?? '—'}
                    {c.nextFollowUpOn && c.followUpDoneOn ? <> </> : null}
                    {c.nextFollowUpOn && c.followUpDoneOn ? <span className="badge badge-ok">done</span> : null}
                    {c.nextFollowUpOn && !c.followUpDoneOn && i === 0 ? (
                      <>
                        {' '}
                        <button className="btn-link" type="button" onClick={() => void done(c.id)}>
                          Mark done
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
