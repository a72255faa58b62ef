// A State focal point's needs: the presumed reporting needs palermo generated for its State (R8), to
// confirm before they can be planned (R1), and its State's own ranking of its open needs (R2): move a
// need up or down with the buttons (keyboard: Tab to a button, Enter or Space; focus follows the need),
// then save the order with rankNeeds.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import { Section } from '../components/Fields';
import { NeedSettings } from '../components/NeedSettings';
import { ProblemNotice } from '../components/ProblemNotice';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { useT } from '../i18n';
import { CONFIRM_PRESUMED_NEED, PRESUMED_NEEDS, RANK_NEEDS, STATE_NEEDS } from '../operations/roles-focal-point';
import { problemOf, type Problem } from '../outcome';
import type { Session } from '../session';

export default function StateNeeds({ session }: { session: Session }) {
  const { t } = useT();
  const state = session.state ?? '';
  // A confirmed presumed need joins the pool: the ranking is read again.
  const [confirmed, setConfirmed] = useState(0);
  return (
    <>
      <h1>{t('roles.needs.heading', { state })}</h1>
      <PresumedNeeds state={state} onConfirmed={() => setConfirmed((n) => n + 1)} />
      <Ranking key={confirmed} state={state} />
    </>
  );
}

function PresumedNeeds({ state, onConfirmed }: { state: string; onConfirmed: () => void }) {
  const { t, date } = useT();
  const client = useClient();
  const { data, error, pages } = usePages({ query: PRESUMED_NEEDS, variables: { state }, pageSize: 100, connection: (d) => (d.presumedNeeds.__typename === 'QueryPresumedNeedsSuccess' ? d.presumedNeeds.data : null) });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState('');
  const needs = pages.nodes.filter((n) => !n.mergedInto);
  async function confirm(needId: string, description: string) {
    const answer = await client.mutation(CONFIRM_PRESUMED_NEED, { needId }).toPromise();
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.confirmPresumedNeed);
    setProblem(p);
    if (!p) {
      setDone(t('roles.presumed.confirmed', { need: description }));
      pages.reload();
      onConfirmed();
    }
  }
  return (
    <Section title={t('roles.presumed.heading')}>
      <p>{t('roles.presumed.intro')}</p>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {data && data.presumedNeeds.__typename !== 'QueryPresumedNeedsSuccess' && <p role="alert">{t('common.error', { message: data.presumedNeeds.message })}</p>}
      <p role="status" className="done">
        {done}
      </p>
      <ProblemNotice problem={problem} />
      {data && needs.length === 0 && <p>{t('roles.presumed.none')}</p>}
      {needs.length > 0 && (
        <table className="projects">
          <thead>
            <tr>
              <th scope="col">{t('roles.col.need')}</th>
              <th scope="col">{t('roles.col.area')}</th>
              <th scope="col">{t('roles.presumed.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => (
              <tr key={n.id}>
                <td>{n.description}</td>
                <td>
                  {n.priorityArea} {n.priorityActivity}
                </td>
                <td>
                  {n.confirmedAt ? (
                    t('roles.presumed.confirmedOn', { date: date(n.confirmedAt) })
                  ) : (
                    <button type="button" onClick={() => void confirm(n.id, n.description)} aria-label={t('roles.presumed.confirmNeed', { need: n.description })}>
                      {t('roles.presumed.confirm')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore pages={pages} label={t('more.needs')} />
    </Section>
  );
}

type Ranked = { id: string; description: string; priorityArea: string; priorityActivity: string; urgency: string; stateRank: number | null; rank: number; confidential: boolean; field: { field: string; from: string } | null };

function Ranking({ state }: { state: string }) {
  const { t, code } = useT();
  const client = useClient();
  const { data, error, pages } = usePages({ query: STATE_NEEDS, variables: { filter: { state } }, pageSize: 100, requestPolicy: 'network-only', connection: (d) => (d.needPool.__typename === 'QueryNeedPoolSuccess' ? d.needPool.data : null) });
  const [order, setOrder] = useState<Ranked[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [announce, setAnnounce] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const moved = useRef(false);
  const list = useRef<HTMLOListElement>(null);
  // Memoised on the answer: a fresh array each render would reset the order the focal point is moving.
  const loaded = useMemo(() => (data ? pages.nodes.map((n) => ({ ...n, rank: n.poolRank ?? Infinity })) : null), [data, pages.nodes]);
  useEffect(() => {
    if (!loaded) return;
    // The State's own order first (needs it ranked), then the others in pool order. While the focal point
    // has moved needs and not saved, a later page ("Show more") or a need read again keeps that order:
    // known needs where they are, new ones after.
    const ranked = [...loaded].sort((a, b) => (a.stateRank ?? Infinity) - (b.stateRank ?? Infinity) || a.rank - b.rank);
    setOrder((current) => {
      if (!current || !moved.current) return ranked;
      const fresh = new Map(ranked.map((n) => [n.id, n]));
      const kept = current.flatMap((n) => (fresh.has(n.id) ? [fresh.get(n.id)!] : []));
      return [...kept, ...ranked.filter((n) => !current.some((c) => c.id === n.id))];
    });
  }, [loaded]);
  useEffect(() => {
    if (!focusAfterMove.current) return;
    list.current?.querySelector<HTMLButtonElement>(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [order]);

  function move(index: number, by: -1 | 1) {
    if (!order) return;
    const to = index + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [need] = next.splice(index, 1);
    next.splice(to, 0, need!);
    // Keep focus on the same button of the moved need, or its other button when it reached an end.
    const edge = to === 0 || to === next.length - 1;
    focusAfterMove.current = `[data-need="${need!.id}"][data-move="${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}"]`;
    moved.current = true;
    setOrder(next);
    setAnnounce(t('roles.rank.moved', { need: need!.description, position: to + 1, count: next.length }));
  }

  async function save() {
    if (!order) return;
    const answer = await client.mutation(RANK_NEEDS, { state, needIds: order.map((n) => n.id) }).toPromise();
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.rankNeeds);
    setProblem(p);
    if (!p) {
      setAnnounce(t('roles.rank.saved', { count: order.length }));
      moved.current = false;
      pages.reload();
    }
  }

  return (
    <Section title={t('roles.rank.heading')}>
      <p>{t('roles.rank.intro')}</p>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      <p role="status" className="done">
        {announce}
      </p>
      <ProblemNotice problem={problem} />
      {order && order.length === 0 && <p>{t('roles.rank.none')}</p>}
      {order && order.length > 0 && (
        <>
          <ol className="ranking" ref={list} aria-label={t('roles.rank.list')}>
            {order.map((n, i) => (
              <li key={n.id}>
                <span className="what">
                  <strong>{i + 1}.</strong> {n.description} <span className="muted">({n.priorityArea} {n.priorityActivity} · {code('urgency', n.urgency)})</span>
                  <NeedSettings need={n} onDone={pages.reload} />
                </span>
                <span className="moves">
                  <button type="button" className="secondary" data-need={n.id} data-move="up" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('roles.rank.up', { need: n.description })}>
                    ↑
                  </button>
                  <button type="button" className="secondary" data-need={n.id} data-move="down" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={t('roles.rank.down', { need: n.description })}>
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <ShowMore pages={pages} label={t('more.needs')} />
          <button type="button" onClick={() => void save()}>
            {t('roles.rank.save')}
          </button>
        </>
      )}
    </Section>
  );
}
