// What a donor funds: the projects its organisation pledged to, with its pledges and the gap left, and
// the outcomes report rows for them (DAC ratings, needs met) once evaluated.
import { useQuery } from 'urql';
import { Section } from '../components/Fields';
import { DacRatingsChart } from '../components/RoleCharts';
import { ProjectTable } from '../components/ProjectTable';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { useT, type MessageKey } from '../i18n';
import { FUNDING_PROJECTS } from '../operations/roles-donor';
import { OUTCOMES_REPORT } from '../operations/roles-reports';
import type { Session } from '../session';

export default function DonorPortfolio({ session }: { session: Session }) {
  const { t, money } = useT();
  const { data, error, pages } = usePages({ query: FUNDING_PROJECTS, variables: {}, pageSize: 50, requestPolicy: 'network-only', connection: (d) => (d.projects.__typename === 'QueryProjectsSuccess' ? d.projects.data : null) });
  const [{ data: outcomes }] = useQuery({ query: OUTCOMES_REPORT, requestPolicy: 'network-only' });
  // A donor sees only its own organisation's pledges (access policy): a project with any is one it funds.
  const funded = pages.nodes.filter((p) => p.pledges.length > 0);
  return (
    <>
      <h1>{t('roles.portfolio.heading', { organisation: session.organisation ?? '' })}</h1>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {!data && <p role="status">{t('common.loading')}</p>}
      {data && funded.length === 0 && <p>{t('roles.portfolio.none')}</p>}
      {funded.length > 0 && (
        <ProjectTable
          projects={funded}
          columns={[
            {
              heading: t('roles.portfolio.ourPledges'),
              cell: (p) => (
                <ul className="parts">
                  {p.pledges.map((pl, i) => (
                    <li key={i}>
                      {money(pl.amount, pl.currency)} · {t(`roles.kind.${pl.kind}` as MessageKey)}
                      {pl.earmarkPriorityArea ? ` · ${t('roles.portfolio.earmarked', { area: pl.earmarkPriorityArea })}` : ''}
                    </li>
                  ))}
                </ul>
              ),
            },
            { heading: t('roles.funding.gap'), cell: (p) => money(p.fundingGap, p.budget?.currency ?? p.pledges[0]!.currency) },
          ]}
        />
      )}
      <ShowMore pages={pages} label={t('more.projects')} />
      <Section title={t('roles.portfolio.outcomes')}>
        {outcomes?.outcomesReport.__typename === 'QueryOutcomesReportSuccess' ? <DacRatingsChart rows={outcomes.outcomesReport.data} /> : outcomes ? <p role="alert">{outcomes.outcomesReport.message}</p> : <p role="status">{t('common.loading')}</p>}
      </Section>
    </>
  );
}
