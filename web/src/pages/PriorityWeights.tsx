// The Conference administrator sets the weight of each priority area (0-3, 1 neutral) under a named
// decision; every set is kept, the newest in force. WeightsPreview shows the ranking change the weights
// being edited would cause, before they are set.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Section, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { WeightsPreview } from '../components/WeightsPreview';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { PRIORITY_WEIGHTS, SET_PRIORITY_WEIGHTS } from '../operations/weights';
import { issueAt, problemOf, type Problem } from '../outcome';

export default function PriorityWeights() {
  const { t, dateTime, number } = useT();
  const client = useClient();
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [{ data }, refetch] = useQuery({ query: PRIORITY_WEIGHTS });
  const areas = lists?.codeLists.priorityAreas ?? [];
  const sets = data?.priorityWeights ?? [];
  const inForce = sets.find((s) => s.inForce) ?? sets[0];
  const [decision, setDecision] = useState('');
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (inForce) setWeights(Object.fromEntries(inForce.weights.map((w) => [w.priorityArea, String(w.weight)])));
  }, [inForce]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = areas.map((a, i) => ((weights[a.code] ?? '').trim() !== '' && Number.isFinite(Number(weights[a.code])) ? null : { field: `weights.${i}.weight`, message: t('form.numberRequired') })).filter((x): x is { field: string; message: string } => x !== null);
    if (local.length > 0) return setProblem({ code: 'VALIDATION_FAILED', message: '', issues: local });
    const answer = await client.mutation(SET_PRIORITY_WEIGHTS, { input: { decision, decidedOn: new Date().toISOString().slice(0, 10), weights: areas.map((a) => ({ priorityArea: a.code, weight: Number(weights[a.code]) })) } }).toPromise();
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.setPriorityWeights);
    setProblem(p);
    if (!p) {
      setSaved(decision);
      setDecision('');
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h1>{t('weights.heading')}</h1>
      <p>{t('weights.intro')}</p>
      <p role="status" className="done">
        {saved ? t('weights.saved', { decision: saved }) : ''}
      </p>
      <form onSubmit={submit} noValidate className="weights">
        <ProblemNotice problem={problem} />
        <TextField label={t('weights.decision')} value={decision} onChange={setDecision} required error={issueAt(problem, 'decision')} />
        <div className="row">
          {areas.map((a, i) => (
            <TextField key={a.code} type="number" label={t('weights.weightOf', { area: a.code })} hint={a.title} value={weights[a.code] ?? ''} onChange={(v) => setWeights((w) => ({ ...w, [a.code]: v }))} required error={issueAt(problem, `weights.${i}.weight`) ?? issueAt(problem, `weights.${i}`)} />
          ))}
        </div>
        {issueAt(problem, 'weights') && <p className="field-error">{issueAt(problem, 'weights')}</p>}
        <button type="submit">{t('weights.save')}</button>
      </form>
      <WeightsPreview weights={weights} />
      <Section title={t('weights.history')}>
        {sets.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <table className="projects">
            <thead>
              <tr>
                <th scope="col">{t('weights.decision')}</th>
                <th scope="col">{t('weights.setAt')}</th>
                {areas.map((a) => (
                  <th scope="col" key={a.code}>
                    {a.code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sets.map((s, i) => (
                <tr key={s.id}>
                  <td>
                    {s.decision} {s.inForce && <strong>({t('weights.inForce')})</strong>}
                  </td>
                  <td>{dateTime(s.setAt)}</td>
                  {areas.map((a) => {
                    const w = s.weights.find((x) => x.priorityArea === a.code);
                    return <td key={a.code}>{w ? number(w.weight) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
