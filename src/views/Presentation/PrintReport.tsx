// The print/PDF report: every slide, one per page, rendered off screen and handed to the browser's print.

import { useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import type { OutputContextInput } from "../../model/outputContext";
import { type Slide, SlideNotes, SlideView } from "./SlideView";
import "./presentation.css";

/** Frames to wait at most for the charts to draw (they measure their width after layout first). */
const MAX_FRAMES = 120;

/** True when every chart in the report has drawn its SVG (a chart with no data draws none: give up later). */
function chartsDrawn(report: HTMLElement): boolean {
  return [...report.querySelectorAll(".chart-plot")].every((plot) => plot.querySelector("svg") !== null);
}

export function PrintPages(props: { slides: readonly Slide[]; context?: OutputContextInput }) {
  return props.slides.map((slide, i) => (
    <section key={slide.id} className="print-page">
      <SlideView slide={slide} number={i + 1} total={props.slides.length} context={props.context} />
      <SlideNotes slide={slide} />
    </section>
  ));
}

/** Prints once the slides are drawn, then calls onDone (after the print dialog closes). */
export function PrintReport(props: {
  slides: readonly Slide[] | null;
  onDone: () => void;
  /** Printed at the foot of every page. */
  context?: OutputContextInput;
}) {
  const report = useRef<HTMLDivElement>(null);
  const done = useRef(props.onDone);
  done.current = props.onDone;
  const ready = props.slides !== null;

  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    let frames = 0;
    const waitThenPrint = () => {
      const element = report.current;
      if (element && !chartsDrawn(element) && frames++ < MAX_FRAMES) {
        frame = requestAnimationFrame(waitThenPrint);
        return;
      }
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        done.current();
      };
      window.addEventListener("afterprint", finish, { once: true });
      // Blocks until the print dialog closes in Chromium and Safari; afterprint covers the others.
      window.print();
      finish();
    };
    // One more frame after the charts draw, so a shrunk chart (FitBox) is laid out too.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(waitThenPrint);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);

  return createPortal(
    // Off screen on screen (laid out, so charts can measure), the only thing printed while it exists.
    <div
      ref={report}
      className="presentation-print-report"
      aria-hidden="true"
      data-slides={props.slides?.length ?? 0}
    >
      {props.slides && <PrintPages slides={props.slides} context={props.context} />}
    </div>,
    document.body,
  );
}
