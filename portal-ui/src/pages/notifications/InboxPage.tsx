import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { signedIn } from '../../nav';
import { Empty, Loading, Page, Pagination, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { loadInbox, markAllRead, markRead } from './inbox';

/** The in-portal inbox: every notification of the signed-in user, newest first. */
export default function InboxPage() {
  return <Restricted allowed={signedIn}><Inbox /></Restricted>;
}

function Inbox() {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useAsync(() => loadInbox(page, 20, unreadOnly), [page, unreadOnly]);
  const readAll = useSubmit(async () => { await markAllRead(); inbox.reload(); });
  const readOne = useSubmit(async (id: string) => { await markRead(id); inbox.reload(); });

  return (
    <Page title={t('notifications.title')} actions={
      <>
        <Link className="button" to="/notifications/preferences">{t('notifications.preferences')}</Link>
        <button type="button" onClick={() => void readAll.run()} disabled={readAll.pending || !inbox.data?.unreadCount}>
          {t('notifications.markAllRead')}
        </button>
      </>
    }>
      <label className="row">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => { setPage(0); setUnreadOnly(e.target.checked); }} />
        {t('notifications.unreadOnly')}
      </label>
      <ProblemAlert problem={inbox.problem ?? readAll.problem ?? readOne.problem} />
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && (
        <p className="muted" aria-live="polite">{t('notifications.unreadCount', { count: inbox.data.unreadCount })}</p>
      )}
      {inbox.data?.notifications.content.length === 0 && (
        <Empty>{unreadOnly ? t('notifications.noneUnread') : t('notifications.empty')}</Empty>
      )}
      <ul className="plain">
        {inbox.data?.notifications.content.map((n) => (
          <li key={n.id} className={'card' + (n.readAt ? '' : ' unread-card')}>
            <h2 className={'h3' + (n.readAt ? '' : ' unread')}>{n.link ? <Link to={n.link} onClick={() => { if (!n.readAt) void readOne.run(n.id); }}>{n.subject}</Link> : n.subject}</h2>
            <p className="small muted">{dateTime(n.createdAt)} · {t('notifications.category.' + n.category)}</p>
            <p className="pre-line">{n.body}</p>
            {!n.readAt && (
              <button type="button" onClick={() => void readOne.run(n.id)} disabled={readOne.pending}>
                {t('notifications.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {inbox.data && (
        <Pagination page={inbox.data.notifications.page} totalPages={inbox.data.notifications.totalPages} onChange={setPage} />
      )}
    </Page>
  );
}
