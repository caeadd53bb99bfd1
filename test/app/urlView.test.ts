// The view ⇄ URL query: round trips, defaults left out, and a hand-edited link never trusted.

import { describe, expect, it } from "vitest";
import { DEFAULT_STALLED_DAYS, decodeView, encodeView, type UrlView } from "../../src/app/urlView";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_SCORING } from "../../src/model/scoring";

const DEFAULT_VIEW: UrlView = {
  tab: "overview",
  filters: NO_FILTERS,
  compare: false,
  windowDays: null,
  stalledDays: DEFAULT_STALLED_DAYS,
  benchmarks: DEFAULT_BENCHMARKS,
  alignment: DEFAULT_ALIGNMENT,
  scoring: DEFAULT_SCORING,
  aidaMapping: {},
};

describe("encodeView / decodeView", () => {
  it("writes nothing for the default view and reads nothing from an empty query", () => {
    expect(encodeView(DEFAULT_VIEW)).toBe("");
    expect(decodeView("")).toEqual({});
  });

  it("round-trips tab, filters with awkward values, comparison and number-changing settings", () => {
    const view: UrlView = {
      ...DEFAULT_VIEW,
      tab: "campaigns",
      filters: {
        segments: { campaign: [`Q1 "Launch" & co = 50% #1`, "Webinars"], team: ["Regional"] },
        from: "2025-10-01",
        to: "2025-12-31",
      },
      compare: true,
      windowDays: 30,
      stalledDays: 45,
      benchmarks: DEFAULT_BENCHMARKS.map((b) => (b.id === "mql_to_sql" ? { ...b, low: 0.2, high: 0.35 } : b)),
      alignment: { ...DEFAULT_ALIGNMENT, targets: { reviewHours: 2, contactHours: 12, feedbackHours: 48 } },
      scoring: { ...DEFAULT_SCORING, mqlThreshold: 60 },
      aidaMapping: { pricing_visit: "interest", page_view: null },
    };
    const query = encodeView(view);
    expect(query).toContain("tab=campaigns");
    expect(query).toContain("compare=1");
    expect(query).toContain("bench=mql_to_sql%3A0.2-0.35");
    expect(decodeView(`?${query}`)).toEqual(view);
  });

  it("writes only the benchmarks that differ from the standard ones", () => {
    const query = encodeView({
      ...DEFAULT_VIEW,
      benchmarks: DEFAULT_BENCHMARKS.map((b) => (b.id === "mql_to_sql" ? { ...b, low: 0.2 } : b)),
    });
    const bench = new URLSearchParams(query).get("bench") ?? "";
    expect(bench.split(",")).toHaveLength(1);
  });

  it("falls back to defaults for malformed or hostile parts, keeping the valid ones", () => {
    const view = decodeView(
      "?tab=admin&from=2025-01-01%27%20OR%201%3D1&to=2025-03-31&window=-3&stalled=abc" +
        "&bench=mql_to_sql:5-9&sla=%7Bnot-json&score=%7B%22mqlThreshold%22%3A1e99%7D&aida=%7B%22x%22%3A%22drop%22%7D" +
        "&campaign=ok",
    );
    expect(view.tab).toBe("overview");
    expect(view.filters).toEqual({ segments: { campaign: ["ok"] }, from: null, to: "2025-03-31" });
    expect(view.windowDays).toBeNull();
    expect(view.stalledDays).toBe(DEFAULT_STALLED_DAYS);
    expect(view.benchmarks).toEqual(DEFAULT_BENCHMARKS);
    expect(view.alignment).toEqual(DEFAULT_ALIGNMENT);
    expect(view.scoring).toEqual(DEFAULT_SCORING);
    expect(view.aidaMapping).toEqual({});
  });

  it("treats a link as the whole view: a link without compare or window turns them off", () => {
    const view = decodeView("?tab=leaks");
    expect(view).toMatchObject({ tab: "leaks", compare: false, windowDays: null, filters: NO_FILTERS });
  });
});
