import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { ApiProblem } from '../../api/problem';
import { Field, ProblemAlert } from '../../ui/components';

export interface ConventionDraft {
  title: string;
  body: string;
  changeSummary: string;
}

const LIMITS = { title: 200, body: 100_000, changeSummary: 4000 };

/** The text of a convention draft (new or edited): title, body, what changed. Validates before sending. */
export function ConventionTextForm({ initial, submitLabel, pending, problem, onSubmit }: {
  initial: ConventionDraft;
  submitLabel: string;
  pending: boolean;
  problem?: ApiProblem;
  onSubmit(draft: ConventionDraft): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof ConventionDraft, string>>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!draft.title.trim()) found.title = t('secretariat.required');
    if (!draft.body.trim()) found.body = t('secretariat.required');
    for (const key of Object.keys(LIMITS) as (keyof ConventionDraft)[]) {
      if (!found[key] && draft[key].length > LIMITS[key]) found[key] = t('secretariat.tooLong', { max: LIMITS[key] });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit({ title: draft.title.trim(), body: draft.body, changeSummary: draft.changeSummary.trim() });
  };
  const error = (key: keyof ConventionDraft) => errors[key] ?? problem?.fieldError(key);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={t('secretariat.conventions.titleField')} error={error('title')}>
        {(props) => <input {...props} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}
      </Field>
      <Field label={t('secretariat.conventions.body')} error={error('body')}>
        {(props) => <textarea {...props} rows={12} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />}
      </Field>
      <Field label={t('secretariat.conventions.changeSummary')} error={error('changeSummary')}>
        {(props) => <textarea {...props} rows={2} value={draft.changeSummary}
                              onChange={(e) => setDraft({ ...draft, changeSummary: e.target.value })} />}
      </Field>
      <ProblemAlert problem={problem} />
      <button type="submit" className="primary" disabled={pending}>{pending ? t('common.saving') : submitLabel}</button>
    </form>
  );
}
