import type { components } from '../../api/generated/expert-salon-service';

/** The secretariat's side of salons: paths and small conversions shared by its pages. */

export type SalonView = components['schemas']['SalonRequestsSalonView'];
export type SalonInput = components['schemas']['SalonRequestsCreate'];
export type ProgrammeView = components['schemas']['ProgrammeRequestsProgrammeView'];
export type SessionSlotView = components['schemas']['ProgrammeRequestsSlotView'];
export type SessionSlotInput = components['schemas']['ProgrammeRequestsSlotInput'];
export type SalonRegistration = components['schemas']['SalonRequestsRegistrationView'];

export const SESSION_KINDS = ['TALK', 'PANEL', 'CLINIC'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The secretariat's list of a cluster's salons (a tab of the secretariat workspace). */
export const manageSalonsPath = (clusterId: string) => `/secretariat/${encodeURIComponent(clusterId)}/salons`;

/** The secretariat's view of one salon. */
export const manageSalonPath = (clusterId: string, salonId: string) =>
  `${manageSalonsPath(clusterId)}/${encodeURIComponent(salonId)}`;

/** A local date-time as the service gives it (`2026-12-01T18:00:00`) as a `datetime-local` value. */
export const localInput = (local: string | undefined) => (local ? local.slice(0, 16) : '');

/** A `datetime-local` value as the local date-time the service reads (seconds added). */
export const localDateTime = (value: string) => (value.length === 16 ? value + ':00' : value);

/** Whether the browser knows an IANA time zone id (the service checks it again). */
export function isTimeZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

export const HTTPS_LINK = /^https:\/\/\S+$/;
