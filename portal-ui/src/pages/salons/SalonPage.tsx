import { useState, type FormEvent } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { call, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { enterprise, secretariat } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { manageSalonPath } from './admin';
import { CalendarDownload, registrationWindow } from './shared';

/**
 * A salon: what, when and where, its programme; register attendees, the waitlist and its offers, cancel. The
 * secretariat of the salon's cluster is taken to its own view of the salon (links in e-mails name this page).
 */
export default function SalonPage() {
  return <Restricted allowed={(s) => enterprise(s) || secretariat(s)}><Salon /></Restricted>;
}

type Registration = Awaited<ReturnType<typeof loadRegistration>>;
const loadRegistration = (registrationId: string) =>
  call(salons.GET('/api/salons/registrations/{registrationId}', { params: { path: { registrationId } } }));

const OPEN = new Set(['CONFIRMED', 'WAITLISTED', 'OFFERED']);

function Salon() {
  const { salonId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, dateTime } = useI18n();
  const session = useSession();
  const [registrationId, setRegistrationId] = useState(() => params.get('registration'));
  const salon = useAsync(() => call(salons.GET('/api/salons/salons/{salonId}', { params: { path: { salonId } } })), [salonId]);
  const programme = useAsync(() => call(salons.GET('/api/salons/salons/{salonId}/programme', {
    params: { path: { salonId } },
  })), [salonId]);
  // the enterprise's registration for this salon: the one a link names, else the newest of the enterprise's own
  const registration = useAsync(async () => {
    if (registrationId) {
      try {
        return await loadRegistration(registrationId);
      } catch (e) {
        if (!(e instanceof ApiProblem && (e.status === 404 || e.status === 403))) throw e;
      }
    }
    if (!session.user?.enterprise_id) return undefined;
    const mine = await call(salons.GET('/api/salons/registrations/mine', { params: { query: { salonId, size: 1 } } }));
    return mine.content[0];
  }, [registrationId, salonId, session.user?.enterprise_id]);

  if (salon.loading && !salon.data) return <Loading />;
  if (!salon.data) {
    return (
      <Page title={t('salons.salon.notFound')}>
        <ProblemAlert problem={salon.problem} />
        <Link to="/salons/list">{t('salons.salon.back')}</Link>
      </Page>
    );
  }
  const s = salon.data;
  const managing = session.isSecretariatOf(s.clusterId);
  if (managing && !enterprise(session)) return <Navigate replace to={manageSalonPath(s.clusterId, s.id)} />;
  const registered = (r: Registration) => {
    setRegistrationId(r.id);
    registration.reload();
  };
  const current = registration.data && registration.data.salonId === salonId ? registration.data : undefined;
  const regWindow = registrationWindow(s, Date.now());
  return (
    <Page title={s.title} actions={managing
      ? <Link className="button" to={manageSalonPath(s.clusterId, s.id)}>{t('salons.admin.manage')}</Link>
      : <Link className="button" to="/salons/list">{t('salons.salon.back')}</Link>}>
      <div className="card">
        <p className="lead">{s.theme}</p>
        {s.description && <p className="pre-line">{s.description}</p>}
        <dl className="facts">
          <dt>{t('salons.salon.when')}</dt><dd>{dateTime(s.startsAt, 'long')} – {dateTime(s.endsAt, 'long')}</dd>
          {s.venue && <><dt>{t('salons.salon.venue')}</dt><dd>{s.venue}</dd></>}
          {s.onlineLink && <><dt>{t('salons.salon.online')}</dt><dd><a href={s.onlineLink}>{s.onlineLink}</a></dd></>}
          <dt>{t('salons.salon.seats')}</dt><dd>{t('salons.salon.seatsOf', { available: s.seatsAvailable, capacity: s.capacity })}</dd>
          <dt>{t('salons.salon.perEnterprise')}</dt><dd>{s.seatsPerEnterprise}</dd>
          <dt>{t('salons.salon.registration')}</dt>
          <dd>{dateTime(s.registrationOpensAt)} – {dateTime(s.registrationClosesAt)}</dd>
        </dl>
      </div>

      <h2>{t('salons.programme.title')}</h2>
      <ProblemAlert problem={programme.problem} />
      {programme.data && programme.data.slots.length === 0 && <Empty>{t('salons.programme.empty')}</Empty>}
      {programme.data && programme.data.slots.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.salon.when')}</th>
                <th scope="col">{t('salons.programme.session')}</th>
                <th scope="col">{t('salons.programme.expert')}</th>
              </tr>
            </thead>
            <tbody>
              {programme.data.slots.map((slot) => (
                <tr key={slot.id}>
                  <th scope="row">{dateTime(slot.startsAt)} – {dateTime(slot.endsAt)}</th>
                  <td>{t('salons.programme.kind.' + slot.kind)}: {slot.title}</td>
                  <td>{slot.expert ? slot.expert.name : t('salons.programme.expertTbd')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {enterprise(session) && (
        <>
          <h2>{t('salons.registration.title')}</h2>
          <ProblemAlert problem={registration.problem} />
          {registration.loading && !registration.data && registrationId && <Loading />}
          {current && <RegistrationPanel registration={current} onChange={() => { salon.reload(); registration.reload(); }} />}
          {!registration.loading && (!current || !OPEN.has(current.status)) && (
            regWindow === 'open'
              ? <RegistrationForm salonId={salonId} seatsPerEnterprise={s.seatsPerEnterprise} full={s.seatsAvailable === 0}
                                  onRegistered={(r) => { registered(r); salon.reload(); }} />
              : <p className="alert alert-info">{t('salons.salon.window.' + regWindow)}</p>
          )}
        </>
      )}
    </Page>
  );
}

function RegistrationPanel({ registration: r, onChange }: { registration: Registration; onChange(): void }) {
  const { t, dateTime } = useI18n();
  const [message, setMessage] = useState<string>();
  const path = { params: { path: { registrationId: r.id } } };
  const act = useSubmit(async (action: 'accept' | 'cancel') => {
    if (action === 'accept') await call(salons.POST('/api/salons/registrations/{registrationId}/offer-acceptance', path));
    else await call(salons.POST('/api/salons/registrations/{registrationId}/cancellation', path));
    setMessage(t(action === 'accept' ? 'salons.registration.accepted' : 'salons.registration.cancelledNow'));
    onChange();
  });
  const offerOpen = r.status === 'OFFERED' && !!r.offerExpiresAt && new Date(r.offerExpiresAt).getTime() > Date.now();
  return (
    <div className="card" aria-live="polite">
      {message && <p className="alert alert-ok" role="status">{message}</p>}
      <p><Status value={r.status} /> {t('salons.registration.status.' + r.status)}</p>
      {r.status === 'OFFERED' && r.offerExpiresAt && (
        <p className="alert alert-info">{t('salons.registration.offer', { until: dateTime(r.offerExpiresAt, 'long') })}</p>
      )}
      <h3>{t('salons.registration.attendees')}</h3>
      <ul>
        {r.attendees.map((a, i) => (
          <li key={i}>{a.name}{a.position && ` (${a.position})`}{a.email && ` · ${a.email}`}</li>
        ))}
      </ul>
      <ProblemAlert problem={act.problem} />
      {OPEN.has(r.status) && (
        <div className="row">
          {offerOpen && (
            <button type="button" className="primary" disabled={act.pending} onClick={() => void act.run('accept')}>
              {t('salons.registration.accept')}
            </button>
          )}
          <button type="button" className="danger" disabled={act.pending} onClick={() => void act.run('cancel')}>
            {r.status === 'OFFERED' ? t('salons.registration.decline')
              : r.status === 'WAITLISTED' ? t('salons.registration.leaveWaitlist') : t('salons.registration.cancel')}
          </button>
        </div>
      )}
      <CalendarDownload url={`/api/salons/registrations/${encodeURIComponent(r.id)}/calendar`}
                        fileName={`salon-registration-${r.id}.ics`} />
    </div>
  );
}

interface Attendee { name: string; email: string; position: string }
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (): Attendee => ({ name: '', email: '', position: '' });

function RegistrationForm({ salonId, seatsPerEnterprise, full, onRegistered }: {
  salonId: string;
  seatsPerEnterprise: number;
  full: boolean;
  onRegistered(r: Registration): void;
}) {
  const { t } = useI18n();
  const [attendees, setAttendees] = useState<Attendee[]>([blank()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const register = useSubmit(async (list: Attendee[]) => {
    const r = await call(salons.POST('/api/salons/salons/{salonId}/registrations', {
      params: { path: { salonId } },
      body: { attendees: list.map((a) => ({ name: a.name.trim(), email: a.email.trim() || undefined, position: a.position.trim() || undefined })) },
    }));
    onRegistered(r);
  });
  const set = (i: number, change: Partial<Attendee>) =>
    setAttendees(attendees.map((a, j) => (i === j ? { ...a, ...change } : a)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    attendees.forEach((a, i) => {
      if (!a.name.trim()) found[`attendees[${i}].name`] = t('common.required');
      if (a.email.trim() && !EMAIL.test(a.email.trim())) found[`attendees[${i}].email`] = t('salons.registration.emailInvalid');
    });
    if (attendees.length > seatsPerEnterprise) found.attendees = t('salons.registration.tooMany', { max: seatsPerEnterprise });
    setErrors(found);
    if (Object.keys(found).length === 0) void register.run(attendees);
  };
  const error = (name: string) => errors[name] ?? register.problem?.fieldErrors.find((f) => f.field === name)?.message;
  return (
    <form className="card" onSubmit={submit} noValidate>
      {full && <p className="alert alert-info">{t('salons.registration.full')}</p>}
      <p>{t('salons.registration.lead', { max: seatsPerEnterprise })}</p>
      {attendees.map((a, i) => (
        <fieldset key={i}>
          <legend>{t('salons.registration.attendee', { number: i + 1 })}</legend>
          <Field label={t('salons.registration.name')} error={error(`attendees[${i}].name`)}>
            {(p) => <input {...p} value={a.name} onChange={(e) => set(i, { name: e.target.value })} />}
          </Field>
          <Field label={t('salons.registration.email')} error={error(`attendees[${i}].email`)}>
            {(p) => <input {...p} type="email" value={a.email} onChange={(e) => set(i, { email: e.target.value })} />}
          </Field>
          <Field label={t('salons.registration.position')} error={error(`attendees[${i}].position`)}>
            {(p) => <input {...p} value={a.position} onChange={(e) => set(i, { position: e.target.value })} />}
          </Field>
          {attendees.length > 1 && (
            <button type="button" onClick={() => setAttendees(attendees.filter((_, j) => j !== i))}>
              {t('salons.registration.remove', { number: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {error('attendees') && <p className="field-error">{error('attendees')}</p>}
      <div className="row">
        <button type="button" onClick={() => setAttendees([...attendees, blank()])} disabled={attendees.length >= seatsPerEnterprise}>
          {t('salons.registration.add')}
        </button>
        <button type="submit" className="primary" disabled={register.pending}>
          {full ? t('salons.registration.joinWaitlist') : t('salons.registration.submit')}
        </button>
      </div>
      <ProblemAlert problem={register.problem} />
    </form>
  );
}
