import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call, notifications } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { loadInbox, markAllRead, markRead, UNREAD_CHANGED, type Notification } from './inbox';

const POLL_MS = 60_000;

/** The bell in the header: the unread count, and the latest notifications one click away. */
export function NotificationBell() {
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const [unread, setUnread] = useState<number>();
  const [open, setOpen] = useState(false);
  const [latest, setLatest] = useState<Notification[]>();
  const container = useRef<HTMLDivElement>(null);

  const refreshCount = useCallback(() => {
    call(notifications.GET('/api/notifications/me/unread-count'))
      .then((c) => setUnread(c.unreadCount), () => setUnread(undefined));
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = window.setInterval(refreshCount, POLL_MS);
    window.addEventListener(UNREAD_CHANGED, refreshCount);
    window.addEventListener('focus', refreshCount);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(UNREAD_CHANGED, refreshCount);
      window.removeEventListener('focus', refreshCount);
    };
  }, [refreshCount]);

  useEffect(() => {
    if (!open) return;
    loadInbox(0, 5).then((inbox) => {
      setLatest(inbox.notifications.content);
      setUnread(inbox.unreadCount);
    }, () => setLatest([]));
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !container.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const follow = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await markRead(n.id).catch(() => undefined);
    navigate(n.link ?? '/notifications');
  };

  const label = unread ? t('notifications.bell.unread', { count: unread }) : t('notifications.bell.label');
  return (
    <div className="bell" ref={container}>
      <button type="button" aria-label={label} aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}
              data-testid="notification-bell">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>
        {!!unread && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label={t('notifications.title')}>
          <div className="row">
            <strong>{t('notifications.title')}</strong>
            {!!unread && (
              <button type="button" className="small" onClick={() => markAllRead().then(() => setLatest((l) =>
                l?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() }))))}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {latest === undefined && <p className="muted">{t('common.loading')}</p>}
          {latest?.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
          <ul className="plain">
            {latest?.map((n) => (
              <li key={n.id}>
                <button type="button" className={'link-like' + (n.readAt ? '' : ' unread')} onClick={() => void follow(n)}>
                  {n.subject}
                </button>
                <div className="small muted">{dateTime(n.createdAt, 'short')}</div>
              </li>
            ))}
          </ul>
          <div className="row">
            <Link to="/notifications" onClick={() => setOpen(false)}>{t('notifications.seeAll')}</Link>
            <Link to="/notifications/preferences" onClick={() => setOpen(false)}>{t('notifications.preferences')}</Link>
          </div>
        </div>
      )}
    </div>
  );
}
