// The lifecycle actions of a project as buttons. Whether one is possible now, and why not, comes from the
// API (Project.availableActions), decided by the rules the workflow applies; a disabled button says why.
import { useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import type { TransitionName } from '../../../domain/transitions';
import { useT, type MessageKey } from '../i18n';
import { DECLINE, ENDORSE_PLAN, PROVIDE_INFORMATION, REQUEST_INFORMATION, SEEK_FUNDING, START_ASSESSMENT, START_PLANNING } from '../operations/lifecycle';
import { PROJECT_ACTIONS } from '../operations/live';
import { issueAt, problemOf, type Problem } from '../outcome';
import type { Session } from '../session';
import { TextField } from './Fields';
import { ProblemNotice } from './ProblemNotice';

type Field = 'note' | 'question' | 'answer' | 'reason' | 'comment';
interface ActionSpec {
  name: TransitionName;
  field?: Field;
  required?: boolean;
  /** setPlan and submitOutcomeAssessment open their own page instead of a small form. */
  page?: 'plan' | 'assessment';
}

/** The actions the web app offers so far, in lifecycle order. */
const ACTIONS: ActionSpec[] = [
  { name: 'startAssessment', field: 'note' },
  { name: 'requestInformation', field: 'question', required: true },
  { name: 'provideInformation', field: 'answer', required: true },
  { name: 'startPlanning', field: 'note' },
  { name: 'setPlan', page: 'plan' },
  { name: 'endorsePlan', field: 'comment' },
  { name: 'seekFunding', field: 'note' },
  { name: 'decline', field: 'reason', required: true },
  { name: 'submitOutcomeAssessment', page: 'assessment' },
];

export interface ActionProject {
  id: string;
  stage: string;
}

/**
 * `version` changes whenever the project may have changed (an action done here, a live change made
 * elsewhere): the actions are asked for again.
 */
export function ActionPanel({ project, session, version = 0, onDone }: { project: ActionProject; session: Session; version?: number; onDone: () => void }) {
  const { t, code } = useT();
  const [done, setDone] = useState<string | null>(null);
  const [{ data }, refetch] = useQuery({ query: PROJECT_ACTIONS, variables: { id: project.id } });
  useEffect(() => {
    if (version > 0) refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const result = data?.project;
  if (!result || result.__typename !== 'Project') return null;
  const stage = result.stage;
  const available = new Map(result.availableActions.map((a) => [a.action as string, a]));
  // The caller's role may take these at some stage; the others are not shown at all.
  const mine = ACTIONS.filter((spec) => {
    const a = available.get(spec.name);
    return a && a.refusal !== 'ROLE_NOT_ALLOWED';
  });
  if (mine.length === 0) return null;

  function whyNot(spec: ActionSpec): string | null {
    const a = available.get(spec.name);
    if (!a || a.allowed) return null;
    if (a.refusal === 'OUT_OF_SCOPE') return t('refusal.OUT_OF_SCOPE');
    if (a.refusal === 'WRONG_STAGE') return t('refusal.WRONG_STAGE', { stages: a.stages.map((s) => code('stage', s)).join(' / '), stage: code('stage', stage) });
    // A precondition: the API's words, which name what is missing.
    return a.reason ?? '';
  }

  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h2 id="actions-heading">{t('project.actions')}</h2>
      <p role="status" className="done">
        {done ? t('action.done', { action: code('action', done) }) : ''}
      </p>
      <ul>
        {mine.map((spec) => (
          <li key={spec.name}>
            <ActionRow
              spec={spec}
              projectId={project.id}
              reason={whyNot(spec)}
              reasonFromApi={available.get(spec.name)?.refusal === 'PRECONDITION_FAILED'}
              onDone={() => {
                setDone(spec.name);
                onDone();
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActionRow({ spec, projectId, reason, reasonFromApi, onDone }: { spec: ActionSpec; projectId: string; reason: string | null; reasonFromApi: boolean; onDone: () => void }) {
  const { t, code } = useT();
  const client = useClient();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // One key per attempt: a retried click of the same submission is applied once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const label = code('action', spec.name);
  const reasonId = `why-${spec.name}`;

  if (reason) {
    return (
      <div className="action disabled">
        <button type="button" aria-disabled="true" aria-describedby={reasonId} data-action={spec.name} onClick={(e) => e.preventDefault()}>
          {label}
        </button>
        {/* The API words a precondition in English. */}
        <span id={reasonId} className="why" lang={reasonFromApi ? 'en' : undefined}>
          {reason}
        </span>
      </div>
    );
  }
  if (spec.page) {
    return (
      <div className="action">
        <Link className="button" href={`/projects/${encodeURIComponent(projectId)}/${spec.page}`} data-action={spec.name}>
          {label}
        </Link>
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const text = value.trim();
    const base = { projectId, idempotencyKey: key };
    const opt = text ? text : undefined;
    let result;
    switch (spec.name) {
      case 'startAssessment':
        result = (await client.mutation(START_ASSESSMENT, { input: { ...base, note: opt } }).toPromise()).data?.startAssessment;
        break;
      case 'requestInformation':
        result = (await client.mutation(REQUEST_INFORMATION, { input: { ...base, question: text } }).toPromise()).data?.requestInformation;
        break;
      case 'provideInformation':
        result = (await client.mutation(PROVIDE_INFORMATION, { input: { ...base, answer: text } }).toPromise()).data?.provideInformation;
        break;
      case 'startPlanning':
        result = (await client.mutation(START_PLANNING, { input: { ...base, note: opt } }).toPromise()).data?.startPlanning;
        break;
      case 'endorsePlan':
        result = (await client.mutation(ENDORSE_PLAN, { input: { ...base, comment: opt } }).toPromise()).data?.endorsePlan;
        break;
      case 'seekFunding':
        result = (await client.mutation(SEEK_FUNDING, { input: { ...base, note: opt } }).toPromise()).data?.seekFunding;
        break;
      case 'decline':
        result = (await client.mutation(DECLINE, { input: { ...base, reason: text } }).toPromise()).data?.decline;
        break;
      default:
        result = null;
    }
    setBusy(false);
    const p = problemOf(result);
    setProblem(p);
    if (!p) {
      setValue('');
      setKey(crypto.randomUUID());
      onDone();
    }
  }

  const fieldLabel = spec.field ? `${t(`form.${spec.field}` as MessageKey)}${spec.required ? '' : ` ${t('common.optional')}`}` : '';
  const fieldPath = spec.field ?? '';
  return (
    <form className="action" onSubmit={submit} aria-label={label}>
      {spec.field && <TextField label={fieldLabel} value={value} onChange={setValue} required={spec.required} multiline={spec.field !== 'note'} error={issueAt(problem, fieldPath)} />}
      <button type="submit" disabled={busy} data-action={spec.name}>
        {label}
      </button>
      <ProblemNotice problem={problem} />
    </form>
  );
}
