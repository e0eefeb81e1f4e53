import { useState } from 'react';
import { call, membership, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { download } from '../../ui/transfer';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { Empty, Loading, ProblemAlert, Progress } from '../../ui/components';

/** The controlled vocabulary of expertise topics (expert profiles, consultation topics, enterprise needs). */
export const TOPICS = [
  'BRAND_STRATEGY', 'BRAND_EVALUATION', 'BRAND_VALUATION', 'TRADEMARKS_AND_IP', 'QUALITY_MANAGEMENT',
  'STANDARDS_AND_CERTIFICATION', 'INTERNATIONAL_MARKETING', 'E_COMMERCE', 'DIGITAL_MARKETING', 'DESIGN', 'PACKAGING',
  'PUBLIC_RELATIONS', 'BRAND_LAW_AND_COMPLIANCE', 'SUPPLY_CHAIN', 'EXPORT_AND_TRADE', 'FINANCING',
] as const;
export type Topic = (typeof TOPICS)[number];

/** A BCP 47 language tag such as `zh-CN` or `en`, as the service accepts it. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Splits a comma-separated list of language tags; `undefined` when one of them is not a tag. */
export function parseLanguages(text: string): string[] | undefined {
  const tags = text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
  return tags.every((tag) => LANGUAGE_TAG.test(tag)) ? tags : undefined;
}

/** Today's calendar date (`yyyy-MM-dd`) in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar date `days` later (or earlier); calendar arithmetic, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface FreeSlot {
  start: string;
  end: string;
  localStart: string;
}

/** Slots grouped by their local date (the date of `localStart`, which the service gives in the asked zone). */
export function groupByDay<S extends FreeSlot>(slots: readonly S[]): [string, S[]][] {
  const days = new Map<string, S[]>();
  for (const slot of slots) {
    const day = slot.localStart.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days.entries()];
}

/** How many weeks ahead the slot picker goes (the service answers at most 31 days per request). */
const WEEKS_AHEAD = 12;

/**
 * The free consultation slots of an expert, one week at a time from today, in the viewer's time zone: the service
 * lays them out in the expert's zone and reports the instants; the picker shows them as the viewer's local times.
 */
export function SlotPicker({ expertId, selected, onSelect, reloadKey = 0 }: {
  expertId: string;
  selected?: string;
  onSelect(start: string): void;
  reloadKey?: number;
}) {
  const { t, timeZone, date, time } = useI18n();
  const [week, setWeek] = useState(0);
  const from = addDays(todayIn(timeZone), week * 7);
  const to = addDays(from, 7);
  const slots = useAsync(() => call(salons.GET('/api/salons/experts/{expertId}/slots', {
    params: { path: { expertId }, query: { from, to, tz: timeZone } },
  })), [expertId, from, to, timeZone, reloadKey]);
  const days = groupByDay(slots.data?.slots ?? []);
  return (
    <fieldset className="slot-picker">
      <legend>{t('salons.slots.legend', { zone: timeZone })}</legend>
      <div className="row">
        <button type="button" onClick={() => setWeek(week - 1)} disabled={week === 0}>{t('salons.slots.earlier')}</button>
        <span aria-live="polite">{t('salons.slots.range', { from: date(from), to: date(addDays(to, -1)) })}</span>
        <button type="button" onClick={() => setWeek(week + 1)} disabled={week >= WEEKS_AHEAD}>{t('salons.slots.later')}</button>
      </div>
      <ProblemAlert problem={slots.problem} />
      {slots.loading && <Loading />}
      {!slots.loading && slots.data && days.length === 0 && <Empty>{t('salons.slots.none')}</Empty>}
      {days.map(([day, daySlots]) => (
        <div key={day} className="slot-day" role="group" aria-label={date(day)}>
          <p className="slot-day-name">{date(day)}</p>
          <div className="slot-list">
            {daySlots.map((slot) => (
              <label key={slot.start} className={'slot' + (selected === slot.start ? ' slot-selected' : '')}>
                <input type="radio" name={'slot-' + expertId} value={slot.start} checked={selected === slot.start}
                       onChange={() => onSelect(slot.start)} />
                {time(slot.start)}–{time(slot.end)}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** Checkboxes for topics of the vocabulary. */
export function TopicChecklist({ legend, value, onChange, error }: {
  legend: string;
  value: readonly string[];
  onChange(topics: string[]): void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={'topic-list' + (error ? ' field-invalid' : '')} aria-describedby={error ? 'topics-error' : undefined}>
      <legend>{legend}</legend>
      {TOPICS.map((topic) => (
        <label key={topic} className="row">
          <input type="checkbox" checked={value.includes(topic)}
                 onChange={(e) => onChange(e.target.checked ? [...value, topic] : value.filter((v) => v !== topic))} />
          {t('salons.topic.' + topic)}
        </label>
      ))}
      {error && <p id="topics-error" className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Topic names in the viewer's language. */
export function useTopicNames() {
  const { t } = useI18n();
  return (topics: readonly string[] | undefined) => (topics ?? []).map((topic) => t('salons.topic.' + topic)).join(', ');
}

/** A membership in which the enterprise may book and register: ACTIVE or GRACE. */
export const inGoodStanding = (status: string) => status === 'ACTIVE' || status === 'GRACE';

/** The signed-in user's memberships (every status), from the member register. */
export const loadMyMemberships = async () => (await call(membership.GET('/api/membership/me'))).memberships;

/** A button that downloads an iCalendar file of the portal (with the session), showing progress and problems. */
export function CalendarDownload({ url, fileName }: { url: string; fileName: string }) {
  const { t } = useI18n();
  const [fraction, setFraction] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const fetchFile = useSubmit(async () => {
    setBusy(true);
    try {
      await download(url, fileName, setFraction);
    } finally {
      setBusy(false);
    }
  });
  return (
    <div>
      <button type="button" onClick={() => void fetchFile.run()} disabled={busy}>{t('salons.calendar.download')}</button>
      {busy && <Progress label={t('salons.calendar.downloading')} fraction={fraction} />}
      <ProblemAlert problem={fetchFile.problem} />
    </div>
  );
}

/** A fresh Idempotency-Key (a UUID); also where `crypto.randomUUID` is missing (plain http on another host). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Where a salon's registration stands at `now`: not yet open, open, closed, or the salon is over. */
export function registrationWindow(s: { registrationOpensAt: string; registrationClosesAt: string; startsAt: string },
                                   now: number): 'notYet' | 'open' | 'closed' | 'started' {
  if (new Date(s.startsAt).getTime() <= now) return 'started';
  if (new Date(s.registrationOpensAt).getTime() > now) return 'notYet';
  if (new Date(s.registrationClosesAt).getTime() <= now) return 'closed';
  return 'open';
}
