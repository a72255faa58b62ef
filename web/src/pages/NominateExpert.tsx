// A State focal point nominates an expert (of any nationality) with the institution that nominates them;
// the expert then accepts the nomination and keeps the profile from there.
import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { emptyProfile, ExpertProfileFields, profileInput, unchosenLevel, type ProfileDraft } from '../components/ExpertProfileFields';
import { SelectField, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { NOMINATE_EXPERT } from '../operations/roles-focal-point';
import { issueAt, problemOf, type Problem } from '../outcome';
import type { Session } from '../session';

export default function NominateExpert({ session }: { session: Session }) {
  const { t } = useT();
  const client = useClient();
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [name, setName] = useState('');
  const [nationality, setNationality] = useState('');
  const [institution, setInstitution] = useState('');
  const [email, setEmail] = useState('');
  const [profile, setProfile] = useState<ProfileDraft>(emptyProfile);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [nominated, setNominated] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = unchosenLevel(profile, 'profile.', t('form.choiceRequired'));
    if (missing) return setProblem(problemOf(missing));
    const input = { name, nationality, institution, nominatingState: session.state ?? '', email: email.trim() || null, profile: profileInput(profile) };
    const answer = await client.mutation(NOMINATE_EXPERT, { input }).toPromise();
    const result = answer.data?.nominateExpert;
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : result);
    setProblem(p);
    if (!p && result?.__typename === 'Expert') {
      setNominated(t('roles.nominate.done', { name: result.name, id: result.id }));
      setName('');
      setNationality('');
      setInstitution('');
      setEmail('');
      setProfile(emptyProfile());
    } else setNominated(null);
  }

  return (
    <>
      <h1>{t('roles.nominate.heading')}</h1>
      <p>{t('roles.nominate.intro', { state: session.state ?? '' })}</p>
      <p role="status" className="done">
        {nominated ?? ''}
      </p>
      <form onSubmit={submit} noValidate>
        <ProblemNotice problem={problem} />
        <div className="row">
          <TextField label={t('roles.nominate.name')} value={name} onChange={setName} required error={issueAt(problem, 'name')} />
          <SelectField label={t('roles.nominate.nationality')} value={nationality} onChange={setNationality} required placeholder={t('common.choose')} options={(lists?.codeLists.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} error={issueAt(problem, 'nationality')} />
        </div>
        <TextField label={t('roles.nominate.institution')} value={institution} onChange={setInstitution} required error={issueAt(problem, 'institution')} />
        <TextField label={`${t('roles.nominate.email')} ${t('common.optional')}`} value={email} onChange={setEmail} error={issueAt(problem, 'email')} />
        <ExpertProfileFields draft={profile} onChange={setProfile} problem={problem} prefix="profile." />
        <button type="submit">{t('roles.nominate.submit')}</button>
      </form>
    </>
  );
}
