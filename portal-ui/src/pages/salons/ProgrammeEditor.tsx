import { useEffect, useState, type FormEvent } from 'react';
import { call, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, ProblemAlert } from '../../ui/components';
import { useSubmit } from '../../ui/useAsync';
import {
  localDateTime, localInput, SESSION_KINDS, type ProgrammeView, type SalonView, type SessionKind, type SessionSlotView,
} from './admin';

type SlotAction = 'opening' | 'confirmation' | 'release';

/**
 * The programme's sessions with who holds them: the secretariat opens a planned session to the experts, and confirms
 * or releases an expert's booking.
 */
export function SessionExperts({ salonId, programme, started, onChange }: {
  salonId: string;
  programme: ProgrammeView;
  started: boolean;
  onChange(): void;
}) {
  const { t, dateTime } = useI18n();
  const [done, setDone] = useState<string>();
  const act = useSubmit(async (slot: SessionSlotView, action: SlotAction) => {
    const params = { params: { path: { salonId, slotId: slot.id } } };
    if (action === 'opening') await call(salons.POST('/api/salons/salons/{salonId}/programme/{slotId}/opening', params));
    else if (action === 'confirmation') await call(salons.POST('/api/salons/salons/{salonId}/programme/{slotId}/confirmation', params));
    else await call(salons.POST('/api/salons/salons/{salonId}/programme/{slotId}/release', params));
    setDone(t('salons.admin.sessions.done.' + action, { title: slot.title }));
    onChange();
  });
  const button = (slot: SessionSlotView, action: SlotAction, className?: string) => (
    <button type="button" className={className} disabled={act.pending || started}
            onClick={() => { setDone(undefined); void act.run(slot, action); }}>
      {t('salons.admin.sessions.' + action, { title: slot.title })}
    </button>
  );
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('salons.admin.sessions.title')}</h2>
      <div aria-live="polite">{done && <p className="alert alert-ok" role="status">{done}</p>}</div>
      <ProblemAlert problem={act.problem} />
      {programme.slots.length === 0 && <Empty>{t('salons.admin.sessions.empty')}</Empty>}
      {programme.slots.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('salons.programme.session')}</th>
                <th scope="col">{t('salons.salon.when')}</th>
                <th scope="col">{t('salons.admin.sessions.state')}</th>
                <th scope="col">{t('salons.programme.expert')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {programme.slots.map((slot) => (
                <tr key={slot.id}>
                  <th scope="row">{t('salons.programme.kind.' + slot.kind)}: {slot.title}</th>
                  <td>{dateTime(slot.startsAt)} – {dateTime(slot.endsAt)}</td>
                  <td>{t('salons.admin.slotState.' + slot.state)}</td>
                  <td>
                    {slot.expert ? slot.expert.name : t('common.none')}
                    {slot.bookedAt && <div className="muted small">{t('salons.admin.sessions.bookedAt', { when: dateTime(slot.bookedAt) })}</div>}
                  </td>
                  <td>
                    <div className="row">
                      {slot.state === 'PLANNED' && button(slot, 'opening')}
                      {slot.state === 'BOOKED' && button(slot, 'confirmation', 'primary')}
                      {(slot.state === 'BOOKED' || slot.state === 'CONFIRMED') && button(slot, 'release', 'danger')}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface SlotDraft {
  id?: string;
  kind: SessionKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** Held by an expert: the service refuses to move or remove it. */
  taken: boolean;
}

const draftOf = (slot: SessionSlotView): SlotDraft => ({
  id: slot.id, kind: slot.kind as SessionKind, title: slot.title, description: slot.description ?? '',
  startsAt: localInput(slot.localStartsAt), endsAt: localInput(slot.localEndsAt),
  taken: slot.state === 'BOOKED' || slot.state === 'CONFIRMED',
});

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The programme rules the service enforces: each slot complete, within the salon, none overlapping another. */
function validateProgramme(slots: SlotDraft[], salonFrom: string, salonTo: string, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  slots.forEach((s, i) => {
    if (!s.title.trim()) errors[`slots[${i}].title`] = t('common.required');
    else if (s.title.trim().length > 200) errors[`slots[${i}].title`] = t('salons.tooLong', { max: 200 });
    if (s.description.trim().length > 5000) errors[`slots[${i}].description`] = t('salons.tooLong', { max: 5000 });
    if (!s.startsAt) errors[`slots[${i}].startsAt`] = t('common.required');
    if (!s.endsAt) errors[`slots[${i}].endsAt`] = t('common.required');
    else if (s.startsAt && s.endsAt <= s.startsAt) errors[`slots[${i}].endsAt`] = t('salons.admin.form.endAfterStart');
    else if (s.startsAt && (s.startsAt < salonFrom || s.endsAt > salonTo)) {
      errors[`slots[${i}].startsAt`] = t('salons.admin.programme.withinSalon');
    }
  });
  const timed = slots.map((s, i) => ({ ...s, i })).filter((s) => s.startsAt && s.endsAt > s.startsAt)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (let k = 1; k < timed.length; k++) {
    if (timed[k].startsAt < timed[k - 1].endsAt) {
      errors[`slots[${timed[k].i}].startsAt`] ??= t('salons.admin.programme.overlaps', { title: timed[k - 1].title.trim() });
    }
  }
  return errors;
}

const MAX_SLOTS = 100;

/**
 * The whole programme as one form, times as wall-clock times of the salon's zone; saving replaces it (kept slots by
 * their id). Slots an expert holds keep their times and cannot be removed.
 */
export function ProgrammeEditor({ salon, programme, onSaved }: {
  salon: SalonView;
  programme: ProgrammeView;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [slots, setSlots] = useState<SlotDraft[]>(() => programme.slots.map(draftOf));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  // what the service now holds (after saving, or after a session changed hands): kept slots carry their ids
  useEffect(() => setSlots(programme.slots.map(draftOf)), [programme]);
  const salonFrom = localInput(salon.localStartsAt);
  const salonTo = localInput(salon.localEndsAt);
  const save = useSubmit(async (list: SlotDraft[]) => {
    await call(salons.PUT('/api/salons/salons/{salonId}/programme', {
      params: { path: { salonId: salon.id } },
      body: {
        slots: list.map((s) => ({
          id: s.id, kind: s.kind, title: s.title.trim(), description: s.description.trim() || undefined,
          startsAt: localDateTime(s.startsAt), endsAt: localDateTime(s.endsAt),
        })),
      },
    }));
    setSaved(true);
    onSaved();
  });
  const set = (i: number, change: Partial<SlotDraft>) => {
    setSaved(false);
    setSlots(slots.map((s, j) => (i === j ? { ...s, ...change } : s)));
  };
  const add = () => {
    const last = slots[slots.length - 1];
    setSaved(false);
    setSlots([...slots, { kind: 'TALK', title: '', description: '', startsAt: last?.endsAt ?? salonFrom, endsAt: '', taken: false }]);
  };
  const error = (name: string) => errors[name] ?? save.problem?.fieldError(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateProgramme(slots, salonFrom, salonTo, t);
    setErrors(found);
    if (Object.keys(found).length === 0) void save.run(slots);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="programme-heading">
      <h2 id="programme-heading">{t('salons.admin.programme.title')}</h2>
      <p className="hint">{t('salons.admin.programme.lead', { zone: salon.timeZone })}</p>
      <div aria-live="polite">{saved && <p className="alert alert-ok" role="status">{t('salons.admin.programme.saved')}</p>}</div>
      {slots.length === 0 && <Empty>{t('salons.admin.programme.empty')}</Empty>}
      {slots.map((s, i) => (
        <fieldset key={s.id ?? 'new-' + i} className="card">
          <legend>{t('salons.admin.programme.slot', { number: i + 1 })}</legend>
          <Field label={t('salons.admin.programme.kind')} error={error(`slots[${i}].kind`)}>
            {(p) => (
              <select {...p} value={s.kind} onChange={(e) => set(i, { kind: e.target.value as SessionKind })}>
                {SESSION_KINDS.map((k) => <option key={k} value={k}>{t('salons.programme.kind.' + k)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('salons.admin.programme.slotTitle')} error={error(`slots[${i}].title`)}>
            {(p) => <input {...p} value={s.title} onChange={(e) => set(i, { title: e.target.value })} />}
          </Field>
          <Field label={t('salons.admin.programme.description')} error={error(`slots[${i}].description`)}>
            {(p) => <textarea {...p} rows={2} value={s.description} onChange={(e) => set(i, { description: e.target.value })} />}
          </Field>
          <Field label={t('salons.admin.programme.startsAt')} error={error(`slots[${i}].startsAt`)}
                 hint={s.taken ? t('salons.admin.programme.takenHint') : undefined}>
            {(p) => <input {...p} type="datetime-local" value={s.startsAt} disabled={s.taken} min={salonFrom} max={salonTo}
                           onChange={(e) => set(i, { startsAt: e.target.value })} />}
          </Field>
          <Field label={t('salons.admin.programme.endsAt')} error={error(`slots[${i}].endsAt`)}>
            {(p) => <input {...p} type="datetime-local" value={s.endsAt} disabled={s.taken} min={salonFrom} max={salonTo}
                           onChange={(e) => set(i, { endsAt: e.target.value })} />}
          </Field>
          {!s.taken && (
            <button type="button" onClick={() => { setSaved(false); setSlots(slots.filter((_, j) => j !== i)); }}>
              {t('salons.admin.programme.remove', { number: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <ProblemAlert problem={save.problem} />
      <div className="row">
        <button type="button" onClick={add} disabled={slots.length >= MAX_SLOTS}>{t('salons.admin.programme.add')}</button>
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('salons.admin.programme.save')}
        </button>
      </div>
    </form>
  );
}
