import { call, notifications } from '../../api/client';

export const UNREAD_CHANGED = 'bc:unread-changed';

/** Tells the bell that the unread count changed (a notification read elsewhere on the page). */
export function announceUnreadChange(): void {
  window.dispatchEvent(new Event(UNREAD_CHANGED));
}

export const loadInbox = (page: number, size: number, unread = false) =>
  call(notifications.GET('/api/notifications/me', { params: { query: { page, size, unread } } }));

export async function markRead(id: string) {
  const read = await call(notifications.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
  announceUnreadChange();
  return read;
}

export async function markAllRead() {
  const marked = await call(notifications.POST('/api/notifications/me/read-all'));
  announceUnreadChange();
  return marked;
}

export type Inbox = Awaited<ReturnType<typeof loadInbox>>;
export type Notification = Inbox['notifications']['content'][number];
