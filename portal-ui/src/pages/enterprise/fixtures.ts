/** API answers the enterprise pages' tests share. */
export const ENTERPRISE_ID = 'e-opal';

export const lighting = {
  id: 'lighting', name: 'National Lighting Brand Cluster', industry: 'Lighting', region: 'National', status: 'ACTIVE',
  memberNumberPrefix: 'LIGHT',
  tiers: [
    { code: 'member', name: 'Member', rank: 1, annualFee: 5000, consultationHoursPerYear: 2, seatsPerEvent: 1, assetAccessRank: 1 },
    { code: 'council', name: 'Council member', rank: 2, annualFee: 20000, consultationHoursPerYear: 10, seatsPerEvent: 3, assetAccessRank: 2 },
  ],
};
export const coking = { ...lighting, id: 'coking-coal', name: 'Coking Coal Brand Cluster', memberNumberPrefix: 'COAL' };

export const me = {
  subject: 'subject-1', username: 'opal-admin', email: 'admin@opal.example', roles: ['enterprise'], secretariatOf: [],
  enterprise: { id: ENTERPRISE_ID, legalName: 'Opal Lighting Co., Ltd.' },
  memberships: [{
    clusterId: 'lighting', clusterName: 'National Lighting Brand Cluster', memberNumber: 'LIGHT-2026-0042',
    tier: 'member', status: 'ACTIVE', validUntil: '2027-02-28',
  }],
};

export const membershipView = {
  id: 'app-admitted', clusterId: 'lighting', enterpriseId: ENTERPRISE_ID, enterpriseName: 'Opal Lighting Co., Ltd.',
  memberNumber: 'LIGHT-2026-0042', tier: 'member', status: 'ACTIVE', validFrom: '2026-03-01', validUntil: '2027-02-28',
  version: 3,
  history: [
    { kind: 'ADMITTED', status: 'ACTIVE', at: '2026-03-01T02:00:00Z', by: 'sec-1', reason: 'admitted', tier: 'member', validUntil: '2027-02-28' },
    { kind: 'TIER_CHANGED', status: 'ACTIVE', at: '2026-06-01T06:30:00Z', by: 'sec-1', reason: 'Upgrade agreed', tier: 'council', validUntil: '2027-02-28' },
  ],
};

export const admittedApplication = {
  id: 'app-admitted', clusterId: 'lighting', enterpriseId: ENTERPRISE_ID, enterpriseName: 'Opal Lighting Co., Ltd.',
  requestedTier: 'member', approvedTier: 'member', status: 'APPROVED', admission: 'DONE', memberNumber: 'LIGHT-2026-0042',
  submittedAt: '2026-02-20T01:00:00Z', decidedAt: '2026-03-01T02:00:00Z',
  history: [
    { status: 'SUBMITTED', at: '2026-02-20T01:00:00Z', by: 'subject-1' },
    { status: 'APPROVED', at: '2026-03-01T02:00:00Z', by: 'sec-1' },
  ],
};

export const openApplication = {
  id: 'app-open', clusterId: 'coking-coal', enterpriseId: ENTERPRISE_ID, enterpriseName: 'Opal Lighting Co., Ltd.',
  requestedTier: 'council', status: 'SUBMITTED', admission: 'NONE', motivation: 'We supply coke ovens.',
  submittedAt: '2026-05-02T03:00:00Z',
  history: [{ status: 'SUBMITTED', at: '2026-05-02T03:00:00Z', by: 'subject-1' }],
};

export const problem = (status: number, slug: string, detail: string, extra: Record<string, unknown> = {}) => ({
  status, body: { type: 'urn:brandcluster:problem:' + slug, title: slug, status, detail, traceId: 'trace-1', ...extra },
});
