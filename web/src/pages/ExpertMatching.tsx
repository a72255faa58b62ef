// Expert matching for a project (programme manager): the roster ranked for each need with each
// candidate's score parts as a small stacked bar, the experts excluded with the rule that excluded
// them, the team proposal (optimal beside greedy), and the invitation chain of a slot with its progress.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { Link } from 'wouter';
import { Chart } from '../components/Chart';
import { CheckboxGroup, Section, TextField } from '../components/Fields';
import { ProblemNotice } from '../components/ProblemNotice';
import { ScoreParts } from '../components/ScoreParts';
import { useT, type MessageKey } from '../i18n';
import { PROJECT } from '../operations/common';
import { INVITATION, INVITE_EXPERTS, MATCH_EXPERTS, PROPOSE_TEAM } from '../operations/manager-matching';
import { issueAt, problemOf, type Problem } from '../outcome';
import type { ResultOf } from '../graphql';
import '../manager.css';

const PARTS = ['FIELD', 'INSTRUMENT', 'LANGUAGE', 'REGION', 'PAST_OUTCOMES', 'WORKLOAD'] as const;
const COLOURS = ['#1d4ed8', '#047857', '#b45309', '#7c3aed', '#0e7490', '#b91c1c'];
type Match = Extract<NonNullable<ResultOf<typeof MATCH_EXPERTS>['matchExperts']>, { __typename: 'QueryMatchExpertsSuccess' }>['data'][number];
type Team = Extract<ResultOf<typeof PROPOSE_TEAM>['proposeTeam'], { __typename: 'TeamProposal' }>['optimal'];

/** Invitations sent from this page, kept for the tab (no query lists a project's invitations yet). */
const sentKey = (projectId: string) => `palermo.invitations.${projectId}`;
function loadSent(projectId: string): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(sentKey(projectId)) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export default function ExpertMatching({ projectId }: { projectId: string }) {
  const { t } = useT();
  const [{ data: projectData }] = useQuery({ query: PROJECT, variables: { id: projectId } });
  const [{ data, error }] = useQuery({ query: MATCH_EXPERTS, variables: { projectId, options: { limit: 5, excludedLimit: 20 } } });
  const [sent, setSent] = useState<string[]>(() => loadSent(projectId));
  const project = projectData?.project.__typename === 'Project' ? projectData.project : null;
  const matches = data?.matchExperts.__typename === 'QueryMatchExpertsSuccess' ? data.matchExperts.data : [];
  const names = new Map(matches.flatMap((m) => [...m.ranked.map((r) => [r.expertId, r.name] as const), ...m.excluded.map((x) => [x.expertId, x.name] as const)]));
  const needLabel = (needId: string) => {
    const i = project?.needs.findIndex((n) => n.id === needId) ?? -1;
    const n = project?.needs[i];
    return n ? t('match.needLabel', { n: i + 1, area: n.priorityArea, activity: n.priorityActivity, state: n.state }) : needId;
  };
  const remember = (id: string) => {
    const next = [id, ...sent.filter((s) => s !== id)];
    sessionStorage.setItem(sentKey(projectId), JSON.stringify(next));
    setSent(next);
  };

  return (
    <article className="matching">
      <h1>{t('match.heading', { title: project?.title ?? projectId })}</h1>
      <p>
        <Link href={`/projects/${encodeURIComponent(projectId)}`}>{t('plan.back')}</Link>
      </p>
      <p>{t('match.intro')}</p>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {data && data.matchExperts.__typename !== 'QueryMatchExpertsSuccess' && <p role="alert">{t('common.error', { message: data.matchExperts.message })}</p>}
      {!data && <p role="status">{t('common.loading')}</p>}
      {matches.length > 0 && <PartsLegend />}
      {matches.map((m) => (
        <NeedMatchSection key={m.needId} match={m} label={needLabel(m.needId)} onInvited={remember} />
      ))}
      {matches.length > 0 && <TeamProposal projectId={projectId} names={names} needLabel={needLabel} />}
      {sent.length > 0 && (
        <Section title={t('match.sent')}>
          <ul className="invitations">
            {sent.map((id) => (
              <InvitationProgress key={id} id={id} names={names} needLabel={needLabel} />
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}

function usePart() {
  const { t } = useT();
  return (name: string) => ((PARTS as readonly string[]).includes(name) ? t(`match.part.${name}` as MessageKey) : name);
}

function PartsLegend() {
  const { t, intl } = useT();
  const locale = intl.locale;
  const part = usePart();
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) => Plot.legend({ color: { type: 'categorical', domain: PARTS.map(part), range: COLOURS } }) as HTMLElement,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [locale],
  );
  return <Chart label={t('match.legend', { parts: PARTS.map(part).join(', ') })} draw={draw} />;
}

function NeedMatchSection({ match: m, label, onInvited }: { match: Match; label: string; onInvited: (id: string) => void }) {
  const { t, number } = useT();
  const part = usePart();
  const max = Math.max(1, ...m.ranked.map((r) => r.parts.reduce((s, p) => s + Math.max(0, p.points), 0)));
  return (
    <Section title={label}>
      <p>
        {t('match.target', { fields: m.fields.join(', ') || t('common.none'), languages: m.workingLanguages.join(', ') || t('common.none') })}{' '}
        {t('match.counts', { eligible: m.eligible, excluded: m.excludedCount })}
      </p>
      {m.ranked.length === 0 ? (
        <p>{t('match.noCandidate')}</p>
      ) : (
        <table className="projects candidates">
          <caption>{t('match.ranked')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pool.col.rank')}</th>
              <th scope="col">{t('match.col.expert')}</th>
              <th scope="col">{t('match.col.score')}</th>
              <th scope="col">{t('match.col.parts')}</th>
            </tr>
          </thead>
          <tbody>
            {m.ranked.map((r) => (
              <tr key={r.expertId} data-expert={r.expertId}>
                <td>{r.rank}</td>
                <td>
                  <strong>{r.name}</strong>
                  <br />
                  <span className="muted">
                    {r.expert.nationality} · {r.expert.institution}
                  </span>
                </td>
                <td>{number(r.score)}</td>
                <td>
                  <ScoreBar name={r.name} parts={r.parts} max={max} />
                  <ScoreParts parts={r.parts} label={part} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.excluded.length > 0 && (
        <>
          <h3>{t('match.excluded', { count: m.excludedCount })}</h3>
          <ul className="excluded">
            {m.excluded.map((x) => (
              <li key={x.expertId}>
                <strong>{x.name}</strong>: {x.rules.map((r) => `${t(`match.rule.${r.rule}` as MessageKey)} (${r.reason})`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {m.ranked.length > 0 && <InviteForm match={m} label={label} onInvited={onInvited} />}
    </Section>
  );
}

/** One candidate's score as its stacked parts, on the scale of the best candidate of the need. */
function ScoreBar({ name, parts, max }: { name: string; parts: readonly { name: string; points: number }[]; max: number }) {
  const { t, number } = useT();
  const part = usePart();
  const rows = parts.map((p) => ({ part: part(p.name), points: p.points, y: name }));
  const key = JSON.stringify([rows, max]);
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        width: 280,
        height: 34,
        marginLeft: 4,
        marginRight: 8,
        marginTop: 4,
        marginBottom: 6,
        x: { domain: [Math.min(0, ...rows.map((r) => r.points)), max], axis: null },
        y: { axis: null },
        color: { type: 'categorical', domain: PARTS.map(part), range: COLOURS },
        marks: [Plot.barX(rows, { x: 'points', y: 'y', fill: 'part' }), Plot.ruleX([0])],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return <Chart label={t('match.barLabel', { name, parts: rows.map((r) => `${r.part} ${number(r.points)}`).join(', ') })} draw={draw} />;
}

function InviteForm({ match: m, label, onInvited }: { match: Match; label: string; onInvited: (id: string) => void }) {
  const { t } = useT();
  const client = useClient();
  const [slot, setSlot] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [reminderHours, setReminder] = useState('48');
  const [deadlineHours, setDeadline] = useState('120');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [invited, setInvited] = useState<string | null>(null);
  const hours = (v: string) => (v.trim() && Number.isFinite(Number(v)) ? Math.round(Number(v) * 3600) : null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    // A missing number is named at its field here; nothing is sent.
    const reminderSeconds = hours(reminderHours);
    const deadlineSeconds = hours(deadlineHours);
    if (reminderSeconds === null || deadlineSeconds === null) {
      const issues = [...(reminderSeconds === null ? ['reminderSeconds'] : []), ...(deadlineSeconds === null ? ['deadlineSeconds'] : [])].map((f) => ({ field: `input.${f}`, message: t('form.numberRequired') }));
      setProblem({ code: 'VALIDATION_FAILED', message: '', issues });
      return;
    }
    setBusy(true);
    // Best first: the chain invites in the ranking's order.
    const candidates = m.ranked.map((r) => r.expertId).filter((id) => chosen.includes(id));
    const r = await client.mutation(INVITE_EXPERTS, { input: { needId: m.needId, slot: slot.trim(), candidates, reminderSeconds, deadlineSeconds, idempotencyKey: key } }).toPromise();
    setBusy(false);
    const result = r.error ? { __typename: 'Error', code: 'OTHER', message: r.error.message } : r.data?.inviteExperts;
    const p = problemOf(result);
    setProblem(p);
    if (!p && r.data?.inviteExperts.__typename === 'Invitation') {
      onInvited(r.data.inviteExperts.id);
      setInvited(r.data.inviteExperts.slot);
      setKey(crypto.randomUUID());
      setSlot('');
      setChosen([]);
    }
  }
  const err = (path: string) => issueAt(problem, path);
  return (
    <form className="action invite" onSubmit={submit} aria-label={t('match.inviteFor', { need: label })}>
      <h3>{t('match.invite')}</h3>
      <div className="form-grid">
        <TextField label={t('match.slot')} hint={t('match.slotHint')} value={slot} onChange={setSlot} required error={err('slot')} />
        <CheckboxGroup legend={t('match.candidates')} options={m.ranked.map((r) => ({ value: r.expertId, label: `${r.rank}. ${r.name}` }))} values={chosen} onChange={setChosen} error={err('candidates') ?? problem?.issues.find((i) => i.field.startsWith('input.candidates'))?.message} />
        <TextField label={t('match.reminderHours')} type="number" value={reminderHours} onChange={setReminder} required error={err('reminderSeconds')} />
        <TextField label={t('match.deadlineHours')} type="number" value={deadlineHours} onChange={setDeadline} required error={err('deadlineSeconds')} />
      </div>
      <button type="submit" disabled={busy}>
        {t('match.inviteButton')}
      </button>
      <p role="status">{invited ? t('match.invited', { slot: invited }) : ''}</p>
      <ProblemNotice problem={problem} />
    </form>
  );
}

function TeamProposal({ projectId, names, needLabel }: { projectId: string; names: Map<string, string>; needLabel: (id: string) => string }) {
  const { t } = useT();
  const client = useClient();
  const [proposal, setProposal] = useState<{ optimal: Team; greedy: Team } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function propose() {
    setBusy(true);
    // A proposal changes nothing, so it is a query; asked afresh each time (the roster may have moved).
    const r = await client.query(PROPOSE_TEAM, { input: { projectId } }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    const result = r.error ? { __typename: 'Error', code: 'OTHER', message: r.error.message } : r.data?.proposeTeam;
    setProblem(problemOf(result));
    if (r.data?.proposeTeam.__typename === 'TeamProposal') setProposal(r.data.proposeTeam);
  }
  return (
    <Section title={t('match.team')}>
      <p>{t('match.teamIntro')}</p>
      <button type="button" onClick={() => void propose()} disabled={busy}>
        {t('match.propose')}
      </button>
      <ProblemNotice problem={problem} />
      {proposal && (
        <div className="team-proposal">
          <TeamTable title={t('match.optimal')} team={proposal.optimal} names={names} needLabel={needLabel} />
          <TeamTable title={t('match.greedy')} team={proposal.greedy} names={names} needLabel={needLabel} />
        </div>
      )}
    </Section>
  );
}

function TeamTable({ title, team, names, needLabel }: { title: string; team: Team; names: Map<string, string>; needLabel: (id: string) => string }) {
  const { t, number } = useT();
  return (
    <table className="projects team">
      <caption>
        {title}: {t('match.total', { total: number(team.total), filled: team.members.length, unfilled: team.unfilled.length })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('match.col.slot')}</th>
          <th scope="col">{t('match.col.expert')}</th>
          <th scope="col">{t('match.col.score')}</th>
        </tr>
      </thead>
      <tbody>
        {team.members.map((member) => (
          <tr key={member.slot}>
            <td>{needLabel(member.needId)}</td>
            <td>{names.get(member.expertId) ?? member.expertId}</td>
            <td>{number(member.score)}</td>
          </tr>
        ))}
        {team.unfilled.map((slot) => (
          <tr key={`unfilled-${slot}`}>
            <td>{needLabel(slot)}</td>
            <td colSpan={2}>{t('match.unfilled')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One slot's invitation chain, followed until someone accepts or the list runs out. */
function InvitationProgress({ id, names, needLabel }: { id: string; names: Map<string, string>; needLabel: (id: string) => string }) {
  const { t, dateTime } = useT();
  const [{ data }, refetch] = useQuery({ query: INVITATION, variables: { id } });
  const inv = data?.invitation.__typename === 'Invitation' ? data.invitation : null;
  const waiting = !data || inv?.status === 'WAITING';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 3000);
    return () => clearInterval(timer);
  }, [waiting, refetch]);
  if (!data) return <li role="status">{t('common.loading')}</li>;
  if (!inv) return <li>{t('common.error', { message: data.invitation.__typename !== 'Invitation' ? data.invitation.message : '' })}</li>;
  const who = (expertId: string | null) => (expertId ? (names.get(expertId) ?? expertId) : '');
  return (
    <li className="invitation" data-invitation={inv.id}>
      <h3>{t('inv.title', { slot: inv.slot })}</h3>
      <p>
        {needLabel(inv.needId)} · <strong>{t(`inv.status.${inv.status}` as MessageKey)}</strong>
        {inv.expertId && inv.status === 'ACCEPTED' ? ` · ${who(inv.expertId)}` : ''}
      </p>
      <p className="muted">{t('match.chain', { candidates: inv.candidates.map(who).join(' → ') })}</p>
      <ol className="timeline">
        {inv.events.map((e) => (
          <li key={e.seq}>
            {dateTime(e.at)}: {who(e.expertId)} {t(`inv.event.${e.kind}` as MessageKey)}
          </li>
        ))}
      </ol>
    </li>
  );
}
