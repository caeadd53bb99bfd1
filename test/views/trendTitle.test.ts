// The trend chart's title states a monthly range only from months with enough leads to judge (20+): a
// range read from months of ten opportunities each would be a number the data cannot support.
import { describe, expect, it } from "vitest";
import type { StepMonth, StepTrend } from "../../src/metrics/trends";
import { trendTitle } from "../../src/views/Leaks/TrendsSection";

const month = (m: string, entered: number, converted: number, status: StepMonth["status"] = "complete") => ({
  month: m,
  entered,
  converted,
  rate: entered === 0 ? 0 : converted / entered,
  status,
});

describe("trendTitle", () => {
  it("gives no range when every complete month has fewer than 20 (0 of 10 and 10 of 10 are no 0–100 %)", () => {
    const step: StepTrend = {
      from: "opportunity",
      to: "deal",
      months: [month("2025-10", 10, 0), month("2025-11", 10, 10), month("2025-12", 4, 1, "maturing")],
      best: null,
    };
    expect(trendTitle(step)).toBe(
      "Opportunity → Deal: every complete month has fewer than 20 opportunities, too few to judge a monthly " +
        "rate; no quarter yet with 20+ opportunities",
    );
  });

  it("reads the range from the months of 20 or more only: 25.0 % and 30.0 %, not the 5-lead month's 100 %", () => {
    const step: StepTrend = {
      from: "mql",
      to: "sql",
      months: [month("2026-01", 40, 10), month("2026-02", 5, 5), month("2026-03", 20, 6)],
      best: { quarter: "2026 Q1", entered: 65, converted: 21, rate: 21 / 65 },
    };
    expect(trendTitle(step)).toBe("MQL → SQL ran 25.0–30.0 % a month; best quarter 32.3 % (2026 Q1)");
  });
});
