// How a pipeline rate reads on screen and in its cell's data-value: a number only when the data supports
// one; otherwise the words (too few to judge, with the counts) or the reason there is none.

import { formatCount, formatPercent } from "../../model/format";
import type { RateCell } from "../../model/pipeline";

export function rateText(cell: RateCell): string {
  if (cell.kind === "rate") return formatPercent(cell.value);
  if (cell.kind === "too_few")
    return `${cell.text} (${formatCount(cell.numerator)} of ${formatCount(cell.denominator)})`;
  return `— (${cell.reason})`;
}

/** The raw fraction for `data-value` / CSV, or "" when the rate is not shown as a number. */
export const rateData = (cell: RateCell): string => (cell.kind === "rate" ? String(cell.value) : "");

/** What the data does not record (closed lost deals) is said, never counted as 0. */
export const NOT_TRACKED = "not tracked";

/** A lost count or value, or "not tracked" when the data records no lost deal at all. */
export const lostText = (value: number, lostRecorded: boolean, format: (n: number) => string): string =>
  lostRecorded ? format(value) : NOT_TRACKED;

/** "18 lost", or that the data records no lost deal, for a sentence. */
export const lostPart = (count: number, lostRecorded: boolean): string =>
  lostRecorded ? `${formatCount(count)} lost` : "lost deals not recorded";

/** Days as "12.5 d"; "—" when not measured. */
export const daysText = (days: number | null): string =>
  days === null ? "—" : `${Math.round(days * 10) / 10} d`;
