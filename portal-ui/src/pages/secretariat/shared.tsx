import { useState, type FormEvent, type ReactNode } from 'react';
import { NavLink, useParams } from 'react-router';
import { call, membership } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { Session } from '../../session/session';
import { Field, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';

/** The cluster of the current `/secretariat/{clusterId}/...` route. */
export function useClusterId(): string {
  return useParams().clusterId ?? '';
}

/** Shows its children only to the secretariat of the route's cluster (the services check every call again). */
export function SecretariatOnly({ children }: { children: ReactNode }) {
  const clusterId = useClusterId();
  return <Restricted allowed={(s: Session) => s.isSecretariatOf(clusterId)}>{children}</Restricted>;
}

const SECTIONS = ['', 'applications', 'members', 'conventions', 'officers', 'standards', 'tiers', 'salons'] as const;

/** A page of a cluster's secretariat workspace: the title, then the workspace's sections as tabs. */
export function ClusterPage({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const clusterId = useClusterId();
  const { t } = useI18n();
  return (
    <Page title={title} actions={actions}>
      <p className="muted small">{t('secretariat.cluster', { clusterId })}</p>
      <nav className="tabs" aria-label={t('secretariat.sections')}>
        {SECTIONS.map((section) => (
          <NavLink key={section} to={`/secretariat/${clusterId}${section ? '/' + section : ''}`} end={section === ''}
                   className={({ isActive }) => (isActive ? 'active' : '')}>
            {t('secretariat.section.' + (section || 'dashboard'))}
          </NavLink>
        ))}
      </nav>
      {children}
    </Page>
  );
}

/** The cluster with its tiers (for tier names and pickers). */
export function useClusterInfo(clusterId: string) {
  return useAsync(() => call(membership.GET('/api/membership/clusters/{clusterId}', {
    params: { path: { clusterId } },
  })), [clusterId]);
}

/**
 * Converts a local date-time from a `datetime-local` input (`2026-12-01T18:00`), meant in `timeZone`, to the
 * UTC instant the services take (ISO-8601 with Z).
 */
export function zonedToInstant(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError('Not a local date-time: ' + local);
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    const seen = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    return seen - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** Today as `yyyy-MM-dd` in a time zone (for date inputs' bounds and checks). */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * A required (or optional) reason and one button: rejecting, suspending, reinstating. Validates before sending and
 * shows the server's error on the reason field.
 */
export function ReasonForm({ label, submitLabel, required = true, onSubmit, onDone }: {
  label: string;
  submitLabel: string;
  required?: boolean;
  onSubmit(reason: string): Promise<unknown>;
  onDone?(): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submission = useSubmit(async (text: string) => { await onSubmit(text); });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (required && !text) {
      setError(t('secretariat.reasonRequired'));
      return;
    }
    if (text.length > 2000) {
      setError(t('secretariat.tooLong', { max: 2000 }));
      return;
    }
    setError(undefined);
    if (await submission.run(text)) {
      setReason('');
      onDone?.();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field label={label} error={error ?? submission.problem?.fieldError('reason')}>
        {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ProblemAlert problem={submission.problem} />
      <button type="submit" disabled={submission.pending}>{submitLabel}</button>
    </form>
  );
}
