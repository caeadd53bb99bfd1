// The deck's title slide, the change lines of its funnel slides and its presenter notes, from the
// hand-worked funnel of test/views/sampleFunnel.ts (5,000 leads → 1,000 MQLs → 273 SQLs → 96 → 9 deals).
import { describe, expect, it } from "vitest";
import {
  benchmarkNotes,
  changeLine,
  deckSegment,
  funnelNotes,
  leakNotes,
  titleFigures,
  titleNotes,
  titleText,
  trendNotes,
} from "../../src/model/deck";
import { NO_FILTERS } from "../../src/model/filters";
import type { OutputContextInput } from "../../src/model/outputContext";
import { SAMPLE_COUNTS, sampleFunnel } from "../views/sampleFunnel";

/*
 * The previous period: 4,000 leads, 1,000 MQLs, 250 SQLs, 90 opportunities, 8 deals.
 *   Leads  5,000 − 4,000 = +1,000, +25.0 %      MQL → SQL 27.3 % − 25.0 % = +2.3 pts
 *   Deals  9 − 8 = +1, +12.5 %                  SQL → opportunity 35.2 % − 36.0 % = −0.8 pts
 */
const previous = sampleFunnel({
  stages: SAMPLE_COUNTS.stages.map((row) => {
    const before: Record<string, number> = { lead: 4000, mql: 1000, sql: 250, opportunity: 90, deal: 8 };
    return { ...row, reached: before[row.stage] ?? row.reached };
  }),
});
const funnel = sampleFunnel();

const Q1: OutputContextInput = {
  dataLabel: "leads.csv",
  filters: { segments: { team: ["Enterprise"] }, from: "2026-01-01", to: "2026-03-31" },
  count: "period",
  compare: true,
  previous: { from: "2025-10-01", to: "2025-12-31" },
  windowDays: null,
  amountsIn: "USD (from the sample)",
  asOf: "2026-04-14",
};

describe("title slide", () => {
  it("names the team and the period, then the as-of day, the way of counting and the comparison", () => {
    expect(titleText(Q1)).toEqual({
      headline: "Enterprise — 1 Jan 2026 – 31 Mar 2026",
      detail: "As of 14 Apr 2026 · counted in period · compared with 1 Oct 2025 – 31 Dec 2025.",
    });
  });

  it("says All leads and All time without filters, and no comparison when it is off", () => {
    expect(
      titleText({ ...Q1, filters: NO_FILTERS, compare: false, previous: null, count: "cohort" }),
    ).toEqual({
      headline: "All leads — All time",
      detail: "As of 14 Apr 2026 · counted by cohort.",
    });
    // A deals export linked to no lead: the funnel counts opportunities.
    expect(
      titleText(
        { ...Q1, filters: NO_FILTERS, compare: false, previous: null, count: "cohort" },
        "opportunity",
      ).headline,
    ).toBe("All opportunities — All time");
  });

  it("joins several filtered dimensions in the filter bar's order", () => {
    expect(
      deckSegment({ ...NO_FILTERS, segments: { team: ["Enterprise"], campaign: ["Webinar A", "Expo"] } }),
    ).toBe("Webinar A, Expo · Enterprise");
  });

  it("gives leads, MQL → SQL and deals with their change against the previous period", () => {
    expect(titleFigures(funnel, previous)).toEqual([
      { id: "leads", label: "Leads", value: "5,000", change: "+1,000 (+25.0 %) vs previous period" },
      { id: "mql_to_sql", label: "MQL → SQL", value: "27.3 %", change: "+2.3 pts vs previous period" },
      { id: "deals", label: "Deals", value: "9", change: "+1 (+12.5 %) vs previous period" },
    ]);
  });

  it("gives a rate from fewer than 20 leads as its counts, too few to judge, never as a bare percentage", () => {
    // 12 MQLs, 4 became SQLs: 33.3 % would read as a verdict; the slide says 4 of 12, too few to judge.
    const small = {
      ...funnel,
      kpis: funnel.kpis.map((k) =>
        k.id === "mql_to_sql" ? { ...k, value: 4 / 12, numerator: 4, denominator: 12 } : k,
      ),
    };
    expect(titleFigures(small, previous)[1]).toEqual({
      id: "mql_to_sql",
      label: "MQL → SQL",
      value: "4 of 12",
      change: "Too few to judge (fewer than 20 leads)",
    });
  });

  it("gives no change when not comparing", () => {
    expect(titleFigures(funnel, null).map((f) => f.change)).toEqual([null, null, null]);
  });

  it("skips a number that is not tracked (no MQL dates) instead of showing 0", () => {
    const noMql = sampleFunnel({
      stages: SAMPLE_COUNTS.stages.map((row) =>
        row.stage === "mql" ? { ...row, tracked: false, reached: 0 } : row,
      ),
    });
    expect(titleFigures(noMql, null).map((f) => f.id)).toEqual(["leads", "deals", "sqls"]);
  });

  it("notes the counts behind each number and the previous period's value", () => {
    expect(titleNotes(funnel, previous)).toEqual([
      "Leads: 5,000; previous period 4,000",
      "MQL → SQL: 27.3 % (273 of 1,000); previous period 25.0 %",
      "Deals: 9; previous period 8",
    ]);
  });
});

describe("change lines", () => {
  it("lists every count's change for the funnel slide", () => {
    expect(changeLine(funnel, previous, "count")).toBe(
      "Change vs previous period: Leads +1,000 (+25.0 %) · MQLs ±0 (±0.0 %) · SQLs +23 (+9.2 %) · " +
        "Opportunities +6 (+6.7 %) · Deals +1 (+12.5 %)",
    );
  });

  it("lists every rate's change in points for the benchmark slide", () => {
    expect(changeLine(funnel, previous, "rate")).toBe(
      "Change vs previous period: MQL → SQL +2.3 pts · SQL → opportunity −0.8 pts · " +
        "Win rate (opportunity → deal) +0.5 pts",
    );
  });

  it("is absent when not comparing", () => {
    expect(changeLine(funnel, null, "count")).toBeNull();
  });
});

describe("presenter notes", () => {
  it("gives each tracked stage's count and step conversion, and how many skipped", () => {
    expect(funnelNotes(funnel)).toEqual([
      "Lead: 5,000 reached",
      "MQL: 1,000 reached, 20.0 % of the stage before",
      "SQL: 273 reached, 27.3 % of the stage before (12 skipped it)",
      "Opportunity: 96 reached, 35.2 % of the stage before",
      "Deal: 9 reached, 9.4 % of the stage before",
    ]);
  });

  it("gives each step's counts against its band or reference", () => {
    const notes = benchmarkNotes(funnel);
    expect(notes).toContain("MQL → SQL: 273 of 1,000 MQLs = 27.3 %, within the 25–30 % band");
    expect(notes).toContain("SQL → Opportunity: 96 of 273 SQLs = 35.2 %, below the 40–50 % band");
  });

  it("gives MQL → SQL from its tile when SAL is tracked between them (it is then no single step)", () => {
    const withSal = sampleFunnel({
      stages: SAMPLE_COUNTS.stages.map((row) =>
        row.stage === "sal" ? { ...row, tracked: true, reached: 800 } : row,
      ),
    });
    const notes = benchmarkNotes(withSal);
    expect(notes[0]).toBe("MQL → SQL: 273 of 1,000 MQLs = 27.3 %, within the 25–30 % band");
    expect(notes).toContain("MQL → SAL: 800 of 1,000 MQLs = 80.0 %, within the ≥ 80 % band");
    // Every step is given once.
    expect(new Set(notes).size).toBe(notes.length);
  });

  it("gives each step's leaked count of those that entered", () => {
    expect(leakNotes([{ from: "sql", to: "opportunity", entered: 273, leaked: 170 }])).toEqual([
      "SQL → Opportunity: 170 of 273 SQLs went no further (62.3 %)",
    ]);
  });

  it("gives each month of the trend with its counts, naming a month still maturing", () => {
    expect(
      trendNotes("mql", "sql", [
        { month: "2026-02", entered: 250, converted: 50, rate: 0.2, status: "complete" },
        { month: "2026-03", entered: 250, converted: 69, rate: 0.276, status: "maturing" },
      ]),
    ).toEqual([
      "February 2026: 50 of 250 MQLs reached SQL (20.0 %)",
      "March 2026: 69 of 250 MQLs reached SQL (27.6 %), maturing",
    ]);
  });
});
