import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call, events } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Empty, Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { localInput } from './clusters';
import { secretariatUser, type GridView } from './shared';

/** The secretariat's matchmaking: the slots and tables it lays out, and which meeting sits where. */
export default function MeetingGridPage() {
  return <Restricted allowed={secretariatUser}><MeetingGrid /></Restricted>;
}

interface SlotDraft { id?: string; startsAt: string; endsAt: string }
interface TableDraft { id?: string; name: string }

function MeetingGrid() {
  const { eventId = '' } = useParams();
  const { t, dateTime, time } = useI18n();
  const plan = useAsync(() => call(events.GET('/api/events/events/{eventId}/meeting-slots', {
    params: { path: { eventId } },
  })), [eventId]);
  const grid = useAsync(async () => (await call(events.GET('/api/events/events/{eventId}/meetings', {
    params: { path: { eventId } },
  }))) as unknown as GridView, [eventId]);
  const noPlan = plan.problem?.status === 404;
  return (
    <Page title={t('events.grid.title')}>
      <p><Link to={`/events/${eventId}`}>{t('events.backToEvent')}</Link></p>
      {!noPlan && <ProblemAlert problem={plan.problem ?? grid.problem} />}
      {(plan.loading || grid.loading) && !grid.data && !plan.problem && <Loading />}
      {grid.data && (
        <>
          <p aria-live="polite">
            {Object.entries(grid.data.counts ?? {}).map(([status, n]) => `${t('events.meetingStatus.' + status)}: ${n}`).join(' · ')}
          </p>
          {grid.data.slots.length === 0 ? <Empty>{t('events.grid.empty')}</Empty> : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('events.slot')}</th>
                    {grid.data.tables.map((table) => <th scope="col" key={table.id}>{table.name}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {grid.data.slots.map((row) => (
                    <tr key={row.slot.id}>
                      <th scope="row">{row.slot.startsAt && dateTime(row.slot.startsAt, 'short')}–{row.slot.endsAt && time(row.slot.endsAt)}</th>
                      {row.tables.map((cell) => (
                        <td key={cell.tableId}>
                          {cell.meeting ? `${cell.meeting.requesterEnterpriseId} ↔ ${cell.meeting.inviteeEnterpriseId}` : <span className="muted">{t('events.grid.free')}</span>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {(plan.data || noPlan) && (
        <PlanEditor eventId={eventId} plan={plan.data} onSaved={() => { plan.reload(); grid.reload(); }} />
      )}
    </Page>
  );
}

function PlanEditor({ eventId, plan, onSaved }: {
  eventId: string;
  plan?: { slots?: { id?: string; localStartsAt?: string; localEndsAt?: string }[]; tables?: { id?: string; name?: string }[]; timeZone?: string };
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [slots, setSlots] = useState<SlotDraft[]>([]);
  const [tables, setTables] = useState<TableDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setSlots((plan?.slots ?? []).map((s) => ({ id: s.id, startsAt: localInput(s.localStartsAt), endsAt: localInput(s.localEndsAt) })));
    setTables((plan?.tables ?? []).map((tb) => ({ id: tb.id, name: tb.name ?? '' })));
  }, [plan]);
  const save = useSubmit(async () => {
    await call(events.PUT('/api/events/events/{eventId}/meeting-slots', {
      params: { path: { eventId } },
      body: {
        slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt + ':00', endsAt: s.endsAt + ':00' })),
        tables: tables.map((tb) => ({ id: tb.id, name: tb.name.trim() })),
      },
    }));
    setSaved(true);
    onSaved();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    if (slots.length === 0) found.slots = t('events.grid.needSlot');
    if (tables.length === 0) found.tables = t('events.grid.needTable');
    slots.forEach((s, i) => { if (!s.startsAt || !s.endsAt || s.endsAt <= s.startsAt) found[`slot.${i}`] = t('events.form.endAfterStart'); });
    tables.forEach((tb, i) => { if (!tb.name.trim()) found[`table.${i}`] = t('events.required'); });
    setErrors(found);
    if (Object.keys(found).length === 0) void save.run();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('events.grid.plan')}</h2>
      {plan?.timeZone && <p className="hint">{t('events.grid.zone', { zone: plan.timeZone })}</p>}
      <h3>{t('events.grid.slots')}</h3>
      {errors.slots && <p className="field-error">{errors.slots}</p>}
      {slots.map((s, i) => (
        <fieldset key={i} className="row">
          <legend className="visually-hidden">{t('events.grid.slotN', { n: i + 1 })}</legend>
          <Field label={t('events.form.startsAt')} error={errors[`slot.${i}`]}>
            {(props) => <input {...props} type="datetime-local" value={s.startsAt} onChange={(e) => setSlots(slots.map((x, j) => (j === i ? { ...x, startsAt: e.target.value } : x)))} />}
          </Field>
          <Field label={t('events.form.endsAt')}>
            {(props) => <input {...props} type="datetime-local" value={s.endsAt} onChange={(e) => setSlots(slots.map((x, j) => (j === i ? { ...x, endsAt: e.target.value } : x)))} />}
          </Field>
          <button type="button" onClick={() => setSlots(slots.filter((_, j) => j !== i))}>{t('events.grid.remove')}</button>
        </fieldset>
      ))}
      <p><button type="button" onClick={() => setSlots([...slots, { startsAt: '', endsAt: '' }])}>{t('events.grid.addSlot')}</button></p>
      <h3>{t('events.grid.tables')}</h3>
      {errors.tables && <p className="field-error">{errors.tables}</p>}
      {tables.map((tb, i) => (
        <div key={i} className="row">
          <Field label={t('events.grid.tableN', { n: i + 1 })} error={errors[`table.${i}`]}>
            {(props) => <input {...props} value={tb.name} maxLength={100} onChange={(e) => setTables(tables.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />}
          </Field>
          <button type="button" onClick={() => setTables(tables.filter((_, j) => j !== i))}>{t('events.grid.remove')}</button>
        </div>
      ))}
      <p><button type="button" onClick={() => setTables([...tables, { name: '' }])}>{t('events.grid.addTable')}</button></p>
      <ProblemAlert problem={save.problem} />
      <div aria-live="polite">{saved && <p className="alert alert-ok">{t('common.saved')}</p>}</div>
      <button type="submit" className="primary" disabled={save.pending}>{t('events.grid.savePlan')}</button>
    </form>
  );
}
