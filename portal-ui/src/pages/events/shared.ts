import type { paths } from '../../api/generated/events-service';
import type { Session } from '../../session/session';

// Types taken from the operations rather than from schema names, which follow the services' class names.
export type Body<O> = O extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type RequestBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type EventView = Body<paths['/api/events/events/{eventId}']['get']>;
export type EventInput = RequestBody<paths['/api/events/clusters/{clusterId}/events']['post']>;
export type RegistrationView = Body<paths['/api/events/registrations/{registrationId}']['get']>;
export type MeetingView = Body<paths['/api/events/meetings/{meetingId}']['get']>;
export type SlotView = NonNullable<MeetingView['slot']>;
export type PostView = Body<paths['/api/events/posts/{postId}']['get']>;
export type PostInput = RequestBody<paths['/api/events/clusters/{clusterId}/posts']['post']>;
export type CheckInView = Body<paths['/api/events/events/{eventId}/check-in']['post']>;

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
