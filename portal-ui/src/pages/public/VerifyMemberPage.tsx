import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';

const MEMBER_NUMBER = /^[A-Za-z0-9-]{3,40}$/;

/** Anyone checks whether a member number belongs to a current member (a buyer checking a supplier's claim). */
export default function VerifyMemberPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const [input, setInput] = useState(number);
  const [error, setError] = useState<string>();

  const result = useAsync(async () => number
    ? call(membership.GET('/api/membership/verify/{memberNumber}', { params: { path: { memberNumber: number } } }))
    : undefined, [number]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = input.trim();
    if (!MEMBER_NUMBER.test(value)) {
      setError(t('public.verify.invalid'));
      return;
    }
    setError(undefined);
    setParams({ number: value });
  };

  return (
    <Page title={t('public.verify.title')}>
      <p>{t('public.verify.lead')}</p>
      <form onSubmit={submit} noValidate className="card">
        <Field label={t('public.verify.memberNumber')} error={error} hint={t('public.verify.hint')}>
          {(props) => <input {...props} name="memberNumber" value={input} onChange={(e) => setInput(e.target.value)}
                             autoComplete="off" />}
        </Field>
        <button type="submit" className="primary">{t('public.verify.check')}</button>
      </form>
      {number && result.loading && <Loading />}
      {result.problem?.status === 404
        ? <div className="alert alert-error" role="alert">{t('public.verify.unknown', { number })}</div>
        : <ProblemAlert problem={result.problem} />}
      {result.data && (
        <div className={'alert ' + (result.data.current ? 'alert-ok' : 'alert-error')} role="status">
          {result.data.current
            ? t('public.verify.current', { number: result.data.memberNumber, enterprise: result.data.enterpriseName ?? '', cluster: result.data.clusterName ?? '' })
            : t('public.verify.notCurrent', { number: result.data.memberNumber, cluster: result.data.clusterName ?? '' })}
          {result.data.clusterId && <p><Link to={`/clusters/${result.data.clusterId}`}>{t('public.verify.clusterLink')}</Link></p>}
        </div>
      )}
    </Page>
  );
}
