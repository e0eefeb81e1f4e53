import type { RouteObject } from 'react-router';
import { enterprise, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'salons', ...lazyPage(() => import('./ExpertsPage')) },
  { path: 'salons/experts/:expertId', ...lazyPage(() => import('./ExpertPage')) },
  { path: 'salons/consultations', ...lazyPage(() => import('./ConsultationsPage')) },
  { path: 'salons/consultations/:consultationId', ...lazyPage(() => import('./ConsultationPage')) },
  { path: 'salons/list', ...lazyPage(() => import('./SalonsPage')) },
  { path: 'salons/:salonId', ...lazyPage(() => import('./SalonPage')) },
  { path: 'secretariat/:clusterId/salons', ...lazyPage(() => import('./ManageSalonsPage')) },
  { path: 'secretariat/:clusterId/salons/:salonId', ...lazyPage(() => import('./ManageSalonPage')) },
];

export const nav: NavItem[] = [
  { to: '/salons', label: 'salons.nav.title', show: enterprise },
];
