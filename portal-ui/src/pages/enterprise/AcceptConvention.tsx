import { useState } from 'react';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/components';
import { useSubmit } from '../../ui/useAsync';

/**
 * An ACTIVE member accepts the cluster's current convention, once per version. The service does not say beforehand
 * whether the enterprise accepted already; its 409 `convention-accepted-already` carries the time, shown as the answer.
 */
export function AcceptConvention({ conventionId }: { conventionId: string }) {
  const { t, dateTime } = useI18n();
  const [acceptedAt, setAcceptedAt] = useState<string>();
  const [already, setAlready] = useState(false);
  const accept = useSubmit(async () => {
    try {
      const acceptance = await call(membership.POST('/api/membership/conventions/{conventionId}/acceptances', {
        params: { path: { conventionId } },
      }));
      setAcceptedAt(acceptance.acceptedAt ?? new Date().toISOString());
    } catch (e) {
      const problem = e as { slug?: string; body?: { acceptedAt?: unknown } };
      if (problem.slug !== 'convention-accepted-already') throw e;
      setAlready(true);
      if (typeof problem.body?.acceptedAt === 'string') setAcceptedAt(problem.body.acceptedAt);
    }
  });
  return (
    <div aria-live="polite">
      {acceptedAt || already ? (
        <p className="alert alert-ok" role="status">
          {acceptedAt
            ? t(already ? 'enterprise.convention.acceptedAlready' : 'enterprise.convention.accepted', { date: dateTime(acceptedAt) })
            : t('enterprise.convention.acceptedBefore')}
        </p>
      ) : (
        <>
          <p className="small">{t('enterprise.convention.acceptText')}</p>
          <ProblemAlert problem={accept.problem} />
          <button type="button" className="primary" disabled={accept.pending} onClick={() => void accept.run()}>
            {t('enterprise.convention.accept')}
          </button>
        </>
      )}
    </div>
  );
}
