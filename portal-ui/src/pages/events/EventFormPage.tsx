import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { localInput } from './clusters';
import { EVENT_KINDS, secretariatUser, type EventInput, type EventView } from './shared';

interface SessionDraft { title: string; startsAt: string; endsAt: string; speakers: string }

interface Draft {
  kind: EventInput['kind'];
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
  visibility: EventInput['visibility'];
  registrationPolicy: EventInput['registrationPolicy'];
  agenda: SessionDraft[];
}

function draftOf(e: EventView | undefined, timeZone: string): Draft {
  // the editable form is in the event's own zone: what the server gives back as local times
  const local = (instant?: string) => (instant && e?.timeZone ? zoned(instant, e.timeZone) : '');
  return {
    kind: e?.kind ?? 'COOPERATION_MEETING',
    title: e?.title ?? '',
    description: e?.description ?? '',
    startsAt: localInput(e?.localStartsAt),
    endsAt: localInput(e?.localEndsAt),
    timeZone: e?.timeZone ?? timeZone,
    venue: e?.venue ?? '',
    onlineLink: e?.onlineLink ?? '',
    capacity: e ? String(e.capacity) : '',
    seatsPerEnterprise: e ? String(e.seatsPerEnterprise) : '',
    registrationOpensAt: local(e?.registrationOpensAt),
    registrationClosesAt: local(e?.registrationClosesAt),
    visibility: e?.visibility ?? 'MEMBERS_ONLY',
    registrationPolicy: e?.registrationPolicy ?? 'AUTOMATIC',
    agenda: (e?.agenda ?? []).map((s) => ({
      title: s.title ?? '', startsAt: localInput(s.localStartsAt), endsAt: localInput(s.localEndsAt),
      speakers: (s.speakers ?? []).map((p) => [p.name, p.title, p.organisation].filter(Boolean).join(', ')).join('\n'),
    })),
  };
}

/** An instant as a `datetime-local` value in a zone. */
function zoned(instant: string, zone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const seconds = (local: string) => (local.length === 16 ? local + ':00' : local);

/** The request body: local date-times in the event's zone, as the service reads them. */
function inputOf(d: Draft): EventInput {
  return {
    kind: d.kind,
    title: d.title.trim(),
    description: d.description.trim() || undefined,
    startsAt: seconds(d.startsAt),
    endsAt: seconds(d.endsAt),
    timeZone: d.timeZone.trim(),
    venue: d.venue.trim() || undefined,
    onlineLink: d.onlineLink.trim() || undefined,
    capacity: Number(d.capacity),
    seatsPerEnterprise: Number(d.seatsPerEnterprise),
    registrationOpensAt: seconds(d.registrationOpensAt),
    registrationClosesAt: seconds(d.registrationClosesAt),
    visibility: d.visibility,
    registrationPolicy: d.registrationPolicy,
    agenda: d.agenda.map((s) => ({
      title: s.title.trim(), startsAt: seconds(s.startsAt), endsAt: seconds(s.endsAt),
      speakers: s.speakers.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
        const [name, title, organisation] = line.split(',').map((p) => p.trim());
        return { name, title: title || undefined, organisation: organisation || undefined };
      }),
    })),
  };
}

function validate(d: Draft, t: (key: string, vars?: Record<string, string | number>) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('events.required');
  if (!d.title.trim()) errors.title = required;
  if (!d.startsAt) errors.startsAt = required;
  if (!d.endsAt) errors.endsAt = required;
  else if (d.startsAt && d.endsAt <= d.startsAt) errors.endsAt = t('events.form.endAfterStart');
  if (!d.timeZone.trim()) errors.timeZone = required;
  const capacity = Number(d.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100000) errors.capacity = t('events.form.between', { min: 1, max: 100000 });
  const seats = Number(d.seatsPerEnterprise);
  if (!Number.isInteger(seats) || seats < 1 || (Number.isInteger(capacity) && seats > capacity)) {
    errors.seatsPerEnterprise = t('events.form.seatsRule');
  }
  if (!d.registrationOpensAt) errors.registrationOpensAt = required;
  if (!d.registrationClosesAt) errors.registrationClosesAt = required;
  else if (d.registrationOpensAt && d.registrationClosesAt <= d.registrationOpensAt) errors.registrationClosesAt = t('events.form.closeAfterOpen');
  else if (d.startsAt && d.registrationClosesAt > d.startsAt) errors.registrationClosesAt = t('events.form.closeBeforeStart');
  if (!d.venue.trim() && !d.onlineLink.trim()) errors.venue = t('events.form.venueOrLink');
  if (d.onlineLink.trim() && !/^https:\/\/\S+$/.test(d.onlineLink.trim())) errors.onlineLink = t('events.form.https');
  if (d.visibility === 'MEMBERS_ONLY' && d.registrationPolicy === 'OPEN_WITH_APPROVAL') {
    errors.registrationPolicy = t('events.form.openMustBePublic');
  }
  d.agenda.forEach((s, i) => {
    if (!s.title.trim()) errors[`agenda.${i}.title`] = required;
    if (!s.startsAt || !s.endsAt || s.endsAt <= s.startsAt) errors[`agenda.${i}.endsAt`] = t('events.form.endAfterStart');
    else if ((d.startsAt && s.startsAt < d.startsAt) || (d.endsAt && s.endsAt > d.endsAt)) errors[`agenda.${i}.startsAt`] = t('events.form.withinEvent');
  });
  return errors;
}

/** Creating (`/events/new?cluster=`) or editing (`/events/{id}/edit`) an event, for the cluster's secretariat. */
export default function EventFormPage() {
  return <Restricted allowed={secretariatUser}><EventForm /></Restricted>;
}

function EventForm() {
  const { eventId } = useParams();
  const [params] = useSearchParams();
  const { t, timeZone } = useI18n();
  const navigate = useNavigate();
  const existing = useAsync(async () => eventId
    ? call(events.GET('/api/events/events/{eventId}', { params: { path: { eventId } } }))
    : undefined, [eventId]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined, timeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => { if (existing.data) setDraft(draftOf(existing.data, timeZone)); }, [existing.data, timeZone]);
  const clusterId = eventId ? existing.data?.clusterId : params.get('cluster') ?? undefined;
  const save = useSubmit(async () => {
    const body = inputOf(draft);
    const saved = eventId
      ? await call(events.PATCH('/api/events/events/{eventId}', {
        params: { path: { eventId } }, body: body as never,
      }))
      : await call(events.POST('/api/events/clusters/{clusterId}/events', { params: { path: { clusterId: clusterId! } }, body }));
    navigate(`/events/${saved.id}`);
  });

  const title = eventId ? t('events.form.editTitle') : t('events.form.newTitle');
  if (eventId && existing.loading && !existing.data) return <Loading />;
  if (!clusterId) return <Page title={title}><ProblemAlert problem={existing.problem} />{!existing.problem && <p>{t('events.form.noCluster')}</p>}</Page>;

  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const setSession = (i: number, change: Partial<SessionDraft>) =>
    set({ agenda: draft.agenda.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  const error = (field: string) => errors[field] ?? save.problem?.fieldError(field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(draft, t);
    setErrors(found);
    if (Object.keys(found).length === 0) void save.run();
  };
  const text = (field: 'title' | 'venue' | 'onlineLink' | 'timeZone', label: string, max: number, hint?: string) => (
    <Field label={label} error={error(field)} hint={hint}>
      {(props) => <input {...props} value={draft[field]} maxLength={max} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  const when = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', label: string) => (
    <Field label={label} error={error(field)}>
      {(props) => <input {...props} type="datetime-local" value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  const number = (field: 'capacity' | 'seatsPerEnterprise', label: string) => (
    <Field label={label} error={error(field)}>
      {(props) => <input {...props} type="number" min={1} value={draft[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  return (
    <Page title={title}>
      <form className="card" onSubmit={submit} noValidate>
        <Field label={t('events.kind')} error={error('kind')}>
          {(props) => (
            <select {...props} value={draft.kind} onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}>
              {EVENT_KINDS.map((k) => <option key={k} value={k}>{t('events.kind.' + k)}</option>)}
            </select>
          )}
        </Field>
        {text('title', t('events.form.title'), 200)}
        <Field label={t('events.form.description')} error={error('description')}>
          {(props) => <textarea {...props} rows={4} value={draft.description} maxLength={10000} onChange={(e) => set({ description: e.target.value })} />}
        </Field>
        {text('timeZone', t('events.form.timeZone'), 64, t('events.form.timeZoneHint'))}
        {when('startsAt', t('events.form.startsAt'))}
        {when('endsAt', t('events.form.endsAt'))}
        {text('venue', t('events.venue'), 500)}
        {text('onlineLink', t('events.onlineLink'), 500, t('events.form.httpsHint'))}
        {number('capacity', t('events.form.capacity'))}
        {number('seatsPerEnterprise', t('events.form.seatsPerEnterprise'))}
        {when('registrationOpensAt', t('events.form.registrationOpensAt'))}
        {when('registrationClosesAt', t('events.form.registrationClosesAt'))}
        <Field label={t('events.form.visibility')} error={error('visibility')}>
          {(props) => (
            <select {...props} value={draft.visibility} onChange={(e) => set({ visibility: e.target.value as Draft['visibility'] })}>
              <option value="MEMBERS_ONLY">{t('events.visibility.MEMBERS_ONLY')}</option>
              <option value="PUBLIC">{t('events.visibility.PUBLIC')}</option>
            </select>
          )}
        </Field>
        <Field label={t('events.policy')} error={error('registrationPolicy')}>
          {(props) => (
            <select {...props} value={draft.registrationPolicy} onChange={(e) => set({ registrationPolicy: e.target.value as Draft['registrationPolicy'] })}>
              {(['AUTOMATIC', 'APPROVAL', 'OPEN_WITH_APPROVAL'] as const).map((p) => <option key={p} value={p}>{t('events.policy.' + p)}</option>)}
            </select>
          )}
        </Field>
        <h2>{t('events.agenda')}</h2>
        {draft.agenda.map((s, i) => (
          <fieldset key={i}>
            <legend>{t('events.form.sessionN', { n: i + 1 })}</legend>
            <Field label={t('events.session')} error={error(`agenda.${i}.title`) ?? save.problem?.fieldError(`agenda[${i}].title`)}>
              {(props) => <input {...props} value={s.title} maxLength={200} onChange={(e) => setSession(i, { title: e.target.value })} />}
            </Field>
            <Field label={t('events.form.startsAt')} error={error(`agenda.${i}.startsAt`)}>
              {(props) => <input {...props} type="datetime-local" value={s.startsAt} onChange={(e) => setSession(i, { startsAt: e.target.value })} />}
            </Field>
            <Field label={t('events.form.endsAt')} error={error(`agenda.${i}.endsAt`)}>
              {(props) => <input {...props} type="datetime-local" value={s.endsAt} onChange={(e) => setSession(i, { endsAt: e.target.value })} />}
            </Field>
            <Field label={t('events.speakers')} hint={t('events.form.speakersHint')}>
              {(props) => <textarea {...props} rows={2} value={s.speakers} onChange={(e) => setSession(i, { speakers: e.target.value })} />}
            </Field>
            <button type="button" onClick={() => set({ agenda: draft.agenda.filter((_, j) => j !== i) })}>{t('events.form.removeSession')}</button>
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => set({ agenda: [...draft.agenda, { title: '', startsAt: draft.startsAt, endsAt: '', speakers: '' }] })}>
            {t('events.form.addSession')}
          </button>
        </p>
        <ProblemAlert problem={save.problem} />
        <button type="submit" className="primary" disabled={save.pending}>{save.pending ? t('common.saving') : t('common.save')}</button>
      </form>
    </Page>
  );
}
