import type { RouteObject } from 'react-router';
import { anyone, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { index: true, ...lazyPage(() => import('./HomePage')) },
  { path: 'clusters/:clusterId', ...lazyPage(() => import('./ClusterPage')) },
  { path: 'verify', ...lazyPage(() => import('./VerifyMemberPage')) },
  { path: 'licences/:licenceId', ...lazyPage(() => import('./LicenceCheckPage')) },
];

export const nav: NavItem[] = [
  { to: '/verify', label: 'public.nav.verify', show: anyone },
];
