import { lazy, Suspense, useRef, useState } from 'react';
import { TRANSITIONS } from '../../../domain/transitions';
import { useQuery, useSubscription } from 'urql';
import { ActionPanel } from '../components/ActionPanel';
import { Section } from '../components/Fields';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { ProjectRules } from '../components/ProjectRules';
import { Ratings } from '../components/Ratings';
import { StageBadge } from '../components/StageBadge';
import { Timeline } from '../components/Timeline';
import { useT } from '../i18n';
import { PROJECT, PROJECT_TIMELINE } from '../operations/common';
import { PROJECT_CHANGED } from '../operations/live';
import type { Session } from '../session';

/** Stages in which a State may still consent to visits (consentToVisit's rule). */
const OPEN_STAGES: readonly string[] = TRANSITIONS.consentToVisit.from;
// The programme manager's funding, delivery and closing work, loaded only for the manager (issue 12).
const ManagerWork = lazy(() => import('../components/ManagerWork'));

export function ProjectPage({ projectId, session }: { projectId: string; session: Session }) {
  const { t, date, code, money, number } = useT();
  const [{ data, error }, refetchProject] = useQuery({ query: PROJECT, variables: { id: projectId } });
  // The timeline is a connection: its first 100 events, then later pages on request ("show later events").
  const { pages: timelinePages } = usePages({ query: PROJECT_TIMELINE, variables: { id: projectId }, pageSize: 100, connection: (d) => (d.projectTimeline.__typename === 'QueryProjectTimelineSuccess' ? d.projectTimeline.data : null), keyOf: (e) => String(e.seq) });
  const [version, setVersion] = useState(0);
  const refresh = () => {
    refetchProject({ requestPolicy: 'network-only' });
    timelinePages.reload();
    setVersion((v) => v + 1);
  };
  // Live: a change made elsewhere (another user, another API process, a timer) refreshes the stage, the
  // timeline and the actions without a reload. The first event is the project as it is: already shown.
  const seen = useRef<number | null>(null);
  useSubscription({ query: PROJECT_CHANGED, variables: { id: projectId } }, (_previous, event) => {
    const seq = event.projectChanged.seq;
    if (seen.current !== null && seq > seen.current) refresh();
    seen.current = Math.max(seq, seen.current ?? seq);
    return event;
  });
  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  const result = data?.project;
  if (!result) return <p role="status">{t('common.loading')}</p>;
  if (result.__typename !== 'Project') return <p role="alert">{t('common.error', { message: result.message })}</p>;
  const p = result;

  return (
    <article className="project">
      <h1>{p.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t('project.stage')}</dt>
          <dd>
            <StageBadge stage={p.stage} />
          </dd>
        </div>
        <div>
          <dt>{t('project.states')}</dt>
          <dd>{p.states.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('project.filed')}</dt>
          <dd>{date(p.filedAt)}</dd>
        </div>
        {p.evaluator && (
          <div>
            <dt>{t('project.evaluator')}</dt>
            <dd>{p.evaluator}</dd>
          </div>
        )}
      </dl>

      <ActionPanel project={p} session={session} version={version} onDone={refresh} />
      {session.role === 'PROGRAMME_MANAGER' && (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <ManagerWork projectId={p.id} session={session} onDone={refresh} />
        </Suspense>
      )}
      {/* A beneficiary State's focal point consents to visits of the evaluation panel (issue 15). */}
      {session.role === 'STATE_FOCAL_POINT' && session.state && p.states.includes(session.state) && (
        <ProjectRules projectId={p.id} generation={version} warnings={false} canConsent={OPEN_STAGES.includes(p.stage)} onDone={refresh} />
      )}

      {p.escalations.length > 0 && (
        <Section title={t('project.escalations')}>
          <ul className="escalations">
            {p.escalations.map((e) => (
              <li key={`${e.at}-${e.message}`}>
                <span className="kind">{code('timeline.kind', e.kind)}</span> {date(e.at)}: {e.message}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('project.needs')}>
        <ul className="needs">
          {p.needs.map((n) => (
            <li key={n.id}>
              {t('project.need', { area: n.priorityArea, activity: n.priorityActivity, instrument: n.article ? `${n.instrument} art. ${n.article}` : n.instrument, description: n.description })}{' '}
              <span className="muted">{t('project.urgency', { urgency: code('urgency', n.urgency) })}</span>
            </li>
          ))}
        </ul>
      </Section>

      {p.informationRequests.length > 0 && (
        <Section title={t('project.informationRequests')}>
          <ul className="info-requests">
            {p.informationRequests.map((r) => (
              <li key={r.at}>
                <p className="question">{r.question}</p>
                <p className="muted">{t('project.askedOn', { date: date(r.at) })}</p>
                <p>{r.answer ? t('project.answeredOn', { date: date(r.answeredAt), answer: r.answer }) : t('project.notAnswered')}</p>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('project.plan')}>
        {!p.plan ? (
          <p>{t('project.noPlan')}</p>
        ) : (
          <div className="plan">
            <p>{t('project.budget', { amount: money(p.plan.budget.amount, p.plan.budget.currency) })}</p>
            <h3>{t('project.objectives')}</h3>
            <ul>
              {p.plan.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
            {(['outputs', 'outcomes'] as const).map((kind) => (
              <div key={kind}>
                <h3>{t(`project.${kind}`)}</h3>
                <ul>
                  {p.plan![kind].map((r) => (
                    <li key={r.title}>
                      {r.title}
                      <ul>
                        {r.indicators.map((i) => (
                          <li key={i.name}>{t('project.indicator', { name: i.name, baseline: number(i.baseline), target: number(i.target), unit: i.unit })}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <h3>{t('project.endorsements')}</h3>
            {session.state && p.endorsements.some((e) => e.state === session.state) && <p className="muted">{t('refusal.ENDORSED')}</p>}
            {p.endorsements.length === 0 ? (
              <p>{t('project.notEndorsed')}</p>
            ) : (
              <ul>
                {p.endorsements.map((e) => (
                  <li key={e.state}>
                    {t('project.endorsedBy', { state: e.state, date: date(e.at) })}
                    {e.comment ? ` — ${e.comment}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Section>

      {p.outcomeAssessment && (
        <Section title={t('project.outcomeAssessment')}>
          <Ratings criteria={p.outcomeAssessment.criteria} />
          <ul>
            {p.outcomeAssessment.indicatorValues.map((v) => (
              <li key={v.indicator}>{t('project.actualLine', { indicator: v.indicator, actual: number(v.actual) })}</li>
            ))}
            {p.outcomeAssessment.needVerdicts.map((v) => (
              <li key={v.needId}>{t('project.verdictLine', { need: p.needs.find((n) => n.id === v.needId)?.description ?? v.needId, verdict: code('verdict', v.verdict) })}</li>
            ))}
          </ul>
          <p className="narrative">{p.outcomeAssessment.narrative}</p>
        </Section>
      )}

      <Section title={t('project.timeline')}>
        <Timeline entries={timelinePages.nodes} />
        <ShowMore pages={timelinePages} label={t('project.timelineMore')} />
      </Section>
    </article>
  );
}
