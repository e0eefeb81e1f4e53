import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { expert } from '../../nav';
import { useSession } from '../../session/session';
import { Empty, Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { loadMyProfile } from './profile';

/** The expert's weekly availability, date overrides and booking rules, in the time zone of their profile. */
export default function AvailabilityPage() {
  return <Restricted allowed={expert}><Availability /></Restricted>;
}

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
type Day = (typeof DAYS)[number];

interface Window { start: string; end: string }
interface Override { date: string; windows: Window[] }
interface Settings {
  slotMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNoticeMinutes: string;
  maxSessionsPerDay: string;
  cancellationCutoffMinutes: string;
  autoConfirm: boolean;
}

/** Each number setting: its range, and whether it may be left empty. */
const RANGES: Record<Exclude<keyof Settings, 'autoConfirm'>, { min: number; max: number; optional: boolean }> = {
  slotMinutes: { min: 15, max: 240, optional: false },
  bufferBeforeMinutes: { min: 0, max: 240, optional: true },
  bufferAfterMinutes: { min: 0, max: 240, optional: true },
  minimumNoticeMinutes: { min: 0, max: 43200, optional: true },
  maxSessionsPerDay: { min: 1, max: 96, optional: true },
  cancellationCutoffMinutes: { min: 0, max: 43200, optional: true },
};

const hm = (time: string) => time.slice(0, 5);
/** Minutes of the day; an end of 00:00 is midnight at the end of the day. */
const minutes = (time: string, end: boolean) => {
  const [h, m] = time.split(':').map(Number);
  const value = h * 60 + m;
  return end && value === 0 ? 24 * 60 : value;
};
/** Why a window is not valid, or undefined. */
export function windowProblem(w: Window): 'missing' | 'order' | undefined {
  if (!w.start || !w.end) return 'missing';
  return minutes(w.start, false) < minutes(w.end, true) ? undefined : 'order';
}

function Availability() {
  const { t, timeZone: viewerZone } = useI18n();
  const session = useSession();
  const expertId = session.user?.subject ?? '';
  const profile = useAsync(() => loadMyProfile(expertId), [expertId]);
  const current = useAsync(async () => {
    try {
      return await call(salons.GET('/api/salons/experts/{expertId}/availability', { params: { path: { expertId } } }));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) return null;
      throw e;
    }
  }, [expertId]);
  const [weekly, setWeekly] = useState<Record<Day, Window[]>>(() => emptyWeek());
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [settings, setSettings] = useState<Settings>({
    slotMinutes: '60', bufferBeforeMinutes: '0', bufferAfterMinutes: '0', minimumNoticeMinutes: '0',
    maxSessionsPerDay: '', cancellationCutoffMinutes: '1440', autoConfirm: false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const a = current.data;
    if (!a) return;
    const week = emptyWeek();
    for (const w of a.weekly) week[w.day as Day].push({ start: hm(w.start), end: hm(w.end) });
    setWeekly(week);
    setOverrides(a.overrides.map((o) => ({ date: o.date, windows: o.windows.map((w) => ({ start: hm(w.start), end: hm(w.end) })) })));
    setSettings({
      slotMinutes: String(a.slotMinutes), bufferBeforeMinutes: String(a.bufferBeforeMinutes),
      bufferAfterMinutes: String(a.bufferAfterMinutes), minimumNoticeMinutes: String(a.minimumNoticeMinutes),
      maxSessionsPerDay: a.maxSessionsPerDay == null ? '' : String(a.maxSessionsPerDay),
      cancellationCutoffMinutes: String(a.cancellationCutoffMinutes), autoConfirm: a.autoConfirm,
    });
  }, [current.data]);

  const save = useSubmit(async () => {
    const number = (v: string) => (v.trim() === '' ? undefined : Number(v));
    await call(salons.PUT('/api/salons/experts/{expertId}/availability', {
      params: { path: { expertId } },
      body: {
        weekly: DAYS.flatMap((day) => weekly[day].map((w) => ({ day, start: w.start, end: w.end }))),
        overrides: overrides.map((o) => ({ date: o.date, windows: o.windows })),
        slotMinutes: Number(settings.slotMinutes),
        bufferBeforeMinutes: number(settings.bufferBeforeMinutes),
        bufferAfterMinutes: number(settings.bufferAfterMinutes),
        minimumNoticeMinutes: number(settings.minimumNoticeMinutes),
        maxSessionsPerDay: number(settings.maxSessionsPerDay),
        autoConfirm: settings.autoConfirm,
        cancellationCutoffMinutes: number(settings.cancellationCutoffMinutes),
      } as never,
    }));
    setSaved(true);
    current.reload();
  });

  if ((profile.loading && profile.data === undefined) || (current.loading && current.data === undefined && !current.problem)) {
    return <Loading />;
  }
  if (profile.data === null) {
    return (
      <Page title={t('expert.availability.title')}>
        <Empty action={<Link className="button primary" to="/expert/profile">{t('expert.profile.create')}</Link>}>
          {t('expert.availability.noProfile')}
        </Empty>
      </Page>
    );
  }
  const zone = profile.data?.timeZone ?? current.data?.timeZone ?? '';
  const problem = save.problem;
  // The server names a window by its position in the weekly list it received (weekly[3].end): find it there.
  const weeklyIndex = (day: Day, i: number) => DAYS.slice(0, DAYS.indexOf(day)).reduce((n, d) => n + weekly[d].length, 0) + i;
  const serverError = (prefix: string) => problem?.fieldErrors.find((f) => f.field === prefix || f.field.startsWith(prefix + '.'))?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    for (const day of DAYS) {
      weekly[day].forEach((w, i) => {
        const p = windowProblem(w);
        if (p) found[`${day}.${i}`] = t('expert.availability.window.' + p);
      });
    }
    const dates = new Set<string>();
    overrides.forEach((o, i) => {
      if (!o.date) found[`override.${i}`] = t('common.required');
      else if (dates.has(o.date)) found[`override.${i}`] = t('expert.availability.duplicateDate');
      dates.add(o.date);
      o.windows.forEach((w, j) => {
        const p = windowProblem(w);
        if (p) found[`override.${i}.${j}`] = t('expert.availability.window.' + p);
      });
    });
    for (const [name, range] of Object.entries(RANGES)) {
      const raw = settings[name as keyof typeof RANGES].trim();
      if (raw === '' && range.optional) continue;
      const value = Number(raw);
      if (raw === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
        found[name] = t('expert.availability.range', { min: range.min, max: range.max });
      }
    }
    setErrors(found);
    if (Object.keys(found).length === 0) void save.run();
  };

  const setDay = (day: Day, windows: Window[]) => { setSaved(false); setWeekly({ ...weekly, [day]: windows }); };
  const setOverride = (i: number, o: Override) => { setSaved(false); setOverrides(overrides.map((x, j) => (i === j ? o : x))); };

  return (
    <Page title={t('expert.availability.title')}
          actions={<Link className="button" to="/expert/profile">{t('expert.nav.profile')}</Link>}>
      <p className="lead">{t('expert.availability.lead', { zone })}</p>
      {zone && zone !== viewerZone && (
        <p className="alert alert-info">{t('expert.availability.otherZone', { zone, viewer: viewerZone })}</p>
      )}
      <ProblemAlert problem={current.problem} />
      <form onSubmit={submit} noValidate>
        <h2>{t('expert.availability.weekly')}</h2>
        <div className="card">
          {DAYS.map((day) => (
            <fieldset key={day}>
              <legend>{t('expert.day.' + day)}</legend>
              {weekly[day].length === 0 && <p className="muted small">{t('expert.availability.dayFree')}</p>}
              <WindowRows windows={weekly[day]} onChange={(w) => setDay(day, w)} label={t('expert.day.' + day)}
                          error={(i) => errors[`${day}.${i}`] ?? serverError(`weekly[${weeklyIndex(day, i)}]`)} />
            </fieldset>
          ))}
        </div>

        <h2>{t('expert.availability.overrides')}</h2>
        <p>{t('expert.availability.overridesLead')}</p>
        <div className="card">
          {overrides.length === 0 && <p className="muted">{t('expert.availability.noOverrides')}</p>}
          {overrides.map((o, i) => (
            <fieldset key={i}>
              <legend>{t('expert.availability.override', { number: i + 1 })}</legend>
              <Field label={t('expert.availability.date')} error={errors[`override.${i}`] ?? serverError(`overrides[${i}].date`)}>
                {(p) => <input {...p} type="date" value={o.date} onChange={(e) => setOverride(i, { ...o, date: e.target.value })} />}
              </Field>
              {o.windows.length === 0 && <p className="muted small">{t('expert.availability.dayOff')}</p>}
              <WindowRows windows={o.windows} onChange={(w) => setOverride(i, { ...o, windows: w })}
                          label={o.date || t('expert.availability.override', { number: i + 1 })}
                          error={(j) => errors[`override.${i}.${j}`] ?? serverError(`overrides[${i}].windows[${j}]`)} />
              <button type="button" onClick={() => setOverrides(overrides.filter((_, j) => j !== i))}>
                {t('expert.availability.removeOverride', { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" onClick={() => setOverrides([...overrides, { date: '', windows: [] }])}>
            {t('expert.availability.addOverride')}
          </button>
        </div>

        <h2>{t('expert.availability.rules')}</h2>
        <div className="card">
          {(Object.keys(RANGES) as (keyof typeof RANGES)[]).map((name) => (
            <Field key={name} label={t('expert.availability.setting.' + name)} error={errors[name] ?? problem?.fieldError(name)}
                   hint={t('expert.availability.range', { min: RANGES[name].min, max: RANGES[name].max })}>
              {(p) => <input {...p} type="number" inputMode="numeric" value={settings[name]}
                             onChange={(e) => { setSaved(false); setSettings({ ...settings, [name]: e.target.value }); }} />}
            </Field>
          ))}
          <label className="row">
            <input type="checkbox" checked={settings.autoConfirm}
                   onChange={(e) => setSettings({ ...settings, autoConfirm: e.target.checked })} />
            {t('expert.availability.setting.autoConfirm')}
          </label>
        </div>
        <ProblemAlert problem={problem} />
        {saved && <p className="alert alert-ok" role="status">{t('common.saved')}</p>}
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </Page>
  );
}

function emptyWeek(): Record<Day, Window[]> {
  return Object.fromEntries(DAYS.map((d) => [d, []])) as unknown as Record<Day, Window[]>;
}

function WindowRows({ windows, onChange, label, error }: {
  windows: Window[];
  onChange(windows: Window[]): void;
  label: string;
  error(i: number): string | undefined;
}) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<Window>) => onChange(windows.map((w, j) => (i === j ? { ...w, ...change } : w)));
  return (
    <>
      {windows.map((w, i) => (
        <div key={i} className="row">
          <Field label={t('expert.availability.from', { what: label, number: i + 1 })} error={error(i)}>
            {(p) => <input {...p} type="time" value={w.start} onChange={(e) => set(i, { start: e.target.value })} />}
          </Field>
          <Field label={t('expert.availability.to', { what: label, number: i + 1 })}>
            {(p) => <input {...p} type="time" value={w.end} onChange={(e) => set(i, { end: e.target.value })} />}
          </Field>
          <button type="button" onClick={() => onChange(windows.filter((_, j) => j !== i))}>
            {t('expert.availability.removeWindow', { what: label, number: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...windows, { start: '09:00', end: '17:00' }])}>
        {t('expert.availability.addWindow', { what: label })}
      </button>
    </>
  );
}
