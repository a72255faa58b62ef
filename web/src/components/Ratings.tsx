// A project's DAC ratings drawn as bars (1-6; not assessed left out), with the same in words below.
import { useCallback } from 'react';
import { useT } from '../i18n';
import { Chart } from './Chart';

export function Ratings({ criteria }: { criteria: readonly { criterion: string; rating: number | null; rationale: string }[] }) {
  const { t, code } = useT();
  const rated = criteria.filter((c) => c.rating !== null).map((c) => ({ criterion: code('dac', c.criterion), rating: c.rating! }));
  const key = JSON.stringify(rated);
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        marginLeft: 130,
        width: 560,
        height: 40 + rated.length * 28,
        x: { domain: [0, 6], ticks: 6, label: null, grid: true },
        y: { label: null, domain: rated.map((r) => r.criterion) },
        marks: [Plot.barX(rated, { x: 'rating', y: 'criterion', fill: '#047857' }), Plot.ruleX([0])],
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return (
    <>
      <Chart label={t('project.ratingsChart', { summary: rated.map((r) => `${r.criterion} ${r.rating}`).join(', ') })} draw={draw} />
      <ul>
        {criteria.map((c) => (
          <li key={c.criterion}>{t('project.ratingLine', { criterion: code('dac', c.criterion), rating: c.rating ?? t('eval.notAssessed'), rationale: c.rationale })}</li>
        ))}
      </ul>
    </>
  );
}
