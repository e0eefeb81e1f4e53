import { sessionOf } from '../../test/render';

/** A secretariat user of the lighting cluster, and the cluster as membership-service describes it. */
export const lightingSecretariat = () => sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });

export const lighting = {
  id: 'lighting', name: 'Lighting Brand Cluster', industry: 'Lighting', region: 'CN-GD', status: 'ACTIVE',
  tiers: [
    { code: 'standard', name: 'Standard', rank: 1, annualFee: 5000, consultationHoursPerYear: 4, seatsPerEvent: 2, assetAccessRank: 1 },
    { code: 'premium', name: 'Premium', rank: 2, annualFee: 20000, consultationHoursPerYear: 20, seatsPerEvent: 5, assetAccessRank: 2 },
  ],
};

export const page = <T,>(content: T[], totalElements = content.length, pageNumber = 0, totalPages = 1) =>
  ({ content, page: pageNumber, size: 20, totalElements, totalPages });
