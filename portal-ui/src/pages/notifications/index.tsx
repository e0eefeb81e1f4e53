import type { RouteObject } from 'react-router';
import type { NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'notifications', ...lazyPage(() => import('./InboxPage')) },
  { path: 'notifications/preferences', ...lazyPage(() => import('./PreferencesPage')) },
];

export const nav: NavItem[] = [];

