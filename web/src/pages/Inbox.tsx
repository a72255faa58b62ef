// What waits on the programme manager: requests to assess, escalations (lapsed deadlines) and
// information the States have sent back.
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Section } from '../components/Fields';
import { StageBadge } from '../components/StageBadge';
import { useT } from '../i18n';
import { PROJECTS } from '../operations/common';

export default function Inbox() {
  const { t, date, code } = useT();
  const [{ data, error }] = useQuery({ query: PROJECTS, variables: { first: 100 } });
  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (data.projects.__typename !== 'QueryProjectsSuccess') return <p role="alert">{t('common.error', { message: data.projects.message })}</p>;
  const projects = data.projects.data.edges.map((e) => e.node);
  const toAssess = projects.filter((p) => p.stage === 'SUBMITTED');
  const escalations = projects.flatMap((p) => p.escalations.filter((e) => e.kind === 'ESCALATION').map((e) => ({ project: p, escalation: e })));
  const answered = projects.filter((p) => p.stage === 'UNDER_ASSESSMENT' && p.informationRequests.at(-1)?.answer);
  const link = (p: { id: string; title: string }) => <Link href={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>;
  return (
    <>
      <h1>{t('inbox.heading')}</h1>
      <Section title={`${t('inbox.toAssess')} (${toAssess.length})`}>
        {toAssess.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ul className="inbox">
            {toAssess.map((p) => (
              <li key={p.id}>
                {link(p)} <span className="muted">{p.states.join(', ')} · {t('inbox.filedOn', { date: date(p.filedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('inbox.escalations')} (${escalations.length})`}>
        {escalations.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ul className="inbox">
            {escalations.map(({ project, escalation }) => (
              <li key={`${project.id}-${escalation.at}`}>
                {link(project)} <StageBadge stage={project.stage} /> <span className="kind">{code('timeline.kind', escalation.kind)}</span> {date(escalation.at)}: {escalation.message}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`${t('inbox.answered')} (${answered.length})`}>
        {answered.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ul className="inbox">
            {answered.map((p) => (
              <li key={p.id}>
                {link(p)} <span className="muted">{p.states.join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
