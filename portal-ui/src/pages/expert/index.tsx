import type { RouteObject } from 'react-router';
import { expert, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'expert/profile', ...lazyPage(() => import('./ProfilePage')) },
  { path: 'expert/availability', ...lazyPage(() => import('./AvailabilityPage')) },
  { path: 'expert/consultations', ...lazyPage(() => import('./ConsultationsPage')) },
];

export const nav: NavItem[] = [
  { to: '/expert/consultations', label: 'expert.nav.consultations', show: expert },
  { to: '/expert/availability', label: 'expert.nav.availability', show: expert },
  { to: '/expert/profile', label: 'expert.nav.profile', show: expert },
];
