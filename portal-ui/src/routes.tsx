import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from './nav';
import * as publicArea from './pages/public';
import * as enterpriseArea from './pages/enterprise';
import * as expertArea from './pages/expert';
import * as secretariatArea from './pages/secretariat';
import * as notificationsArea from './pages/notifications';
import * as salonsArea from './pages/salons';
import * as eventsArea from './pages/events';
import * as brandkitArea from './pages/brandkit';
import * as accountArea from './pages/account';

/** A route whose page is loaded only when first visited (its own chunk). */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

const areas = [publicArea, enterpriseArea, expertArea, secretariatArea, notificationsArea, salonsArea, eventsArea,
  brandkitArea, accountArea];

export const pageRoutes: RouteObject[] = areas.flatMap((area) => area.routes);
export const navigation: NavItem[] = areas.flatMap((area) => area.nav);
