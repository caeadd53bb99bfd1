// Chart colours: the Okabe–Ito palette (colour-blind safe, survives a projector); mirrors styles.css.

import type { BenchmarkStatus } from "../model/benchmarks";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
} as const;

/** Status colours always travel with a status word; these only reinforce it. */
export const STATUS_COLORS: Record<BenchmarkStatus, string> = {
  below: OKABE_ITO.vermillion,
  within: OKABE_ITO.bluishGreen,
  above: OKABE_ITO.blue,
};

export const CHART_INK = "#1f2328";
export const CHART_MUTED_INK = "#57606a";
export const CHART_GRID = "#d0d7de";
export const BAND_FILL = "#8c959f";
export const CHART_FONT_SIZE = 14;
