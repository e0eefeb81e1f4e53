import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, salons } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useI18n } from '../../i18n/i18n';
import { enterprise } from '../../nav';
import { Field, Loading, Page, ProblemAlert } from '../../ui/components';
import { Restricted } from '../../ui/guards';
import { useAsync, useSubmit } from '../../ui/useAsync';
import { inGoodStanding, loadMyMemberships, newIdempotencyKey, SlotPicker, useTopicNames, type Topic } from './shared';

/** An expert's profile with their free slots in the viewer's time zone, and booking one of them. */
export default function ExpertPage() {
  return <Restricted allowed={enterprise}><Expert /></Restricted>;
}

const NOTE_MAX = 2000;
const SLOT_REFUSALS = new Set(['slot-in-past', 'slot-too-soon', 'not-a-slot']);

function Expert() {
  const { expertId = '' } = useParams();
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const topicNames = useTopicNames();
  const expert = useAsync(() => call(salons.GET('/api/salons/experts/{expertId}', {
    params: { path: { expertId } },
  })), [expertId]);
  const memberships = useAsync(loadMyMemberships, []);
  const [slot, setSlot] = useState<string>();
  const [clusterId, setClusterId] = useState('');
  const [topic, setTopic] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [slotsVersion, setSlotsVersion] = useState(0);
  // One key per booking attempt: a retry of a request whose answer was lost books nothing more.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const book = useSubmit(async (body: { expertId: string; clusterId: string; start: string; topic: Topic; note?: string }) => {
    try {
      const booked = await call(salons.POST('/api/salons/consultations', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }));
      navigate(`/salons/consultations/${encodeURIComponent(booked.id)}`);
    } catch (e) {
      // A refused slot may be gone meanwhile: show what is free now. A lost answer (network) keeps the key, so that
      // sending again cannot book twice; a refusal leaves the key free, a new one is just as good.
      if (e instanceof ApiProblem && e.status !== 0) {
        if (e.status === 409 || SLOT_REFUSALS.has(e.slug)) {
          setSlot(undefined);
          setSlotsVersion((v) => v + 1);
        }
        setIdempotencyKey(newIdempotencyKey());
      }
      throw e;
    }
  });

  if (expert.loading && !expert.data) return <Loading />;
  if (!expert.data) {
    return (
      <Page title={t('salons.expert.notFound')}>
        <ProblemAlert problem={expert.problem} />
        <Link to="/salons">{t('salons.expert.back')}</Link>
      </Page>
    );
  }
  const x = expert.data;
  const mine = (memberships.data ?? []).filter((m) => inGoodStanding(m.status)
    && (!x.clusters?.length || x.clusters.includes(m.clusterId)));
  const chosenCluster = mine.length === 1 ? mine[0].clusterId : clusterId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!slot) found.start = t('salons.book.slotRequired');
    if (!chosenCluster) found.clusterId = t('common.required');
    if (!topic) found.topic = t('common.required');
    if (note.length > NOTE_MAX) found.note = t('salons.tooLong', { max: NOTE_MAX });
    setErrors(found);
    if (Object.keys(found).length > 0 || !slot) return;
    void book.run({ expertId, clusterId: chosenCluster, start: slot, topic: topic as Topic, note: note.trim() || undefined });
  };
  const problem = book.problem;
  return (
    <Page title={x.name} actions={<Link className="button" to="/salons">{t('salons.expert.back')}</Link>}>
      <div className="card">
        {(x.title || x.organisation) && <p className="lead">{[x.title, x.organisation].filter(Boolean).join(' · ')}</p>}
        {x.bio && <p className="pre-line">{x.bio}</p>}
        <dl className="facts">
          <dt>{t('salons.expert.topics')}</dt><dd>{topicNames(x.topics)}</dd>
          <dt>{t('salons.expert.languages')}</dt><dd>{x.languages.join(', ')}</dd>
          <dt>{t('salons.expert.timeZone')}</dt><dd>{x.timeZone}</dd>
        </dl>
      </div>
      <h2>{t('salons.book.title')}</h2>
      {memberships.data && mine.length === 0 ? (
        <p className="alert alert-info">{t('salons.book.noCluster')}</p>
      ) : (
        <form className="card" onSubmit={submit} noValidate>
          <SlotPicker expertId={expertId} selected={slot} onSelect={setSlot} reloadKey={slotsVersion} />
          {(errors.start ?? problem?.fieldError('start')) && (
            <p className="field-error">{errors.start ?? problem?.fieldError('start')}</p>
          )}
          {slot && <p aria-live="polite">{t('salons.book.selected', { when: dateTime(slot, 'long') })}</p>}
          {mine.length > 1 && (
            <Field label={t('salons.book.cluster')} error={errors.clusterId ?? problem?.fieldError('clusterId')}>
              {(p) => (
                <select {...p} value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
                  <option value="">{t('salons.choose')}</option>
                  {mine.map((m) => <option key={m.clusterId} value={m.clusterId}>{m.clusterName}</option>)}
                </select>
              )}
            </Field>
          )}
          <Field label={t('salons.book.topic')} error={errors.topic ?? problem?.fieldError('topic')}>
            {(p) => (
              <select {...p} value={topic} onChange={(e) => setTopic(e.target.value)}>
                <option value="">{t('salons.choose')}</option>
                {x.topics.map((tp) => <option key={tp} value={tp}>{t('salons.topic.' + tp)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('salons.book.note')} error={errors.note ?? problem?.fieldError('note')} hint={t('salons.book.noteHint')}>
            {(p) => <textarea {...p} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <ProblemAlert problem={problem} />
          <button type="submit" className="primary" disabled={book.pending}>
            {book.pending ? t('common.saving') : t('salons.book.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
