import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { Field, ProblemAlert } from '../../ui/components';
import { isEmail, isHttpUrl } from './checks';
import { creditCodeProblem, normaliseCreditCode } from './creditCode';
import type { EnterpriseView } from './data';

export const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'] as const;
const MAX_CONTACTS = 20;
const MAX_TRADEMARKS = 50;

export interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** The profile as the form edits it: every field a string (empty means none). */
export interface EnterpriseDraft {
  legalName: string;
  creditCode: string;
  region: string;
  industry: string;
  size: string;
  website: string;
  trademarks: string;
  contacts: ContactDraft[];
}

/** What membership-service takes: empty fields left out, trademarks one per line. */
export interface ProfileBody {
  legalName: string;
  region: string;
  industry: string;
  size?: string;
  website?: string;
  trademarks: string[];
  contacts: { name: string; role?: string; email?: string; phone?: string }[];
}

const blankContact = (): ContactDraft => ({ name: '', role: '', email: '', phone: '' });

export function draftOf(e?: EnterpriseView): EnterpriseDraft {
  return {
    legalName: e?.legalName ?? '',
    creditCode: e?.creditCode ?? '',
    region: e?.region ?? '',
    industry: e?.industry ?? '',
    size: e?.size ?? '',
    website: e?.website ?? '',
    trademarks: (e?.trademarks ?? []).join('\n'),
    contacts: (e?.contacts ?? []).map((c) => ({
      name: c.name ?? '', role: c.role ?? '', email: c.email ?? '', phone: c.phone ?? '',
    })),
  };
}

const orUndefined = (value: string) => value.trim() || undefined;

export function trademarksOf(draft: EnterpriseDraft): string[] {
  return draft.trademarks.split('\n').map((t) => t.trim()).filter(Boolean);
}

export function profileBody(draft: EnterpriseDraft): ProfileBody {
  return {
    legalName: draft.legalName.trim(),
    region: draft.region.trim(),
    industry: draft.industry.trim(),
    size: orUndefined(draft.size),
    website: orUndefined(draft.website),
    trademarks: trademarksOf(draft),
    contacts: draft.contacts.map((c) => ({
      name: c.name.trim(), role: orUndefined(c.role), email: orUndefined(c.email), phone: orUndefined(c.phone),
    })),
  };
}

type Errors = Record<string, string>;

/** The form's own checks, the same as the service's, keyed by the field names the service uses. */
export function validateDraft(draft: EnterpriseDraft, withCreditCode: boolean, t: (key: string, vars?: Record<string, string | number>) => string): Errors {
  const errors: Errors = {};
  const required = (field: keyof EnterpriseDraft, max: number) => {
    const value = String(draft[field]).trim();
    if (!value) errors[field] = t('common.required');
    else if (value.length > max) errors[field] = t('enterprise.form.tooLong', { max });
  };
  required('legalName', 200);
  required('region', 100);
  required('industry', 100);
  if (withCreditCode) {
    const problem = creditCodeProblem(normaliseCreditCode(draft.creditCode));
    if (problem) errors.creditCode = t('enterprise.form.creditCode.' + problem);
  }
  const website = draft.website.trim();
  if (website && (!isHttpUrl(website) || website.length > 300)) errors.website = t('enterprise.form.websiteInvalid');
  const trademarks = trademarksOf(draft);
  if (trademarks.length > MAX_TRADEMARKS) errors.trademarks = t('enterprise.form.tooMany', { max: MAX_TRADEMARKS });
  else if (trademarks.some((tm) => tm.length > 100)) errors.trademarks = t('enterprise.form.trademarkTooLong');
  draft.contacts.forEach((c, i) => {
    if (!c.name.trim()) errors[`contacts[${i}].name`] = t('common.required');
    else if (c.name.trim().length > 100) errors[`contacts[${i}].name`] = t('enterprise.form.tooLong', { max: 100 });
    if (c.role.trim().length > 100) errors[`contacts[${i}].role`] = t('enterprise.form.tooLong', { max: 100 });
    if (c.email.trim() && !isEmail(c.email.trim())) errors[`contacts[${i}].email`] = t('enterprise.form.emailInvalid');
    if (c.phone.trim().length > 40) errors[`contacts[${i}].phone`] = t('enterprise.form.tooLong', { max: 40 });
  });
  return errors;
}

/**
 * The enterprise's profile: for registering (with the credit code, checked here against GB 32100 before sending) and
 * for editing (the credit code never changes). Shows the form's own errors and the server's field errors by their
 * fields.
 */
export function EnterpriseForm({ initial, withCreditCode, pending, problem, submitLabel, onSubmit, onCancel }: {
  initial: EnterpriseDraft;
  withCreditCode: boolean;
  pending: boolean;
  problem?: ApiProblem;
  submitLabel: string;
  onSubmit(draft: EnterpriseDraft): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const set = (field: keyof EnterpriseDraft) => (value: string) => setDraft({ ...draft, [field]: value });
  const setContact = (index: number, field: keyof ContactDraft, value: string) =>
    setDraft({ ...draft, contacts: draft.contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)) });
  const error = (field: string) => errors[field] ?? problem?.fieldError(field);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft, withCreditCode, t);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(draft);
  };

  const text = (field: keyof EnterpriseDraft, label: string, options: { maxLength: number; hint?: string; type?: string; autoComplete?: string }) => (
    <Field label={label} error={error(field)} hint={options.hint}>
      {(props) => <input {...props} name={field} type={options.type ?? 'text'} value={String(draft[field])}
                         maxLength={options.maxLength} autoComplete={options.autoComplete}
                         onChange={(e) => set(field)(e.target.value)} />}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="card">
      {text('legalName', t('enterprise.form.legalName'), { maxLength: 200, autoComplete: 'organization' })}
      {withCreditCode && text('creditCode', t('enterprise.form.creditCode'), { maxLength: 24, hint: t('enterprise.form.creditCodeHint') })}
      {text('region', t('enterprise.form.region'), { maxLength: 100, hint: t('enterprise.form.regionHint') })}
      {text('industry', t('enterprise.form.industry'), { maxLength: 100 })}
      <Field label={t('enterprise.form.size')} error={error('size')}>
        {(props) => (
          <select {...props} name="size" value={draft.size} onChange={(e) => set('size')(e.target.value)}>
            <option value="">{t('enterprise.form.sizeUnknown')}</option>
            {SIZES.map((s) => <option key={s} value={s}>{t('enterprise.size.' + s)}</option>)}
          </select>
        )}
      </Field>
      {text('website', t('enterprise.form.website'), { maxLength: 300, type: 'url', hint: t('enterprise.form.websiteHint'), autoComplete: 'url' })}
      <Field label={t('enterprise.form.trademarks')} error={error('trademarks')} hint={t('enterprise.form.trademarksHint')}>
        {(props) => <textarea {...props} name="trademarks" rows={3} value={draft.trademarks}
                              onChange={(e) => set('trademarks')(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('enterprise.form.contacts')}</legend>
        {draft.contacts.length === 0 && <p className="muted small">{t('enterprise.form.noContacts')}</p>}
        {draft.contacts.map((c, i) => (
          <fieldset key={i} className="card">
            <legend>{t('enterprise.form.contact', { number: i + 1 })}</legend>
            {(['name', 'role', 'email', 'phone'] as const).map((field) => (
              <Field key={field} label={t('enterprise.form.contact.' + field)} error={error(`contacts[${i}].${field}`)}>
                {(props) => <input {...props} name={`contacts[${i}].${field}`} value={c[field]}
                                   type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                                   maxLength={field === 'email' ? 200 : field === 'phone' ? 40 : 100}
                                   onChange={(e) => setContact(i, field, e.target.value)} />}
              </Field>
            ))}
            <button type="button" onClick={() => setDraft({ ...draft, contacts: draft.contacts.filter((_, j) => j !== i) })}>
              {t('enterprise.form.removeContact', { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        {draft.contacts.length < MAX_CONTACTS && (
          <button type="button" onClick={() => setDraft({ ...draft, contacts: [...draft.contacts, blankContact()] })}>
            {t('enterprise.form.addContact')}
          </button>
        )}
      </fieldset>
      <ProblemAlert problem={problem} />
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>{pending ? t('common.saving') : submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
