import { useState, type FormEvent } from 'react';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { isEmail, type EventView } from './shared';

interface AttendeeDraft {
  name: string;
  email: string;
  jobTitle: string;
  consent: '' | 'yes' | 'no';
}

const blank = (): AttendeeDraft => ({ name: '', email: '', jobTitle: '', consent: '' });
/** The attendee's check-in code as a QR image, to print or show at the door. */
const qrUrl = (registrationId: string, attendeeId: string) =>
  `/api/events/registrations/${encodeURIComponent(registrationId)}/attendees/${encodeURIComponent(attendeeId)}/qr`;
const OPEN = new Set(['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED']);

/** The enterprise's registrations for the event (cancel, accept a waitlist offer) and the form to register people. */
export function MyRegistrations({ event, enterpriseId, onChange }: {
  event: EventView;
  enterpriseId: string;
  onChange(): void;
}) {
  const { t, dateTime } = useI18n();
  const eventId = event.id ?? '';
  const [page, setPage] = useState(0);
  const mine = useAsync(() => call(events.GET('/api/events/events/{eventId}/registrations', {
    params: { path: { eventId }, query: { page, size: 20 } },
  })), [eventId, page]);
  const changed = () => { mine.reload(); onChange(); };
  const cancel = useSubmit(async (registrationId: string) => {
    await call(events.POST('/api/events/registrations/{registrationId}/cancellation', {
      params: { path: { registrationId } }, body: {},
    }));
    changed();
  });
  const acceptOffer = useSubmit(async (registrationId: string) => {
    await call(events.POST('/api/events/registrations/{registrationId}/offer-acceptance', {
      params: { path: { registrationId } },
    }));
    changed();
  });
  const registrations = (mine.data?.content ?? []).filter((r) => r.enterpriseId === enterpriseId);
  const seatsHeld = registrations.filter((r) => OPEN.has(r.status ?? ''))
    .reduce((n, r) => n + (r.attendees?.length ?? 0), 0);
  return (
    <section aria-labelledby="my-registrations">
      <h2 id="my-registrations">{t('events.myRegistrations')}</h2>
      <ProblemAlert problem={mine.problem ?? cancel.problem ?? acceptOffer.problem} />
      {mine.loading && !mine.data && <Loading />}
      {mine.data && registrations.length === 0 && <Empty>{t('events.noRegistrations')}</Empty>}
      <ul className="plain">
        {registrations.map((r) => (
          <li key={r.id} className="card">
            <p className="row">
              {r.status && <Status value={r.status} />}
              {r.registeredAt && <span className="muted small">{t('events.registeredAt', { at: dateTime(r.registeredAt) })}</span>}
            </p>
            <ul>
              {r.attendees?.map((a) => (
                <li key={a.id ?? a.email}>
                  {a.name} ({a.email}){a.jobTitle ? ` · ${a.jobTitle}` : ''}
                  {r.status === 'CONFIRMED' && a.id && (
                    <> · <a href={qrUrl(r.id!, a.id)} target="_blank" rel="noreferrer">{t('events.checkInCode', { name: a.name ?? '' })}</a></>
                  )}
                </li>
              ))}
            </ul>
            {r.status === 'OFFERED' && r.offerExpiresAt && (
              <p className="alert alert-info">{t('events.offerUntil', { at: dateTime(r.offerExpiresAt) })}</p>
            )}
            {r.approvalReason && <p className="small">{t('events.reason', { reason: r.approvalReason })}</p>}
            <div className="row">
              {r.status === 'OFFERED' && (
                <button type="button" className="primary" disabled={acceptOffer.pending}
                        onClick={() => void acceptOffer.run(r.id!)}>{t('events.acceptOffer')}</button>
              )}
              {OPEN.has(r.status ?? '') && (
                <button type="button" className="danger" disabled={cancel.pending}
                        onClick={() => void cancel.run(r.id!)}>{t('events.cancelRegistration')}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {mine.data && <Pagination page={mine.data.page} totalPages={mine.data.totalPages} onChange={setPage} />}
      <RegisterForm eventId={eventId} seatsLeft={Math.max(0, event.seatsPerEnterprise - seatsHeld)} onDone={changed} />
    </section>
  );
}

function RegisterForm({ eventId, seatsLeft, onDone }: { eventId: string; seatsLeft: number; onDone(): void }) {
  const { t } = useI18n();
  const [attendees, setAttendees] = useState<AttendeeDraft[]>([blank()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const register = useSubmit(async () => {
    const created = await call(events.POST('/api/events/events/{eventId}/registrations', {
      params: { path: { eventId } },
      body: {
        attendees: attendees.map((a) => ({
          name: a.name.trim(), email: a.email.trim(), jobTitle: a.jobTitle.trim() || undefined,
          consentToAttendeeList: a.consent === 'yes',
        })),
      },
    }));
    setAttendees([blank()]);
    setDone(created.status);
    onDone();
  });
  if (seatsLeft === 0) return <p className="muted">{t('events.noSeatsLeft')}</p>;

  const update = (i: number, change: Partial<AttendeeDraft>) =>
    setAttendees(attendees.map((a, j) => (j === i ? { ...a, ...change } : a)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    const found: Record<string, string> = {};
    attendees.forEach((a, i) => {
      if (!a.name.trim()) found[`${i}.name`] = t('events.required');
      if (!isEmail(a.email)) found[`${i}.email`] = t('events.invalidEmail');
      if (!a.consent) found[`${i}.consent`] = t('events.consentRequired');
    });
    setErrors(found);
    if (Object.keys(found).length === 0) void register.run();
  };
  const serverError = (i: number, field: string) => register.problem?.fieldError(`attendees[${i}].${field}`);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="register-heading">
      <h3 id="register-heading">{t('events.register')}</h3>
      <p className="hint">{t('events.seatsLeft', { count: seatsLeft })}</p>
      {attendees.map((a, i) => (
        <fieldset key={i}>
          <legend>{t('events.attendeeN', { n: i + 1 })}</legend>
          <Field label={t('events.attendeeName')} error={errors[`${i}.name`] ?? serverError(i, 'name')}>
            {(props) => <input {...props} value={a.name} maxLength={200} onChange={(e) => update(i, { name: e.target.value })} />}
          </Field>
          <Field label={t('events.attendeeEmail')} error={errors[`${i}.email`] ?? serverError(i, 'email')}>
            {(props) => <input {...props} type="email" value={a.email} maxLength={320} onChange={(e) => update(i, { email: e.target.value })} />}
          </Field>
          <Field label={t('events.attendeeJobTitle')} error={serverError(i, 'jobTitle')}>
            {(props) => <input {...props} value={a.jobTitle} maxLength={200} onChange={(e) => update(i, { jobTitle: e.target.value })} />}
          </Field>
          <Field label={t('events.attendeeConsent')} error={errors[`${i}.consent`] ?? serverError(i, 'consentToAttendeeList')}>
            {(props) => (
              <select {...props} value={a.consent} onChange={(e) => update(i, { consent: e.target.value as AttendeeDraft['consent'] })}>
                <option value="">{t('events.choose')}</option>
                <option value="yes">{t('events.consentYes')}</option>
                <option value="no">{t('events.consentNo')}</option>
              </select>
            )}
          </Field>
          {attendees.length > 1 && (
            <button type="button" onClick={() => setAttendees(attendees.filter((_, j) => j !== i))}>
              {t('events.removeAttendee')}
            </button>
          )}
        </fieldset>
      ))}
      <ProblemAlert problem={register.problem} />
      <div aria-live="polite">{done && <p className="alert alert-ok">{t('events.registered.' + done)}</p>}</div>
      <div className="row">
        <button type="button" disabled={attendees.length >= seatsLeft} onClick={() => setAttendees([...attendees, blank()])}>
          {t('events.addAttendee')}
        </button>
        <button type="submit" className="primary" disabled={register.pending}>{t('events.registerSubmit')}</button>
      </div>
    </form>
  );
}
