// The Conference administrator sets the weight of each priority area (0-3, 1 neutral) under a named
// decision; every set is kept, the newest in force. WeightsPreview shows the ranking change the weights
// being edited would cause, before they are set.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { DateField, Section, TextField } from '../components/Fields';

import { ProblemNotice } from '../components/ProblemNotice';
import { WeightsPreview } from '../components/WeightsPreview';
import { useT } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { PRIORITY_WEIGHTS, SET_PRIORITY_WEIGHTS } from '../operations/weights';
import { issueAt, problemOf, type Problem } from '../outcome';

export default function PriorityWeights() {
  const { t, date, dateTime, number } = useT();
  const client = useClient();
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [{ data }, refetch] = useQuery({ query: PRIORITY_WEIGHTS });
  const areas = lists?.codeLists.priorityAreas ?? [];
  const instruments = lists?.codeLists.instruments ?? [];
  const sets = data?.priorityWeights ?? [];
  const inForce = sets.find((s) => s.inForce) ?? sets[0];
  const [decision, setDecision] = useState('');
  // The day the Conference decided: today unless the administrator records an earlier decision.
  const today = () => new Date().toISOString().slice(0, 10);
  const [decidedOn, setDecidedOn] = useState(today);
  const [weights, setWeights] = useState<Record<string, string>>({});
  // By instrument (UNTOC or a Protocol): optional, an instrument left empty is not weighted.
  const [instrumentWeights, setInstrumentWeights] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (inForce) setWeights(Object.fromEntries(inForce.weights.map((w) => [w.priorityArea, String(w.weight)])));
    if (inForce) setInstrumentWeights(Object.fromEntries(inForce.instrumentWeights.map((w) => [w.instrument, String(w.weight)])));
  }, [inForce]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const byInstrument = instruments.filter((x) => (instrumentWeights[x.code] ?? '').trim() !== '');
    const local = [
      ...areas.map((a, i) => ((weights[a.code] ?? '').trim() !== '' && Number.isFinite(Number(weights[a.code])) ? null : { field: `weights.${i}.weight`, message: t('form.numberRequired') })),
      ...byInstrument.map((x, i) => (Number.isFinite(Number(instrumentWeights[x.code])) ? null : { field: `instrumentWeights.${i}.weight`, message: t('form.numberRequired') })),
    ].filter((x): x is { field: string; message: string } => x !== null);
    if (local.length > 0) return setProblem({ code: 'VALIDATION_FAILED', message: '', issues: local });
    const answer = await client
      .mutation(SET_PRIORITY_WEIGHTS, {
        input: {
          decision,
          decidedOn,
          weights: areas.map((a) => ({ priorityArea: a.code, weight: Number(weights[a.code]) })),
          ...(byInstrument.length ? { instrumentWeights: byInstrument.map((x) => ({ instrument: x.code, weight: Number(instrumentWeights[x.code]) })) } : {}),
        },
      })
      .toPromise();
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.setPriorityWeights);
    setProblem(p);
    if (!p) {
      setSaved(decision);
      setDecision('');
      setDecidedOn(today());
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
        <DateField label={t('rules.decidedOn')} value={decidedOn} onChange={setDecidedOn} required error={issueAt(problem, 'decidedOn')} />
        <div className="row">
          {areas.map((a, i) => (
            <TextField key={a.code} type="number" label={t('weights.weightOf', { area: a.code })} hint={a.title} value={weights[a.code] ?? ''} onChange={(v) => setWeights((w) => ({ ...w, [a.code]: v }))} required error={issueAt(problem, `weights.${i}.weight`) ?? issueAt(problem, `weights.${i}`)} />
          ))}
        </div>
        {issueAt(problem, 'weights') && <p className="field-error">{issueAt(problem, 'weights')}</p>}
        <fieldset>
          <legend>{t('rules.instrumentWeights')}</legend>
          <div className="row">
            {instruments.map((x) => {
              // Issues name the position in the list sent, which holds only the instruments filled in.
              const i = instruments.filter((y) => (instrumentWeights[y.code] ?? '').trim() !== '').findIndex((y) => y.code === x.code);
              return (
                <TextField key={x.code} type="number" label={`${t('rules.instrumentWeight', { instrument: x.code })} ${t('common.optional')}`} hint={x.title} value={instrumentWeights[x.code] ?? ''} onChange={(v) => setInstrumentWeights((w) => ({ ...w, [x.code]: v }))} error={i < 0 ? undefined : (issueAt(problem, `instrumentWeights.${i}.weight`) ?? issueAt(problem, `instrumentWeights.${i}`))} />
              );
            })}
          </div>
          {issueAt(problem, 'instrumentWeights') && <p className="field-error">{issueAt(problem, 'instrumentWeights')}</p>}
        </fieldset>
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
                <th scope="col">{t('rules.decidedOn')}</th>
                <th scope="col">{t('weights.setAt')}</th>
                {areas.map((a) => (
                  <th scope="col" key={a.code}>
                    {a.code}
                  </th>
                ))}
                <th scope="col">{t('rules.instrumentWeights')}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s, i) => (
                <tr key={s.id}>
                  <td>
                    {s.decision} {s.inForce && <strong>({t('weights.inForce')})</strong>}
                  </td>
                  <td>{date(s.decidedOn)}</td>
                  <td>{dateTime(s.setAt)}</td>
                  {areas.map((a) => {
                    const w = s.weights.find((x) => x.priorityArea === a.code);
                    return <td key={a.code}>{w ? number(w.weight) : '—'}</td>;
                  })}
                  <td>{s.instrumentWeights.map((w) => `${w.instrument} ${number(w.weight)}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
