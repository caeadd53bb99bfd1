// One slide of the deck and of the printed report: its headline, an optional detail line, the change
// against the previous period, the chart, the context footer and "3 / 5".

import { useId, useLayoutEffect, useRef } from "react";
import type { OutputContextInput } from "../../model/outputContext";
import { OutputFooter } from "../../ui/OutputFooter";
import { FitBox, type SlideChart } from "./FitBox";
import "./presentation.css";

export interface Slide {
  /** Stable key: "title", "funnel", "overview", "leak", "pipeline", "campaigns", "alignment", "trends". */
  id: string;
  /** What the slide is about, shown small above the headline ("Biggest leak"). */
  name: string;
  /** The finding in one sentence, worked out from the numbers (model/headlines). */
  headline: string;
  /** A second, smaller sentence with the detail behind the headline. */
  detail?: string;
  /** The change against the previous period, as the screen shows it (only when comparing). */
  change?: string;
  /** The chart; a function draws it at the plot height the slide leaves (full width, never shrunk). */
  chart: SlideChart;
  /** Presenter notes: the numbers behind the headline, printed under the slide in the report. */
  notes?: readonly string[];
}

/** "3 / 5" — the slide number as shown on the slide. */
export const slideNumber = (number: number, total: number) => `${number} / ${total}`;

/** Headline sizes on the 960 × 540 canvas, largest first: 36 px shows at 72 px on a 1080p projector. */
export const HEADLINE_SIZES = [36, 32, 28, 25, 22] as const;
/** A headline takes at most this many lines at the projected size. */
export const HEADLINE_LINES = 2;

/**
 * The largest headline size at which the sentence fits two lines: measured after layout, before paint.
 * Without layout (jsdom: no height) the largest size stays.
 */
function useHeadlineFit(headline: string) {
  const element = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    const h2 = element.current;
    if (!h2 || headline === "") return;
    for (const size of HEADLINE_SIZES) {
      h2.style.fontSize = `${size}px`;
      const lineHeight = Number.parseFloat(getComputedStyle(h2).lineHeight) || size * 1.15;
      if (h2.scrollHeight <= lineHeight * HEADLINE_LINES + 1) break;
    }
  }, [headline]);
  return element;
}

/** `context`: what the numbers are about (data, filters, period, counting…), shown at the slide's foot. */
export function SlideView(props: {
  slide: Slide;
  number: number;
  total: number;
  context?: OutputContextInput;
}) {
  const { slide, number, total, context } = props;
  const headlineId = useId();
  const headline = useHeadlineFit(slide.headline);
  return (
    <article
      className="slide"
      aria-roledescription="slide"
      aria-labelledby={headlineId}
      data-slide={slide.id}
    >
      <p className="slide-name">{slide.name}</p>
      <h2 id={headlineId} ref={headline} className="slide-headline">
        {slide.headline}
      </h2>
      {slide.detail && <p className="slide-detail">{slide.detail}</p>}
      {slide.change && <p className="slide-change">{slide.change}</p>}
      <FitBox className="slide-chart">{slide.chart}</FitBox>
      <div className="slide-foot">
        {context && <OutputFooter context={context} />}
        <p className="slide-number">{slideNumber(number, total)}</p>
      </div>
    </article>
  );
}

/** The presenter notes of a slide, as printed under it in the report. */
export function SlideNotes(props: { slide: Slide }) {
  const notes = props.slide.notes ?? [];
  if (notes.length === 0) return null;
  return (
    <section className="slide-notes" aria-label={`Presenter notes: ${props.slide.name}`}>
      <h3>Presenter notes — the numbers behind “{props.slide.headline}”</h3>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}
