import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { Loading, ProblemAlert } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import { loadCurrentConvention, loadMe } from './data';

/**
 * Where an enterprise user goes next: register the enterprise, apply to a cluster, then, as a member, read and accept
 * the cluster's convention and declare the standards the enterprise adopts.
 */
export function NextSteps({ registered }: { registered: boolean }) {
  const { t } = useI18n();
  const state = useAsync(async () => {
    if (!registered) return { memberships: [], conventions: [] };
    const me = await loadMe();
    const memberships = me.memberships ?? [];
    const active = memberships.filter((m) => m.status === 'ACTIVE' || m.status === 'GRACE');
    const conventions = await Promise.all(active.map(async (m) => ({
      membership: m, convention: await loadCurrentConvention(m.clusterId ?? ''),
    })));
    return { memberships, conventions };
  }, [registered]);

  const memberships = state.data?.memberships ?? [];
  const current = memberships.some((m) => m.status === 'ACTIVE' || m.status === 'GRACE');
  return (
    <section className="card" aria-labelledby="enterprise-next-steps">
      <h2 id="enterprise-next-steps">{t('enterprise.next.title')}</h2>
      {state.loading && !state.data && <Loading />}
      <ProblemAlert problem={state.problem} />
      <ol>
        <li>
          <Step done={registered} label={t('enterprise.next.register')} />
          {!registered && <p className="small">{t('enterprise.next.registerText')}</p>}
        </li>
        <li>
          <Step done={memberships.length > 0} label={t('enterprise.next.apply')} />
          {registered && memberships.length === 0 && (
            <p className="small"><Link to="/membership/applications">{t('enterprise.next.applyLink')}</Link></p>
          )}
        </li>
        <li>
          <Step done={false} label={t('enterprise.next.convention')} />
          <ul className="small">
            {state.data?.conventions.map(({ membership, convention }) => (
              <li key={membership.clusterId}>
                {convention
                  ? <Link to={`/membership/conventions/${convention.id}`}>
                      {t('enterprise.next.conventionOf', { cluster: membership.clusterName ?? membership.clusterId ?? '', title: convention.title ?? '' })}
                    </Link>
                  : t('enterprise.next.noConvention', { cluster: membership.clusterName ?? membership.clusterId ?? '' })}
              </li>
            ))}
          </ul>
          {!current && <p className="small muted">{t('enterprise.next.conventionLater')}</p>}
        </li>
        <li>
          <Step done={false} label={t('enterprise.next.standards')} />
          {current
            ? <p className="small"><Link to="/membership/standards">{t('enterprise.next.standardsLink')}</Link></p>
            : <p className="small muted">{t('enterprise.next.standardsLater')}</p>}
        </li>
      </ol>
    </section>
  );
}

function Step({ done, label }: { done: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <strong>
      {label}
      {done && <> <span className="badge badge-completed">{t('enterprise.next.done')}</span></>}
    </strong>
  );
}
