// The programme manager's plan editor: objectives, the results framework (outputs and outcomes, each
// with indicators that have a baseline and a target), forms of assistance, modality and budget.
// Errors come back per field (input.outcomes.0.indicators.0.target) and are shown at that field.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link, useLocation } from 'wouter';
import { CheckboxGroup, SelectField, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { useT } from '../i18n';
import { CODE_LISTS, PROJECT } from '../operations/common';
import { SET_PLAN } from '../operations/lifecycle';
import { issueAt, problemOf, type Problem } from '../outcome';

interface IndicatorDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
}
interface ResultDraft {
  title: string;
  indicators: IndicatorDraft[];
}
const emptyIndicator = (): IndicatorDraft => ({ name: '', unit: '', baseline: '', target: '' });
const emptyResult = (): ResultDraft => ({ title: '', indicators: [emptyIndicator()] });
import { oneOf } from '../vocabulary';
const MODALITIES = ['NATIONAL', 'REGIONAL', 'INTERREGIONAL', 'GLOBAL', 'THEMATIC', 'ROUTE'] as const;

/** A number typed by the user, or NaN so the server names the field (never a silent 0). */
const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
/** Money stays an exact decimal string (the API's Decimal scalar); a decimal comma is accepted as typed. */
const toDecimal = (s: string) => s.trim().replace(',', '.');
const isDecimal = (s: string) => /^\d{1,15}(\.\d{1,3})?$/.test(toDecimal(s));

export default function PlanEditor({ projectId }: { projectId: string }) {
  const { t, code } = useT();
  const client = useClient();
  const [, navigate] = useLocation();
  const [{ data }] = useQuery({ query: PROJECT, variables: { id: projectId } });
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [objectives, setObjectives] = useState<string[]>(['']);
  const [results, setResults] = useState<{ outputs: ResultDraft[]; outcomes: ResultDraft[] }>({ outputs: [emptyResult()], outcomes: [emptyResult()] });
  const [forms, setForms] = useState<string[]>([]);
  const [modality, setModality] = useState<(typeof MODALITIES)[number]>('NATIONAL');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const project = data?.project.__typename === 'Project' ? data.project : null;

  // Start from the current plan when there is one.
  const loadedPlan = project?.plan;
  useEffect(() => {
    if (!loadedPlan) return;
    const draft = (r: (typeof loadedPlan.outputs)[number]): ResultDraft => ({ title: r.title, indicators: r.indicators.map((i) => ({ name: i.name, unit: i.unit, baseline: String(i.baseline), target: String(i.target) })) });
    setObjectives([...loadedPlan.objectives]);
    setResults({ outputs: loadedPlan.outputs.map(draft), outcomes: loadedPlan.outcomes.map(draft) });
    setForms([...loadedPlan.formsOfAssistance]);
    setModality(loadedPlan.modality);
    setAmount(String(loadedPlan.budget.amount));
    setCurrency(loadedPlan.budget.currency);
  }, [loadedPlan]);

  const setResult = (kind: 'outputs' | 'outcomes', i: number, patch: Partial<ResultDraft>) => setResults((r) => ({ ...r, [kind]: r[kind].map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const setIndicator = (kind: 'outputs' | 'outcomes', i: number, k: number, patch: Partial<IndicatorDraft>) =>
    setResults((r) => ({ ...r, [kind]: r[kind].map((x, j) => (j === i ? { ...x, indicators: x.indicators.map((ind, l) => (l === k ? { ...ind, ...patch } : ind)) } : x)) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // GraphQL would refuse a missing number for the whole request; name the field here instead.
    const numberIssues = [
      ...(['outputs', 'outcomes'] as const).flatMap((kind) =>
        results[kind].flatMap((r, i) => r.indicators.flatMap((ind, k) => (['baseline', 'target'] as const).filter((f) => !Number.isFinite(toNumber(ind[f]))).map((f) => `${kind}.${i}.indicators.${k}.${f}`))),
      ),
      ...(isDecimal(amount) ? [] : ['budget.amount']),
    ].map((path) => ({ field: `input.${path}`, message: t('form.numberRequired') }));
    if (numberIssues.length > 0) {
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues: numberIssues });
      return;
    }
    setBusy(true);
    const toResult = (r: ResultDraft) => ({ title: r.title, indicators: r.indicators.map((i) => ({ name: i.name, unit: i.unit, baseline: toNumber(i.baseline), target: toNumber(i.target) })) });
    const answer = await client
      .mutation(SET_PLAN, {
        input: {
          projectId,
          idempotencyKey,
          objectives: objectives.filter((o) => o.trim() !== ''),
          outputs: results.outputs.map(toResult),
          outcomes: results.outcomes.map(toResult),
          formsOfAssistance: forms,
          modality,
          budget: { amount: toDecimal(amount), currency: currency.trim().toUpperCase() },
        },
      })
      .toPromise();
    setBusy(false);
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.setPlan);
    setProblem(p);
    if (!p) {
      setKey(crypto.randomUUID());
      navigate(`/projects/${encodeURIComponent(projectId)}`);
    }
  }

  const resultEditor = (kind: 'outputs' | 'outcomes') => {
    const singular = kind === 'outputs' ? 'plan.output' : 'plan.outcome';
    return (
      <fieldset className="results">
        <legend>{t(`plan.${kind}`)}</legend>
        {results[kind].map((r, i) => {
          const what = t(singular, { n: i + 1 });
          return (
            <fieldset key={i} className="result">
              <legend>{what}</legend>
              <TextField label={t('plan.resultTitle', { what })} value={r.title} onChange={(v) => setResult(kind, i, { title: v })} required error={issueAt(problem, `${kind}.${i}.title`)} />
              {r.indicators.map((ind, k) => (
                <fieldset key={k} className="indicator">
                  <legend>{t('plan.indicator', { n: k + 1, what })}</legend>
                  <div className="row">
                    <TextField label={t('plan.indicatorName')} value={ind.name} onChange={(v) => setIndicator(kind, i, k, { name: v })} required error={issueAt(problem, `${kind}.${i}.indicators.${k}.name`)} />
                    <TextField label={t('plan.unit')} value={ind.unit} onChange={(v) => setIndicator(kind, i, k, { unit: v })} required error={issueAt(problem, `${kind}.${i}.indicators.${k}.unit`)} />
                    <TextField label={t('plan.baseline')} type="number" value={ind.baseline} onChange={(v) => setIndicator(kind, i, k, { baseline: v })} required error={issueAt(problem, `${kind}.${i}.indicators.${k}.baseline`)} />
                    <TextField label={t('plan.target')} type="number" value={ind.target} onChange={(v) => setIndicator(kind, i, k, { target: v })} required error={issueAt(problem, `${kind}.${i}.indicators.${k}.target`)} />
                  </div>
                </fieldset>
              ))}
              <div className="row">
                <button type="button" className="secondary" onClick={() => setResult(kind, i, { indicators: [...r.indicators, emptyIndicator()] })}>
                  {t('plan.addIndicator', { what })}
                </button>
                {results[kind].length > 1 && (
                  <button type="button" className="secondary" onClick={() => setResults((all) => ({ ...all, [kind]: all[kind].filter((_, j) => j !== i) }))}>
                    {t('plan.remove', { what })}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => setResults((all) => ({ ...all, [kind]: [...all[kind], emptyResult()] }))}>
          {t(kind === 'outputs' ? 'plan.addOutput' : 'plan.addOutcome')}
        </button>
      </fieldset>
    );
  };

  if (!project) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <h1>{t('plan.heading', { title: project.title })}</h1>
      <p>
        <Link href={`/projects/${encodeURIComponent(projectId)}`}>{t('plan.back')}</Link>
      </p>
      <form onSubmit={submit} className="plan-editor" noValidate>
        <ProblemNotice problem={problem} />
        <fieldset>
          <legend>{t('plan.objectives')}</legend>
          {objectives.map((o, i) => (
            <TextField key={i} label={t('plan.objective', { n: i + 1 })} value={o} onChange={(v) => setObjectives((all) => all.map((x, j) => (j === i ? v : x)))} error={issueAt(problem, `objectives.${i}`)} />
          ))}
          {issueAt(problem, 'objectives') && <p className="field-error">{issueAt(problem, 'objectives')}</p>}
          <button type="button" className="secondary" onClick={() => setObjectives((all) => [...all, ''])}>
            {t('plan.addObjective')}
          </button>
        </fieldset>
        {resultEditor('outputs')}
        {resultEditor('outcomes')}
        <CheckboxGroup legend={t('plan.forms')} options={(lists?.codeLists.formsOfAssistance ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${f.title}` }))} values={forms} onChange={setForms} error={issueAt(problem, 'formsOfAssistance')} />
        <div className="row">
          <SelectField label={t('plan.modality')} value={modality} onChange={(v) => setModality(oneOf(MODALITIES, v) ?? modality)} options={MODALITIES.map((m) => ({ value: m, label: code('modality', m) }))} placeholder={t('common.choose')} required error={issueAt(problem, 'modality')} />
          <TextField label={t('plan.amount')} type="number" value={amount} onChange={setAmount} required error={issueAt(problem, 'budget.amount') ?? issueAt(problem, 'budget')} />
          <TextField label={t('plan.currency')} value={currency} onChange={setCurrency} required error={issueAt(problem, 'budget.currency')} />
        </div>
        <button type="submit" disabled={busy}>
          {t('plan.save')}
        </button>
      </form>
    </>
  );
}
