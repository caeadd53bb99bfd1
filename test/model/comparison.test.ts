// KPI deltas against the previous period: counts as differences, rates in percentage points.

import { describe, expect, it } from "vitest";
import { deltaDirection, formatKpiDelta, type KpiDelta, kpiDelta } from "../../src/model/comparison";
import type { Kpi } from "../../src/model/funnel";

function count(value: number | null): Kpi {
  return {
    id: "mqls",
    label: "MQLs",
    kind: "count",
    value,
    unavailable: null,
    numerator: null,
    denominator: null,
    benchmark: null,
    status: null,
  };
}

function rate(numerator: number, denominator: number): Kpi {
  return {
    id: "mql_to_sql",
    label: "MQL → SQL",
    kind: "rate",
    value: numerator / denominator,
    unavailable: null,
    numerator,
    denominator,
    benchmark: null,
    status: null,
  };
}

function deltaOf(current: Kpi, previous: Kpi): KpiDelta {
  const delta = kpiDelta(current, previous);
  if (!delta) throw new Error("expected a delta");
  return delta;
}

describe("kpiDelta", () => {
  it("gives counts as a difference and a relative change", () => {
    const delta = deltaOf(count(1_300), count(1_200));
    expect(delta).toEqual({ kind: "count", change: 100, relative: 100 / 1_200, previous: 1_200 });
    expect(formatKpiDelta(delta)).toBe("+100 (+8.3 %)");
    expect(deltaDirection(delta)).toBe("up");
  });

  it("gives rates in percentage points: 50 of 200 (25 %) against 46 of 250 (18.4 %) is +6.6 pts", () => {
    const delta = deltaOf(rate(50, 200), rate(46, 250));
    expect(delta?.kind).toBe("rate");
    expect(formatKpiDelta(delta)).toBe("+6.6 pts");
    expect(formatKpiDelta(deltaOf(rate(46, 250), rate(50, 200)))).toBe("−6.6 pts");
  });

  it("says a fall with a minus sign and no change with ±", () => {
    expect(formatKpiDelta(deltaOf(count(1_188), count(1_200)))).toBe("−12 (−1.0 %)");
    const flat = deltaOf(count(7), count(7));
    expect(formatKpiDelta(flat)).toBe("±0 (±0.0 %)");
    expect(deltaDirection(flat)).toBe("flat");
  });

  it("has no relative change from zero and no delta without a previous value", () => {
    expect(formatKpiDelta(deltaOf(count(5), count(0)))).toBe("+5");
    expect(kpiDelta(count(5), count(null))).toBeNull();
    expect(kpiDelta(count(5), undefined)).toBeNull();
  });

  it("marks a rate change from too few leads", () => {
    expect(kpiDelta(rate(5, 10), rate(50, 200))).toMatchObject({ tooFew: true });
    expect(kpiDelta(rate(50, 200), rate(60, 200))).toMatchObject({ tooFew: false });
  });
});
