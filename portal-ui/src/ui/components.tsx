import { useEffect, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import type { ApiProblem } from '../api/problem';

/** A page: its title in the tab and as the one h1, optional actions beside it. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** A server's problem detail, in words a person understands; field errors are shown by their fields. */
export function ProblemAlert({ problem }: { problem?: ApiProblem }) {
  const { t } = useI18n();
  if (!problem) return null;
  const known = t('problem.' + problem.slug);
  const title = known !== 'problem.' + problem.slug ? known : problem.title;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{title}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.fieldErrors.length > 0 && <p>{t('problem.fieldsBelow')}</p>}
      {problem.traceId && <p className="muted small">{t('problem.reference', { id: problem.traceId })}</p>}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status" aria-live="polite">{t('common.loading')}</p>;
}

/** An empty list: says what it is and what to do next. */
export function Empty({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

/**
 * A labelled form field with its error (the client's own check or the server's field error) wired for screen
 * readers. `children` receives the id and aria attributes to put on the input.
 */
export function Field({ label, error, hint, children }: {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? id + '-error' : undefined, hint ? id + '-hint' : undefined].filter(Boolean).join(' ');
  return (
    <div className={'field' + (error ? ' field-invalid' : '')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy || undefined })}
      {hint && <p id={id + '-hint'} className="hint">{hint}</p>}
      {error && <p id={id + '-error'} className="field-error">{error}</p>}
    </div>
  );
}

/** Page navigation for the platform's page views (`page` is 0-based). */
export function Pagination({ page, totalPages, onChange }: {
  page: number;
  totalPages: number;
  onChange(page: number): void;
}) {
  const { t } = useI18n();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button type="button" onClick={() => onChange(page - 1)} disabled={page <= 0}>{t('common.previous')}</button>
      <span>{t('common.pageOf', { page: page + 1, pages: totalPages })}</span>
      <button type="button" onClick={() => onChange(page + 1)} disabled={page + 1 >= totalPages}>{t('common.next')}</button>
    </nav>
  );
}

/** Progress of an upload or download; `fraction` undefined while the size is unknown. */
export function Progress({ label, fraction }: { label: string; fraction?: number }) {
  return (
    <div className="progress">
      <span>{label}</span>
      <progress max={1} value={fraction} aria-label={label} />
      {fraction !== undefined && <span>{Math.round(fraction * 100)}%</span>}
    </div>
  );
}

export function Status({ value }: { value: string }) {
  const { t } = useI18n();
  const key = 'status.' + value;
  const text = t(key);
  return <span className={'badge badge-' + value.toLowerCase()}>{text === key ? value : text}</span>;
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </Page>
  );
}
