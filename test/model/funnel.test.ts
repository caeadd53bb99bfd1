// The biggest-leak rule on hand-made steps.

import { describe, expect, it } from "vitest";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { type FunnelStep, findBiggestLeak } from "../../src/model/funnel";

const acceptance = DEFAULT_BENCHMARKS.find((b) => b.id === "sales_acceptance") ?? null;

function step(
  from: FunnelStep["from"],
  to: FunnelStep["to"],
  entered: number,
  stalled: number,
  rejected = 0,
): FunnelStep {
  const leaked = stalled + rejected;
  const converted = entered - leaked;
  const benchmark = from === "mql" && to === "sal" ? acceptance : null;
  const rate = converted / entered;
  return {
    from,
    to,
    entered,
    converted,
    convertedLate: 0,
    rate,
    setByCrm: null,
    leaked,
    reasons: { rejected, lost: 0, never_contacted: 0, stalled },
    inProgress: 0,
    benchmark,
    status: benchmark ? (rate < benchmark.low ? "below" : "within") : null,
  };
}

describe("biggest leak", () => {
  it("prefers the step furthest below its band over the step that loses the most leads", () => {
    // Lead → MQL loses 600 (no band); MQL → SAL accepts 70 % of 400 against ≥ 80 %: 40 leads too many.
    const leak = findBiggestLeak([step("lead", "mql", 1000, 600), step("mql", "sal", 400, 0, 120)]);
    expect(leak?.step.from).toBe("mql");
    expect(leak?.belowBenchmark).toBe(true);
  });

  it("does not judge a step with fewer than 20 leads against its band", () => {
    // MQL → SAL: 5 of 10 accepted is "below" on paper, but 10 leads are too few to judge.
    const leak = findBiggestLeak([step("lead", "mql", 100, 60), step("mql", "sal", 10, 0, 5)]);
    expect(leak?.step.from).toBe("lead");
    expect(leak?.belowBenchmark).toBe(false);
  });
});
