import type { components } from '../../api/generated/events-service';
import type { Session } from '../../session/session';

export type EventView = components['schemas']['EventView'];
export type EventInput = components['schemas']['EventInput'];
export type RegistrationView = components['schemas']['RegistrationView'];
export type MeetingView = components['schemas']['MeetingView'];
export type SlotView = components['schemas']['SlotView'];
export type PostView = components['schemas']['PostView'];
export type PostInput = components['schemas']['PostInput'];

export const EVENT_KINDS = ['COOPERATION_MEETING', 'PLENARY', 'INAUGURAL_MEETING', 'WORKSHOP', 'TRADE_FAIR'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const POST_CATEGORIES = ['SUPPLY', 'PROCUREMENT', 'TECHNOLOGY', 'BRANDING', 'MARKETING', 'CERTIFICATION',
  'LOGISTICS', 'FINANCE', 'TALENT', 'OTHER'] as const;

/** The events pages are for enterprises and for cluster secretariats. */
export const eventsUser = (s: Session) => s.hasRole('enterprise') || s.hasRole('secretariat');
export const secretariatUser = (s: Session) => s.hasRole('secretariat');

/** An enterprise's agenda at an event (`GET /events/{id}/meetings` as an enterprise). */
export interface AgendaView {
  exchangeEventId: string;
  enterpriseId: string;
  meetings: MeetingView[];
}

/** The secretariat's meeting grid (`GET /events/{id}/meetings` as the secretariat). */
export interface GridView {
  exchangeEventId: string;
  timeZone: string;
  tables: { id: string; name: string }[];
  slots: { slot: SlotView; tables: { tableId: string; tableName: string; meeting?: GridMeeting | null }[] }[];
  counts: Record<string, number>;
}

export interface GridMeeting {
  id: string;
  requesterEnterpriseId: string;
  inviteeEnterpriseId: string;
}

export const calendarUrl = (eventId: string) => `/api/events/events/${encodeURIComponent(eventId)}/calendar`;
export const meetingsCalendarUrl = (eventId: string) =>
  `/api/events/events/${encodeURIComponent(eventId)}/meetings/calendar`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string) => EMAIL.test(value.trim());
