// Charts drawn with Observable Plot, loaded on first use so the first page stays small. Each chart
// is a labelled figure; the same figures are also given as text beside it for screen readers.
import { useEffect, useRef } from 'react';

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
