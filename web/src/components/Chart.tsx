// Charts drawn with Observable Plot, loaded on first use so the first page stays small. Each chart
// is a labelled figure; the same figures are also given as text beside it for screen readers.
import { useCallback, useEffect, useRef } from 'react';

type PlotModule = typeof import('@observablehq/plot');

export function Chart({ label, draw }: { label: string; draw: (Plot: PlotModule) => SVGSVGElement | HTMLElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    let element: Element | null = null;
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled || !ref.current) return;
      element = draw(Plot);
      element.setAttribute('aria-hidden', 'true');
      ref.current.replaceChildren(element);
    });
    return () => {
      cancelled = true;
      element?.remove();
    };
  }, [draw]);
  return <figure className="chart" role="img" aria-label={label} ref={ref} />;
}

/**
 * A chart drawn from data: redrawn only when the data changes (compared by value), so a page need not
 * memoise its draw function itself. `plot` gets the lazily loaded Plot module and the data.
 */
export function DataChart<D>({ label, data, plot }: { label: string; data: D; plot: (Plot: PlotModule, data: D) => SVGSVGElement | HTMLElement }) {
  const key = JSON.stringify(data);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const draw = useCallback((Plot: PlotModule) => plot(Plot, JSON.parse(key) as D), [key]);
  return <Chart label={label} draw={draw} />;
}
