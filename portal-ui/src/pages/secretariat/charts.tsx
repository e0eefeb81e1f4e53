import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Empty } from '../../ui/components';

export interface Figure {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart drawn in SVG (title and description for screen readers), followed by the same figures as a
 * table: the chart is for the eye, the table for everyone.
 */
export function BarChart({ title, description, figures, valueLabel, empty }: {
  title: string;
  description: string;
  figures: Figure[];
  valueLabel: string;
  empty: string;
}) {
  const { t, number } = useI18n();
  const id = useId();
  if (figures.length === 0) {
    return (
      <section className="card chart">
        <h2 className="h3">{title}</h2>
        <Empty>{empty}</Empty>
      </section>
    );
  }
  const max = Math.max(1, ...figures.map((f) => f.value));
  const row = 28;
  const labelWidth = 160;
  const barWidth = 260;
  const height = figures.length * row + 8;
  return (
    <section className="card chart">
      <h2 className="h3">{title}</h2>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`}
           width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={id + '-title'}>{title}</title>
        <desc id={id + '-desc'}>{description}</desc>
        {figures.map((f, i) => {
          const y = i * row + 4;
          const w = Math.round((f.value / max) * barWidth);
          return (
            <g key={f.label + i}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#1b1f24">
                {f.label.length > 22 ? f.label.slice(0, 21) + '…' : f.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(w, f.value > 0 ? 2 : 0)} height={row - 10} fill="#1f5fa8" rx="2" />
              <text x={labelWidth + w + 6} y={y + 17} fontSize="13" fill="#1b1f24">{number(f.value)}</text>
            </g>
          );
        })}
      </svg>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('secretariat.chart.figures', { title })}</caption>
          <thead>
            <tr><th scope="col">{t('secretariat.chart.item')}</th><th scope="col">{valueLabel}</th></tr>
          </thead>
          <tbody>
            {figures.map((f, i) => (
              <tr key={f.label + i}><th scope="row">{f.label}</th><td>{number(f.value)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One line of a {@link LineChart}: a value per point of the x axis. */
export interface Series {
  label: string;
  values: number[];
}

const SERIES_COLOURS = ['#1f5fa8', '#b45309', '#047857', '#b42318', '#6d28d9', '#374151'];

/**
 * Lines over a common x axis (months), drawn in SVG with a legend, followed by the figures as a table (a row per
 * point, a column per line).
 */
export function LineChart({ title, description, points, series, empty }: {
  title: string;
  description: string;
  points: string[];
  series: Series[];
  empty: string;
}) {
  const { t, number } = useI18n();
  const id = useId();
  if (points.length === 0 || series.length === 0) {
    return (
      <section className="card chart">
        <h2 className="h3">{title}</h2>
        <Empty>{empty}</Empty>
      </section>
    );
  }
  const width = 640;
  const height = 220;
  const left = 40;
  const bottom = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (points.length === 1 ? 0 : (i * (width - left - 10)) / (points.length - 1));
  const y = (v: number) => 10 + (height - bottom - 10) * (1 - v / max);
  return (
    <section className="card chart chart-wide">
      <h2 className="h3">{title}</h2>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%">
        <title id={id + '-title'}>{title}</title>
        <desc id={id + '-desc'}>{description}</desc>
        <line x1={left} y1={y(0)} x2={width - 10} y2={y(0)} stroke="#8c959f" />
        <text x={left - 6} y={y(0) + 4} textAnchor="end" fontSize="12" fill="#1b1f24">0</text>
        <text x={left - 6} y={y(max) + 4} textAnchor="end" fontSize="12" fill="#1b1f24">{number(max)}</text>
        {points.map((p, i) => (i % Math.ceil(points.length / 6) === 0 || i === points.length - 1) && (
          <text key={p} x={x(i)} y={height - 6} textAnchor="middle" fontSize="12" fill="#1b1f24">{p}</text>
        ))}
        {series.map((s, n) => (
          <polyline key={s.label} fill="none" stroke={SERIES_COLOURS[n % SERIES_COLOURS.length]} strokeWidth="2.5"
                    points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
        ))}
      </svg>
      <ul className="legend">
        {series.map((s, n) => (
          <li key={s.label}>
            <span className="swatch" style={{ background: SERIES_COLOURS[n % SERIES_COLOURS.length] }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('secretariat.chart.figures', { title })}>
        <table>
          <caption className="visually-hidden">{t('secretariat.chart.figures', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('secretariat.chart.period')}</th>
              {series.map((s) => <th key={s.label} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {series.map((s) => <td key={s.label}>{number(s.values[i] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
