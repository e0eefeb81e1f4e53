import { useState, type FormEvent } from 'react';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, ProblemAlert } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { ClusterPage, SecretariatOnly, useClusterId } from './shared';

const SEATS = ['CHAIRMAN', 'VICE_CHAIRMAN', 'SECRETARY_GENERAL', 'DIRECTOR'] as const;
type Seat = (typeof SEATS)[number];
interface Row { seat: Seat; enterpriseId: string; person: string; termStart: string; termEnd: string }
type RowErrors = Partial<Record<keyof Row, string>>;

/** The officer slate: who holds which seat; replacing it (every officer an ACTIVE member) and the earlier slates. */
export default function OfficersPage() {
  return <SecretariatOnly><Officers /></SecretariatOnly>;
}

function Officers() {
  const { t, date, dateTime } = useI18n();
  const clusterId = useClusterId();
  const slate = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/officers', {
    params: { path: { clusterId } },
  })), [clusterId]);
  const history = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/officers/history', {
    params: { path: { clusterId } },
  })), [clusterId]);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <ClusterPage title={t('secretariat.officers.title')} actions={
      <button type="button" aria-expanded={editing} onClick={() => { setDone(false); setEditing(!editing); }}>
        {t('secretariat.officers.replace')}
      </button>
    }>
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{t('secretariat.officers.replaced')}</p>}</div>
      <ProblemAlert problem={slate.problem} />
      {slate.loading && !slate.data && <Loading />}
      {slate.data && editing && (
        <SlateForm clusterId={clusterId} version={slate.data.version}
                   current={(slate.data.officers ?? []).map((o) => ({
                     seat: o.seat ?? 'DIRECTOR', enterpriseId: o.enterpriseId ?? '', person: o.person ?? '',
                     termStart: o.termStart ?? '', termEnd: o.termEnd ?? '',
                   }))}
                   onDone={() => { setEditing(false); setDone(true); slate.reload(); history.reload(); }} />
      )}
      <h2>{t('secretariat.officers.current')}</h2>
      {slate.data && (slate.data.officers ?? []).length === 0 && <Empty>{t('secretariat.officers.none')}</Empty>}
      {!!slate.data?.officers?.length && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('secretariat.officers.seat')}</th>
                <th scope="col">{t('secretariat.officers.person')}</th>
                <th scope="col">{t('secretariat.officers.enterprise')}</th>
                <th scope="col">{t('secretariat.officers.term')}</th>
              </tr>
            </thead>
            <tbody>
              {slate.data.officers.map((o, i) => (
                <tr key={i}>
                  <th scope="row">{t('secretariat.officers.seat.' + o.seat)}</th>
                  <td>{o.person}</td>
                  <td>{o.enterpriseName}</td>
                  <td>{o.termStart && date(o.termStart)} – {o.termEnd && date(o.termEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('secretariat.officers.history')}</h2>
      <ProblemAlert problem={history.problem} />
      {history.data && history.data.length === 0 && <Empty>{t('secretariat.officers.noHistory')}</Empty>}
      <ul className="plain">
        {[...(history.data ?? [])].sort((a, b) => b.version - a.version).map((v) => (
          <li key={v.version} className="card">
            <h3 className="h3">{t('secretariat.officers.slateOf', { version: v.version, date: v.setAt ? dateTime(v.setAt) : '' })}</h3>
            <p className="small muted">{t('secretariat.officers.setBy', { name: v.setByName ?? v.setBy ?? '' })}{v.reason && ' · ' + v.reason}</p>
            <ul>
              {(v.officers ?? []).map((o, i) => (
                <li key={i}>{t('secretariat.officers.seat.' + o.seat)}: {o.person} ({o.enterpriseName})</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </ClusterPage>
  );
}

function SlateForm({ clusterId, version, current, onDone }: {
  clusterId: string;
  version: number;
  current: Row[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(current.length ? current : [emptyRow()]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const members = useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}/members', {
    params: { path: { clusterId }, query: { status: 'ACTIVE', page: 0, size: 100, sort: 'name' } },
  })), [clusterId]);
  const replace = useSubmit(() => call(membership.PUT('/api/membership/clusters/{clusterId}/officers', {
    params: { path: { clusterId } },
    body: { officers: rows.map((r) => ({ ...r, person: r.person.trim() })), expectedVersion: version, reason: reason.trim() || undefined },
  })));
  const update = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = rows.map((r) => {
      const err: RowErrors = {};
      if (!r.enterpriseId) err.enterpriseId = t('secretariat.required');
      if (!r.person.trim()) err.person = t('secretariat.required');
      if (!r.termStart) err.termStart = t('secretariat.required');
      if (!r.termEnd) err.termEnd = t('secretariat.required');
      else if (r.termStart && r.termEnd <= r.termStart) err.termEnd = t('secretariat.officers.endAfterStart');
      return err;
    });
    for (const single of ['CHAIRMAN', 'SECRETARY_GENERAL'] as Seat[]) {
      rows.forEach((r, i) => {
        if (r.seat === single && rows.findIndex((x) => x.seat === single) !== i) found[i].seat = t('secretariat.officers.singleSeat');
      });
    }
    setErrors(found);
    if (found.some((err) => Object.keys(err).length > 0)) return;
    if (await replace.run()) onDone();
  };
  const fieldError = (i: number, key: keyof Row) => errors[i]?.[key] ?? replace.problem?.fieldError(`officers[${i}].${key}`);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('secretariat.officers.newSlate')}</h2>
      {members.problem && <ProblemAlert problem={members.problem} />}
      {rows.map((r, i) => (
        <fieldset key={i}>
          <legend>{t('secretariat.officers.officerN', { n: i + 1 })}</legend>
          <div className="row">
            <Field label={t('secretariat.officers.seat')} error={fieldError(i, 'seat')}>
              {(props) => (
                <select {...props} value={r.seat} onChange={(e) => update(i, { seat: e.target.value as Seat })}>
                  {SEATS.map((s) => <option key={s} value={s}>{t('secretariat.officers.seat.' + s)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('secretariat.officers.enterprise')} error={fieldError(i, 'enterpriseId')}>
              {(props) => (
                <select {...props} value={r.enterpriseId} onChange={(e) => update(i, { enterpriseId: e.target.value })}>
                  <option value="">{t('secretariat.officers.chooseMember')}</option>
                  {members.data?.content?.map((m) => <option key={m.enterpriseId} value={m.enterpriseId}>{m.enterpriseName}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('secretariat.officers.person')} error={fieldError(i, 'person')}>
              {(props) => <input {...props} maxLength={100} value={r.person} onChange={(e) => update(i, { person: e.target.value })} />}
            </Field>
            <Field label={t('secretariat.officers.termStart')} error={fieldError(i, 'termStart')}>
              {(props) => <input {...props} type="date" value={r.termStart} onChange={(e) => update(i, { termStart: e.target.value })} />}
            </Field>
            <Field label={t('secretariat.officers.termEnd')} error={fieldError(i, 'termEnd')}>
              {(props) => <input {...props} type="date" value={r.termEnd} onChange={(e) => update(i, { termEnd: e.target.value })} />}
            </Field>
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('secretariat.officers.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows([...rows, emptyRow()])}>{t('secretariat.officers.add')}</button>
      <Field label={t('secretariat.officers.reason')} error={replace.problem?.fieldError('reason')}>
        {(props) => <input {...props} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ProblemAlert problem={replace.problem} />
      <button type="submit" className="primary" disabled={replace.pending}>{t('secretariat.officers.save')}</button>
    </form>
  );
}

function emptyRow(): Row {
  return { seat: 'DIRECTOR', enterpriseId: '', person: '', termStart: '', termEnd: '' };
}
