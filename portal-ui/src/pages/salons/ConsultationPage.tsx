import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise, expert, secretariat } from '../../nav';
import { useSession, type Session } from '../../session/session';
import { Field, Loading, Page, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { CalendarDownload, SlotPicker } from './shared';

const involved = (s: Session) => enterprise(s) || expert(s) || secretariat(s);

/** One consultation: its times in the viewer's zone, status and history; reschedule, cancel, confirm, outcome. */
export default function ConsultationPage() {
  return <Restricted allowed={involved}><Consultation /></Restricted>;
}

type View = Awaited<ReturnType<typeof loadConsultation>>;
const loadConsultation = (consultationId: string) =>
  call(salons.GET('/api/salons/consultations/{consultationId}', { params: { path: { consultationId } } }));

const REASON_MAX = 500;

function Consultation() {
  const { consultationId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const session = useSession();
  const consultation = useAsync(() => loadConsultation(consultationId), [consultationId]);
  const [changed, setChanged] = useState<string>();

  if (consultation.loading && !consultation.data) return <Loading />;
  if (!consultation.data) {
    return (
      <Page title={t('salons.consultation.notFound')}>
        <ProblemAlert problem={consultation.problem} />
      </Page>
    );
  }
  const c = consultation.data;
  const isEnterprise = !!session.user?.enterprise_id && session.user.enterprise_id === c.enterpriseId;
  const isExpert = session.user?.subject === c.expertId;
  const ahead = c.state === 'PENDING' || c.state === 'CONFIRMED';
  const started = new Date(c.start).getTime() <= Date.now();
  const afterCutoff = !!c.cancellationCutoffAt && new Date(c.cancellationCutoffAt).getTime() <= Date.now();
  const done = (message: string) => { setChanged(message); consultation.reload(); };

  return (
    <Page title={t('salons.consultation.title', { expert: c.expertName })}
          actions={isExpert ? <Link className="button" to="/expert/consultations">{t('salons.consultation.backExpert')}</Link>
            : isEnterprise ? <Link className="button" to="/salons/consultations">{t('salons.consultation.back')}</Link> : undefined}>
      {changed && <p className="alert alert-ok" role="status">{changed}</p>}
      <div className="card">
        <dl className="facts">
          <dt>{t('salons.consultation.state')}</dt><dd><Status value={c.state} /></dd>
          <dt>{t('salons.consultation.when')}</dt>
          <dd>{dateTime(c.start, 'long')} – {dateTime(c.end, 'long')}</dd>
          <dt>{t('salons.consultation.expert')}</dt><dd>{c.expertName} ({t('salons.consultation.expertZone', { zone: c.expertTimeZone })})</dd>
          <dt>{t('salons.consultation.topic')}</dt><dd>{t('salons.topic.' + c.topic)}</dd>
          {c.note && <><dt>{t('salons.consultation.note')}</dt><dd className="pre-line">{c.note}</dd></>}
          {c.cancellationCutoffAt && ahead && (
            <><dt>{t('salons.consultation.cutoff')}</dt><dd>{dateTime(c.cancellationCutoffAt)}</dd></>
          )}
          {c.cancellation && (
            <>
              <dt>{t('salons.consultation.cancelled')}</dt>
              <dd>
                {t('salons.consultation.cancelledBy.' + c.cancellation.by)} · {dateTime(c.cancellation.at)} · {c.cancellation.reason}
                {c.cancellation.late && <> · {t('salons.consultation.late')}</>}
                {' · '}{c.cancellation.hoursReturned ? t('salons.consultation.hoursReturned') : t('salons.consultation.hoursKept')}
              </dd>
            </>
          )}
          {c.flag && <><dt>{t('salons.consultation.flag')}</dt><dd>{c.flag.reason}</dd></>}
        </dl>
        <CalendarDownload url={`/api/salons/consultations/${encodeURIComponent(c.id)}/calendar`}
                          fileName={`consultation-${c.id}.ics`} />
      </div>

      {isExpert && <ExpertActions consultation={c} started={started} onDone={done} />}
      {isEnterprise && ahead && !afterCutoff && <Reschedule consultation={c} onDone={done} />}
      {isEnterprise && ahead && afterCutoff && <p className="alert alert-info">{t('salons.reschedule.tooLate')}</p>}
      {ahead && (isEnterprise || isExpert || session.isSecretariatOf(c.clusterId)) && (
        <Cancel consultation={c} late={isEnterprise && afterCutoff} onDone={done} />
      )}

      <h2>{t('salons.consultation.history')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('salons.consultation.historyAt')}</th>
              <th scope="col">{t('salons.consultation.state')}</th>
              <th scope="col">{t('salons.consultation.when')}</th>
            </tr>
          </thead>
          <tbody>
            {c.history.map((h, i) => (
              <tr key={i}>
                <th scope="row">{dateTime(h.at)}</th>
                <td><Status value={h.state} /></td>
                <td>{h.start ? dateTime(h.start) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

function ExpertActions({ consultation: c, started, onDone }: { consultation: View; started: boolean; onDone(m: string): void }) {
  const { t } = useI18n();
  const path = { params: { path: { consultationId: c.id } } };
  const act = useSubmit(async (action: 'confirmation' | 'completion' | 'no-show') => {
    if (action === 'confirmation') await call(salons.POST('/api/salons/consultations/{consultationId}/confirmation', path));
    if (action === 'completion') await call(salons.POST('/api/salons/consultations/{consultationId}/completion', path));
    if (action === 'no-show') await call(salons.POST('/api/salons/consultations/{consultationId}/no-show', path));
    onDone(t('salons.consultation.done.' + action));
  });
  if (c.state === 'PENDING' && !started) {
    return (
      <section className="card">
        <ProblemAlert problem={act.problem} />
        <button type="button" className="primary" disabled={act.pending} onClick={() => void act.run('confirmation')}>
          {t('salons.consultation.confirm')}
        </button>
      </section>
    );
  }
  if (c.state === 'CONFIRMED' && started) {
    return (
      <section className="card">
        <p>{t('salons.consultation.outcomeLead')}</p>
        <ProblemAlert problem={act.problem} />
        <div className="row">
          <button type="button" className="primary" disabled={act.pending} onClick={() => void act.run('completion')}>
            {t('salons.consultation.complete')}
          </button>
          <button type="button" disabled={act.pending} onClick={() => void act.run('no-show')}>
            {t('salons.consultation.noShow')}
          </button>
        </div>
      </section>
    );
  }
  return null;
}

function Reschedule({ consultation: c, onDone }: { consultation: View; onDone(m: string): void }) {
  const { t, dateTime } = useI18n();
  const [start, setStart] = useState<string>();
  const [error, setError] = useState<string>();
  const [slotsVersion, setSlotsVersion] = useState(0);
  const move = useSubmit(async (to: string) => {
    try {
      await call(salons.POST('/api/salons/consultations/{consultationId}/reschedule', {
        params: { path: { consultationId: c.id } }, body: { start: to },
      }));
    } catch (e) {
      setStart(undefined);
      setSlotsVersion((v) => v + 1);
      throw e;
    }
    setStart(undefined);
    onDone(t('salons.reschedule.done', { when: dateTime(to) }));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!start) { setError(t('salons.book.slotRequired')); return; }
    setError(undefined);
    void move.run(start);
  };
  const fieldError = error ?? move.problem?.fieldError('start');
  return (
    <section aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t('salons.reschedule.title')}</h2>
      <form className="card" onSubmit={submit} noValidate>
        <SlotPicker expertId={c.expertId} selected={start} onSelect={setStart} reloadKey={slotsVersion} />
        {fieldError && <p className="field-error">{fieldError}</p>}
        {start && <p aria-live="polite">{t('salons.book.selected', { when: dateTime(start, 'long') })}</p>}
        <ProblemAlert problem={move.problem} />
        <button type="submit" disabled={move.pending}>{t('salons.reschedule.submit')}</button>
      </form>
    </section>
  );
}

function Cancel({ consultation: c, late, onDone }: { consultation: View; late: boolean; onDone(m: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const cancel = useSubmit(async (why: string) => {
    await call(salons.POST('/api/salons/consultations/{consultationId}/cancellation', {
      params: { path: { consultationId: c.id } }, body: { reason: why },
    }));
    onDone(t('salons.cancel.done'));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    const found = !why ? t('common.required') : why.length > REASON_MAX ? t('salons.tooLong', { max: REASON_MAX }) : undefined;
    setError(found);
    if (!found) void cancel.run(why);
  };
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('salons.cancel.title')}</h2>
      <form className="card" onSubmit={submit} noValidate>
        {late && <p className="alert alert-info">{t('salons.cancel.late')}</p>}
        <Field label={t('salons.cancel.reason')} error={error ?? cancel.problem?.fieldError('reason')}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <ProblemAlert problem={cancel.problem} />
        <button type="submit" className="danger" disabled={cancel.pending}>{t('salons.cancel.submit')}</button>
      </form>
    </section>
  );
}
