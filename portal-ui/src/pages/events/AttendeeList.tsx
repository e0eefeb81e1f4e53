import { useState } from 'react';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Loading, Pagination, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';

/**
 * Who comes: other members see the attendees who consented (name, job title, enterprise); the secretariat sees
 * everyone with e-mail and check-in, and may download the list as CSV.
 */
export function AttendeeList({ eventId, complete = false }: { eventId: string; complete?: boolean }) {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const list = useAsync(() => attendeesOf(eventId, page, 20), [eventId, page]);
  const entries = list.data?.content ?? [];
  return (
    <section aria-labelledby="attendees-heading">
      <h2 id="attendees-heading">{t('events.attendees')}</h2>
      {complete && (
        <p><a href={`/api/events/events/${encodeURIComponent(eventId)}/attendees?format=csv`} download>{t('events.attendeesCsv')}</a></p>
      )}
      {list.problem?.status === 403
        ? <p className="muted">{t('events.attendeesForRegistered')}</p>
        : <ProblemAlert problem={list.problem} />}
      {list.loading && !list.data && <Loading />}
      {list.data && entries.length === 0 && <Empty>{t('events.noAttendees')}</Empty>}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('events.attendeeName')}</th>
                <th scope="col">{t('events.attendeeJobTitle')}</th>
                <th scope="col">{t('events.enterprise')}</th>
                {complete && <th scope="col">{t('events.attendeeEmail')}</th>}
                {complete && <th scope="col">{t('events.checkedIn')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((a, i) => (
                <tr key={a.attendeeId ?? i}>
                  <td>{a.name}</td>
                  <td>{a.jobTitle}</td>
                  <td>{a.enterpriseName ?? a.enterpriseId}</td>
                  {complete && <td>{a.email}</td>}
                  {complete && <td>{a.checkedIn ? (a.checkedInAt ? dateTime(a.checkedInAt) : t('events.yes')) : t('events.no')}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </section>
  );
}

export interface AttendeePage {
  content: Attendee[];
  page: number;
  totalPages: number;
}

/** A page of the attendee list (the JSON form; the same path gives CSV with `?format=csv`). */
export async function attendeesOf(eventId: string, page: number, size: number): Promise<AttendeePage> {
  const answer = await call(events.GET('/api/events/events/{eventId}/attendees', {
    params: { path: { eventId }, query: { page, size } },
  }));
  return answer as AttendeePage;
}

/** An entry of the attendee list: the secretariat's complete one has e-mail and check-in, a member's does not. */
export interface Attendee {
  registrationId?: string;
  attendeeId?: string;
  name?: string;
  jobTitle?: string;
  enterpriseId?: string;
  enterpriseName?: string;
  email?: string;
  checkedIn?: boolean;
  checkedInAt?: string;
}
