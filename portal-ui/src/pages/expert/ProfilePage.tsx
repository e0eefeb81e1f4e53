import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { call, membership, salons } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { expert } from '../../nav';
import { useSession } from '../../session/session';
import { Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { parseLanguages, TopicChecklist, type Topic } from '../salons/shared';
import { loadMyProfile, timeZones } from './profile';

/** The expert's own profile: create it the first time, edit it later. */
export default function ProfilePage() {
  return <Restricted allowed={expert}><Profile /></Restricted>;
}

interface Form {
  name: string;
  title: string;
  organisation: string;
  bio: string;
  topics: string[];
  languages: string;
  timeZone: string;
  clusters: string[];
}

const LIMITS = { name: 100, title: 100, organisation: 200, bio: 4000 } as const;

function Profile() {
  const { t, timeZone } = useI18n();
  const session = useSession();
  const expertId = session.user?.subject ?? '';
  const profile = useAsync(() => loadMyProfile(expertId), [expertId]);
  const clusters = useAsync(() => call(membership.GET('/api/membership/clusters')), []);
  const [form, setForm] = useState<Form>({
    name: session.user?.name ?? '', title: '', organisation: '', bio: '', topics: [], languages: '', timeZone, clusters: [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const zones = useMemo(() => timeZones(form.timeZone), [form.timeZone]);

  useEffect(() => {
    const p = profile.data;
    if (p) {
      setForm({
        name: p.name, title: p.title ?? '', organisation: p.organisation ?? '', bio: p.bio ?? '', topics: [...p.topics],
        languages: p.languages.join(', '), timeZone: p.timeZone, clusters: [...(p.clusters ?? [])],
      });
    }
  }, [profile.data]);

  const save = useSubmit(async (creating: boolean) => {
    const languages = parseLanguages(form.languages) ?? [];
    const body = {
      name: form.name.trim(),
      title: form.title.trim() || undefined,
      organisation: form.organisation.trim() || undefined,
      bio: form.bio.trim() || undefined,
      topics: form.topics as Topic[],
      languages,
      timeZone: form.timeZone,
      clusters: form.clusters,
    };
    if (creating) {
      await call(salons.POST('/api/salons/experts', { body }));
    } else {
      // A JSON merge patch of the whole form: an emptied optional field is cleared with null.
      const patch = { ...body, title: body.title ?? null, organisation: body.organisation ?? null, bio: body.bio ?? null };
      await call(salons.PATCH('/api/salons/experts/{expertId}', {
        params: { path: { expertId } },
        body: patch as never,
      }));
    }
    setSaved(true);
    profile.reload();
  });

  if (profile.loading && profile.data === undefined && !profile.problem) return <Loading />;
  if (profile.problem) return <Page title={t('expert.profile.title')}><ProblemAlert problem={profile.problem} /></Page>;
  const creating = profile.data === null;
  const set = (change: Partial<Form>) => { setSaved(false); setForm({ ...form, ...change }); };
  const problem = save.problem;
  const err = (name: string) => errors[name] ?? problem?.fieldError(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!form.name.trim()) found.name = t('common.required');
    for (const [name, max] of Object.entries(LIMITS)) {
      if (form[name as keyof typeof LIMITS].trim().length > max) found[name] = t('salons.tooLong', { max });
    }
    if (form.topics.length === 0) found.topics = t('expert.profile.topicsRequired');
    const languages = parseLanguages(form.languages);
    if (!languages) found.languages = t('salons.languagesInvalid');
    else if (languages.length === 0) found.languages = t('common.required');
    if (!form.timeZone) found.timeZone = t('common.required');
    setErrors(found);
    if (Object.keys(found).length === 0) void save.run(creating);
  };

  return (
    <Page title={t('expert.profile.title')} actions={!creating && (
      <Link className="button" to="/expert/availability">{t('expert.nav.availability')}</Link>
    )}>
      {creating && <p className="alert alert-info">{t('expert.profile.createLead')}</p>}
      <form className="card" onSubmit={submit} noValidate>
        <Field label={t('expert.profile.name')} error={err('name')}>
          {(p) => <input {...p} value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label={t('expert.profile.jobTitle')} error={err('title')}>
          {(p) => <input {...p} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field label={t('expert.profile.organisation')} error={err('organisation')}>
          {(p) => <input {...p} value={form.organisation} onChange={(e) => set({ organisation: e.target.value })} />}
        </Field>
        <Field label={t('expert.profile.bio')} error={err('bio')}>
          {(p) => <textarea {...p} rows={5} value={form.bio} onChange={(e) => set({ bio: e.target.value })} />}
        </Field>
        <TopicChecklist legend={t('expert.profile.topics')} value={form.topics} onChange={(topics) => set({ topics })}
                        error={err('topics')} />
        <Field label={t('expert.profile.languages')} error={err('languages')} hint={t('salons.languagesHint')}>
          {(p) => <input {...p} value={form.languages} onChange={(e) => set({ languages: e.target.value })} />}
        </Field>
        <Field label={t('expert.profile.timeZone')} error={err('timeZone')} hint={t('expert.profile.timeZoneHint')}>
          {(p) => (
            <select {...p} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zones.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('expert.profile.clusters')}</legend>
          <ProblemAlert problem={clusters.problem} />
          {(clusters.data ?? []).map((c) => (
            <label key={c.id} className="row">
              <input type="checkbox" checked={form.clusters.includes(c.id)}
                     onChange={(e) => set({ clusters: e.target.checked
                       ? [...form.clusters, c.id] : form.clusters.filter((x) => x !== c.id) })} />
              {c.name}
            </label>
          ))}
          {err('clusters') && <p className="field-error">{err('clusters')}</p>}
        </fieldset>
        <ProblemAlert problem={problem} />
        {saved && <p className="alert alert-ok" role="status">{t('common.saved')}</p>}
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : creating ? t('expert.profile.create') : t('common.save')}
        </button>
      </form>
    </Page>
  );
}
