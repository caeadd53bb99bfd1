// Sentences that state a finding from the numbers (the biggest leak, a step against its band).

import type { Funnel } from "./funnel";
import { biggestLeakText } from "./leaks";

/**
 * The Overview's biggest-leak sentence: the same words the Leaks screen and the slides use. In period
 * it is about the leads that entered the step's stage in the period, and says so.
 */
export function biggestLeakSentence(funnel: Funnel): string {
  const text = biggestLeakText(funnel.biggestLeak, funnel.windowDays);
  return funnel.count === "period" ? `Of the leads that entered each stage in the period: ${text}` : text;
}
