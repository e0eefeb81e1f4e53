import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { request, onSessionEnded } from '../api/http';
import { ApiProblem } from '../api/problem';
import { csrfToken } from '../api/csrf';

/** What the gateway says about the logged-in user (`GET /api/session`). */
export interface SessionUser {
  authenticated: true;
  subject: string;
  username?: string;
  name?: string;
  email?: string;
  roles: string[];
  enterprise_id?: string;
  secretariat_of?: string[];
}

export type Role = 'alliance-admin' | 'secretariat' | 'enterprise' | 'expert';

export interface Session {
  status: 'loading' | 'anonymous' | 'authenticated';
  user?: SessionUser;
  hasRole(role: Role): boolean;
  isSecretariatOf(clusterId: string): boolean;
  /** New tokens now, so changed claims (a registered enterprise, an appointment) apply at once. */
  refresh(): Promise<void>;
  /** Full-page navigation to the gateway's login, coming back to `returnTo` (this page by default). */
  login(returnTo?: string): void;
  /** Ends the gateway session and the Keycloak session (a form POST, as the gateway wants). */
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

export function loginUrl(returnTo: string): string {
  return '/login?return_to=' + encodeURIComponent(returnTo);
}

function currentPath(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<SessionUser | undefined>();

  const apply = useCallback((next: SessionUser | undefined) => {
    setUser(next);
    setStatus(next ? 'authenticated' : 'anonymous');
  }, []);

  useEffect(() => {
    let cancelled = false;
    request<SessionUser>('GET', '/api/session')
      .then((u) => { if (!cancelled) apply(u); })
      .catch(() => { if (!cancelled) apply(undefined); });
    return () => { cancelled = true; };
  }, [apply]);

  const login = useCallback((returnTo?: string) => {
    window.location.assign(loginUrl(returnTo ?? currentPath()));
  }, []);

  useEffect(() => onSessionEnded(() => {
    apply(undefined);
    login();
  }), [apply, login]);

  const refresh = useCallback(async () => {
    try {
      apply(await request<SessionUser>('POST', '/api/session/refresh'));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) apply(undefined);
      throw e;
    }
  }, [apply]);

  const logout = useCallback(() => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = '/logout';
    const token = csrfToken();
    if (token) {
      const field = document.createElement('input');
      field.type = 'hidden';
      field.name = '_csrf';
      field.value = token;
      form.appendChild(field);
    }
    document.body.appendChild(form);
    form.submit();
  }, []);

  const value = useMemo<Session>(() => ({
    status,
    user,
    hasRole: (role) => !!user?.roles.includes(role),
    isSecretariatOf: (clusterId) => !!user?.secretariat_of?.includes(clusterId),
    refresh,
    login,
    logout,
  }), [status, user, refresh, login, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For tests: a fixed session without the gateway. */
export function StaticSession({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
