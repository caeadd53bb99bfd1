// Chart colours as CSS custom properties from styles.css, so charts follow the light/dark theme without re-rendering.

import type { BenchmarkStatus } from "../model/benchmarks";

/**
 * The Okabe–Ito palette (colour-blind safe, survives a projector). Values are `var(--okabe-…)` references,
 * valid wherever CSS colours are (SVG fill/stroke attributes, inline styles), never in string arithmetic such
 * as hex alpha suffixes: use fill-opacity / stroke-opacity instead.
 */
export const OKABE_ITO = {
  orange: "var(--okabe-orange)",
  skyBlue: "var(--okabe-sky-blue)",
  bluishGreen: "var(--okabe-bluish-green)",
  yellow: "var(--okabe-yellow)",
  blue: "var(--okabe-blue)",
  vermillion: "var(--okabe-vermillion)",
  reddishPurple: "var(--okabe-reddish-purple)",
  /** Black on light backgrounds, light ink in the dark theme. */
  black: "var(--okabe-black)",
} as const;

/** Status colours always travel with a status word; these only reinforce it. */
export const STATUS_COLORS: Record<BenchmarkStatus, string> = {
  below: "var(--status-below)",
  within: "var(--status-within)",
  above: "var(--status-above)",
};

export const CHART_INK = "var(--chart-ink)";
export const CHART_MUTED_INK = "var(--chart-muted-ink)";
export const CHART_GRID = "var(--chart-grid)";
export const BAND_FILL = "var(--chart-band)";
/** The card behind a chart: fill for hollow markers. */
export const CHART_SURFACE = "var(--chart-surface)";
/** Text drawn on top of an Okabe–Ito bar (the bar keeps its colour in both themes). */
export const CHART_ON_FILL = "var(--chart-on-fill)";
export const CHART_FONT_SIZE = 14;
