import { useState } from 'react';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { useSession } from '../../session/session';
import { Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { Colleagues } from './Colleagues';
import { normaliseCreditCode } from './creditCode';
import { loadColleagues, loadEnterprise, type EnterpriseView } from './data';
import { draftOf, EnterpriseForm, profileBody, type EnterpriseDraft } from './EnterpriseForm';
import { NextSteps } from './NextSteps';

/** My enterprise: register it first; then its profile, its colleagues and the next steps. */
export default function EnterprisePage() {
  return <Restricted allowed={enterprise}><MyEnterprise /></Restricted>;
}

function MyEnterprise() {
  const session = useSession();
  const enterpriseId = session.user?.enterprise_id;
  return enterpriseId ? <Registered enterpriseId={enterpriseId} /> : <Register />;
}

function Register() {
  const { t } = useI18n();
  const session = useSession();
  // Registered but the session not refreshed yet (the refresh failed): a retry only refreshes.
  const [registered, setRegistered] = useState(false);
  const register = useSubmit(async (draft: EnterpriseDraft) => {
    if (!registered) {
      await call(membership.POST('/api/membership/enterprises', {
        body: { ...profileBody(draft), creditCode: normaliseCreditCode(draft.creditCode) },
      }));
      setRegistered(true);
    }
    // the new enterprise_id is in the next token: refresh now so that it applies at once
    await session.refresh();
  });
  return (
    <Page title={t('enterprise.register.title')}>
      <p className="lead">{t('enterprise.register.lead')}</p>
      <NextSteps registered={false} />
      <h2>{t('enterprise.register.formTitle')}</h2>
      {registered && <p className="alert alert-info" role="status">{t('enterprise.register.refreshing')}</p>}
      <EnterpriseForm initial={draftOf()} withCreditCode pending={register.pending} problem={register.problem}
                      submitLabel={t('enterprise.register.submit')} onSubmit={(draft) => void register.run(draft)} />
    </Page>
  );
}

function Registered({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const profile = useAsync(() => loadEnterprise(enterpriseId), [enterpriseId]);
  const colleagues = useAsync(() => loadColleagues(enterpriseId), [enterpriseId]);
  const me = colleagues.data?.find((c) => c.userId === session.user?.subject);
  const isAdmin = me?.role === 'ADMIN';

  if (profile.loading && !profile.data) return <Loading />;
  if (!profile.data) {
    return <Page title={t('enterprise.title')}><ProblemAlert problem={profile.problem} /></Page>;
  }
  return (
    <Page title={profile.data.legalName ?? t('enterprise.title')}>
      <NextSteps registered />
      <Profile enterprise={profile.data} editable={isAdmin} onSaved={profile.reload} />
      <Colleagues enterpriseId={enterpriseId} state={colleagues} isAdmin={isAdmin} />
    </Page>
  );
}

function Profile({ enterprise: e, editable, onSaved }: { enterprise: EnterpriseView; editable: boolean; onSaved(): void }) {
  const { t, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (draft: EnterpriseDraft) => {
    await call(membership.PATCH('/api/membership/enterprises/{enterpriseId}', {
      params: { path: { enterpriseId: e.id ?? '' } },
      body: profileBody(draft),
    }));
    setEditing(false);
    setSaved(true);
    onSaved();
  });
  return (
    <section aria-labelledby="enterprise-profile">
      <div className="row">
        <h2 id="enterprise-profile">{t('enterprise.profile.title')}</h2>
        {editable && !editing && (
          <button type="button" onClick={() => { setSaved(false); setEditing(true); }}>{t('enterprise.profile.edit')}</button>
        )}
      </div>
      <div aria-live="polite">{saved && <p className="alert alert-ok" role="status">{t('enterprise.profile.saved')}</p>}</div>
      {editing ? (
        <EnterpriseForm initial={draftOf(e)} withCreditCode={false} pending={save.pending} problem={save.problem}
                        submitLabel={t('common.save')} onSubmit={(draft) => void save.run(draft)}
                        onCancel={() => { save.clear(); setEditing(false); }} />
      ) : (
        <div className="card">
          <dl className="facts">
            <dt>{t('enterprise.form.legalName')}</dt><dd>{e.legalName}</dd>
            <dt>{t('enterprise.form.creditCode')}</dt><dd>{e.creditCode}</dd>
            <dt>{t('enterprise.form.region')}</dt><dd>{e.region}</dd>
            <dt>{t('enterprise.form.industry')}</dt><dd>{e.industry}</dd>
            <dt>{t('enterprise.form.size')}</dt><dd>{e.size ? t('enterprise.size.' + e.size) : '—'}</dd>
            <dt>{t('enterprise.form.website')}</dt>
            <dd>{e.website ? <a href={e.website} rel="noopener noreferrer">{e.website}</a> : '—'}</dd>
            <dt>{t('enterprise.form.trademarks')}</dt><dd>{e.trademarks?.length ? e.trademarks.join(', ') : '—'}</dd>
            {e.registeredAt && <><dt>{t('enterprise.profile.registeredAt')}</dt><dd>{dateTime(e.registeredAt)}</dd></>}
          </dl>
          <h3>{t('enterprise.form.contacts')}</h3>
          {e.contacts?.length ? (
            <ul>
              {e.contacts.map((c, i) => (
                <li key={i}>{[c.name, c.role, c.email, c.phone].filter(Boolean).join(' · ')}</li>
              ))}
            </ul>
          ) : <p className="muted">{editable ? t('enterprise.profile.noContactsAdmin') : t('enterprise.profile.noContacts')}</p>}
          {!editable && <p className="small muted">{t('enterprise.profile.adminsEdit')}</p>}
        </div>
      )}
    </section>
  );
}
