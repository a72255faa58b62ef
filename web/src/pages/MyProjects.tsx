import { Link } from 'wouter';
import { ShowMore } from '../components/ShowMore';
import { StageBadge } from '../components/StageBadge';
import { usePages } from '../components/usePages';
import { useT } from '../i18n';
import { PROJECTS } from '../operations/common';

export function MyProjects() {
  const { t, date } = useT();
  const { data, fetching, error, pages } = usePages({ query: PROJECTS, variables: {}, pageSize: 100, connection: (d) => (d.projects.__typename === 'QueryProjectsSuccess' ? d.projects.data : null) });
  const result = data?.projects;
  const projects = pages.nodes;
  return (
    <>
      <h1>{t('projects.mine')}</h1>
      {fetching && !data && <p role="status">{t('common.loading')}</p>}
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {result?.__typename === 'ForbiddenError' && <p>{t('projects.notListed')}</p>}
      {result && result.__typename !== 'QueryProjectsSuccess' && result.__typename !== 'ForbiddenError' && <p role="alert">{t('common.error', { message: result.message })}</p>}
      {data && projects.length === 0 && <p>{t('projects.none')}</p>}
      {projects.length > 0 && <ProjectTable projects={projects} date={date} />}
      <ShowMore pages={pages} label={t('more.projects')} />
    </>
  );
}

export function ProjectTable({ projects, date }: { projects: readonly { id: string; title: string; stage: string; states: readonly string[]; filedAt: string; updatedAt: string }[]; date: (iso: string) => string }) {
  const { t } = useT();
  return (
    <table className="projects">
      <thead>
        <tr>
          <th scope="col">{t('projects.col.title')}</th>
          <th scope="col">{t('projects.col.stage')}</th>
          <th scope="col">{t('projects.col.states')}</th>
          <th scope="col">{t('projects.col.filed')}</th>
          <th scope="col">{t('projects.col.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
            </td>
            <td>
              <StageBadge stage={p.stage} />
            </td>
            <td>{p.states.join(', ')}</td>
            <td>{date(p.filedAt)}</td>
            <td>{date(p.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
