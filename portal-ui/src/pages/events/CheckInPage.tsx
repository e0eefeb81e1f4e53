import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { secretariatUser, type CheckInView } from './shared';

/** The door: check attendees in by the code on their QR image, or a whole registration; live counts. */
export default function CheckInPage() {
  return <Restricted allowed={secretariatUser}><CheckIn /></Restricted>;
}

function CheckIn() {
  const { eventId = '' } = useParams();
  const { t, time } = useI18n();
  const [code, setCode] = useState('');
  const [registrationId, setRegistrationId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CheckInView>();
  const counts = useAsync(() => call(events.GET('/api/events/events/{eventId}/attendance', {
    params: { path: { eventId } },
  })), [eventId]);
  const byCode = useSubmit(async () => {
    setResult(await call(events.POST('/api/events/events/{eventId}/check-in', {
      params: { path: { eventId } }, body: { code: code.trim() },
    })));
    setCode('');
    counts.reload();
  });
  const byRegistration = useSubmit(async () => {
    setResult(await call(events.POST('/api/events/registrations/{registrationId}/check-in', {
      params: { path: { registrationId: registrationId.trim() } }, body: {},
    })));
    setRegistrationId('');
    counts.reload();
  });
  const submit = (e: FormEvent, field: 'code' | 'registrationId') => {
    e.preventDefault();
    setResult(undefined);
    const value = field === 'code' ? code : registrationId;
    const problem = !value.trim() ? t('events.required') : value.trim().length > 64 ? t('events.tooLong', { max: 64 }) : undefined;
    setErrors({ [field]: problem ?? '' });
    if (problem) return;
    byCode.clear();
    byRegistration.clear();
    void (field === 'code' ? byCode.run() : byRegistration.run());
  };
  return (
    <Page title={t('events.checkIn.title')}>
      <p><Link to={`/events/${eventId}`}>{t('events.backToEvent')}</Link></p>
      {counts.loading && !counts.data && <Loading />}
      <ProblemAlert problem={counts.problem} />
      {counts.data && (
        <p className="card" aria-live="polite">
          {t('events.checkIn.counts', { checkedIn: counts.data.checkedIn, confirmed: counts.data.confirmed, registered: counts.data.registered })}
        </p>
      )}
      <div className="grid">
        <form className="card" onSubmit={(e) => submit(e, 'code')} noValidate>
          <Field label={t('events.checkIn.code')} error={errors.code || byCode.problem?.fieldError('code')} hint={t('events.checkIn.codeHint')}>
            {(props) => <input {...props} value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} />}
          </Field>
          <ProblemAlert problem={byCode.problem} />
          <button type="submit" className="primary" disabled={byCode.pending}>{t('events.checkIn.submit')}</button>
        </form>
        <form className="card" onSubmit={(e) => submit(e, 'registrationId')} noValidate>
          <Field label={t('events.checkIn.registration')} error={errors.registrationId || byRegistration.problem?.fieldError('registrationId')}>
            {(props) => <input {...props} value={registrationId} autoComplete="off" onChange={(e) => setRegistrationId(e.target.value)} />}
          </Field>
          <ProblemAlert problem={byRegistration.problem} />
          <button type="submit" disabled={byRegistration.pending}>{t('events.checkIn.submitAll')}</button>
        </form>
      </div>
      <div aria-live="polite">
        {result && (
          <div className={'alert ' + (result.alreadyCheckedIn ? 'alert-info' : 'alert-ok')}>
            <strong>{result.alreadyCheckedIn ? t('events.checkIn.already', { name: result.enterpriseName ?? '' }) : t('events.checkIn.done', { name: result.enterpriseName ?? '' })}</strong>
            <ul>
              {result.attendees?.map((a) => (
                <li key={a.attendeeId}>
                  {a.name}{a.jobTitle ? ` · ${a.jobTitle}` : ''}
                  {a.checkedInAt && ` · ${time(a.checkedInAt)}`}
                  {a.alreadyCheckedIn && ` (${t('events.checkIn.before')})`}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Page>
  );
}
