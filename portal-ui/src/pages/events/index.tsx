import type { RouteObject } from 'react-router';
import type { NavItem } from '../../nav';
import { lazyPage } from '../../routes';
import { eventsUser } from './shared';

export const routes: RouteObject[] = [
  { path: 'events', ...lazyPage(() => import('./EventsPage')) },
  { path: 'events/board', ...lazyPage(() => import('./BoardPage')) },
  { path: 'events/new', ...lazyPage(() => import('./EventFormPage')) },
  { path: 'events/:eventId', ...lazyPage(() => import('./EventPage')) },
  { path: 'events/:eventId/edit', ...lazyPage(() => import('./EventFormPage')) },
  { path: 'events/:eventId/check-in', ...lazyPage(() => import('./CheckInPage')) },
  { path: 'events/:eventId/meetings', ...lazyPage(() => import('./MeetingGridPage')) },
];

export const nav: NavItem[] = [
  { to: '/events', label: 'events.nav', show: eventsUser },
];
