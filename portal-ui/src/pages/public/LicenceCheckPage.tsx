import { Link, useParams } from 'react-router';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Loading, Page, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';

/** The page a member badge's QR code opens: is this licence to use the cluster mark valid now, and for whom. */
export default function LicenceCheckPage() {
  const { licenceId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const check = useAsync(() => call(assets.GET('/api/assets/licences/{licenceId}', {
    params: { path: { licenceId } },
  })), [licenceId]);
  const licence = check.data;
  return (
    <Page title={t('public.licence.title')}>
      {check.loading && <Loading />}
      {check.problem?.status === 404
        ? <div className="alert alert-error" role="alert">{t('public.licence.unknown')}</div>
        : <ProblemAlert problem={check.problem} />}
      {licence && (
        <div className={'alert ' + (licence.status === 'VALID' ? 'alert-ok' : 'alert-error')} role="status">
          <strong>{t('public.licence.status.' + licence.status)}</strong>
          <dl className="facts">
            <dt>{t('public.licence.holder')}</dt><dd>{licence.enterpriseName}</dd>
            <dt>{t('public.licence.memberNumber')}</dt><dd>{licence.memberNumber}</dd>
            <dt>{t('public.licence.cluster')}</dt><dd><Link to={`/clusters/${licence.clusterId}`}>{licence.clusterId}</Link></dd>
            <dt>{t('public.licence.issued')}</dt><dd>{dateTime(licence.issuedAt)}</dd>
            <dt>{t('public.licence.checked')}</dt><dd>{dateTime(licence.checkedAt)}</dd>
          </dl>
        </div>
      )}
    </Page>
  );
}
