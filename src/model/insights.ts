// Sentences that state a finding from the numbers (the biggest leak, a step against its band).

import type { Funnel } from "./funnel";
import { biggestLeakText } from "./leaks";

/** The Overview's biggest-leak sentence: the same words the Leaks screen and the slides use. */
export function biggestLeakSentence(funnel: Funnel): string {
  return biggestLeakText(funnel.biggestLeak, funnel.windowDays);
}
