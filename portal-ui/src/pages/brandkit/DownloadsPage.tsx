import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { assets, call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Page, Pagination, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync } from '../../ui/useAsync';
import { secretariatUser } from '../events/shared';

type By = 'ASSET' | 'MEMBER' | 'OUTDATED';
type Row = Record<string, string | number | undefined>;

const COLUMNS: Record<By, string[]> = {
  ASSET: ['title', 'currentVersion', 'downloads', 'enterprises', 'lastDownloadAt'],
  MEMBER: ['enterpriseId', 'downloads', 'assets', 'lastDownloadAt'],
  OUTDATED: ['enterpriseId', 'title', 'downloadedVersion', 'currentVersion', 'downloadedAt'],
};

/** The secretariat's download records: per asset, per member, and who still uses an outdated version. */
export default function DownloadsPage() {
  return <Restricted allowed={secretariatUser}><Downloads /></Restricted>;
}

function Downloads() {
  const { t, dateTime } = useI18n();
  const [params] = useSearchParams();
  const clusterId = params.get('cluster') ?? '';
  const [by, setBy] = useState<By>('ASSET');
  const [page, setPage] = useState(0);
  const report = useAsync(async () => clusterId
    ? call(assets.GET('/api/assets/clusters/{clusterId}/downloads', { params: { path: { clusterId }, query: { by, page, size: 20 } } }))
    : undefined, [clusterId, by, page]);
  const rows = (report.data?.content ?? []) as Row[];
  const cell = (row: Row, column: string) => {
    const value = row[column];
    if (value === undefined || value === null) return '—';
    if (column === 'title' && row.assetId) return <Link to={`/brand-kit/assets/${row.assetId}`}>{String(value)}</Link>;
    return column.endsWith('At') ? dateTime(String(value)) : String(value);
  };
  return (
    <Page title={t('brandkit.downloads.title')}>
      <p><Link to={`/brand-kit?cluster=${encodeURIComponent(clusterId)}`}>{t('brandkit.backToKit')}</Link></p>
      <Field label={t('brandkit.downloads.by')}>
        {(props) => (
          <select {...props} value={by} onChange={(e) => { setPage(0); setBy(e.target.value as By); }}>
            {(['ASSET', 'MEMBER', 'OUTDATED'] as const).map((b) => <option key={b} value={b}>{t('brandkit.downloads.by.' + b)}</option>)}
          </select>
        )}
      </Field>
      <ProblemAlert problem={report.problem} />
      {report.loading && !report.data && <Loading />}
      {report.data && rows.length === 0 && <Empty>{t('brandkit.downloads.empty.' + by)}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>{COLUMNS[by].map((c) => <th scope="col" key={c}>{t('brandkit.downloads.column.' + c)}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row, i) => <tr key={i}>{COLUMNS[by].map((c) => <td key={c}>{cell(row, c)}</td>)}</tr>)}
            </tbody>
          </table>
        </div>
      )}
      {report.data && <Pagination page={report.data.page} totalPages={report.data.totalPages} onChange={setPage} />}
    </Page>
  );
}
