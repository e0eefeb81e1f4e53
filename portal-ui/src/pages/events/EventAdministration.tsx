import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { AttendeeList } from './AttendeeList';
import type { EventView } from './shared';

/** The secretariat's tools on an event page: publish, cancel, edit, registrations to decide, check-in, meetings. */
export function EventAdministration({ event, onChange }: { event: EventView; onChange(): void }) {
  const { t } = useI18n();
  const eventId = event.id ?? '';
  const publish = useSubmit(async () => {
    await call(events.POST('/api/events/events/{eventId}/publication', { params: { path: { eventId } } }));
    onChange();
  });
  const open = event.status !== 'CANCELLED';
  return (
    <section className="card" aria-labelledby="administration">
      <h2 id="administration">{t('events.administration')}</h2>
      <div className="row">
        {open && <Link className="button" to={`/events/${eventId}/edit`}>{t('events.edit')}</Link>}
        {event.status === 'DRAFT' && (
          <button type="button" className="primary" disabled={publish.pending} onClick={() => void publish.run()}>{t('events.publish')}</button>
        )}
        {event.status === 'PUBLISHED' && (
          <>
            <Link className="button" to={`/events/${eventId}/check-in`}>{t('events.checkIn.title')}</Link>
            <Link className="button" to={`/events/${eventId}/meetings`}>{t('events.grid.title')}</Link>
          </>
        )}
      </div>
      <ProblemAlert problem={publish.problem} />
      {open && <CancelEvent eventId={eventId} onDone={onChange} />}
      {event.status !== 'DRAFT' && <RegistrationReview eventId={eventId} onChange={onChange} />}
      {event.status !== 'DRAFT' && <AttendeeList eventId={eventId} complete />}
    </section>
  );
}

function CancelEvent({ eventId, onDone }: { eventId: string; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const cancel = useSubmit(async () => {
    await call(events.POST('/api/events/events/{eventId}/cancellation', { params: { path: { eventId } }, body: { reason: reason.trim() } }));
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !reason.trim() ? t('events.required') : reason.length > 2000 ? t('events.tooLong', { max: 2000 }) : undefined;
    setError(problem);
    if (!problem) void cancel.run();
  };
  return (
    <details>
      <summary>{t('events.cancelEvent')}</summary>
      <form onSubmit={submit} noValidate>
        <Field label={t('events.cancellationReason')} error={error ?? cancel.problem?.fieldError('reason')}>
          {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert problem={cancel.problem} />
        <button type="submit" className="danger" disabled={cancel.pending}>{t('events.cancelEventSubmit')}</button>
      </form>
    </details>
  );
}

const STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'DECLINED', 'CANCELLED', 'LAPSED'] as const;
type RegistrationStatus = (typeof STATUSES)[number];

function RegistrationReview({ eventId, onChange }: { eventId: string; onChange(): void }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<RegistrationStatus | ''>('PENDING');
  const [page, setPage] = useState(0);
  const [declining, setDeclining] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const list = useAsync(() => call(events.GET('/api/events/events/{eventId}/registrations', {
    params: { path: { eventId }, query: { status: status || undefined, page, size: 20 } },
  })), [eventId, status, page]);
  const approve = useSubmit(async (registrationId: string) => {
    await call(events.POST('/api/events/registrations/{registrationId}/approval', { params: { path: { registrationId } } }));
    list.reload();
    onChange();
  });
  const decline = useSubmit(async (registrationId: string) => {
    await call(events.POST('/api/events/registrations/{registrationId}/decline', {
      params: { path: { registrationId } }, body: { reason: reason.trim() },
    }));
    setDeclining(undefined);
    setReason('');
    list.reload();
  });
  const submitDecline = (e: FormEvent, registrationId: string) => {
    e.preventDefault();
    const problem = reason.trim() ? undefined : t('events.required');
    setReasonError(problem);
    if (!problem) void decline.run(registrationId);
  };
  const rows = list.data?.content ?? [];
  return (
    <>
      <h3>{t('events.registrations')}</h3>
      <Field label={t('events.status')}>
        {(props) => (
          <select {...props} value={status} onChange={(e) => { setPage(0); setStatus(e.target.value as RegistrationStatus | ''); }}>
            <option value="">{t('events.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t('events.registrationStatus.' + s)}</option>)}
          </select>
        )}
      </Field>
      <ProblemAlert problem={list.problem ?? approve.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data && rows.length === 0 && <Empty>{t('events.noRegistrationsToReview')}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('events.enterprise')}</th>
                <th scope="col">{t('events.attendees')}</th>
                <th scope="col">{t('events.registered')}</th>
                <th scope="col">{t('events.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('events.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.enterpriseId}</td>
                  <td>{r.attendees?.map((a) => a.name).join(', ')}</td>
                  <td>{r.registeredAt && dateTime(r.registeredAt)}</td>
                  <td>{r.status && <Status value={r.status} />}</td>
                  <td>
                    {r.status === 'PENDING' && declining !== r.id && (
                      <div className="row">
                        <button type="button" className="primary" disabled={approve.pending} onClick={() => void approve.run(r.id!)}>{t('events.approve')}</button>
                        <button type="button" onClick={() => { setDeclining(r.id); setReasonError(undefined); }}>{t('events.decline')}</button>
                      </div>
                    )}
                    {declining === r.id && (
                      <form onSubmit={(e) => submitDecline(e, r.id!)} noValidate>
                        <Field label={t('events.declineReason')} error={reasonError ?? decline.problem?.fieldError('reason')}>
                          {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
                        </Field>
                        <ProblemAlert problem={decline.problem} />
                        <div className="row">
                          <button type="submit" className="danger" disabled={decline.pending}>{t('events.decline')}</button>
                          <button type="button" onClick={() => setDeclining(undefined)}>{t('events.back')}</button>
                        </div>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </>
  );
}
