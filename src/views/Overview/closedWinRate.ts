// The sales team's "win rate" (won ÷ closed) as text, shown beside, never instead of, the funnel step.

import { formatCount, formatPercent } from "../../model/format";
import type { ClosedWinRate } from "../../model/funnel";

export const CLOSED_WIN_RATE_LABEL = "Closed win rate (won ÷ won + lost)";

/** "63.2 % of closed · 1,589 still open". */
export function closedWinRateText(closed: ClosedWinRate): string {
  const open = `${formatCount(closed.open)} still open`;
  return closed.rate === null
    ? `No closed opportunities yet · ${open}`
    : `${formatPercent(closed.rate)} of closed · ${open}`;
}
