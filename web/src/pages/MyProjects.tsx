import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { ProjectTable } from '../components/ProjectTable';
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
      {projects.length > 0 && <FiledProjectTable projects={projects} date={date} />}
      <ShowMore pages={pages} label={t('more.projects')} />
    </>
  );
}

/** Projects with their States and when they were filed and last changed (a focal point's, the portfolio). */
export function FiledProjectTable({ projects, date }: { projects: readonly { id: string; title: string; stage: string; states: readonly string[]; filedAt: string; updatedAt: string }[]; date: (iso: string) => string }) {
  const { t } = useT();
  return (
    <ProjectTable
      projects={projects}
      columns={[
        { heading: t('projects.col.states'), cell: (p) => p.states.join(', ') },
        { heading: t('projects.col.filed'), cell: (p) => date(p.filedAt) },
        { heading: t('projects.col.updated'), cell: (p) => date(p.updatedAt) },
      ]}
    />
  );
}
