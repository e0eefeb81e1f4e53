import type { RouteObject } from 'react-router';
import { enterprise, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'enterprise', ...lazyPage(() => import('./EnterprisePage')) },
  { path: 'membership/applications', ...lazyPage(() => import('./ApplicationsPage')) },
  { path: 'membership/applications/:applicationId', ...lazyPage(() => import('./ApplicationPage')) },
  { path: 'membership/memberships', ...lazyPage(() => import('./MembershipsPage')) },
  { path: 'membership/memberships/:membershipId', ...lazyPage(() => import('./MembershipPage')) },
  { path: 'membership/conventions/:conventionId', ...lazyPage(() => import('./ConventionPage')) },
  { path: 'membership/standards', ...lazyPage(() => import('./StandardsPage')) },
];

export const nav: NavItem[] = [
  { to: '/enterprise', label: 'enterprise.nav.enterprise', show: enterprise },
  { to: '/membership/memberships', label: 'enterprise.nav.memberships', show: enterprise },
];
