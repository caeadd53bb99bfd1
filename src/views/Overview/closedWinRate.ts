// The sales team's "win rate" (won ÷ closed) as text, shown beside, never instead of, the funnel step.

import { formatCount, formatPercent } from "../../model/format";
import type { ClosedWinRate } from "../../model/funnel";
import { formatCountOf, tooFewToJudge } from "../../model/smallNumbers";

export const CLOSED_WIN_RATE_LABEL = "Closed win rate (won ÷ won + lost)";

/** "63.2 % of closed · 1,589 still open"; from fewer than 20 closed: "2 of 3 closed won · 4 still open". */
export function closedWinRateText(closed: ClosedWinRate, windowDays: number | null = null): string {
  if (!closed.tracked)
    return closed.won > 0
      ? "Not tracked: the data records no lost deal, so won ÷ (won + lost) would be 100 % by construction"
      : "Not tracked: the data records no closed deals";
  const text = closedText(closed);
  return windowDays === null ? text : `${text} (every close, not limited to the conversion window)`;
}

function closedText(closed: ClosedWinRate): string {
  const open = `${formatCount(closed.open)} still open`;
  const closedCount = closed.won + closed.lost;
  if (closed.rate === null) return `No closed opportunities yet · ${open}`;
  if (tooFewToJudge(closedCount)) return `${formatCountOf(closed.won, closedCount)} closed won · ${open}`;
  return `${formatPercent(closed.rate)} of closed · ${open}`;
}
