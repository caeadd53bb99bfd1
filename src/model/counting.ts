// The two ways of counting a period (SPEC "Two ways of counting"): by cohort, or what entered each
// stage in the period. Names, the one-line explanations the screens and tooltips use, and when the
// choice matters at all.

import type { Period } from "./period";

export const COUNT_MODES = ["cohort", "period"] as const;
export type CountMode = (typeof COUNT_MODES)[number];

export const COUNT_LABELS: Record<CountMode, string> = {
  cohort: "Cohort",
  period: "In period",
};

/** One line each: the control's descriptions and every tile's tooltip. */
export const COUNT_EXPLAINED: Record<CountMode, string> = {
  cohort: "Leads grouped by the day they became a lead; every later conversion counts.",
  period:
    "Each stage counts the leads that entered it during the period, as CRM reports count “MQLs this month”.",
};

export function isCountMode(value: unknown): value is CountMode {
  return (COUNT_MODES as readonly unknown[]).includes(value);
}

/** True when a period bounds the counts: without one, both ways count every lead and give the same numbers. */
export function hasPeriod(period: Period): boolean {
  return period.from !== null || period.to !== null;
}

/** The way of counting that applies: without a period the two are the same, and are called cohort. */
export function countIn(period: Period, chosen: CountMode | undefined): CountMode {
  return hasPeriod(period) && chosen === "period" ? "period" : "cohort";
}

/** "Counted in period: …" — the sentence a tile's tooltip ends with. */
export function countingTooltip(mode: CountMode): string {
  return `Counted ${mode === "period" ? "in period" : "by cohort"}: ${COUNT_EXPLAINED[mode]}`;
}

/** What a screen that only counts by cohort says while In period is chosen. */
export const COHORT_ONLY_NOTE =
  "Counted by cohort: leads that became leads in the period, with every later conversion (this screen has no in-period counting).";

/** Why a rate in period can exceed 100 %: said wherever such a rate is shown. */
export const FLOW_RATIO_NOTE =
  "In period, a step's rate is a flow ratio — the leads that entered the later stage in the period ÷ those that entered the earlier one in the period — not a cohort conversion: the two groups are different leads, so it can exceed 100 %.";
