// The portfolio by stage, filtered by State, region and priority area, with a chart of projects by
// stage. State, stage and priority area filter in the API; region is a set of States (code lists).
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { STAGES } from '../../../domain/stages';
import { oneOf } from '../vocabulary';
import { Chart } from '../components/Chart';
import { SelectField } from '../components/Fields';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { useT } from '../i18n';
import { CODE_LISTS, PROJECTS } from '../operations/common';
import { FiledProjectTable } from './MyProjects';

export default function Portfolio() {
  const { t, date, code } = useT();
  const [state, setState] = useState('');
  const [region, setRegion] = useState('');
  const [area, setArea] = useState('');
  const [stage, setStage] = useState('');
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const filter = { ...(state ? { state } : {}), ...(area ? { priorityArea: area } : {}), ...(oneOf(STAGES, stage) ? { stage: oneOf(STAGES, stage) } : {}) };
  // A page of 100 at a time, "Show more" for the next; region filters what is loaded (the API filters by State).
  const { data, error, pages } = usePages({ query: PROJECTS, variables: { filter }, pageSize: 100, connection: (d) => (d.projects.__typename === 'QueryProjectsSuccess' ? d.projects.data : null) });
  const statesOfRegion = useMemo(() => new Set((lists?.codeLists.states ?? []).filter((s) => s.regions.includes(region)).map((s) => s.code)), [lists, region]);
  const projects = useMemo(() => {
    const all = pages.nodes;
    return region ? all.filter((p) => p.states.some((s) => statesOfRegion.has(s))) : all;
  }, [pages.nodes, region, statesOfRegion]);
  const counts = STAGES.map((s) => ({ stage: code('stage', s), count: projects.filter((p) => p.stage === s).length })).filter((c) => c.count > 0);
  const countsKey = JSON.stringify(counts);
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        marginLeft: 190,
        width: 640,
        height: 40 + Math.max(counts.length, 1) * 30,
        x: { label: null, grid: true, tickFormat: 'd', ticks: Math.min(10, Math.max(1, ...counts.map((c) => c.count))) },
        y: { label: null, domain: counts.map((c) => c.stage) },
        marks: [Plot.barX(counts, { x: 'count', y: 'stage', fill: '#1d4ed8' }), Plot.text(counts, { x: 'count', y: 'stage', text: 'count', dx: 10, textAnchor: 'start' }), Plot.ruleX([0])],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [countsKey],
  );
  const states = (lists?.codeLists.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));
  const regions = (lists?.codeLists.regions ?? []).map((r) => ({ value: r.code, label: r.title }));
  const areas = (lists?.codeLists.priorityAreas ?? []).map((a) => ({ value: a.code, label: `${a.code} — ${a.title}` }));
  return (
    <>
      <h1>{t('portfolio.heading')}</h1>
      <form className="filters" aria-label={t('portfolio.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('portfolio.state')} name="state" value={state} onChange={setState} options={states} placeholder={t('common.any')} />
        <SelectField label={t('portfolio.region')} name="region" value={region} onChange={setRegion} options={regions} placeholder={t('common.any')} />
        <SelectField label={t('portfolio.area')} name="priorityArea" value={area} onChange={setArea} options={areas} placeholder={t('common.any')} />
        <SelectField label={t('portfolio.stage')} name="stage" value={stage} onChange={setStage} options={STAGES.map((s) => ({ value: s, label: code('stage', s) }))} placeholder={t('common.any')} />
      </form>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      <p role="status" className="count">
        {data ? t('portfolio.count', { count: projects.length }) : t('common.loading')}
      </p>
      <h2>{t('portfolio.byStage')}</h2>
      <Chart label={`${t('portfolio.byStage')}: ${counts.map((c) => `${c.stage} ${c.count}`).join(', ')}`} draw={draw} />
      <FiledProjectTable projects={projects} date={date} />
      <ShowMore pages={pages} label={t('more.projects')} />
    </>
  );
}
