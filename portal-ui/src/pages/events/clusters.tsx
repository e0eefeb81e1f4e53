import { useSearchParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { Field } from '../../ui/components';
import { useAsync, type Async } from '../../ui/useAsync';

/** A cluster the signed-in user works in: as a member (any standing) or as its secretariat. */
export interface ClusterChoice {
  id: string;
  name: string;
  secretariat: boolean;
  membershipStatus?: string;
}

/** The clusters of the signed-in user (`/api/membership/me`), members' clusters first, each once. */
export function useMyClusters(): Async<ClusterChoice[]> {
  return useAsync(async () => {
    const me = await call(membership.GET('/api/membership/me'));
    const choices = new Map<string, ClusterChoice>();
    for (const m of me.memberships ?? []) {
      if (m.clusterId) {
        choices.set(m.clusterId, {
          id: m.clusterId, name: m.clusterName ?? m.clusterId, secretariat: false, membershipStatus: m.status,
        });
      }
    }
    for (const id of me.secretariatOf ?? []) {
      const known = choices.get(id);
      choices.set(id, { id, name: known?.name ?? id, secretariat: true, membershipStatus: known?.membershipStatus });
    }
    return [...choices.values()];
  }, []);
}

/**
 * A list page's filters, kept in the address so that links and reloads keep them: `set({ kind: 'LOGO' })` changes
 * some (an empty value removes one) and goes back to the first page, unless the change is the page itself.
 */
export function useListParams(): [URLSearchParams, (change: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    Object.entries(change).forEach(([name, value]) => (value ? next.set(name, value) : next.delete(name)));
    if (!('page' in change)) next.delete('page');
    setParams(next);
  };
  return [params, set];
}

/** The cluster a list page shows (`?cluster=`): the first of the user's clusters until one is chosen. */
export function useChosenCluster(choices: ClusterChoice[] | undefined): [string | undefined, (id: string) => void] {
  const [params, set] = useListParams();
  const chosen = params.get('cluster') ?? choices?.[0]?.id;
  return [chosen ?? undefined, (id: string) => set({ cluster: id })];
}

export function ClusterPicker({ choices, value, onChange }: {
  choices: ClusterChoice[];
  value?: string;
  onChange(id: string): void;
}) {
  const { t } = useI18n();
  if (choices.length <= 1) return null;
  return (
    <Field label={t('events.cluster')}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {choices.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      )}
    </Field>
  );
}

/** Whether the user is the secretariat of this cluster (an alliance administrator is not, for events). */
export function useIsSecretariatOf(clusterId: string | undefined): boolean {
  const session = useSession();
  return !!clusterId && session.isSecretariatOf(clusterId);
}

/** An ISO instant from a `datetime-local` value, read in the viewer's time zone (the browser's). */
export function instantOf(local: string): string {
  return new Date(local).toISOString();
}

/** A `datetime-local` value (no seconds) from a server's local date-time. */
export function localInput(value: string | undefined): string {
  return value ? value.slice(0, 16) : '';
}
