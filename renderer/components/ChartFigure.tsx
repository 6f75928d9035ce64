// A chart for the eyes only: the picture is aria-hidden (its numbers are in a text summary and a
// table next to it), so nothing inside may take keyboard focus either. Recharts makes its SVG and
// some layers focusable; this frame turns every such stop into tabindex="-1", also after re-renders
// (axe `aria-hidden-focus`).
import { useLayoutEffect, useRef, type ReactNode } from 'react';

// Recharts 3 layers (<g class="recharts-zIndex-layer_…">) are Tab stops in Chromium even without a
// tabindex attribute, so every SVG group is listed, not only elements marked focusable.
const TAB_STOPS = 'a[href], button, input, select, textarea, svg, g, [tabindex]';

export function ChartFigure(props: { height: number; caption: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const strip = () =>
      frame.querySelectorAll<HTMLElement | SVGElement>(TAB_STOPS).forEach((el) => {
        if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
      });
    strip();
    const mo = new MutationObserver(strip);
    mo.observe(frame, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
    return () => mo.disconnect();
  }, []);
  return (
    <figure className="chart-figure">
      <div ref={ref} className="chart" aria-hidden="true" style={{ height: props.height }}>
        {props.children}
      </div>
      <figcaption className="visually-hidden">{props.caption}</figcaption>
    </figure>
  );
}
