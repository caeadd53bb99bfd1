// When a rate rests on too few leads to judge: the threshold, the test, and the words we show for it.

import { formatCount } from "./format";

/**
 * Below this many leads in a rate's denominator the rate is shown as counts and not judged against a
 * benchmark: with 19 leads one lead more or less moves the rate by 5 points, more than a benchmark
 * band is wide (25–30 %).
 */
export const MIN_LEADS_TO_JUDGE = 20;

/** The note shown beside a rate that rests on fewer than MIN_LEADS_TO_JUDGE leads. */
export const TOO_FEW_TO_JUDGE = `Too few to judge (fewer than ${MIN_LEADS_TO_JUDGE} leads)`;

/** True when a rate exists (denominator > 0) but rests on fewer than MIN_LEADS_TO_JUDGE leads. */
export function tooFewToJudge(denominator: number | null): boolean {
  return denominator !== null && denominator > 0 && denominator < MIN_LEADS_TO_JUDGE;
}

/** "5 of 8" — how a small-sample rate is shown instead of a bare percentage. */
export function formatCountOf(numerator: number, denominator: number): string {
  return `${formatCount(numerator)} of ${formatCount(denominator)}`;
}
