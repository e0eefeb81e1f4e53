import { useState, type FormEvent } from 'react';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, ProblemAlert, Status } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { attendeesOf } from './AttendeeList';
import { meetingsCalendarUrl, type AgendaView, type MeetingView } from './shared';

/** The enterprise's B2B meetings at the event: its agenda, answering requests, and asking another member for one. */
export function MyMeetings({ eventId, enterpriseId }: { eventId: string; enterpriseId: string }) {
  const { t, dateTime, time } = useI18n();
  const plan = useAsync(() => call(events.GET('/api/events/events/{eventId}/meeting-slots', {
    params: { path: { eventId } },
  })), [eventId]);
  const agenda = useAsync(async () => (await call(events.GET('/api/events/events/{eventId}/meetings', {
    params: { path: { eventId } },
  }))) as unknown as AgendaView, [eventId]);
  const others = useAsync(async () => {
    const page = await attendeesOf(eventId, 0, 100);
    const names = new Map<string, string>();
    for (const a of page.content ?? []) {
      if (a.enterpriseId && a.enterpriseId !== enterpriseId) names.set(a.enterpriseId, a.enterpriseName ?? a.enterpriseId);
    }
    return [...names].map(([id, name]) => ({ id, name }));
  }, [eventId, enterpriseId]);
  const answer = useSubmit(async (meetingId: string, accept: boolean) => {
    if (accept) {
      await call(events.POST('/api/events/meetings/{meetingId}/acceptance', { params: { path: { meetingId } } }));
    } else {
      await call(events.POST('/api/events/meetings/{meetingId}/decline', { params: { path: { meetingId } }, body: {} }));
    }
    agenda.reload();
  });
  const cancel = useSubmit(async (meetingId: string) => {
    await call(events.POST('/api/events/meetings/{meetingId}/cancellation', { params: { path: { meetingId } }, body: {} }));
    agenda.reload();
  });
  if (plan.problem?.status === 404) return null;
  const nameOf = (id?: string) => others.data?.find((o) => o.id === id)?.name ?? id;
  const meetings: MeetingView[] = agenda.data?.meetings ?? [];
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('events.meetings')}</h2>
      <p><a href={meetingsCalendarUrl(eventId)} download>{t('events.meetingsCalendar')}</a></p>
      {agenda.problem?.status === 403
        ? <p className="muted">{t('events.meetingsForRegistered')}</p>
        : <ProblemAlert problem={plan.problem ?? agenda.problem ?? answer.problem ?? cancel.problem} />}
      {agenda.loading && !agenda.data && <Loading />}
      {agenda.data && meetings.length === 0 && <Empty>{t('events.noMeetings')}</Empty>}
      {meetings.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('events.slot')}</th>
                <th scope="col">{t('events.with')}</th>
                <th scope="col">{t('events.table')}</th>
                <th scope="col">{t('events.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('events.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => {
                const invited = m.inviteeEnterpriseId === enterpriseId;
                const other = invited ? m.requesterEnterpriseId : m.inviteeEnterpriseId;
                return (
                  <tr key={m.id}>
                    <td>{m.slot?.startsAt && dateTime(m.slot.startsAt, 'short')}–{m.slot?.endsAt && time(m.slot.endsAt)}</td>
                    <td>
                      {nameOf(other)}
                      {m.message && <p className="small muted">{m.message}</p>}
                    </td>
                    <td>{m.table?.name}</td>
                    <td>
                      {m.status && <Status value={m.status} />}
                      {m.answerBy && <p className="small muted">{t('events.answerBy', { at: dateTime(m.answerBy) })}</p>}
                    </td>
                    <td className="row">
                      {invited && m.status === 'REQUESTED' && (
                        <>
                          <button type="button" className="primary" disabled={answer.pending} onClick={() => void answer.run(m.id!, true)}>{t('events.accept')}</button>
                          <button type="button" disabled={answer.pending} onClick={() => void answer.run(m.id!, false)}>{t('events.decline')}</button>
                        </>
                      )}
                      {(m.status === 'ACCEPTED' || (!invited && m.status === 'REQUESTED')) && (
                        <button type="button" className="danger" disabled={cancel.pending} onClick={() => void cancel.run(m.id!)}>{t('events.cancelMeeting')}</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {plan.data && agenda.problem?.status !== 403 && (
        <RequestMeeting eventId={eventId} slots={plan.data.slots ?? []} enterprises={others.data ?? []} onDone={agenda.reload} />
      )}
    </section>
  );
}

function RequestMeeting({ eventId, slots, enterprises, onDone }: {
  eventId: string;
  slots: { id?: string; startsAt?: string; endsAt?: string }[];
  enterprises: { id: string; name: string }[];
  onDone(): void;
}) {
  const { t, dateTime, time } = useI18n();
  const [withEnterpriseId, setWith] = useState('');
  const [slotId, setSlot] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const request = useSubmit(async () => {
    await call(events.POST('/api/events/events/{eventId}/meetings', {
      params: { path: { eventId } },
      body: { withEnterpriseId, slotId, message: message.trim() || undefined },
    }));
    setSent(true);
    setMessage('');
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const found: Record<string, string> = {};
    if (!withEnterpriseId) found.withEnterpriseId = t('events.required');
    if (!slotId) found.slotId = t('events.required');
    if (message.length > 2000) found.message = t('events.tooLong', { max: 2000 });
    setErrors(found);
    if (Object.keys(found).length === 0) void request.run();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="request-meeting">
      <h3 id="request-meeting">{t('events.requestMeeting')}</h3>
      {enterprises.length === 0 && <p className="hint">{t('events.noOtherEnterprises')}</p>}
      <Field label={t('events.with')} error={errors.withEnterpriseId ?? request.problem?.fieldError('withEnterpriseId')}>
        {(props) => (
          <select {...props} value={withEnterpriseId} onChange={(e) => setWith(e.target.value)}>
            <option value="">{t('events.choose')}</option>
            {enterprises.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('events.slot')} error={errors.slotId ?? request.problem?.fieldError('slotId')}>
        {(props) => (
          <select {...props} value={slotId} onChange={(e) => setSlot(e.target.value)}>
            <option value="">{t('events.choose')}</option>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>{s.startsAt && dateTime(s.startsAt, 'short')}–{s.endsAt && time(s.endsAt)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('events.message')} error={errors.message ?? request.problem?.fieldError('message')}>
        {(props) => <textarea {...props} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </Field>
      <ProblemAlert problem={request.problem} />
      <div aria-live="polite">{sent && <p className="alert alert-ok">{t('events.meetingRequested')}</p>}</div>
      <button type="submit" className="primary" disabled={request.pending}>{t('events.sendRequest')}</button>
    </form>
  );
}
