import { call, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';

/** The signed-in expert's profile, or null before they created it. */
export async function loadMyProfile(expertId: string) {
  try {
    return await call(salons.GET('/api/salons/experts/{expertId}', { params: { path: { expertId } } }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) return null;
    throw e;
  }
}

const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Singapore', 'Europe/Berlin', 'Europe/London',
  'America/New_York', 'America/Los_Angeles', 'UTC'];

/** The IANA time zones to choose from (the browser's list where it has one), always including `current`. */
export function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : COMMON_ZONES;
  return zones.includes(current) || !current ? zones : [current, ...zones];
}
