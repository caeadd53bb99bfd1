// Fits a slide's chart to the height it is given: a chart that takes a height is drawn at that height
// (so it keeps the slide's full width); any other is shrunk when taller than the box.

import { type ReactNode, useEffect, useRef, useState } from "react";

/** A chart drawn for the height the slide leaves it (the plot's height, in canvas pixels). */
export type SizedChart = (plotHeight: number) => ReactNode;

/** What a slide's chart area holds: a chart of its own size, or one drawn to the height given. */
export type SlideChart = ReactNode | SizedChart;

/** Room a chart frame needs besides its plot (legend line, notes): kept free below the plot. */
const FRAME_ALLOWANCE = 28;
/** The smallest plot a sized chart is drawn at, however little room there is. */
const MIN_PLOT = 140;

/**
 * The content keeps its layout size (charts measure their width from it) and is scaled down with a
 * transform when taller than the box. Without ResizeObserver (jsdom) nothing is measured or scaled.
 */
export function FitBox(props: { className?: string; children: SlideChart }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const [available, setAvailable] = useState(0);

  useEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (!outer || !inner || typeof ResizeObserver === "undefined") return;
    const fit = () => {
      const natural = inner.offsetHeight;
      const room = outer.clientHeight;
      setAvailable(room);
      // A box not laid out yet (0 high) says nothing: never shrink the chart away.
      setScale(room > 0 && natural > room ? room / natural : 1);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(outer);
    observer.observe(inner);
    return () => observer.disconnect();
  }, []);

  const { children } = props;
  const sized = typeof children === "function";
  // A sized chart waits for the box's height: drawn once, at its size, rather than drawn and shrunk.
  const chart = sized
    ? available > 0
      ? (children as SizedChart)(Math.max(MIN_PLOT, available - FRAME_ALLOWANCE))
      : null
    : children;
  return (
    <div ref={box} className={props.className} data-sized={sized ? "true" : undefined}>
      <div
        ref={content}
        className="fit-box-content"
        style={scale < 1 ? { transform: `scale(${scale})` } : undefined}
      >
        {chart}
      </div>
    </div>
  );
}
