// The evaluator's outcome assessment (R11): the six OECD DAC criteria rated 1-6 or not assessed, each
// with a rationale; the actual value of every indicator of the plan; a verdict on every need; a
// narrative and co-providers. Errors, local or from the API, are shown at their field.
// Recommendations (new needs on close) are not in this form yet.
import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { useLocation } from 'wouter';
import { CheckboxGroup, SelectField, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT, type MessageKey } from '../i18n';
import { OUTCOME_TYPES } from '../../../domain/outcome-types';
import { PROJECT } from '../operations/common';
import { SUBMIT_OUTCOME_ASSESSMENT } from '../operations/evaluation';
import { issueAt, problemOf, type Problem } from '../outcome';

const DAC_CRITERIA = ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'] as const;
import { oneOf } from '../vocabulary';
const VERDICTS = ['MET', 'PARTLY_MET', 'UNMET'] as const;
const NOT_ASSESSED = 'NOT_ASSESSED';

export default function OutcomeAssessmentForm({ projectId }: { projectId: string }) {
  const { t, code, number } = useT();
  const client = useClient();
  const [, navigate] = useLocation();
  const [{ data }] = useQuery({ query: PROJECT, variables: { id: projectId } });
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [rationales, setRationales] = useState<Record<string, string>>({});
  const [actuals, setActuals] = useState<Record<string, string>>({});
  const [verdicts, setVerdicts] = useState<Record<string, string>>({});
  const [outcomeTypes, setOutcomeTypes] = useState<Record<string, string[]>>({});
  const [narrative, setNarrative] = useState('');
  const [coProviders, setCoProviders] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const project = data?.project.__typename === 'Project' ? data.project : null;
  if (!project) return <p role="status">{t('common.loading')}</p>;
  const indicators = [...(project.plan?.outputs ?? []), ...(project.plan?.outcomes ?? [])].flatMap((r) => r.indicators);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = [
      ...DAC_CRITERIA.map((c, i) => (ratings[c] ? null : { field: `input.criteria.${i}.rating`, message: t('form.choiceRequired') })),
      ...indicators.map((ind, i) => (Number.isFinite(Number(actuals[ind.name] ?? '')) && (actuals[ind.name] ?? '').trim() !== '' ? null : { field: `input.indicatorValues.${i}.actual`, message: t('form.numberRequired') })),
      ...project!.needs.map((n, i) => (verdicts[n.id] ? null : { field: `input.needVerdicts.${i}.verdict`, message: t('form.choiceRequired') })),
    ].filter((x): x is { field: string; message: string } => x !== null);
    if (local.length > 0) {
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues: local });
      return;
    }
    setBusy(true);
    const answer = await client
      .mutation(SUBMIT_OUTCOME_ASSESSMENT, {
        input: {
          projectId,
          idempotencyKey,
          criteria: DAC_CRITERIA.map((criterion) => ({ criterion, rating: ratings[criterion] === NOT_ASSESSED ? null : Number(ratings[criterion]), rationale: rationales[criterion] ?? '' })),
          indicatorValues: indicators.map((ind) => ({ indicator: ind.name, actual: Number(actuals[ind.name]) })),
          // Every need has a verdict here (checked above); oneOf narrows the select's string to the enum.
          needVerdicts: project!.needs.flatMap((n) => { const verdict = oneOf(VERDICTS, verdicts[n.id]); if (!verdict) return [];
            // An unmet need reached no outcome: its types are not sent (the boxes are hidden for it).
            const types = verdict === 'UNMET' ? [] : (outcomeTypes[n.id] ?? []).flatMap((o) => { const v = oneOf(OUTCOME_TYPES, o); return v ? [v] : []; });
            return [{ needId: n.id, verdict, ...(types.length ? { outcomeTypes: types } : {}) }]; }),
          narrative,
          coProviders: coProviders.split('\n').map((s) => s.trim()).filter(Boolean),
        },
      })
      .toPromise();
    setBusy(false);
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.submitOutcomeAssessment);
    setProblem(p);
    if (!p) navigate(`/projects/${encodeURIComponent(projectId)}`);
  }

  const ratingOptions = [...[1, 2, 3, 4, 5, 6].map((r) => ({ value: String(r), label: number(r) })), { value: NOT_ASSESSED, label: t('eval.notAssessed') }];
  return (
    <>
      <h1>{t('eval.heading', { title: project.title })}</h1>
      <p>{t('eval.intro')}</p>
      <form onSubmit={submit} noValidate className="assessment">
        <ProblemNotice problem={problem} />
        <fieldset>
          <legend>{t('eval.criteria')}</legend>
          {DAC_CRITERIA.map((c, i) => (
            <div className="row criterion" key={c}>
              <SelectField label={t('eval.rating', { criterion: code('dac', c) })} value={ratings[c] ?? ''} onChange={(v) => setRatings((r) => ({ ...r, [c]: v }))} options={ratingOptions} placeholder={t('common.choose')} required error={issueAt(problem, `criteria.${i}.rating`) ?? issueAt(problem, `criteria.${i}`)} />
              <TextField label={t('eval.rationale', { criterion: code('dac', c) })} value={rationales[c] ?? ''} onChange={(v) => setRationales((r) => ({ ...r, [c]: v }))} multiline required error={issueAt(problem, `criteria.${i}.rationale`)} />
            </div>
          ))}
          {issueAt(problem, 'criteria') && <p className="field-error">{issueAt(problem, 'criteria')}</p>}
        </fieldset>
        {indicators.length > 0 && (
          <fieldset>
            <legend>{t('eval.indicators')}</legend>
            {indicators.map((ind, i) => (
              <TextField key={ind.name} type="number" label={t('eval.actual', { indicator: ind.name, baseline: number(ind.baseline), target: number(ind.target), unit: ind.unit })} value={actuals[ind.name] ?? ''} onChange={(v) => setActuals((a) => ({ ...a, [ind.name]: v }))} required error={issueAt(problem, `indicatorValues.${i}.actual`) ?? issueAt(problem, `indicatorValues.${i}`)} />
            ))}
            {issueAt(problem, 'indicatorValues') && <p className="field-error">{issueAt(problem, 'indicatorValues')}</p>}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('eval.verdicts')}</legend>
          {project.needs.map((n, i) => (
            <div className="row need-verdict" key={n.id}>
              <SelectField label={t('eval.verdict', { n: i + 1, description: n.description })} value={verdicts[n.id] ?? ''} onChange={(v) => setVerdicts((all) => ({ ...all, [n.id]: v }))} options={VERDICTS.map((v) => ({ value: v, label: code('verdict', v) }))} placeholder={t('common.choose')} required error={issueAt(problem, `needVerdicts.${i}.verdict`) ?? issueAt(problem, `needVerdicts.${i}`)} />
              {verdicts[n.id] === 'UNMET' ? (
                <p className="muted">{t('rules.outcomeTypesUnmet')}</p>
              ) : (
                <CheckboxGroup
                  legend={t('rules.outcomeTypesFor', { n: i + 1 })}
                  options={OUTCOME_TYPES.map((o) => ({ value: o, label: t(`rules.outcomeType.${o}` as MessageKey) }))}
                  values={outcomeTypes[n.id] ?? []}
                  onChange={(v) => setOutcomeTypes((all) => ({ ...all, [n.id]: v }))}
                  error={issueAt(problem, `needVerdicts.${i}.outcomeTypes`)}
                />
              )}
            </div>
          ))}
          {issueAt(problem, 'needVerdicts') && <p className="field-error">{issueAt(problem, 'needVerdicts')}</p>}
        </fieldset>
        <TextField label={t('eval.narrative')} value={narrative} onChange={setNarrative} multiline required error={issueAt(problem, 'narrative')} />
        <TextField label={`${t('eval.coProviders')} ${t('common.optional')}`} value={coProviders} onChange={setCoProviders} multiline error={issueAt(problem, 'coProviders')} />
        <button type="submit" disabled={busy}>
          {t('eval.submit')}
        </button>
      </form>
    </>
  );
}
