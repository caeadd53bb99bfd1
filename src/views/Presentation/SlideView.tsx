// One slide of the deck and of the printed report: its headline, an optional detail line, the chart, "3 / 5".

import { type ReactNode, useId } from "react";
import type { OutputContextInput } from "../../model/outputContext";
import { OutputFooter } from "../../ui/OutputFooter";
import { FitBox } from "./FitBox";
import "./presentation.css";

export interface Slide {
  /** Stable key: "overview", "leak", "campaigns", "alignment", "trends". */
  id: string;
  /** What the slide is about, shown small above the headline ("Biggest leak"). */
  name: string;
  /** The finding in one sentence, worked out from the numbers (model/headlines). */
  headline: string;
  /** A second, smaller sentence with the detail behind the headline. */
  detail?: string;
  chart: ReactNode;
}

/** "3 / 5" — the slide number as shown on the slide. */
export const slideNumber = (number: number, total: number) => `${number} / ${total}`;

/** `context`: what the numbers are about (data, filters, period, counting…), shown at the slide's foot. */
export function SlideView(props: {
  slide: Slide;
  number: number;
  total: number;
  context?: OutputContextInput;
}) {
  const { slide, number, total, context } = props;
  const headlineId = useId();
  return (
    <article
      className="slide"
      aria-roledescription="slide"
      aria-labelledby={headlineId}
      data-slide={slide.id}
    >
      <p className="slide-name">{slide.name}</p>
      <h2 id={headlineId} className="slide-headline">
        {slide.headline}
      </h2>
      {slide.detail && <p className="slide-detail">{slide.detail}</p>}
      <FitBox className="slide-chart">{slide.chart}</FitBox>
      <div className="slide-foot">
        {context && <OutputFooter context={context} />}
        <p className="slide-number">{slideNumber(number, total)}</p>
      </div>
    </article>
  );
}
