// Sentences that state a finding from the numbers (the biggest leak, a step against its band).

import { formatBand } from "./benchmarks";
import { formatCount, formatPercent } from "./format";
import type { BiggestLeak, Funnel } from "./funnel";
import { STAGE_LABELS, STAGE_PLURALS } from "./stages";

function reasonsText(leak: BiggestLeak): string {
  const { rejected, lost, stalled } = leak.step.reasons;
  const parts = [
    rejected > 0 ? `${formatCount(rejected)} rejected by sales` : null,
    lost > 0 ? `${formatCount(lost)} closed lost` : null,
    stalled > 0 ? `${formatCount(stalled)} stalled` : null,
  ].filter((p): p is string => p !== null);
  return parts.join(", ");
}

export function biggestLeakSentence(funnel: Funnel): string {
  const leak = funnel.biggestLeak;
  if (!leak) return "No leads have leaked yet: every lead either advanced or is still in progress.";
  const { step } = leak;
  const from = STAGE_LABELS[step.from];
  const to = STAGE_LABELS[step.to];
  const base =
    `The biggest leak is ${from} → ${to}: ${formatCount(step.leaked)} of ${formatCount(step.entered)} ` +
    `${STAGE_PLURALS[step.from]} (${formatPercent(leak.share)}) went no further (${reasonsText(leak)})`;
  if (leak.belowBenchmark && step.benchmark && step.rate !== null) {
    return `${base}; the step converts ${formatPercent(step.rate)}, below its ${formatBand(step.benchmark)} benchmark.`;
  }
  return `${base}.`;
}
