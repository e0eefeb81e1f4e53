import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { createI18n, type Locale } from '../i18n/i18n';
import { StaticSession, type Role, type Session, type SessionUser } from '../session/session';
import { I18nTestProvider } from './I18nTestProvider';

/** A session for tests: anonymous, or signed in with these roles and claims. */
export function sessionOf(user?: Partial<SessionUser> & { roles?: Role[] }): Session {
  const full: SessionUser | undefined = user && {
    authenticated: true, subject: 'subject-1', username: 'user', name: 'Test User', roles: [], ...user,
  };
  return {
    status: full ? 'authenticated' : 'anonymous',
    user: full,
    hasRole: (role) => !!full?.roles.includes(role),
    isSecretariatOf: (clusterId) => !!full?.secretariat_of?.includes(clusterId),
    refresh: vi.fn(async () => {}),
    login: vi.fn(),
    logout: vi.fn(),
  };
}

/**
 * Renders a page at a path, with a session, a locale and a time zone, inside a memory router; `routes` defaults
 * to one route at `path` showing `ui`.
 */
export function renderPage(ui: ReactElement, options: {
  path?: string;
  at?: string;
  session?: Session;
  locale?: Locale;
  timeZone?: string;
  routes?: RouteObject[];
} = {}) {
  const path = options.path ?? '/';
  const router = createMemoryRouter(options.routes ?? [{ path, element: ui }], { initialEntries: [options.at ?? path] });
  const i18n = createI18n(options.locale ?? 'en', options.timeZone ?? 'Asia/Shanghai');
  const result = render(
    <I18nTestProvider i18n={i18n}>
      <StaticSession session={options.session ?? sessionOf()}>
        <RouterProvider router={router} />
      </StaticSession>
    </I18nTestProvider>,
  );
  return { ...result, router };
}

export interface Stubbed {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Replaces the browser's fetch with answers per `METHOD /path` (query string ignored unless the key has one);
 * returns the requests made, with their bodies, for assertions. An unexpected request fails the test.
 */
export function stubApi(answers: Record<string, Stubbed | ((request: Request) => Stubbed)>) {
  const calls: { method: string; path: string; search: string; body?: unknown; headers: Headers }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, window.location.origin), init);
    const url = new URL(request.url);
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    let body: unknown = text || undefined;
    try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    calls.push({ method: request.method, path: url.pathname, search: url.search, body, headers: request.headers });
    const answer = answers[`${request.method} ${url.pathname}${url.search}`] ?? answers[`${request.method} ${url.pathname}`];
    if (!answer) throw new Error(`Unexpected request ${request.method} ${url.pathname}${url.search}`);
    const { status = 200, body: responseBody, headers = {} } = typeof answer === 'function' ? answer(request) : answer;
    const problem = status >= 400;
    return new Response(responseBody === undefined ? null : JSON.stringify(responseBody), {
      status,
      headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...headers },
    });
  }));
  return calls;
}
