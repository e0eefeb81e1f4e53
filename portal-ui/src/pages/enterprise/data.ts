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

/** Every application of the caller's enterprise, to every cluster, newest first. */
export async function loadMyApplications(me: Me): Promise<ApplicationView[]> {
  const enterpriseId = me.enterprise?.id;
  if (!enterpriseId) return [];
  return call(membership.GET('/api/membership/enterprises/{enterpriseId}/applications', {
    params: { path: { enterpriseId } },
  }));
}

/** The name of a cluster, from the public list, falling back to its id. */
export function clusterName(clusters: ClusterView[] | undefined, clusterId: string | undefined): string {
  return clusters?.find((c) => c.id === clusterId)?.name ?? clusterId ?? '';
}

/** The name of a cluster's tier, falling back to its code. */
export function tierName(cluster: ClusterView | undefined, code: string | undefined): string {
  return cluster?.tiers?.find((t) => t.code === code)?.name ?? code ?? '';
}
