const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The gateway's CSRF token: the XSRF-TOKEN cookie, readable by this page only. */
export function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : undefined;
}

/** Adds the CSRF header the gateway wants on every unsafe request of a browser session. */
export function withCsrf(request: Request): Request {
  if (!UNSAFE.has(request.method.toUpperCase())) return request;
  const token = csrfToken();
  if (token) request.headers.set('X-XSRF-TOKEN', token);
  return request;
}
