import type { RouteObject } from 'react-router';
import type { NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'account', ...lazyPage(() => import('./AccountPage')) },
];

/** Reached from the user's name in the header. */
export const nav: NavItem[] = [];
