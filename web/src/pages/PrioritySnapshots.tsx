// The re-prioritisation runs (daily on a Temporal Schedule, or now on request), newest first, each with
// the needs whose rank changed since the run before.
import { useState } from 'react';
import { useClient } from 'urql';
import { ProblemNotice } from '../components/ProblemNotice';
import { ShowMore } from '../components/ShowMore';
import { usePages } from '../components/usePages';
import { useT } from '../i18n';
import { PRIORITY_SNAPSHOTS, REPRIORITISE_NOW } from '../operations/roles-admin';
import { problemOf, type Problem } from '../outcome';

export default function PrioritySnapshots() {
  const { t, dateTime, number, intl } = useT();
  const client = useClient();
  // Five runs at a time, newest first; "Show more" reads older runs.
  const { data, error, pages } = usePages({ query: PRIORITY_SNAPSHOTS, variables: { rankingFirst: 100 }, pageSize: 5, connection: (d) => (d.prioritySnapshots.__typename === 'QueryPrioritySnapshotsSuccess' ? d.prioritySnapshots.data : null) });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function runNow() {
    setBusy(true);
    const answer = await client.mutation(REPRIORITISE_NOW, {}).toPromise();
    setBusy(false);
    const p = problemOf(answer.error ? { __typename: 'Error', code: 'OTHER', message: answer.error.message } : answer.data?.reprioritiseNow);
    setProblem(p);
    if (!p) pages.reload();
  }
  const answer = data?.prioritySnapshots;
  // The runs loaded so far, each with its top 100 ranks (both are pages; the page says when there are more).
  const snapshots = pages.nodes.map((s) => ({ ...s, ranking: s.ranking.edges.map((r) => r.node), more: s.ranking.pageInfo.hasNextPage }));
  const refused = answer && answer.__typename !== 'QueryPrioritySnapshotsSuccess' ? answer : null;
  const change = (n: number | null) => (n === null ? t('roles.snapshots.new') : n > 0 ? t('roles.preview.up', { n }) : n < 0 ? t('roles.preview.down', { n: -n }) : t('roles.preview.same'));
  return (
    <>
      <h1>{t('roles.snapshots.heading')}</h1>
      <p>{t('roles.snapshots.intro')}</p>
      <button type="button" onClick={() => void runNow()} disabled={busy}>
        {t('roles.snapshots.runNow')}
      </button>
      <ProblemNotice problem={problem} />
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {refused && 'message' in refused && <p role="alert">{t('common.error', { message: refused.message })}</p>}
      {!data && <p role="status">{t('common.loading')}</p>}
      {data && snapshots.length === 0 && <p>{t('roles.snapshots.none')}</p>}
      {snapshots.map((s) => {
        const moved = s.ranking.filter((r) => r.rankChange !== 0);
        return (
          <section key={s.id} aria-labelledby={`snapshot-${s.id}`} className="snapshot">
            <h2 id={`snapshot-${s.id}`}>{t('roles.snapshots.run', { at: dateTime(s.takenAt), trigger: s.trigger })}</h2>
            <p>
              {t('roles.snapshots.facts', { open: s.openNeeds, presumed: s.presumedGenerated, moved: moved.length })}
              {s.regionsFlagged.length > 0 && ` ${t('roles.snapshots.flagged', { regions: s.regionsFlagged.map((r) => `${r.region} (${intl.formatNumber(r.rate, { style: 'percent', maximumFractionDigits: 0 })})`).join(', ') })}`}
            </p>
            {moved.length > 0 && (
              <table className="projects">
                <caption>{t('roles.snapshots.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('roles.snapshots.rank')}</th>
                    <th scope="col">{t('roles.snapshots.before')}</th>
                    <th scope="col">{t('roles.preview.change')}</th>
                    <th scope="col">{t('roles.col.need')}</th>
                    <th scope="col">{t('roles.preview.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {moved.slice(0, 50).map((r) => (
                    <tr key={r.needId}>
                      <td>{r.rank}</td>
                      <td>{r.previousRank ?? '—'}</td>
                      <td>{change(r.rankChange ?? null)}</td>
                      <td>
                        {r.state} · {r.priorityArea}: {r.description}
                      </td>
                      <td>{number(r.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <ShowMore pages={pages} label={t('more.runs')} />
    </>
  );
}
