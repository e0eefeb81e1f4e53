import { Link, Navigate, useLocation, useParams } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Loading, Page, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, useClusterId } from '../secretariat/shared';
import { manageSalonPath, manageSalonsPath } from './admin';
import { ProgrammeEditor, SessionExperts } from './ProgrammeEditor';
import { SalonRegistrations } from './SalonRegistrations';

/**
 * The secretariat's view of a salon (`/secretariat/{clusterId}/salons/{salonId}`): its facts, the experts of its
 * sessions (open a session, confirm or release an expert's booking), the programme editor and the registrations.
 */
export default function ManageSalonPage() {
  return <SecretariatOnly><ManageSalon /></SecretariatOnly>;
}

function ManageSalon() {
  const clusterId = useClusterId();
  const { salonId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const salon = useAsync(() => call(salons.GET('/api/salons/salons/{salonId}', { params: { path: { salonId } } })), [salonId]);
  const programme = useAsync(() => call(salons.GET('/api/salons/salons/{salonId}/programme', {
    params: { path: { salonId } },
  })), [salonId]);

  if (salon.loading && !salon.data) return <Loading />;
  if (!salon.data) {
    return (
      <Page title={t('salons.salon.notFound')}>
        <ProblemAlert problem={salon.problem} />
        <Link to={manageSalonsPath(clusterId)}>{t('salons.admin.back')}</Link>
      </Page>
    );
  }
  const s = salon.data;
  if (s.clusterId !== clusterId) return <Navigate replace to={manageSalonPath(s.clusterId, s.id)} />;
  const started = new Date(s.startsAt).getTime() <= Date.now();
  return (
    <ClusterPage title={s.title} actions={<Link className="button" to={manageSalonsPath(clusterId)}>{t('salons.admin.back')}</Link>}>
      <div aria-live="polite">{created && <p className="alert alert-ok" role="status">{t('salons.admin.created')}</p>}</div>
      <div className="card">
        <p className="lead">{s.theme}</p>
        {s.description && <p className="pre-line">{s.description}</p>}
        <dl className="facts">
          <dt>{t('salons.salon.when')}</dt>
          <dd>
            {dateTime(s.startsAt, 'long')} – {dateTime(s.endsAt, 'long')}
            <div className="muted small">
              {t('salons.admin.localTimes', { from: s.localStartsAt.slice(0, 16).replace('T', ' '),
                to: s.localEndsAt.slice(0, 16).replace('T', ' '), zone: s.timeZone })}
            </div>
          </dd>
          {s.venue && <><dt>{t('salons.salon.venue')}</dt><dd>{s.venue}</dd></>}
          {s.onlineLink && <><dt>{t('salons.salon.online')}</dt><dd><a href={s.onlineLink}>{s.onlineLink}</a></dd></>}
          <dt>{t('salons.admin.seatsTaken')}</dt>
          <dd>{t('salons.admin.seatsTakenOf', { taken: s.seatsTaken, capacity: s.capacity })}</dd>
          <dt>{t('salons.salon.perEnterprise')}</dt><dd>{s.seatsPerEnterprise}</dd>
          <dt>{t('salons.salon.registration')}</dt>
          <dd>{dateTime(s.registrationOpensAt)} – {dateTime(s.registrationClosesAt)}</dd>
        </dl>
      </div>

      {started && <p className="alert alert-info">{t('salons.salon.window.started')}</p>}
      <ProblemAlert problem={programme.problem} />
      {programme.loading && !programme.data && <Loading />}
      {programme.data && (
        <>
          <SessionExperts salonId={salonId} programme={programme.data} started={started} onChange={programme.reload} />
          {!started && <ProgrammeEditor salon={s} programme={programme.data} onSaved={programme.reload} />}
        </>
      )}

      <SalonRegistrations salonId={salonId} />
    </ClusterPage>
  );
}
