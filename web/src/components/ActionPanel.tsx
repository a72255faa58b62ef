// The lifecycle actions of a project as buttons. Whether one is possible now comes from the same
// transition table the workflow's validators use (domain/transitions.ts); a disabled button says why.
import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { decideTransition, TRANSITIONS, type TransitionName } from '../../../domain/transitions';
import type { Stage } from '../../../domain/stages';
import { useT, type MessageKey } from '../i18n';
import { DECLINE, ENDORSE_PLAN, PROVIDE_INFORMATION, REQUEST_INFORMATION, SEEK_FUNDING, START_ASSESSMENT, START_PLANNING } from '../operations/lifecycle';
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
  states: readonly string[];
  plan: unknown;
  endorsements: readonly { state: string }[];
}

export function ActionPanel({ project, session, onDone }: { project: ActionProject; session: Session; onDone: () => void }) {
  const { t, code } = useT();
  const [done, setDone] = useState<string | null>(null);
  const actor = { subject: session.subject, role: session.role, ...(session.state ? { stateCode: session.state } : {}) };
  const mine = ACTIONS.filter((a) => (TRANSITIONS[a.name].roles as readonly string[]).includes(session.role));
  if (mine.length === 0) return null;

  function whyNot(spec: ActionSpec): string | null {
    const decision = decideTransition(spec.name, actor, { stage: project.stage as Stage, stateCodes: project.states });
    if (!decision.allowed) {
      const rule = TRANSITIONS[spec.name];
      if (decision.refusal === 'ROLE_NOT_ALLOWED') return t('refusal.ROLE_NOT_ALLOWED', { roles: rule.roles.map((r) => code('role', r)).join(', ') });
      if (decision.refusal === 'OUT_OF_SCOPE') return t('refusal.OUT_OF_SCOPE');
      if (decision.refusal === 'WRONG_STAGE') return t('refusal.WRONG_STAGE', { stages: rule.from.map((s) => code('stage', s)).join(' / '), stage: code('stage', project.stage) });
      return decision.reason;
    }
    // The endorsement's own rule (R1): a plan to endorse, once per State.
    if (spec.name === 'endorsePlan' && !project.plan) return t('refusal.NO_PLAN');
    if (spec.name === 'endorsePlan' && project.endorsements.some((e) => e.state === session.state)) return t('refusal.ENDORSED');
    return null;
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

function ActionRow({ spec, projectId, reason, onDone }: { spec: ActionSpec; projectId: string; reason: string | null; onDone: () => void }) {
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
        <span id={reasonId} className="why">
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
