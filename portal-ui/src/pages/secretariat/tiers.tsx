import { useI18n } from '../../i18n/i18n';
import type { ApiProblem } from '../../api/problem';
import { Field } from '../../ui/components';

/** A tier as the forms edit it (numbers as typed); `toTierInput` makes the request's tier of it. */
export interface TierRow {
  code: string;
  name: string;
  rank: string;
  annualFee: string;
  consultationHoursPerYear: string;
  seatsPerEvent: string;
  assetAccessRank: string;
}
export type TierErrors = Partial<Record<keyof TierRow, string>>;

const SLUG = /^[a-z][a-z0-9-]{1,29}$/;
const INTEGERS: [keyof TierRow, number, number][] = [
  ['rank', 1, 100], ['consultationHoursPerYear', 0, 10_000], ['seatsPerEvent', 0, 1_000], ['assetAccessRank', 0, 100],
];

export function emptyTier(rank: number): TierRow {
  return { code: '', name: '', rank: String(rank), annualFee: '0', consultationHoursPerYear: '0', seatsPerEvent: '1', assetAccessRank: '0' };
}

export function tierRowOf(tier: { code?: string; name?: string; rank: number; annualFee?: number; consultationHoursPerYear: number; seatsPerEvent: number; assetAccessRank: number }): TierRow {
  return {
    code: tier.code ?? '', name: tier.name ?? '', rank: String(tier.rank), annualFee: String(tier.annualFee ?? 0),
    consultationHoursPerYear: String(tier.consultationHoursPerYear), seatsPerEvent: String(tier.seatsPerEvent),
    assetAccessRank: String(tier.assetAccessRank),
  };
}

export function toTierInput(row: TierRow) {
  return {
    code: row.code.trim(), name: row.name.trim(), rank: Number(row.rank), annualFee: Number(row.annualFee),
    consultationHoursPerYear: Number(row.consultationHoursPerYear), seatsPerEvent: Number(row.seatsPerEvent),
    assetAccessRank: Number(row.assetAccessRank),
  };
}

/** The checks the service makes on a tier list, before sending: one error map per row (empty when fine). */
export function validateTiers(rows: TierRow[], t: (key: string, vars?: Record<string, string | number>) => string): TierErrors[] {
  const errors = rows.map((row) => {
    const e: TierErrors = {};
    if (!SLUG.test(row.code.trim())) e.code = t('secretariat.tiers.codeFormat');
    if (!row.name.trim()) e.name = t('secretariat.required');
    else if (row.name.trim().length > 100) e.name = t('secretariat.tooLong', { max: 100 });
    if (row.annualFee.trim() === '' || !(Number(row.annualFee) >= 0)) e.annualFee = t('secretariat.tiers.feeFormat');
    for (const [key, min, max] of INTEGERS) {
      const n = Number(row[key]);
      if (row[key].trim() === '' || !Number.isInteger(n) || n < min || n > max) e[key] = t('secretariat.tiers.between', { min, max });
    }
    return e;
  });
  rows.forEach((row, i) => {
    if (!errors[i].code && rows.findIndex((r) => r.code.trim() === row.code.trim()) !== i) errors[i].code = t('secretariat.tiers.duplicateCode');
  });
  return errors;
}

/** Rows of tier fields with add and remove; errors from the client's checks or the server (`tiers[i].field`). */
export function TierRows({ rows, errors, problem, onChange }: {
  rows: TierRow[];
  errors: TierErrors[];
  problem?: ApiProblem;
  onChange(rows: TierRow[]): void;
}) {
  const { t } = useI18n();
  const update = (i: number, change: Partial<TierRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const fields: [keyof TierRow, string, string][] = [
    ['code', 'text', 'secretariat.tiers.code'], ['name', 'text', 'secretariat.tiers.name'], ['rank', 'number', 'secretariat.tiers.rank'],
    ['annualFee', 'number', 'secretariat.tiers.annualFee'], ['consultationHoursPerYear', 'number', 'secretariat.tiers.hours'],
    ['seatsPerEvent', 'number', 'secretariat.tiers.seats'], ['assetAccessRank', 'number', 'secretariat.tiers.assetRank'],
  ];
  return (
    <>
      {rows.map((row, i) => (
        <fieldset key={i}>
          <legend>{t('secretariat.tiers.tierN', { n: i + 1 })}</legend>
          <div className="row">
            {fields.map(([key, type, label]) => (
              <Field key={key} label={t(label)} error={errors[i]?.[key] ?? problem?.fieldError(`tiers[${i}].${key}`)}>
                {(props) => <input {...props} type={type} value={row[key]} min={type === 'number' ? 0 : undefined}
                                   onChange={(e) => update(i, { [key]: e.target.value })} />}
              </Field>
            ))}
            <button type="button" disabled={rows.length <= 1} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('secretariat.tiers.remove', { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" disabled={rows.length >= 10} onClick={() => onChange([...rows, emptyTier(rows.length + 1)])}>
        {t('secretariat.tiers.add')}
      </button>
    </>
  );
}
