import createClient from 'openapi-fetch';
import type { paths as MembershipPaths } from './generated/membership-service';
import type { paths as EventsPaths } from './generated/events-service';
import type { paths as SalonsPaths } from './generated/expert-salon-service';
import type { paths as AssetsPaths } from './generated/branding-assets-service';
import type { paths as NotificationsPaths } from './generated/notification-service';
import { ApiProblem, type ProblemBody } from './problem';
import { send } from './http';

// One typed client per service, generated from the service's OpenAPI document; all go through the gateway on this
// origin (the paths start with /api/<service>), with the session cookie and the CSRF header.
const options = { baseUrl: window.location.origin, fetch: send, credentials: 'same-origin' as const };

export const membership = createClient<MembershipPaths>(options);
export const events = createClient<EventsPaths>(options);
export const salons = createClient<SalonsPaths>(options);
export const assets = createClient<AssetsPaths>(options);
export const notifications = createClient<NotificationsPaths>(options);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful call, or an {@link ApiProblem} thrown with the server's problem detail:
 * `const page = await call(membership.GET('/api/membership/clusters'))`.
 */
export async function call<T>(pending: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) {
    throw new ApiProblem(response.status, (error && typeof error === 'object' ? error : {}) as ProblemBody);
  }
  return data as T;
}
