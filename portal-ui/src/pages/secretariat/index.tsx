import type { RouteObject } from 'react-router';
import type { NavItem } from '../../nav';

export const routes: RouteObject[] = [
];

export const nav: NavItem[] = [
];
