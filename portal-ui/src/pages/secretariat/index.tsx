import type { RouteObject } from 'react-router';
import { secretariat, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'secretariat', ...lazyPage(() => import('./ClusterPickerPage')) },
  { path: 'secretariat/:clusterId', ...lazyPage(() => import('./DashboardPage')) },
  { path: 'secretariat/:clusterId/applications', ...lazyPage(() => import('./ApplicationsPage')) },
  { path: 'secretariat/:clusterId/members', ...lazyPage(() => import('./MembersPage')) },
  { path: 'secretariat/:clusterId/members/:enterpriseId', ...lazyPage(() => import('./MemberPage')) },
  { path: 'secretariat/:clusterId/conventions', ...lazyPage(() => import('./ConventionsPage')) },
  { path: 'secretariat/:clusterId/conventions/:conventionId', ...lazyPage(() => import('./ConventionPage')) },
  { path: 'secretariat/:clusterId/officers', ...lazyPage(() => import('./OfficersPage')) },
  { path: 'secretariat/:clusterId/standards', ...lazyPage(() => import('./StandardsPage')) },
  { path: 'secretariat/:clusterId/tiers', ...lazyPage(() => import('./TiersPage')) },
  { path: 'alliance', ...lazyPage(() => import('./AlliancePage')) },
  { path: 'alliance/clusters/:clusterId', ...lazyPage(() => import('./AppointPage')) },
];

export const nav: NavItem[] = [
  { to: '/secretariat', label: 'secretariat.nav', show: secretariat },
];
