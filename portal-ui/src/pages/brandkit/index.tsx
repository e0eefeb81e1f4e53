import type { RouteObject } from 'react-router';
import { signedIn, type NavItem } from '../../nav';
import { lazyPage } from '../../routes';

export const routes: RouteObject[] = [
  { path: 'brand-kit', ...lazyPage(() => import('./BrandKitPage')) },
  { path: 'brand-kit/new', ...lazyPage(() => import('./UploadAssetPage')) },
  { path: 'brand-kit/downloads', ...lazyPage(() => import('./DownloadsPage')) },
  { path: 'brand-kit/assets/:assetId', ...lazyPage(() => import('./AssetPage')) },
];

export const nav: NavItem[] = [
  { to: '/brand-kit', label: 'brandkit.nav', show: signedIn },
];
