// The view ⇄ URL query: round trips, defaults left out, and a hand-edited link never trusted.

import { describe, expect, it } from "vitest";
import {
  DEFAULT_STALLED_DAYS,
  decodeView,
  encodeView,
  readLink,
  settingsDifferences,
  type UrlView,
} from "../../src/app/urlView";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_SCORING } from "../../src/model/scoring";

const DEFAULT_VIEW: UrlView = {
  tab: "overview",
  filters: NO_FILTERS,
  count: "cohort",
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

  it("round-trips the way of counting: count=period bounds stage entries by from/to, cohort is the default", () => {
    const period: UrlView = {
      ...DEFAULT_VIEW,
      filters: { segments: {}, from: "2025-03-01", to: "2025-03-31" },
      count: "period",
    };
    const query = encodeView(period);
    expect(new URLSearchParams(query).get("count")).toBe("period");
    expect(decodeView(`?${query}`)).toEqual(period);
    const cohort = { ...period, count: "cohort" as const };
    expect(new URLSearchParams(encodeView(cohort)).get("count")).toBeNull();
    expect(decodeView(`?${encodeView(cohort)}`)).toEqual(cohort);
    // Written by hand: count=cohort reads as cohort; a link without count= is counted by cohort.
    expect(decodeView("?from=2025-03-01&count=cohort").count).toBe("cohort");
    expect(decodeView("?from=2025-03-01").count).toBe("cohort");
  });

  it("ignores an unknown way of counting and names it", () => {
    const { view, ignored } = readLink("?from=2025-03-01&count=monthly");
    expect(view.count).toBe("cohort");
    expect(ignored).toEqual(["count=monthly (cohort or period)"]);
    expect(readLink("?count=period").view.count).toBe("period");
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

  it("leaves a page whose query carries none of the link's parameters alone", () => {
    expect(decodeView("?utm_source=newsletter&fbclid=abc")).toEqual({});
  });

  it("treats a link as the whole view: a link without compare or window turns them off", () => {
    const view = decodeView("?tab=leaks");
    expect(view).toMatchObject({ tab: "leaks", compare: false, windowDays: null, filters: NO_FILTERS });
  });
});

describe("a link's values are read against the controls' bounds (issue 16)", () => {
  it("ignores the values that broke start-up or showed raw DuckDB errors, and names each", () => {
    const { view, ignored } = readLink(
      "?stalled=200000000&window=1000000000&from=2024-02-30&campaign=a%00b&campaign=Webinars&team=Regional",
    );
    expect(view.stalledDays).toBe(DEFAULT_STALLED_DAYS);
    expect(view.windowDays).toBeNull();
    expect(view.filters).toEqual({
      segments: { campaign: ["Webinars"], team: ["Regional"] },
      from: null,
      to: null,
    });
    expect(ignored).toEqual([
      "campaign=a\\u0000b (a control character)",
      "from=2024-02-30 (not a calendar day YYYY-MM-DD from 1900-01-01 to 2999-12-31)",
      "window=1000000000 (whole days, 1–3,650)",
      "stalled=200000000 (whole days, 1–3,650)",
    ]);
  });

  it.each([
    ["window=0x10", "windowDays", null],
    ["window=1e3", "windowDays", null],
    ["window=%2016", "windowDays", null],
    ["window=16.0", "windowDays", null],
    ["window=0", "windowDays", null],
    ["window=3651", "windowDays", null],
    ["window=1", "windowDays", 1],
    ["window=3650", "windowDays", 3650],
    ["stalled=0x10", "stalledDays", DEFAULT_STALLED_DAYS],
    ["stalled=-5", "stalledDays", DEFAULT_STALLED_DAYS],
    ["stalled=3651", "stalledDays", DEFAULT_STALLED_DAYS],
    ["stalled=3650", "stalledDays", 3650],
    ["stalled=1", "stalledDays", 1],
  ] as const)("reads %s as %s = %s (decimal whole days, 1–3,650)", (query, key, expected) => {
    expect(decodeView(`?${query}`)[key]).toBe(expected);
  });

  it.each([
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2024-04-31", null],
    ["2024-13-01", null],
    ["1899-12-31", null],
    ["0099-01-01", null],
  ])("reads from=%s as a real calendar day or not at all (%s)", (day, expected) => {
    expect(decodeView(`?from=${day}`).filters?.from).toBe(expected);
  });

  it("keeps several values of one filter, drops duplicates, over-long values and any past 100", () => {
    const many = Array.from({ length: 102 }, (_, i) => `channel=c${i}`).join("&");
    const long = "x".repeat(501);
    const { view, ignored } = readLink(`?campaign=A&campaign=B&campaign=A&campaign=${long}&${many}`);
    expect(view.filters?.segments.campaign).toEqual(["A", "B"]);
    expect(view.filters?.segments.channel).toHaveLength(100);
    expect(view.filters?.segments.channel?.at(-1)).toBe("c99");
    expect(ignored).toHaveLength(3);
    expect(ignored[0]).toMatch(/^campaign=x{39}… \(longer than 500 characters\)$/);
  });

  it("accepts scoring weights over the form's whole range, negatives included, and refuses beyond it", () => {
    const model = {
      ...DEFAULT_SCORING,
      behaviour: { ...DEFAULT_SCORING.behaviour, content_download: -10_000 },
      fit: { ...DEFAULT_SCORING.fit, geographicMatch: -15 },
      mqlThreshold: -5,
      sqlReadyThreshold: 10_000,
    };
    const query = encodeView({ ...DEFAULT_VIEW, scoring: model });
    expect(decodeView(`?${query}`).scoring).toEqual(model);
    const beyond = { ...model, behaviour: { ...model.behaviour, webinar: 10_001 } };
    const { view, ignored } = readLink(`?score=${encodeURIComponent(JSON.stringify(beyond))}`);
    expect(view.scoring).toEqual(DEFAULT_SCORING);
    expect(ignored[0]).toMatch(/^score=.* \(scoring points are −10,000–10,000\)$/);
  });

  it("drops unknown JSON keys from sla, score and aida and keeps the rest", () => {
    const sla = {
      ...DEFAULT_ALIGNMENT,
      slaGoal: 0.9,
      admin: true,
      routing: [{ minEmployees: 5, team: "All", x: 1 }],
    };
    const score = {
      ...DEFAULT_SCORING,
      mqlThreshold: 60,
      __proto__x: 1,
      targets: { ...DEFAULT_SCORING.targets, y: [] },
    };
    const aida = { pricing_visit: "interest", drop_table: "decision" };
    const view = decodeView(
      `?sla=${encodeURIComponent(JSON.stringify(sla))}&score=${encodeURIComponent(JSON.stringify(score))}` +
        `&aida=${encodeURIComponent(JSON.stringify(aida))}`,
    );
    expect(view.alignment).toEqual({
      ...DEFAULT_ALIGNMENT,
      slaGoal: 0.9,
      routing: [{ minEmployees: 5, team: "All" }],
    });
    expect(view.scoring).toEqual({ ...DEFAULT_SCORING, mqlThreshold: 60 });
    expect(view.aidaMapping).toEqual({ pricing_visit: "interest" });
  });

  it("refuses SLA settings outside the form's bounds and a team name with a control character", () => {
    const cases = [
      { ...DEFAULT_ALIGNMENT, targets: { ...DEFAULT_ALIGNMENT.targets, reviewHours: 0.05 } },
      { ...DEFAULT_ALIGNMENT, targets: { ...DEFAULT_ALIGNMENT.targets, feedbackHours: 1e9 } },
      { ...DEFAULT_ALIGNMENT, slaGoal: 1.5 },
      { ...DEFAULT_ALIGNMENT, routing: [{ minEmployees: 3_000_000_000, team: "Big" }] },
      { ...DEFAULT_ALIGNMENT, routing: [{ minEmployees: 1, team: "A\u0000B" }] },
    ];
    for (const sla of cases) {
      const { view, ignored } = readLink(`?sla=${encodeURIComponent(JSON.stringify(sla))}`);
      expect(view.alignment).toEqual(DEFAULT_ALIGNMENT);
      expect(ignored).toHaveLength(1);
    }
  });

  it("refuses benchmark edges that are not decimal fractions from 0 to 1, lower first", () => {
    for (const bench of [
      "mql_to_sql:0x1-0.3",
      "mql_to_sql:0.4-0.3",
      "mql_to_sql:0.2-1.5",
      "mql_to_sql:-0.1-0.3",
    ]) {
      const { view, ignored } = readLink(`?bench=${bench}`);
      expect(view.benchmarks).toEqual(DEFAULT_BENCHMARKS);
      expect(ignored).toHaveLength(1);
    }
    const open = decodeView("?bench=sales_acceptance:0.7-,unknown_step:0.1-0.2").benchmarks ?? [];
    expect(open.find((b) => b.id === "sales_acceptance")).toMatchObject({ low: 0.7, high: null });
    expect(open.map((b) => b.id)).toEqual(DEFAULT_BENCHMARKS.map((b) => b.id));
  });

  it("caps a JSON setting's size", () => {
    const { view, ignored } = readLink(`?aida=${encodeURIComponent(`{"a":"${"x".repeat(20_001)}"}`)}`);
    expect(view.aidaMapping).toEqual({});
    expect(ignored[0]).toMatch(/\(longer than 20,000 characters\)$/);
  });
});

describe("settingsDifferences", () => {
  it("names what a link's settings change, in words, and nothing when they match", () => {
    const mine = { ...DEFAULT_VIEW, windowDays: 30 };
    expect(settingsDifferences(mine, mine)).toEqual([]);
    expect(
      settingsDifferences(
        { ...DEFAULT_VIEW, stalledDays: 60, scoring: { ...DEFAULT_SCORING, mqlThreshold: 50 } },
        mine,
      ),
    ).toEqual(["stalled 60 days", "no conversion window", "scoring model"]);
    // The same edits written in another key order are the same settings.
    expect(
      settingsDifferences(
        { ...mine, aidaMapping: { page_view: null, pricing_visit: "interest" } },
        { ...mine, aidaMapping: { pricing_visit: "interest", page_view: null } },
      ),
    ).toEqual([]);
  });
});
