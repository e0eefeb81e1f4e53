import { useState } from 'react';
import { Link } from 'react-router';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert, Status } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';

export const CONSULTATION_STATES = ['PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
type State = (typeof CONSULTATION_STATES)[number];

/** The enterprise's consultations, by start, filtered by state. */
export default function ConsultationsPage() {
  return <Restricted allowed={enterprise}><Consultations /></Restricted>;
}

function Consultations() {
  const { t, dateTime } = useI18n();
  const [state, setState] = useState('');
  const [page, setPage] = useState(0);
  const list = useAsync(() => call(salons.GET('/api/salons/consultations', {
    params: { query: { state: (state || undefined) as State | undefined, page, size: 20 } },
  })), [state, page]);
  return (
    <Page title={t('salons.consultations.title')}
          actions={<Link className="button primary" to="/salons">{t('salons.consultations.find')}</Link>}>
      <Field label={t('salons.consultations.state')}>
        {(p) => (
          <select {...p} value={state} onChange={(e) => { setPage(0); setState(e.target.value); }}>
            <option value="">{t('salons.consultations.anyState')}</option>
            {CONSULTATION_STATES.map((s) => <option key={s} value={s}>{t('status.' + s)}</option>)}
          </select>
        )}
      </Field>
      <ProblemAlert problem={list.problem} />
      {list.loading && !list.data && <Loading />}
      {list.data?.content.length === 0 && <Empty action={<Link to="/salons">{t('salons.consultations.find')}</Link>}>
        {t('salons.consultations.empty')}
      </Empty>}
      {list.data && list.data.content.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.consultation.when')}</th>
                <th scope="col">{t('salons.consultation.expert')}</th>
                <th scope="col">{t('salons.consultation.topic')}</th>
                <th scope="col">{t('salons.consultation.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.content.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><Link to={`/salons/consultations/${encodeURIComponent(c.id)}`}>{dateTime(c.start)}</Link></th>
                  <td>{c.expertName}</td>
                  <td>{t('salons.topic.' + c.topic)}</td>
                  <td><Status value={c.state} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={list.data.page} totalPages={list.data.totalPages} onChange={setPage} />}
    </Page>
  );
}
