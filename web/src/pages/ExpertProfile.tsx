// The expert keeps its own profile: fields of expertise, languages with levels, availability, capacity.
// The parts it does not edit here (instruments, regions, States, declared conflicts) are sent back as read,
// since the API replaces the whole profile.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { ExpertProfileFields, profileInput, unchosenLevel, type ProfileDraft } from '../components/ExpertProfileFields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT } from '../i18n';
import { EXPERT_PROFILE, UPDATE_EXPERT_PROFILE } from '../operations/roles-expert';
import { problemOf, type Problem } from '../outcome';
import type { Session } from '../session';

export default function ExpertProfile({ session }: { session: Session }) {
  const { t, date } = useT();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: EXPERT_PROFILE, variables: { id: session.subject } });
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const expert = data?.expert.__typename === 'Expert' ? data.expert : null;
  useEffect(() => {
    if (expert && !draft) {
      const p = expert.profile;
      setDraft({ fields: [...p.fields], languages: p.languages.map((l) => ({ language: l.language, level: l.level })), availability: p.availability.map((w) => ({ from: w.from, to: w.to })), capacity: String(p.capacity) });
    }
  }, [expert, draft]);

  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (data && data.expert.__typename !== 'Expert') return <p role="alert">{t('common.error', { message: data.expert.message })}</p>;
  if (!expert || !draft) return <p role="status">{t('common.loading')}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!expert || !draft) return;
    const missing = unchosenLevel(draft, 'profile.', t('form.choiceRequired'));
    if (missing) return (setProblem(problemOf(missing)), setSaved(false));
    const p = expert.profile;
    const profile = { ...profileInput(draft), instruments: p.instruments.map((i) => ({ instrument: i.instrument, articles: [...i.articles] })), regions: [...p.regions], states: [...p.states], conflicts: { states: [...p.conflicts.states], projects: [...p.conflicts.projects], organisations: [...p.conflicts.organisations] } };
    const answer = await client.mutation(UPDATE_EXPERT_PROFILE, { profile }).toPromise();
    const outcome = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.updateExpertProfile);
    setProblem(outcome);
    setSaved(!outcome);
    if (!outcome) refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>{t('roles.profile.heading')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('roles.profile.name')}</dt>
          <dd>{expert.name}</dd>
        </div>
        <div>
          <dt>{t('roles.profile.institution')}</dt>
          <dd>{expert.institution}</dd>
        </div>
        <div>
          <dt>{t('roles.profile.status')}</dt>
          <dd>{expert.status}</dd>
        </div>
        <div>
          <dt>{t('roles.profile.windows')}</dt>
          <dd>{expert.profile.availability.map((w) => `${date(w.from)} – ${date(w.to)}`).join('; ') || t('common.none')}</dd>
        </div>
      </dl>
      <p role="status" className="done">
        {saved ? t('roles.profile.saved') : ''}
      </p>
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <ExpertProfileFields draft={draft} onChange={(d) => (setDraft(d), setSaved(false))} problem={problem} prefix="profile." />
        <button type="submit">{t('roles.profile.save')}</button>
      </form>
    </>
  );
}
