// A list of projects as a table: each title links to its project page, its stage as a badge, then the
// columns the page adds (a focal point's dates, a donor's pledges and gap). One markup for every list.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { StageBadge } from './StageBadge';
import { useT } from '../i18n';

export interface ProjectColumn<P> {
  heading: string;
  cell: (project: P) => ReactNode;
}

export function ProjectTable<P extends { id: string; title: string; stage: string }>({ projects, columns }: { projects: readonly P[]; columns: readonly ProjectColumn<P>[] }) {
  const { t } = useT();
  return (
    <table className="projects">
      <thead>
        <tr>
          <th scope="col">{t('projects.col.title')}</th>
          <th scope="col">{t('projects.col.stage')}</th>
          {columns.map((c) => (
            <th key={c.heading} scope="col">
              {c.heading}
            </th>
          ))}
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
            {columns.map((c) => (
              <td key={c.heading}>{c.cell(p)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
