// The needs pool: open needs ranked by priority, each priority drawn as its stacked named parts
// (Conference weight, urgency, time waiting, found unmet, could not report, State ranking).
import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Chart } from '../components/Chart';
import { PresumedNeeds } from '../components/PresumedNeeds';
import { SelectField } from '../components/Fields';
import { NeedSettings } from '../components/NeedSettings';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { ScoreParts } from '../components/ScoreParts';
import { useT, type MessageKey } from '../i18n';
import { CODE_LISTS } from '../operations/common';
import { NEED_POOL } from '../operations/needs';
import type { Session } from '../session';

const SHOWN = 25;
const PARTS = ['CONFERENCE_WEIGHT', 'URGENCY', 'TIME_WAITING', 'FOUND_UNMET', 'COULD_NOT_REPORT', 'STATE_RANKING'];

export default function NeedsPool({ session }: { session: Session }) {
  const { t, code, number } = useT();
  const [state, setState] = useState('');
  const [area, setArea] = useState('');
  const [{ data: lists }] = useQuery({ query: CODE_LISTS });
  const filter = { ...(state ? { state } : {}), ...(area ? { priorityArea: area } : {}) };
  // The ranking a page at a time ("Show more" for the next); the count is the whole pool's (totalCount).
  const { data, error, pages } = usePages({ query: NEED_POOL, variables: { filter }, pageSize: SHOWN, connection: (d) => (d.needPool.__typename === 'QueryNeedPoolSuccess' ? d.needPool.data : null) });
  const shown = pages.nodes;
  const total = pages.total ?? 0;
  // The manager records needs and State reports, and sets a need's field and confidentiality (policy: recordNeed, setNeedField).
  const manager = session.role === 'PROGRAMME_MANAGER';
  const part = (name: string) => (PARTS.includes(name) ? t(`pool.part.${name}` as MessageKey) : name);
  const label = (n: (typeof shown)[number]) => `#${n.poolRank} ${n.state} ${n.priorityArea} ${n.priorityActivity}`;
  const rows = shown.flatMap((n) => (n.priority?.parts ?? []).map((p) => ({ need: label(n), part: part(p.name), points: p.points })));
  const key = JSON.stringify(rows);
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        marginLeft: 170,
        width: 760,
        height: 60 + shown.length * 22,
        x: { label: null, grid: true },
        y: { label: null, domain: shown.map(label) },
        color: { legend: true, domain: PARTS.map(part) },
        marks: [Plot.barX(rows, { x: 'points', y: 'need', fill: 'part' }), Plot.ruleX([0])],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return (
    <>
      <h1>{t('pool.heading')}</h1>
      <p>
        <Link href="/needs/import">{t('imp.link')}</Link>
        {manager && (
          <>
            {' · '}
            <Link href="/needs/new">{t('needRec.link')}</Link>
          </>
        )}
      </p>
      <form className="filters" aria-label={t('portfolio.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('portfolio.state')} name="state" value={state} onChange={setState} options={(lists?.codeLists.states ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} placeholder={t('common.any')} />
        <SelectField label={t('portfolio.area')} name="priorityArea" value={area} onChange={setArea} options={(lists?.codeLists.priorityAreas ?? []).map((a) => ({ value: a.code, label: `${a.code} — ${a.title}` }))} placeholder={t('common.any')} />
      </form>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {data?.needPool.__typename && data.needPool.__typename !== 'QueryNeedPoolSuccess' && <p role="alert">{t('common.error', { message: data.needPool.message })}</p>}
      <p role="status" className="count">
        {data ? t('pool.count', { count: total, shown: shown.length }) : t('common.loading')}
      </p>
      {shown.length > 0 && <Chart label={t('pool.chart', { count: shown.length })} draw={draw} />}
      <table className="projects">
        <thead>
          <tr>
            <th scope="col">{t('pool.col.rank')}</th>
            <th scope="col">{t('pool.col.need')}</th>
            <th scope="col">{t('pool.col.score')}</th>
            <th scope="col">{t('pool.col.parts')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={n.id}>
              <td>{n.poolRank}</td>
              <td>
                <strong>
                  {n.state} · {n.priorityArea} {n.priorityActivity} · {code('urgency', n.urgency)}
                </strong>
                <br />
                {n.projectId ? <Link href={`/projects/${encodeURIComponent(n.projectId)}`}>{n.description}</Link> : n.description}
                {manager && <NeedSettings need={n} onDone={pages.reload} />}
              </td>
              <td>{n.priority ? number(n.priority.score) : ''}</td>
              <td>
                <ScoreParts parts={n.priority?.parts ?? []} label={part} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore pages={pages} label={t('more.needs')} />
      <PresumedNeeds state={state} canReport={manager} />
    </>
  );
}
