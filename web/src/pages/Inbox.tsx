// What waits on the programme manager: requests to assess, escalations (lapsed deadlines) and
// information the States have sent back.
import { Link } from 'wouter';
import { Section } from '../components/Fields';
import { ShowMore } from '../components/ShowMore';
import { StageBadge } from '../components/StageBadge';
import { usePages } from '../components/usePages';
import { useT } from '../i18n';
import { PROJECTS } from '../operations/common';

export default function Inbox() {
  const { t, date, code } = useT();
  // The inbox reads the projects a page of 100 at a time (newest filed first); "Show more" reads older ones.
  const { data, error, pages } = usePages({ query: PROJECTS, variables: {}, pageSize: 100, connection: (d) => (d.projects.__typename === 'QueryProjectsSuccess' ? d.projects.data : null) });
  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (data.projects.__typename !== 'QueryProjectsSuccess') return <p role="alert">{t('common.error', { message: data.projects.message })}</p>;
  const projects = pages.nodes;
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
      <ShowMore pages={pages} label={t('more.olderProjects')} />
    </>
  );
}
