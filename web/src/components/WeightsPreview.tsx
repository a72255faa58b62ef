// The ranking change a proposed set of weights would cause, before it is set: previewRanking (domain/
// priority-preview.ts, the CONFERENCE_WEIGHT part recomputed with computePriority) run in the browser
// over the needs pool as the API ranks it now.
import { useQuery } from 'urql';
import { previewRanking } from '../../../domain/priority-preview';
import { useT } from '../i18n';
import { PREVIEW_POOL } from '../operations/roles-admin';

const SHOWN = 15;

export function WeightsPreview({ weights }: { weights: Record<string, string> }) {
  const { t, number } = useT();
  const [{ data, error }] = useQuery({ query: PREVIEW_POOL, requestPolicy: 'network-only' });
  const pool = data?.needPool.__typename === 'QueryNeedPoolSuccess' ? data.needPool.data.edges.flatMap(({ node: n }) => (n.priority && n.poolRank !== null ? [{ ...n, rank: n.poolRank, priority: n.priority }] : [])) : null;
  const proposed = Object.fromEntries(Object.entries(weights).filter(([, w]) => w.trim() !== '' && Number.isFinite(Number(w))).map(([a, w]) => [a, Number(w)]));
  const preview = pool ? previewRanking(pool, proposed) : [];
  const moved = preview.filter((r) => r.change !== 0);
  const shown = [...moved].sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.rank - b.rank).slice(0, SHOWN);
  const change = (n: number) => (n > 0 ? t('roles.preview.up', { n }) : n < 0 ? t('roles.preview.down', { n: -n }) : t('roles.preview.same'));
  return (
    <section aria-labelledby="preview-heading" className="preview">
      <h2 id="preview-heading">{t('roles.preview.heading')}</h2>
      <p>{t('roles.preview.intro')}</p>
      {error && <p role="alert">{t('common.error', { message: error.message })}</p>}
      {data && !pool && data.needPool.__typename !== 'QueryNeedPoolSuccess' && <p role="alert">{t('common.error', { message: data.needPool.message })}</p>}
      <p role="status" className="count" aria-live="polite">
        {pool ? t('roles.preview.count', { moved: moved.length, total: preview.length }) : t('common.loading')}
      </p>
      {shown.length > 0 && (
        <table className="projects">
          <caption>{t('roles.preview.caption', { shown: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roles.col.need')}</th>
              <th scope="col">{t('roles.preview.now')}</th>
              <th scope="col">{t('roles.preview.then')}</th>
              <th scope="col">{t('roles.preview.change')}</th>
              <th scope="col">{t('roles.preview.score')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.need.id}>
                <td>
                  {r.need.state} · {r.need.priorityArea} {r.need.priorityActivity}: {r.need.description}
                </td>
                <td>{r.previousRank}</td>
                <td>{r.rank}</td>
                <td>{change(r.change)}</td>
                <td>
                  {number(r.previousScore)} → {number(r.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
