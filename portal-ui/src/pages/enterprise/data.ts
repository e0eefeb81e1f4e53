import { call, membership } from '../../api/client';
/** The caller's identity, enterprise and memberships (every status). */
export const loadMe = () => call(membership.GET('/api/membership/me'));

export const loadClusters = () => call(membership.GET('/api/membership/clusters'));

export const loadEnterprise = (enterpriseId: string) =>
  call(membership.GET('/api/membership/enterprises/{enterpriseId}', { params: { path: { enterpriseId } } }));

export const loadColleagues = (enterpriseId: string) =>
  call(membership.GET('/api/membership/enterprises/{enterpriseId}/colleagues', { params: { path: { enterpriseId } } }));

export const loadConvention = (conventionId: string) =>
  call(membership.GET('/api/membership/conventions/{conventionId}', { params: { path: { conventionId } } }));

export const loadStandards = (clusterId: string, enterpriseId: string) =>
  call(membership.GET('/api/membership/clusters/{clusterId}/members/{enterpriseId}/standards', {
    params: { path: { clusterId, enterpriseId } },
  }));

export const loadApplication = (applicationId: string) =>
  call(membership.GET('/api/membership/applications/{applicationId}', { params: { path: { applicationId } } }));

export const loadMembership = (clusterId: string, enterpriseId: string) =>
  call(membership.GET('/api/membership/clusters/{clusterId}/members/{enterpriseId}', {
    params: { path: { clusterId, enterpriseId } },
  }));

// The shapes of the service's answers, as the generated client types them.
export type Me = Awaited<ReturnType<typeof loadMe>>;
export type ClusterView = Awaited<ReturnType<typeof loadClusters>>[number];
export type EnterpriseView = Awaited<ReturnType<typeof loadEnterprise>>;
export type ColleagueView = Awaited<ReturnType<typeof loadColleagues>>[number];
export type ApplicationView = Awaited<ReturnType<typeof loadApplication>>;
export type MembershipView = Awaited<ReturnType<typeof loadMembership>>;
export type ConventionView = Awaited<ReturnType<typeof loadConvention>>;
export type AdoptionView = Awaited<ReturnType<typeof loadStandards>>[number];

/**
 * A membership by its id, the path e-mails and notifications link to. A membership's id is the id of the application
 * that admitted it, so the application names its cluster and enterprise.
 */
export async function loadMembershipById(membershipId: string): Promise<MembershipView> {
  const application = await loadApplication(membershipId);
  return loadMembership(application.clusterId ?? '', application.enterpriseId ?? '');
}

/** Every membership of the caller's enterprise, in full (with id, validity and history). */
export async function loadMyMemberships(me: Me): Promise<MembershipView[]> {
  const enterpriseId = me.enterprise?.id;
  if (!enterpriseId) return [];
  return Promise.all((me.memberships ?? []).map((m) => loadMembership(m.clusterId ?? '', enterpriseId)));
}

/** The convention a cluster runs under now, or undefined when it has adopted none yet. */
export async function loadCurrentConvention(clusterId: string): Promise<ConventionView | undefined> {
  try {
    return await call(membership.GET('/api/membership/clusters/{clusterId}/conventions/current', {
      params: { path: { clusterId } },
    }));
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

const APPLICATIONS_KEY = 'bc.enterprise.applications.';

/**
 * The ids of applications this browser has submitted or opened for an enterprise. membership-service lists an
 * enterprise's memberships but not its applications, so the list of applications is these plus the applications that
 * admitted the enterprise (a membership's id is its application's id).
 */
export function rememberedApplications(enterpriseId: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(APPLICATIONS_KEY + enterpriseId) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberApplication(enterpriseId: string, applicationId: string): void {
  const ids = rememberedApplications(enterpriseId);
  if (!ids.includes(applicationId)) {
    localStorage.setItem(APPLICATIONS_KEY + enterpriseId, JSON.stringify([applicationId, ...ids].slice(0, 200)));
  }
}

export function forgetApplication(enterpriseId: string, applicationId: string): void {
  localStorage.setItem(APPLICATIONS_KEY + enterpriseId,
    JSON.stringify(rememberedApplications(enterpriseId).filter((id) => id !== applicationId)));
}

/** The applications of the enterprise the page knows of, newest first; ones gone or not the caller's are left out. */
export async function loadMyApplications(me: Me): Promise<ApplicationView[]> {
  const enterpriseId = me.enterprise?.id;
  if (!enterpriseId) return [];
  const admitting = (await loadMyMemberships(me)).map((m) => m.id ?? '').filter(Boolean);
  const ids = [...new Set([...rememberedApplications(enterpriseId), ...admitting])];
  const found = await Promise.all(ids.map(async (id) => {
    try {
      return await loadApplication(id);
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404 || status === 403) {
        forgetApplication(enterpriseId, id);
        return undefined;
      }
      throw e;
    }
  }));
  return found.filter((a): a is ApplicationView => !!a && a.enterpriseId === enterpriseId)
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
}

/** The name of a cluster, from the public list, falling back to its id. */
export function clusterName(clusters: ClusterView[] | undefined, clusterId: string | undefined): string {
  return clusters?.find((c) => c.id === clusterId)?.name ?? clusterId ?? '';
}

/** The name of a cluster's tier, falling back to its code. */
export function tierName(cluster: ClusterView | undefined, code: string | undefined): string {
  return cluster?.tiers?.find((t) => t.code === code)?.name ?? code ?? '';
}
