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
