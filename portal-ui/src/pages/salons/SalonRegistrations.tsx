import { useState } from 'react';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Pagination, ProblemAlert, Status } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import type { SalonRegistration } from './admin';

/**
 * A salon's registrations for its secretariat: status, attendees, the waitlist and its offers, and the registrations
 * flagged because the enterprise's membership is no longer in good standing.
 */
export function SalonRegistrations({ salonId }: { salonId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  const [flagged, setFlagged] = useState(false);
  const list = useAsync(() => call(salons.GET('/api/salons/salons/{salonId}/registrations', {
    params: { path: { salonId }, query: { flagged: flagged || undefined, page, size: 20 } },
  })), [salonId, flagged, page]);
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">{t('salons.admin.registrations.title')}</h2>
      <Field label={t('salons.admin.registrations.flaggedOnly')}>
        {(p) => <input {...p} type="checkbox" checked={flagged} onChange={(e) => { setFlagged(e.target.checked); setPage(0); }} />}
      </Field>
      <ProblemAlert problem={list.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data?.content.length === 0 && (
        <Empty>{t(flagged ? 'salons.admin.registrations.noneFlagged' : 'salons.admin.registrations.empty')}</Empty>
      )}
      {list.data && list.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {t('salons.admin.registrations.count', { count: list.data.totalElements })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('salons.admin.registrations.enterprise')}</th>
                <th scope="col">{t('salons.admin.status')}</th>
                <th scope="col">{t('salons.registration.attendees')}</th>
                <th scope="col">{t('salons.admin.registrations.registeredAt')}</th>
                <th scope="col">{t('salons.admin.registrations.waitlist')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.content.map((r) => <Row key={r.id} registration={r} />)}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </section>
  );
}

function Row({ registration: r }: { registration: SalonRegistration }) {
  const { t, dateTime } = useI18n();
  return (
    <tr>
      <th scope="row">{r.enterpriseId}</th>
      <td>
        <Status value={r.status} />
        {r.flag && (
          <p className="field-error small">
            {t('salons.admin.registrations.flag', { reason: t('status.' + r.flag.reason), since: dateTime(r.flag.at) })}
          </p>
        )}
      </td>
      <td>
        <ul>
          {r.attendees.map((a, i) => (
            <li key={i}>{a.name}{a.position ? `, ${a.position}` : ''}{a.email ? ` <${a.email}>` : ''}</li>
          ))}
        </ul>
      </td>
      <td>{dateTime(r.registeredAt)}</td>
      <td>
        {r.status === 'OFFERED' && r.offerExpiresAt && t('salons.admin.registrations.offerUntil', { when: dateTime(r.offerExpiresAt) })}
        {r.status === 'WAITLISTED' && r.waitlistedAt && t('salons.admin.registrations.waitlistedAt', { when: dateTime(r.waitlistedAt) })}
      </td>
    </tr>
  );
}
