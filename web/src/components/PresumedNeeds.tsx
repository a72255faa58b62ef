// Presumed reporting needs (R8), shown apart from the ranked pool: they enter it only once their
// State's focal point confirms them (R1), so the manager sees which States are still to answer.
import { useT } from '../i18n';
import { PRESUMED_NEEDS } from '../operations/manager-needs';
import { Section } from './Fields';
import { ShowMore } from './ShowMore';
import { StateReportForm } from './StateReportForm';
import { usePages } from './usePages';

export function PresumedNeeds({ state, canReport = false }: { state: string; canReport?: boolean }) {
  const { t, date } = useT();
  const { data, pages } = usePages({ query: PRESUMED_NEEDS, variables: { state: state || null }, pageSize: 100, requestPolicy: 'cache-and-network', connection: (d) => (d.presumedNeeds.__typename === 'QueryPresumedNeedsSuccess' ? d.presumedNeeds.data : null) });
  const all = pages.nodes;
  const shown = state ? all.filter((n) => n.state === state) : all;
  return (
    <Section title={t('presumed.heading')} id="presumed-needs">
      <p>{t('presumed.intro')}</p>
      {!data ? (
        <p role="status">{t('common.loading')}</p>
      ) : data.presumedNeeds.__typename !== 'QueryPresumedNeedsSuccess' ? (
        <p role="alert">{t('common.error', { message: data.presumedNeeds.message })}</p>
      ) : shown.length === 0 ? (
        <p>{t('presumed.none')}</p>
      ) : (
        <table className="projects presumed">
          <caption>{t('presumed.count', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portfolio.state')}</th>
              <th scope="col">{t('pool.col.need')}</th>
              <th scope="col">{t('presumed.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((n) => (
              <tr key={n.id} data-need={n.id}>
                <td>{n.state}</td>
                <td>
                  <strong>
                    {n.priorityArea} {n.priorityActivity}
                  </strong>
                  <br />
                  {n.description}
                </td>
                <td>{n.confirmedAt ? t('presumed.confirmedOn', { date: date(n.confirmedAt) }) : t('presumed.awaiting', { state: n.state })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore pages={pages} label={t('more.needs')} />
      {/* A State that reported has no presumed needs left: they are withdrawn with the reason (R8). */}
      {canReport && <StateReportForm onDone={pages.reload} />}
    </Section>
  );
}
