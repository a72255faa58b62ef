// Pictures of the portfolio for the programme manager, the Conference administrator and donors: needs
// by priority area x region, the funding gap per priority area with the earmark comparison, DAC ratings.
import { useQuery } from 'urql';
import { Section } from '../components/Fields';
import { DacRatingsChart, EarmarkChart, FundingGapChart, NeedsHeatmap } from '../components/RoleCharts';
import { useT } from '../i18n';
import { FUNDING_GAP_REPORT, NEEDS_REPORT, OUTCOMES_REPORT } from '../operations/roles-reports';

export default function Reports() {
  const { t } = useT();
  const [{ data: needs, error: needsError }] = useQuery({ query: NEEDS_REPORT });
  const [{ data: funding, error: fundingError }] = useQuery({ query: FUNDING_GAP_REPORT });
  const [{ data: outcomes, error: outcomesError }] = useQuery({ query: OUTCOMES_REPORT });
  const failed = (needsError ?? fundingError ?? outcomesError)?.message;
  const gap = funding?.fundingGapReport.__typename === 'FundingGapReport' ? funding.fundingGapReport : null;
  return (
    <>
      <h1>{t('roles.reports.heading')}</h1>
      {failed && <p role="alert">{t('common.error', { message: failed })}</p>}
      <Section title={t('roles.reports.needsHeading')}>
        {!needs ? <p role="status">{t('common.loading')}</p> : needs.needsReport.__typename === 'QueryNeedsReportSuccess' ? <NeedsHeatmap cells={needs.needsReport.data} /> : <p role="alert">{needs.needsReport.message}</p>}
      </Section>
      <Section title={t('roles.reports.gapHeading')}>
        {!funding ? <p role="status">{t('common.loading')}</p> : gap ? <FundingGapChart cells={gap.byAreaActivity} /> : funding.fundingGapReport.__typename !== 'FundingGapReport' && <p role="alert">{funding.fundingGapReport.message}</p>}
      </Section>
      <Section title={t('roles.reports.earmarkHeading')}>{gap && <EarmarkChart rows={gap.earmarkMismatch} />}</Section>
      <Section title={t('roles.reports.dacHeading')}>
        {!outcomes ? <p role="status">{t('common.loading')}</p> : outcomes.outcomesReport.__typename === 'QueryOutcomesReportSuccess' ? <DacRatingsChart rows={outcomes.outcomesReport.data} /> : <p role="alert">{outcomes.outcomesReport.message}</p>}
      </Section>
    </>
  );
}
