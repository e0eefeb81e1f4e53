import { useState, type FormEvent, type ReactNode } from 'react';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, ProblemAlert } from '../../ui/components';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { HTTPS_LINK, isTimeZone, localDateTime, type SalonInput, type SalonView } from './admin';

interface Draft {
  theme: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  onlineLink: string;
  capacity: string;
  seatsPerEnterprise: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  expertIds: string[];
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

const blank = (timeZone: string): Draft => ({
  theme: '', title: '', description: '', startsAt: '', endsAt: '', timeZone, venue: '', onlineLink: '', capacity: '30',
  seatsPerEnterprise: '2', registrationOpensAt: '', registrationClosesAt: '', expertIds: [],
});

/** The checks the service makes, before sending: every field, then the rules between them. */
function validateSalon(d: Draft, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('common.required');
  const text = (field: 'theme' | 'title' | 'venue' | 'description', max: number, mandatory: boolean) => {
    const value = d[field].trim();
    if (mandatory && !value) errors[field] = required;
    else if (value.length > max) errors[field] = t('salons.tooLong', { max });
  };
  text('theme', 200, true);
  text('title', 200, true);
  text('description', 10000, false);
  text('venue', 500, false);
  if (!d.startsAt) errors.startsAt = required;
  if (!d.endsAt) errors.endsAt = required;
  else if (d.startsAt && d.endsAt <= d.startsAt) errors.endsAt = t('salons.admin.form.endAfterStart');
  if (!d.timeZone.trim()) errors.timeZone = required;
  else if (!isTimeZone(d.timeZone.trim())) errors.timeZone = t('salons.admin.form.zoneUnknown');
  const link = d.onlineLink.trim();
  if (link && !HTTPS_LINK.test(link)) errors.onlineLink = t('salons.admin.form.https');
  else if (link.length > 500) errors.onlineLink = t('salons.tooLong', { max: 500 });
  if (!d.venue.trim() && !link && !errors.venue) errors.venue = t('salons.admin.form.venueOrLink');
  const capacity = Number(d.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100000) {
    errors.capacity = t('salons.admin.form.between', { min: 1, max: 100000 });
  }
  const seats = Number(d.seatsPerEnterprise);
  if (!Number.isInteger(seats) || seats < 1 || seats > 1000 || (Number.isInteger(capacity) && seats > capacity)) {
    errors.seatsPerEnterprise = t('salons.admin.form.seatsRule');
  }
  if (!d.registrationOpensAt) errors.registrationOpensAt = required;
  if (!d.registrationClosesAt) errors.registrationClosesAt = required;
  else if (d.registrationOpensAt && d.registrationClosesAt <= d.registrationOpensAt) {
    errors.registrationClosesAt = t('salons.admin.form.closeAfterOpen');
  } else if (d.startsAt && d.registrationClosesAt > d.startsAt) {
    errors.registrationClosesAt = t('salons.admin.form.closeBeforeStart');
  }
  if (d.expertIds.length > 20) errors.expertIds = t('salons.admin.form.tooManyExperts', { max: 20 });
  return errors;
}

/** The request body: local date-times in the salon's own zone, as the service reads them. */
function inputOf(d: Draft): SalonInput {
  return {
    theme: d.theme.trim(),
    title: d.title.trim(),
    description: d.description.trim() || undefined,
    expertIds: d.expertIds.length ? d.expertIds : undefined,
    startsAt: localDateTime(d.startsAt),
    endsAt: localDateTime(d.endsAt),
    timeZone: d.timeZone.trim(),
    venue: d.venue.trim() || undefined,
    onlineLink: d.onlineLink.trim() || undefined,
    capacity: Number(d.capacity),
    seatsPerEnterprise: Number(d.seatsPerEnterprise),
    registrationOpensAt: localDateTime(d.registrationOpensAt),
    registrationClosesAt: localDateTime(d.registrationClosesAt),
  };
}

/**
 * A new salon of a cluster. Times are entered as wall-clock times of the salon's time zone (the viewer's own zone
 * unless changed), as the service takes them.
 */
export function SalonForm({ clusterId, onCreated, onCancel }: {
  clusterId: string;
  onCreated(salon: SalonView): void;
  onCancel(): void;
}) {
  const { t, timeZone } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => blank(timeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const experts = useAsync(() => call(salons.GET('/api/salons/experts', {
    params: { query: { cluster: clusterId, size: 100 } },
  })), [clusterId]);
  const create = useSubmit(async (d: Draft) => {
    onCreated(await call(salons.POST('/api/salons/clusters/{clusterId}/salons', {
      params: { path: { clusterId } }, body: inputOf(d),
    })));
  });
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (name: string) => errors[name] ?? create.problem?.fieldError(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateSalon(draft, t);
    setErrors(found);
    if (Object.keys(found).length === 0) void create.run(draft);
  };

  const text = (field: 'theme' | 'title' | 'venue' | 'onlineLink' | 'timeZone', label: string, hint?: string) => (
    <Field label={label} error={error(field)} hint={hint}>
      {(p) => <input {...p} value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  const when = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', label: string) => (
    <Field label={label} error={error(field)}>
      {(p) => <input {...p} type="datetime-local" value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  const count = (field: 'capacity' | 'seatsPerEnterprise', label: string): ReactNode => (
    <Field label={label} error={error(field)}>
      {(p) => <input {...p} type="number" min={1} inputMode="numeric" value={draft[field]}
                     onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-salon-heading">
      <h2 id="new-salon-heading">{t('salons.admin.form.title')}</h2>
      {text('theme', t('salons.admin.form.theme'))}
      {text('title', t('salons.admin.form.salonTitle'))}
      <Field label={t('salons.admin.form.description')} error={error('description')}>
        {(p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      {text('timeZone', t('salons.admin.form.timeZone'), t('salons.admin.form.timeZoneHint'))}
      <p className="hint">{t('salons.admin.form.timesIn', { zone: draft.timeZone.trim() || timeZone })}</p>
      {when('startsAt', t('salons.admin.form.startsAt'))}
      {when('endsAt', t('salons.admin.form.endsAt'))}
      {text('venue', t('salons.admin.form.venue'), t('salons.admin.form.venueHint'))}
      {text('onlineLink', t('salons.admin.form.onlineLink'))}
      {count('capacity', t('salons.admin.form.capacity'))}
      {count('seatsPerEnterprise', t('salons.admin.form.seatsPerEnterprise'))}
      {when('registrationOpensAt', t('salons.admin.form.registrationOpensAt'))}
      {when('registrationClosesAt', t('salons.admin.form.registrationClosesAt'))}
      <fieldset className={'topic-list' + (error('expertIds') ? ' field-invalid' : '')}>
        <legend>{t('salons.admin.form.experts')}</legend>
        <ProblemAlert problem={experts.problem} />
        {experts.data && experts.data.content.length === 0 && <p className="muted">{t('salons.admin.form.noExperts')}</p>}
        {experts.data?.content.map((x) => (
          <label key={x.id} className="row">
            <input type="checkbox" checked={draft.expertIds.includes(x.id)}
                   onChange={(e) => set({
                     expertIds: e.target.checked ? [...draft.expertIds, x.id] : draft.expertIds.filter((id) => id !== x.id),
                   })} />
            {x.name}{x.organisation ? ` (${x.organisation})` : ''}
          </label>
        ))}
        {error('expertIds') && <p className="field-error">{error('expertIds')}</p>}
      </fieldset>
      <ProblemAlert problem={create.problem} />
      <div className="row">
        <button type="submit" className="primary" disabled={create.pending}>
          {create.pending ? t('common.saving') : t('salons.admin.form.submit')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
