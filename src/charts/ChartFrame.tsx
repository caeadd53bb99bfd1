// The frame every chart shares: a title stating the finding, the plot, notes, and a data table.

import { type ReactNode, useId, useRef } from "react";
import { ChartExportMenu } from "./ChartExportMenu";
import { useMeasuredWidth } from "./useMeasuredWidth";
import "./chartExport.css";
import "./chartLayout.css";

export interface ChartFrameProps {
  /** A sentence stating what the chart shows, not what it is. */
  title: string;
  height: number;
  /** Fixed plot width in pixels; without it the plot fills its container. */
  width?: number;
  /** Draws the plot at the measured width. */
  plot: (width: number) => ReactNode;
  /** The same numbers as a table, for screen readers, copying and checking. */
  textAlternative: ReactNode;
  notes?: ReactNode;
  className?: string;
}

export function ChartFrame(props: ChartFrameProps) {
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const [container, width] = useMeasuredWidth<HTMLDivElement>(props.width);
  return (
    <figure ref={figure} className={`chart ${props.className ?? ""}`.trim()} aria-labelledby={titleId}>
      <figcaption className="chart-caption">
        <h3 id={titleId} className="chart-title">
          {props.title}
        </h3>
        <ChartExportMenu title={props.title} figure={figure} />
      </figcaption>
      {/* The SVG repeats the table below, so assistive technology reads the table instead. */}
      <div ref={container} className="chart-plot" style={{ height: props.height }} aria-hidden="true">
        {width > 0 && props.plot(width)}
      </div>
      {props.notes}
      <details className="chart-data">
        <summary>Show the numbers as a table</summary>
        {props.textAlternative}
      </details>
    </figure>
  );
}
