import { useState } from 'react';
import type { paths } from '../../api/generated/branding-assets-service';
import type { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { ProblemAlert, Progress } from '../../ui/components';
import { download } from '../../ui/transfer';
import { useSubmit } from '../../ui/useAsync';
import type { Body } from '../events/shared';


export type AssetView = Body<paths['/api/assets/assets/{assetId}']['get']>;
export type VersionView = NonNullable<AssetView['versions']>[number];
export type ShareLinkView = Body<paths['/api/assets/assets/{assetId}/share-links']['get']>[number];
export type AssetKind = NonNullable<AssetView['kind']>;
export type AccessLevel = NonNullable<AssetView['accessLevel']>;

export const ASSET_KINDS: AssetKind[] = ['LOGO', 'GUIDELINE', 'TEMPLATE', 'FONT', 'PALETTE', 'PHOTO'];
export const ACCESS_LEVELS: AccessLevel[] = ['PUBLIC', 'MEMBERS', 'TIER', 'SECRETARIAT'];
export const RENDITION_SIZES = [256, 512, 1024] as const;

/** Refusals of the brand kit that a member can act on, explained in its own words (the rest: the server's). */
const REFUSALS = new Set(['membership-lapsed', 'membership-suspended', 'membership-ended', 'not-a-member', 'tier-insufficient']);

/** A problem detail; a refusal because of the membership's standing is said plainly, with what to do about it. */
export function RefusalAlert({ problem }: { problem?: ApiProblem }) {
  const { t } = useI18n();
  if (!problem || !REFUSALS.has(problem.slug)) return <ProblemAlert problem={problem} />;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t('brandkit.refused.' + problem.slug)}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      <p>{t('brandkit.refusedNext.' + problem.slug)}</p>
    </div>
  );
}

/** Bytes as KB/MB in the locale. */
export function useFileSize() {
  const { number } = useI18n();
  return (bytes: number) => bytes >= 1024 * 1024
    ? `${number(Math.round(bytes / 1024 / 102.4) / 10)} MB`
    : `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A download with a progress bar (`src/ui/transfer.ts`); its refusal shown by {@link RefusalAlert}. */
export function useDownload() {
  const [progress, setProgress] = useState<{ label: string; fraction?: number }>();
  const run = useSubmit(async (url: string, fallbackName: string, label: string) => {
    setProgress({ label });
    try {
      await download(url, fallbackName, (fraction) => setProgress({ label, fraction }));
    } finally {
      setProgress(undefined);
    }
  });
  const view = (
    <div aria-live="polite">
      {progress && <Progress label={progress.label} fraction={progress.fraction} />}
      <RefusalAlert problem={run.problem} />
    </div>
  );
  return { start: run.run, pending: run.pending, view };
}

export const contentUrl = (assetId: string, version: number) =>
  `/api/assets/assets/${encodeURIComponent(assetId)}/content?version=${version}`;
export const renditionUrl = (assetId: string, size: number, version: number) =>
  `/api/assets/assets/${encodeURIComponent(assetId)}/renditions/${size}?version=${version}`;
export const kitUrl = (clusterId: string) => `/api/assets/clusters/${encodeURIComponent(clusterId)}/kit.zip`;
