// The reports drawn (Observable Plot, loaded lazily by DataChart), each with the same figures as a table:
// needs as a priority area x region heat map, the funding gap per priority area (budget vs pledged, and
// the Conference's share vs donors' earmarks), DAC ratings per project.
import { useT } from '../i18n';
import { DataChart } from './Chart';

const CRITERIA = ['relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability'] as const;

export function NeedsHeatmap({ cells }: { cells: readonly { priorityArea: string; region: string; needs: number }[] }) {
  const { t, number } = useT();
  // Summed over stages: how many needs each priority area has in each region.
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(`${c.priorityArea}|${c.region}`, (sums.get(`${c.priorityArea}|${c.region}`) ?? 0) + c.needs);
  const areas = [...new Set(cells.map((c) => c.priorityArea))].sort();
  const regions = [...new Set(cells.map((c) => c.region))].sort();
  const data = [...sums].map(([k, needs]) => ({ area: k.split('|')[0]!, region: k.split('|')[1]!, needs }));
  const total = data.reduce((s, d) => s + d.needs, 0);
  if (data.length === 0) return <p>{t('roles.reports.noNeeds')}</p>;
  return (
    <>
      <DataChart
        label={t('roles.reports.heatmapLabel', { total, areas: areas.length, regions: regions.length })}
        data={{ data, areas, regions, legend: t('roles.reports.needs'), max: Math.max(...data.map((x) => x.needs)) }}
        plot={(Plot, d) =>
          // Regions down the side (their names are long), priority areas across.
          Plot.plot({
            width: 760,
            marginLeft: 330,
            marginTop: 30,
            height: 50 + d.regions.length * 26,
            padding: 0.05,
            x: { label: null, domain: d.areas, axis: 'top' },
            y: { label: null, domain: d.regions },
            color: { scheme: 'blues', legend: true, label: d.legend, zero: true },
            marks: [Plot.cell(d.data, { x: 'area', y: 'region', fill: 'needs', inset: 0.5 }), Plot.text(d.data, { x: 'area', y: 'region', text: 'needs', fill: (c: { needs: number }) => (c.needs > d.max / 2 ? 'white' : 'black') })],
          })
        }
      />
      <table className="projects">
        <caption>{t('roles.reports.heatmapTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roles.reports.region')}</th>
            {areas.map((a) => (
              <th scope="col" key={a}>
                {a}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {areas.map((a) => (
                <td key={a}>{number(sums.get(`${a}|${r}`) ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function FundingGapChart({ cells }: { cells: readonly { priorityArea: string; priorityActivity: string; currency: string; budget: string; pledged: string; gap: string; projects: number }[] }) {
  const { t, money } = useT();
  if (cells.length === 0) return <p>{t('roles.reports.noFunding')}</p>;
  const budgetLabel = t('roles.funding.budget');
  const pledgedLabel = t('roles.funding.pledged');
  // One bar pair per priority area and currency (amounts in different currencies are never added up);
  // the picture stacks the activities' amounts as numbers, the table below keeps each exact amount.
  const bars = cells.flatMap((c) => [
    { area: `${c.priorityArea} (${c.currency})`, activity: c.priorityActivity, what: budgetLabel, amount: Number(c.budget) },
    { area: `${c.priorityArea} (${c.currency})`, activity: c.priorityActivity, what: pledgedLabel, amount: Number(c.pledged) },
  ]);
  const sorted = [...cells].sort((a, b) => a.priorityArea.localeCompare(b.priorityArea) || a.currency.localeCompare(b.currency) || a.priorityActivity.localeCompare(b.priorityActivity));
  return (
    <>
      <DataChart
        label={t('roles.reports.gapLabel', { summary: sorted.map((c) => `${c.priorityArea} ${c.priorityActivity} ${money(c.gap, c.currency)}`).join(', ') })}
        data={{ bars, what: [budgetLabel, pledgedLabel] }}
        plot={(Plot, d) =>
          Plot.plot({
            width: 760,
            marginLeft: 90,
            height: 60 + new Set(d.bars.map((b) => b.area)).size * 44,
            x: { label: null, grid: true, tickFormat: '~s' },
            y: { label: null, axis: null, domain: d.what },
            fy: { label: null },
            color: { legend: true, domain: d.what, range: ['#9ca3af', '#047857'] },
            marks: [Plot.barX(d.bars, { x: 'amount', y: 'what', fy: 'area', fill: 'what', stroke: 'white' }), Plot.ruleX([0])],
          })
        }
      />
      <table className="projects">
        <caption>{t('roles.reports.gapTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roles.col.area')}</th>
            <th scope="col">{t('roles.reports.activity')}</th>
            <th scope="col">{t('roles.reports.projects')}</th>
            <th scope="col">{budgetLabel}</th>
            <th scope="col">{pledgedLabel}</th>
            <th scope="col">{t('roles.funding.gap')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={`${c.priorityArea}|${c.priorityActivity}|${c.currency}`}>
              <th scope="row">{c.priorityArea}</th>
              <td>{c.priorityActivity}</td>
              <td>{c.projects}</td>
              <td>{money(c.budget, c.currency)}</td>
              <td>{money(c.pledged, c.currency)}</td>
              <td>{money(c.gap, c.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function EarmarkChart({ rows }: { rows: readonly { priorityArea: string; conferenceShare: number; earmarkShare: number; flag: string | null; explanation: string }[] }) {
  const { t, intl } = useT();
  if (rows.length === 0) return <p>{t('roles.reports.noEarmarks')}</p>;
  const pct = (n: number) => intl.formatNumber(n, { style: 'percent', maximumFractionDigits: 0 });
  const conference = t('roles.reports.conferenceShare');
  const earmarks = t('roles.reports.earmarkShare');
  const bars = rows.flatMap((r) => [
    { area: r.priorityArea, what: conference, share: r.conferenceShare },
    { area: r.priorityArea, what: earmarks, share: r.earmarkShare },
  ]);
  return (
    <>
      <DataChart
        label={t('roles.reports.earmarkLabel', { summary: rows.map((r) => `${r.priorityArea} ${pct(r.conferenceShare)} / ${pct(r.earmarkShare)}`).join(', ') })}
        data={{ bars, what: [conference, earmarks] }}
        plot={(Plot, d) =>
          Plot.plot({
            width: 760,
            height: 280,
            x: { label: null, domain: d.what, axis: null },
            fx: { label: null },
            y: { label: null, grid: true, tickFormat: '%', domain: [0, 1] },
            color: { legend: true, domain: d.what, range: ['#0b4f9c', '#b45309'] },
            marks: [Plot.barY(d.bars, { fx: 'area', x: 'what', y: 'share', fill: 'what' }), Plot.ruleY([0])],
          })
        }
      />
      <table className="projects">
        <caption>{t('roles.reports.earmarkTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roles.col.area')}</th>
            <th scope="col">{conference}</th>
            <th scope="col">{earmarks}</th>
            <th scope="col">{t('roles.reports.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.priorityArea}>
              <th scope="row">{r.priorityArea}</th>
              <td>{pct(r.conferenceShare)}</td>
              <td>{pct(r.earmarkShare)}</td>
              <td>{r.flag ? `${r.flag}: ${r.explanation}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type OutcomeRow = { projectId: string; title: string; needsMet: number; needsPartlyMet: number; needsUnmet: number } & Record<(typeof CRITERIA)[number], number | null>;

export function DacRatingsChart({ rows }: { rows: readonly OutcomeRow[] }) {
  const { t, code } = useT();
  if (rows.length === 0) return <p>{t('roles.reports.noOutcomes')}</p>;
  const label = (c: (typeof CRITERIA)[number]) => code('dac', c.toUpperCase());
  const dots = rows.flatMap((r) => CRITERIA.filter((c) => r[c] !== null).map((c) => ({ project: r.title, criterion: label(c), rating: r[c]! })));
  return (
    <>
      <DataChart
        label={t('roles.reports.dacLabel', { projects: rows.length })}
        data={{ dots, projects: rows.map((r) => r.title), criteria: CRITERIA.map(label), legend: t('roles.reports.rating') }}
        plot={(Plot, d) =>
          Plot.plot({
            width: 760,
            marginLeft: 220,
            marginBottom: 40,
            height: 80 + d.projects.length * 40,
            x: { label: null, domain: d.criteria },
            y: { label: null, domain: d.projects },
            color: { type: 'linear', domain: [1, 6], scheme: 'rdylgn', legend: true, label: d.legend },
            marks: [Plot.cell(d.dots, { x: 'criterion', y: 'project', fill: 'rating', inset: 1 }), Plot.text(d.dots, { x: 'criterion', y: 'project', text: 'rating' })],
          })
        }
      />
      <table className="projects">
        <caption>{t('roles.reports.dacTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.col.title')}</th>
            {CRITERIA.map((c) => (
              <th scope="col" key={c}>
                {label(c)}
              </th>
            ))}
            <th scope="col">{t('roles.reports.needsMet')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.projectId}>
              <th scope="row">{r.title}</th>
              {CRITERIA.map((c) => (
                <td key={c}>{r[c] ?? t('eval.notAssessed')}</td>
              ))}
              <td>{t('roles.reports.needsMetLine', { met: r.needsMet, partly: r.needsPartlyMet, unmet: r.needsUnmet })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
