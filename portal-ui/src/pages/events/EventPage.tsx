import { Link, useParams } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { AttendeeList } from './AttendeeList';
import { EventAdministration } from './EventAdministration';
import { MyMeetings } from './MyMeetings';
import { MyRegistrations } from './MyRegistrations';
import { calendarUrl, eventsUser, type EventView } from './shared';

/** One event: its details and agenda in the viewer's time zone, registering, meetings; the secretariat's tools. */
export default function EventPage() {
  return <Restricted allowed={eventsUser}><EventDetails /></Restricted>;
}

function EventDetails() {
  const { eventId = '' } = useParams();
  const { t } = useI18n();
  const session = useSession();
  const event = useAsync(() => call(events.GET('/api/events/events/{eventId}', {
    params: { path: { eventId } },
  })), [eventId]);
  const e = event.data;
  if (event.loading && !e) return <Loading />;
  if (!e) {
    return <Page title={t('events.event')}><ProblemAlert problem={event.problem} /></Page>;
  }
  const secretariat = !!e.clusterId && session.isSecretariatOf(e.clusterId);
  const enterprise = session.hasRole('enterprise') && !!session.user?.enterprise_id;
  const published = e.status === 'PUBLISHED';
  return (
    <Page title={e.title ?? t('events.event')} actions={
      <a className="button" href={calendarUrl(eventId)} download>{t('events.calendar')}</a>
    }>
      <ProblemAlert problem={event.problem} />
      <Facts event={e} />
      {e.description && <p className="pre-line">{e.description}</p>}
      <Agenda event={e} />
      {secretariat && <EventAdministration event={e} onChange={event.reload} />}
      {enterprise && published && (
        <MyRegistrations event={e} enterpriseId={session.user!.enterprise_id!} onChange={event.reload} />
      )}
      {published && !secretariat && <AttendeeList eventId={eventId} />}
      {enterprise && published && <MyMeetings eventId={eventId} enterpriseId={session.user!.enterprise_id!} />}
      <p><Link to={`/events?cluster=${encodeURIComponent(e.clusterId ?? '')}`}>{t('events.backToList')}</Link></p>
    </Page>
  );
}

function Facts({ event: e }: { event: EventView }) {
  const { t, dateTime, timeZone } = useI18n();
  return (
    <dl className="facts card">
      <dt>{t('events.status')}</dt><dd>{e.status && <Status value={e.status} />}</dd>
      <dt>{t('events.kind')}</dt><dd>{t('events.kind.' + e.kind)}</dd>
      <dt>{t('events.when')}</dt>
      <dd>
        {e.startsAt && dateTime(e.startsAt, 'long')} – {e.endsAt && dateTime(e.endsAt, 'long')}
        {e.timeZone && e.timeZone !== timeZone && (
          <span className="muted small"> ({t('events.localTime', {
            start: (e.localStartsAt ?? '').replace('T', ' ').slice(0, 16), zone: e.timeZone,
          })})</span>
        )}
      </dd>
      {e.venue && <><dt>{t('events.venue')}</dt><dd>{e.venue}</dd></>}
      {e.onlineLink && <><dt>{t('events.onlineLink')}</dt><dd><a href={e.onlineLink} rel="noreferrer">{e.onlineLink}</a></dd></>}
      <dt>{t('events.seats')}</dt>
      <dd>{t('events.seatsText', { available: e.seatsAvailable, capacity: e.capacity, perEnterprise: e.seatsPerEnterprise })}</dd>
      <dt>{t('events.registrationWindow')}</dt>
      <dd>{e.registrationOpensAt && dateTime(e.registrationOpensAt)} – {e.registrationClosesAt && dateTime(e.registrationClosesAt)}</dd>
      <dt>{t('events.policy')}</dt><dd>{t('events.policy.' + e.registrationPolicy)}</dd>
      {e.cancellationReason && <><dt>{t('events.cancellationReason')}</dt><dd>{e.cancellationReason}</dd></>}
    </dl>
  );
}

function Agenda({ event: e }: { event: EventView }) {
  const { t, time, dateTime } = useI18n();
  const sessions = e.agenda ?? [];
  if (sessions.length === 0) return null;
  return (
    <>
      <h2>{t('events.agenda')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('events.agendaTime')}</th>
              <th scope="col">{t('events.session')}</th>
              <th scope="col">{t('events.speakers')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={i}>
                <td>{s.startsAt && dateTime(s.startsAt, 'short')}–{s.endsAt && time(s.endsAt)}</td>
                <td>{s.title}</td>
                <td>{(s.speakers ?? []).map((p) => [p.name, p.title, p.organisation].filter(Boolean).join(', ')).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
