import { call, assets, events, membership, notifications, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';

/** The services that keep personal data, each with its export (GET /api/<service>/me/personal-data). */
const EXPORTS = {
  membership: () => call(membership.GET('/api/membership/me/personal-data')),
  events: () => call(events.GET('/api/events/me/personal-data')),
  salons: () => call(salons.GET('/api/salons/me/personal-data')),
  assets: () => call(assets.GET('/api/assets/me/personal-data')),
  notifications: () => call(notifications.GET('/api/notifications/me/personal-data')),
} as const;

export type ServiceName = keyof typeof EXPORTS;

/** The whole export: one section per service; a service that did not answer is named, with its problem. */
export interface PersonalData {
  exportedAt: string;
  services: Partial<Record<ServiceName, unknown>>;
  unavailable: { service: ServiceName; status: number; title?: string }[];
}

/** Asks every service at once for what it holds about the signed-in user. */
export async function collectPersonalData(now: Date = new Date()): Promise<PersonalData> {
  const names = Object.keys(EXPORTS) as ServiceName[];
  const answers = await Promise.allSettled(names.map((name) => EXPORTS[name]()));
  const data: PersonalData = { exportedAt: now.toISOString(), services: {}, unavailable: [] };
  answers.forEach((answer, i) => {
    if (answer.status === 'fulfilled') {
      data.services[names[i]] = answer.value;
    } else {
      const problem = answer.reason instanceof ApiProblem ? answer.reason : ApiProblem.network();
      data.unavailable.push({ service: names[i], status: problem.status, title: problem.title });
    }
  });
  return data;
}

/** Hands the export to the browser's save dialog as a JSON file. */
export function saveAsJson(data: PersonalData, fileName: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Asks for the erasure of the signed-in user's personal data in the whole portal. */
export function requestErasure() {
  return call(membership.POST('/api/membership/me/erasure'));
}
