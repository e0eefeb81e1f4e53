import { ApiProblem, problemOf } from './problem';
import { withCsrf } from './csrf';

type SessionEndedListener = () => void;
const sessionEndedListeners = new Set<SessionEndedListener>();

/** Called when the gateway says the browser session ended (Keycloak no longer refreshes it). */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * Every request the UI makes: same origin, the session cookie, the CSRF header on unsafe methods. A 401
 * `session-ended` from the gateway tells the session listeners (the UI then sends the user to log in again).
 */
export async function send(input: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(withCsrf(input));
  } catch {
    throw ApiProblem.network();
  }
  if (response.status === 401) {
    const problem = await problemOf(response);
    if (problem.slug === 'session-ended') sessionEndedListeners.forEach((l) => l());
  }
  return response;
}

/** A JSON or plain request outside the generated clients (the gateway's own session endpoints). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(new Request(new URL(path, window.location.origin), {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  }));
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
