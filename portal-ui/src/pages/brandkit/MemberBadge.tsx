import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSubmit } from '../../ui/useAsync';
import { RefusalAlert } from './shared';

interface Badge { url: string; format: 'svg' | 'png'; filename: string; licenceId?: string }

/** The licence id of the badge's `Link: <…/api/assets/licences/{id}>; rel="license"` header. */
export function licenceOf(link: string | null): string | undefined {
  const match = link && /<[^>]*\/licences\/([^>/?#]+)>\s*;\s*rel="?license"?/i.exec(link);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * The enterprise's co-branded member badge, SVG or PNG, shown and saved, with the licence page a buyer's QR scan
 * opens; a member not in good standing gets the refusal explained.
 */
export function MemberBadge({ clusterId }: { clusterId: string }) {
  const { t } = useI18n();
  const [badge, setBadge] = useState<Badge>();
  useEffect(() => () => { if (badge) URL.revokeObjectURL(badge.url); }, [badge]);
  useEffect(() => setBadge(undefined), [clusterId]);
  const fetchBadge = useSubmit(async (format: 'svg' | 'png') => {
    const answer = await assets.GET('/api/assets/clusters/{clusterId}/badge', {
      params: { path: { clusterId }, query: { format } }, parseAs: 'blob',
    });
    const blob = await call(Promise.resolve(answer)) as unknown as Blob;
    setBadge({
      url: URL.createObjectURL(blob), format, filename: `member-badge-${clusterId}.${format}`,
      licenceId: licenceOf(answer.response.headers.get('Link')),
    });
  });
  return (
    <section className="card" aria-labelledby="badge-heading">
      <h2 id="badge-heading">{t('brandkit.badge.title')}</h2>
      <p>{t('brandkit.badge.lead')}</p>
      <div className="row">
        <button type="button" disabled={fetchBadge.pending} onClick={() => void fetchBadge.run('svg')}>{t('brandkit.badge.svg')}</button>
        <button type="button" disabled={fetchBadge.pending} onClick={() => void fetchBadge.run('png')}>{t('brandkit.badge.png')}</button>
      </div>
      <div aria-live="polite">
        <RefusalAlert problem={fetchBadge.problem} />
        {badge && (
          <div>
            <img src={badge.url} alt={t('brandkit.badge.alt')} width={320} />
            <p className="row">
              <a className="button primary" href={badge.url} download={badge.filename}>{t('brandkit.badge.save', { format: badge.format.toUpperCase() })}</a>
              {badge.licenceId && <Link to={`/licences/${encodeURIComponent(badge.licenceId)}`}>{t('brandkit.badge.licence')}</Link>}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
