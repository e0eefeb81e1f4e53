import { useState } from 'react';
import { createBrowserRouter, RouterProvider, useRouteError, type RouteObject } from 'react-router';
import { I18nProvider, useI18n } from './i18n/i18n';
import { SessionProvider } from './session/session';
import { Layout } from './ui/Layout';
import { NotFound, Page } from './ui/components';
import { pageRoutes } from './routes';

function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  // A lazily loaded page that is gone after a new release: loading the page again fetches the new one.
  const stale = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Page title={t('error.title')}>
      <p>{stale ? t('error.newVersion') : t('error.text')}</p>
      <button type="button" onClick={() => window.location.reload()}>{t('error.reload')}</button>
    </Page>
  );
}

export const appRoutes: RouteObject[] = [{
  element: <Layout />,
  children: [{ errorElement: <RouteError />, children: [...pageRoutes, { path: '*', element: <NotFound /> }] }],
}];

export function App() {
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
