// The programme manager's part of a project page (issue 12): funding (pledges, gap, descoping),
// delivery records, and the actions the lifecycle panel does not offer (recordAssessment, merge,
// descopeBudget, startDelivery, recordActivity, reportProgress, recordEnactment, suspend, resume,
// startEvaluation, close, cancel). Whether an action is possible now comes from the transition table
// the workflow validates with (domain/transitions.ts); a disabled one says why. Loaded on demand.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { PARTNERS } from '../../../domain/partners';
import type { Stage } from '../../../domain/stages';
import { decideTransition, TRANSITIONS, type TransitionName } from '../../../domain/transitions';
import type { ASSESSMENT_TYPES } from '../../../domain/lifecycle-inputs';
import { useT, type MessageKey } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import {
  CANCEL, CLOSE, DESCOPE_BUDGET, EVALUATOR_CANDIDATES, MANAGER_PROJECT, MERGE, MERGE_TARGETS, RECORD_ACTIVITY, RECORD_ASSESSMENT,
  RECORD_ENACTMENT, REPORT_PROGRESS, RESUME, START_DELIVERY, START_EVALUATION, SUSPEND,
} from '../operations/manager-lifecycle';
import { PROPOSE_EVALUATION_PANEL, RECORD_EVALUATION_VISIT } from '../operations/rules';
import { choiceMissing, issueAt, problemOf, type Problem } from '../outcome';
import { oneOf } from '../vocabulary';
import type { Session } from '../session';
import { CheckboxGroup, DateField, Section, SelectField, TextField } from './Fields';
import { CodeChecks, RadioGroup } from './ManagerFields';
import { ProblemNotice } from './ProblemNotice';
import { ProjectRules } from './ProjectRules';
import '../manager.css';

// The same four as domain/lifecycle-inputs.ts (checked by the type), without loading zod into the page.
const TYPES = ['EXPLORATORY_MISSION', 'TECHNICAL_MISSION', 'NEEDS_ASSESSMENT', 'DESK_REVIEW'] as const satisfies readonly (typeof ASSESSMENT_TYPES)[number][];
/** Stages a request may be merged into (the merge's target rule). */
const MERGE_INTO: readonly string[] = ['UNDER_ASSESSMENT', 'PLANNING'];

type Outcome = Parameters<typeof problemOf>[0];
type Field = (path: string) => string | undefined;

export default function ManagerWork({ projectId, session, onDone }: { projectId: string; session: Session; onDone: () => void }) {
  const { t, money, date, code } = useT();
  const [{ data }, refetch] = useQuery({ query: MANAGER_PROJECT, variables: { id: projectId } });
  const [done, setDone] = useState<string | null>(null);
  // Bumped on each success: the forms start afresh, each with a new idempotency key.
  const [generation, setGeneration] = useState(0);
  const p = data?.project.__typename === 'Project' ? data.project : null;
  if (!p) return null;
  const actor = { subject: session.subject, role: session.role };
  // The gap is an exact decimal string: open unless it is zero (no float on the way).
  const gapOpen = p.budget ? !/^0+(\.0+)?$/.test(p.fundingGap) : true;

  function whyNot(name: TransitionName): string | null {
    const decision = decideTransition(name, actor, { stage: p!.stage as Stage, stateCodes: p!.states });
    if (!decision.allowed) {
      const rule = TRANSITIONS[name];
      if (decision.refusal === 'ROLE_NOT_ALLOWED') return t('refusal.ROLE_NOT_ALLOWED', { roles: rule.roles.map((r) => code('role', r)).join(', ') });
      if (decision.refusal === 'WRONG_STAGE') return t('refusal.WRONG_STAGE', { stages: rule.from.map((s) => code('stage', s)).join(' / '), stage: code('stage', p!.stage) });
      return decision.reason;
    }
    // startDelivery's own rule: pledges cover the budget (the workflow checks it again).
    if (name === 'startDelivery' && gapOpen) return t('mgr.refusal.gap');
    return null;
  }
  const finished = (name: TransitionName) => {
    setDone(name);
    setGeneration((g) => g + 1);
    refetch({ requestPolicy: 'network-only' });
    onDone();
  };
  const row = (name: TransitionName, form: (key: string) => ReactNode) => ({ name, reason: whyNot(name), form });
  const kind = (k: string) => t(`mgr.pledgeKind.${k}` as MessageKey);

  return (
    <section aria-labelledby="mgr-heading" className="actions manager-work">
      <h2 id="mgr-heading">{t('mgr.heading')}</h2>
      <p>
        <Link href={`/projects/${encodeURIComponent(projectId)}/matching`}>{t('mgr.matchingLink')}</Link>
      </p>
      <p role="status" className="done">
        {done ? t('action.done', { action: code('action', done) }) : ''}
      </p>

      <Section title={t('mgr.funding')}>
        {p.budget ? (
          <dl className="facts">
            <div>
              <dt>{t('mgr.budget')}</dt>
              <dd>{money(p.budget.amount, p.budget.currency)}</dd>
            </div>
            <div>
              <dt>{t('mgr.pledged')}</dt>
              <dd>{money(p.pledgedAmount, p.budget.currency)}</dd>
            </div>
            <div>
              <dt>{t('mgr.gap')}</dt>
              <dd data-testid="funding-gap">{money(p.fundingGap, p.budget.currency)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t('mgr.noBudget')}</p>
        )}
        {p.pledges.length === 0 ? (
          <p>{t('mgr.noPledges')}</p>
        ) : (
          <table className="projects pledges">
            <caption>{t('mgr.pledges')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mgr.col.donor')}</th>
                <th scope="col">{t('mgr.col.amount')}</th>
                <th scope="col">{t('mgr.col.kind')}</th>
                <th scope="col">{t('mgr.col.earmark')}</th>
                <th scope="col">{t('mgr.col.date')}</th>
              </tr>
            </thead>
            <tbody>
              {p.pledges.map((g) => (
                <tr key={`${g.at}-${g.donor}`}>
                  <td>{g.donor}</td>
                  <td>{money(g.amount, g.currency)}</td>
                  <td>{kind(g.kind)}</td>
                  <td>{g.earmarkPriorityArea ?? t('common.none')}</td>
                  <td>{date(g.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <ProjectRules projectId={projectId} generation={generation} warnings />

      <Records project={p} />

      <ul>
        {[
          row('recordAssessment', (key) => <RecordAssessmentForm projectId={projectId} idempotencyKey={key} onDone={() => finished('recordAssessment')} />),
          row('merge', (key) => <MergeForm projectId={projectId} idempotencyKey={key} onDone={() => finished('merge')} />),
          row('descopeBudget', (key) => <DescopeForm projectId={projectId} currency={p.budget?.currency ?? 'USD'} idempotencyKey={key} onDone={() => finished('descopeBudget')} />),
          row('startDelivery', (key) => <NoteForm name="startDelivery" projectId={projectId} idempotencyKey={key} onDone={() => finished('startDelivery')} />),
          row('recordActivity', (key) => <ActivityForm projectId={projectId} idempotencyKey={key} onDone={() => finished('recordActivity')} />),
          row('reportProgress', (key) => <ProgressForm projectId={projectId} idempotencyKey={key} onDone={() => finished('reportProgress')} />),
          row('recordEnactment', (key) => <EnactmentForm projectId={projectId} idempotencyKey={key} onDone={() => finished('recordEnactment')} />),
          row('suspend', (key) => <ReasonForm name="suspend" projectId={projectId} idempotencyKey={key} onDone={() => finished('suspend')} />),
          row('resume', (key) => <NoteForm name="resume" projectId={projectId} idempotencyKey={key} onDone={() => finished('resume')} />),
          row('startEvaluation', (key) => <EvaluationForm projectId={projectId} idempotencyKey={key} onDone={() => finished('startEvaluation')} />),
          row('recordEvaluationVisit', (key) => <VisitForm projectId={projectId} states={p.states} idempotencyKey={key} onDone={() => finished('recordEvaluationVisit')} />),
          row('close', (key) => <CloseForm projectId={projectId} firstState={p.states[0] ?? ''} recommendations={p.outcomeAssessment?.recommendations ?? []} idempotencyKey={key} onDone={() => finished('close')} />),
          row('cancel', (key) => <ReasonForm name="cancel" projectId={projectId} idempotencyKey={key} onDone={() => finished('cancel')} />),
        ]
          // What can be done now first, in lifecycle order; then what cannot, each saying why.
          .sort((a, b) => Number(Boolean(a.reason)) - Number(Boolean(b.reason)))
          .map((a) => (
          <li key={a.name}>{a.reason ? <Disabled name={a.name} reason={a.reason} /> : <KeyedForm key={`${a.name}-${generation}`} render={a.form} />}</li>
        ))}
      </ul>
    </section>
  );
}

function Disabled({ name, reason }: { name: TransitionName; reason: string }) {
  const { code } = useT();
  const id = `why-mgr-${name}`;
  return (
    <div className="action disabled">
      <button type="button" aria-disabled="true" aria-describedby={id} data-action={name} onClick={(e) => e.preventDefault()}>
        {code('action', name)}
      </button>
      <span id={id} className="why">
        {reason}
      </span>
    </div>
  );
}

/** One idempotency key per attempt: a retried click of the same submission is applied once; a success starts a new key. */
function KeyedForm({ render }: { render: (key: string) => ReactNode }) {
  const [key] = useState(() => crypto.randomUUID());
  return <>{render(key)}</>;
}

/** The frame of every action form: submit, busy state, the refusal in words and each field's error. */
function ActionForm({ name, submit, onDone, children }: { name: TransitionName; submit: () => Promise<Outcome>; onDone: () => void; children: (field: Field) => ReactNode }) {
  const { code } = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const label = code('action', name);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    let result: Outcome;
    try {
      result = await submit();
    } catch (err) {
      result = { __typename: 'Error', code: 'OTHER', message: (err as Error).message };
    }
    setBusy(false);
    const p = problemOf(result);
    setProblem(p);
    if (!p) onDone();
  }
  return (
    <form className="action manager-action" onSubmit={onSubmit} aria-label={label}>
      {children((path) => issueAt(problem, path))}
      <button type="submit" disabled={busy} data-action={name}>
        {label}
      </button>
      <ProblemNotice problem={problem} />
    </form>
  );
}

interface FormProps {
  projectId: string;
  idempotencyKey: string;
  onDone: () => void;
}

/** Unwraps a mutation's answer: the transport's error as a problem, else the result union. */
/** A field the form can judge before sending (a whole number missing): refused here, nothing sent. */
function refuseField(field: string, message: string): Outcome {
  return { __typename: 'ValidationError', code: 'VALIDATION_FAILED', message: '', issues: [{ field: `input.${field}`, message }] };
}

async function send<T>(promise: Promise<{ data?: T; error?: { message: string } }>, pick: (d: T) => Outcome): Promise<Outcome> {
  const r = await promise;
  if (r.error) return { __typename: 'Error', code: 'OTHER', message: r.error.message };
  return r.data ? pick(r.data) : null;
}

function RecordAssessmentForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t } = useT();
  const client = useClient();
  const [type, setType] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [partners, setPartners] = useState<string[]>([]);
  const [findings, setFindings] = useState('');
  return (
    <ActionForm
      name="recordAssessment"
      onDone={onDone}
      submit={() => {
        const chosen = oneOf(TYPES, type);
        if (!chosen) return Promise.resolve(choiceMissing('type', t('form.choiceRequired')));
        return send(client.mutation(RECORD_ASSESSMENT, { input: { projectId, idempotencyKey, type: chosen, startDate, endDate, partners, findings: findings.trim() } }).toPromise(), (d) => d.recordAssessment);
      }}
    >
      {(err) => (
        <div className="form-grid">
          <SelectField label={t('mgr.assessmentType')} value={type} onChange={setType} required options={TYPES.map((v) => ({ value: v, label: t(`mgr.assessmentType.${v}` as MessageKey) }))} placeholder={t('common.choose')} error={err('type')} />
          <DateField label={t('mgr.startDate')} value={startDate} onChange={setStart} required error={err('startDate')} />
          <DateField label={t('mgr.endDate')} value={endDate} onChange={setEnd} required error={err('endDate')} />
          <CodeChecks legend={t('mgr.partners')} options={PARTNERS} values={partners} onChange={setPartners} error={err('partners')} />
          <TextField label={t('mgr.findings')} value={findings} onChange={setFindings} multiline required error={err('findings')} />
        </div>
      )}
    </ActionForm>
  );
}

function MergeForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t, code } = useT();
  const client = useClient();
  const [{ data }] = useQuery({ query: MERGE_TARGETS });
  const [into, setInto] = useState('');
  const [reason, setReason] = useState('');
  const targets = data?.projects.__typename === 'QueryProjectsSuccess' ? data.projects.data.edges.map((e) => e.node).filter((x) => x.id !== projectId && MERGE_INTO.includes(x.stage)) : [];
  return (
    <ActionForm name="merge" onDone={onDone} submit={() => send(client.mutation(MERGE, { input: { projectId, idempotencyKey, intoProjectId: into, reason: reason.trim() } }).toPromise(), (d) => d.merge)}>
      {(err) => (
        <>
          <SelectField label={t('mgr.mergeInto')} value={into} onChange={setInto} required options={targets.map((x) => ({ value: x.id, label: `${x.title} (${x.states.join(', ')}; ${code('stage', x.stage)})` }))} placeholder={t('common.choose')} error={err('intoProjectId')} />
          <TextField label={t('form.reason')} value={reason} onChange={setReason} multiline required error={err('reason')} />
        </>
      )}
    </ActionForm>
  );
}

function DescopeForm({ projectId, currency, idempotencyKey, onDone }: FormProps & { currency: string }) {
  const { t } = useT();
  const client = useClient();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm name="descopeBudget" onDone={onDone} submit={() => send(client.mutation(DESCOPE_BUDGET, { input: { projectId, idempotencyKey, amount: amount.trim(), reason: reason.trim() } }).toPromise(), (d) => d.descopeBudget)}>
      {(err) => (
        <>
          {/* An exact decimal typed as text: never parsed into a float on the way. */}
          <TextField label={t('mgr.newBudget', { currency })} value={amount} onChange={setAmount} required error={err('amount')} />
          <TextField label={t('form.reason')} value={reason} onChange={setReason} multiline required error={err('reason')} />
        </>
      )}
    </ActionForm>
  );
}

function NoteForm({ name, projectId, idempotencyKey, onDone }: FormProps & { name: 'startDelivery' | 'resume' }) {
  const { t } = useT();
  const client = useClient();
  const [note, setNote] = useState('');
  const input = () => ({ projectId, idempotencyKey, ...(note.trim() ? { note: note.trim() } : {}) });
  const submit = () =>
    name === 'startDelivery'
      ? send(client.mutation(START_DELIVERY, { input: input() }).toPromise(), (d) => d.startDelivery)
      : send(client.mutation(RESUME, { input: input() }).toPromise(), (d) => d.resume);
  return (
    <ActionForm name={name} onDone={onDone} submit={submit}>
      {(err) => <TextField label={`${t(name === 'resume' ? 'mgr.resumeNote' : 'form.note')} ${t('common.optional')}`} value={note} onChange={setNote} error={err('note')} />}
    </ActionForm>
  );
}

function ReasonForm({ name, projectId, idempotencyKey, onDone }: FormProps & { name: 'suspend' | 'cancel' }) {
  const { t } = useT();
  const client = useClient();
  const [reason, setReason] = useState('');
  const input = () => ({ projectId, idempotencyKey, reason: reason.trim() });
  const submit = () =>
    name === 'suspend' ? send(client.mutation(SUSPEND, { input: input() }).toPromise(), (d) => d.suspend) : send(client.mutation(CANCEL, { input: input() }).toPromise(), (d) => d.cancel);
  return (
    <ActionForm name={name} onDone={onDone} submit={submit}>
      {(err) => <TextField label={t(name === 'suspend' ? 'mgr.suspendReason' : 'mgr.cancelReason')} value={reason} onChange={setReason} multiline required error={err('reason')} />}
    </ActionForm>
  );
}

function ActivityForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t } = useT();
  const client = useClient();
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const [title, setTitle] = useState('');
  const [form, setForm] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [participants, setParticipants] = useState('');
  const count = Number(participants);
  return (
    <ActionForm
      name="recordActivity"
      onDone={onDone}
      submit={async () =>
        !participants.trim() || !Number.isInteger(count)
          ? refuseField('participants', t('mgr.wholeNumber'))
          : send(client.mutation(RECORD_ACTIVITY, { input: { projectId, idempotencyKey, title: title.trim(), formOfAssistance: form, startDate, endDate, participants: count } }).toPromise(), (d) => d.recordActivity)
      }
    >
      {(err) => (
        <div className="form-grid">
          <TextField label={t('mgr.activityTitle')} value={title} onChange={setTitle} required error={err('title')} />
          <SelectField label={t('mgr.formOfAssistance')} value={form} onChange={setForm} required options={(lists?.codeLists.formsOfAssistance ?? []).map((f) => ({ value: f.code, label: f.title }))} placeholder={t('common.choose')} error={err('formOfAssistance')} />
          <DateField label={t('mgr.startDate')} value={startDate} onChange={setStart} required error={err('startDate')} />
          <DateField label={t('mgr.endDate')} value={endDate} onChange={setEnd} required error={err('endDate')} />
          <TextField label={t('mgr.participants')} type="number" value={participants} onChange={setParticipants} required error={err('participants')} />
        </div>
      )}
    </ActionForm>
  );
}

function ProgressForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t } = useT();
  const client = useClient();
  const [period, setPeriod] = useState('');
  const [narrative, setNarrative] = useState('');
  return (
    <ActionForm name="reportProgress" onDone={onDone} submit={() => send(client.mutation(REPORT_PROGRESS, { input: { projectId, idempotencyKey, period: period.trim(), narrative: narrative.trim() } }).toPromise(), (d) => d.reportProgress)}>
      {(err) => (
        <>
          <TextField label={t('mgr.period')} hint={t('mgr.periodHint')} value={period} onChange={setPeriod} required error={err('period')} />
          <TextField label={t('mgr.narrative')} value={narrative} onChange={setNarrative} multiline required error={err('narrative')} />
        </>
      )}
    </ActionForm>
  );
}

function EnactmentForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t } = useT();
  const client = useClient();
  const [law, setLaw] = useState('');
  const [enactedOn, setOn] = useState('');
  return (
    <ActionForm name="recordEnactment" onDone={onDone} submit={() => send(client.mutation(RECORD_ENACTMENT, { input: { projectId, idempotencyKey, law: law.trim(), enactedOn } }).toPromise(), (d) => d.recordEnactment)}>
      {(err) => (
        <>
          <TextField label={t('mgr.law')} value={law} onChange={setLaw} required error={err('law')} />
          <DateField label={t('mgr.enactedOn')} value={enactedOn} onChange={setOn} required error={err('enactedOn')} />
        </>
      )}
    </ActionForm>
  );
}

function EvaluationForm({ projectId, idempotencyKey, onDone }: FormProps) {
  const { t } = useT();
  const client = useClient();
  const [{ data }] = useQuery({ query: EVALUATOR_CANDIDATES, variables: { projectId } });
  const [{ data: proposed }] = useQuery({ query: PROPOSE_EVALUATION_PANEL, variables: { projectId } });
  // null until the manager changes them: the proposal's lead and members are the default choice.
  const [evaluatorChoice, setEvaluator] = useState<string | null>(null);
  const [panelChoice, setPanel] = useState<string[] | null>(null);
  const [closeReason, setCloseReason] = useState('');
  const candidates = data?.evaluatorCandidates.__typename === 'QueryEvaluatorCandidatesSuccess' ? data.evaluatorCandidates.data : [];
  const proposal = proposed?.proposeEvaluationPanel.__typename === 'QueryProposeEvaluationPanelSuccess' ? proposed.proposeEvaluationPanel.data : null;
  const evaluator = evaluatorChoice ?? proposal?.lead ?? '';
  // Members are the independent candidates other than the lead; the proposal's picks say why they were picked.
  const picks = new Map((proposal?.members ?? []).map((m) => [m.expertId, m]));
  const panelDefault = (proposal?.members ?? []).map((m) => m.expertId).filter((id) => id !== evaluator);
  const panel = (panelChoice ?? panelDefault).filter((id) => id !== evaluator);
  const rule = (r: { rule: string; reason: string }) => `${t(`mgr.independence.${r.rule}` as MessageKey)} (${r.reason})`;
  const slots = (m: { serves: readonly { state: string; slot: string }[] }) => m.serves.map((s) => t(`rules.slot.${s.slot === 'REGIONAL_PEER' ? 'REGIONAL_PEER' : 'OUTSIDE_PEER'}`, { state: s.state })).join(', ');
  return (
    <ActionForm
      name="startEvaluation"
      onDone={onDone}
      submit={() => send(client.mutation(START_EVALUATION, { input: { projectId, idempotencyKey, evaluator, ...(panel.length ? { panel } : {}), ...(closeReason.trim() ? { closeDeliveryReason: closeReason.trim() } : {}) } }).toPromise(), (d) => d.startEvaluation)}
    >
      {(err) => (
        <div className="form-grid">
          {proposal && (
            <div className="panel-proposal" data-testid="panel-proposal">
              <h4>{t('rules.proposal')}</h4>
              {proposal.members.length === 0 ? (
                <p>{t('rules.proposalEmpty')}</p>
              ) : (
                <ul>
                  {proposal.members.map((m) => (
                    <li key={m.expertId}>
                      {t('rules.pick', { name: m.name, nationality: m.nationality, slots: slots(m), reason: m.reason })}
                      {m.expertId === proposal.lead ? ` ${t('rules.proposedLead')}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {proposal.unfilled.length > 0 && (
                <ul className="unfilled">
                  {proposal.unfilled.map((u) => (
                    <li key={`${u.state}-${u.slot}`}>{t('rules.unfilled', { slot: t(`rules.slot.${u.slot === 'REGIONAL_PEER' ? 'REGIONAL_PEER' : 'OUTSIDE_PEER'}`, { state: u.state }), reason: u.reason })}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {!data ? (
            <p role="status">{t('common.loading')}</p>
          ) : (
            <>
              <RadioGroup
                legend={t('rules.lead')}
                name={`evaluator-${projectId}`}
                value={evaluator}
                onChange={setEvaluator}
                error={err('evaluator')}
                options={candidates.map((c) => ({
                  value: c.expertId,
                  label: c.independent ? t('mgr.candidateIndependent', { name: c.name }) : c.name,
                  disabledReason: c.independent ? undefined : t('mgr.notIndependent', { rules: c.breaches.map(rule).join('; ') }),
                }))}
              />
              <CheckboxGroup
                legend={t('rules.members')}
                values={panel}
                onChange={setPanel}
                error={err('panel')}
                options={candidates
                  .filter((c) => c.independent && c.expertId !== evaluator)
                  .map((c) => {
                    const pick = picks.get(c.expertId);
                    return { value: c.expertId, label: pick ? t('rules.memberProposed', { name: c.name, reason: pick.reason }) : c.name };
                  })}
              />
            </>
          )}
          <TextField label={`${t('mgr.closeDeliveryReason')} ${t('common.optional')}`} hint={t('mgr.closeDeliveryHint')} value={closeReason} onChange={setCloseReason} multiline error={err('closeDeliveryReason')} />
        </div>
      )}
    </ActionForm>
  );
}

/** recordEvaluationVisit: refused by the API, with its rule, until the visited State's focal point consented. */
function VisitForm({ projectId, states, idempotencyKey, onDone }: FormProps & { states: readonly string[] }) {
  const { t } = useT();
  const client = useClient();
  const [state, setState] = useState(states.length === 1 ? states[0]! : '');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [purpose, setPurpose] = useState('');
  return (
    <ActionForm name="recordEvaluationVisit" onDone={onDone} submit={() => send(client.mutation(RECORD_EVALUATION_VISIT, { input: { projectId, idempotencyKey, state, startDate, endDate, purpose: purpose.trim() } }).toPromise(), (d) => d.recordEvaluationVisit)}>
      {(err) => (
        <div className="form-grid">
          <SelectField label={t('rules.visitState')} value={state} onChange={setState} required options={states.map((s) => ({ value: s, label: s }))} placeholder={t('common.choose')} error={err('state')} />
          <DateField label={t('mgr.startDate')} value={startDate} onChange={setStart} required error={err('startDate')} />
          <DateField label={t('mgr.endDate')} value={endDate} onChange={setEnd} required error={err('endDate')} />
          <TextField label={t('rules.visitPurpose')} value={purpose} onChange={setPurpose} multiline required error={err('purpose')} />
        </div>
      )}
    </ActionForm>
  );
}

function CloseForm({ projectId, firstState, recommendations, idempotencyKey, onDone }: FormProps & { firstState: string; recommendations: readonly { description: string; priorityArea: string; priorityActivity: string; urgency: string; state: string | null }[] }) {
  const { t, code } = useT();
  const client = useClient();
  const [adopted, setAdopted] = useState<string[]>([]);
  const [note, setNote] = useState('');
  return (
    <ActionForm
      name="close"
      onDone={onDone}
      submit={() => send(client.mutation(CLOSE, { input: { projectId, idempotencyKey, adoptRecommendations: adopted.map(Number).sort((a, b) => a - b), ...(note.trim() ? { note: note.trim() } : {}) } }).toPromise(), (d) => d.close)}
    >
      {(err) => (
        <div className="form-grid">
          {/* A recommendation without a State concerns the project's first beneficiary (the API's rule). */}
          {recommendations.length === 0 ? (
            <p>{t('mgr.noRecommendations')}</p>
          ) : (
            <CheckboxGroup
              legend={t('mgr.adopt')}
              options={recommendations.map((r, i) => ({ value: String(i), label: t('mgr.recommendation', { area: r.priorityArea, activity: r.priorityActivity, urgency: code('urgency', r.urgency), state: r.state ?? firstState, description: r.description }) }))}
              values={adopted}
              onChange={setAdopted}
              error={err('adoptRecommendations')}
            />
          )}
          <TextField label={`${t('form.note')} ${t('common.optional')}`} value={note} onChange={setNote} error={err('note')} />
        </div>
      )}
    </ActionForm>
  );
}

/** What was recorded during assessment and delivery, and the reasons given (descoped, suspended...). */
function Records({ project: p }: { project: { assessments: readonly { type: string; startDate: string; endDate: string; partners: readonly string[]; findings: string; at: string }[]; activities: readonly { title: string; formOfAssistance: string; startDate: string; endDate: string; participants: number; at: string }[]; progressReports: readonly { period: string; narrative: string; at: string }[]; enactment: { law: string; enactedOn: string } | null; reasons: readonly { action: string; reason: string; at: string }[]; mergedInto: string | null } }) {
  const { t, date, code, number } = useT();
  const any = p.assessments.length + p.activities.length + p.progressReports.length + p.reasons.length > 0 || p.enactment || p.mergedInto;
  if (!any) return null;
  return (
    <Section title={t('mgr.records')}>
      <ul className="records">
        {p.mergedInto && (
          <li>
            {t('mgr.mergedInto')} <Link href={`/projects/${encodeURIComponent(p.mergedInto)}`}>{p.mergedInto}</Link>
          </li>
        )}
        {p.assessments.map((a) => (
          <li key={`a-${a.at}`}>{t('mgr.assessmentLine', { type: t(`mgr.assessmentType.${a.type}` as MessageKey), from: date(a.startDate), to: date(a.endDate), partners: a.partners.join(', ') || t('common.none'), findings: a.findings })}</li>
        ))}
        {p.activities.map((a) => (
          <li key={`d-${a.at}`}>{t('mgr.activityLine', { title: a.title, from: date(a.startDate), to: date(a.endDate), participants: number(a.participants) })}</li>
        ))}
        {p.progressReports.map((r) => (
          <li key={`p-${r.at}`}>{t('mgr.progressLine', { period: r.period, narrative: r.narrative })}</li>
        ))}
        {p.enactment && <li>{t('mgr.enactmentLine', { law: p.enactment.law, date: date(p.enactment.enactedOn) })}</li>}
        {p.reasons.map((r) => (
          <li key={`r-${r.at}-${r.action}`}>{t('mgr.reasonLine', { action: code('action', r.action), date: date(r.at), reason: r.reason })}</li>
        ))}
      </ul>
    </Section>
  );
}
