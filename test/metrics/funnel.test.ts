// The stage funnel on test/fixtures/funnel-basic.csv, whose answers are worked out by hand below.
//
// As-of = latest event = 2025-06-30 12:00 (L10). Stalled = no activity for > 30 days, not closed.
// | lead | own stage dates                         | furthest | status      | notes                          |
// | L1   | lead mql sal sql opp won                | deal     | won         |                                |
// | L2   | lead mql sal sql opp, lost 03-15        | opp      | lost        |                                |
// | L3   | lead mql, rejected 01-16                | mql      | rejected    |                                |
// | L4   | lead mql sql (no SAL)                   | sql      | stalled     | skipped SAL; sql row first     |
// | L5   | page views only (02-01, 02-02)          | lead     | stalled     | no stage events; alias "Website Visit" |
// | L6   | lead 06-15, unknown "Podcast Listen"    | lead     | in_progress |                                |
// | L7   | lead mql, rejected 03-06, accepted 03-10| sal      | in_progress | re-accepted: not a rejection   |
// | L8   | lead, opp 04-01, "Closed Won" 05-01     | deal     | won         | skipped MQL, SAL, SQL          |
// | L9   | lead, "MQL", sal, sql, last 04-12       | sql      | stalled     |                                |
// | L10  | lead mql(×2 duplicate) "Sales Accepted" | sal      | in_progress | page view 06-30 is the as-of   |
// Reached: lead 10, MQL 8 (1 skipped: L8), SAL 7 (2 skipped: L4, L8), SQL 5 (1 skipped: L8), opp 3, deal 2.
// Rates: MQL→SQL 5/8, acceptance 7/8, SQL→opp 3/5, win rate 2/3; closed win rate 2/(2+1).

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { queryFunnel } from "../../src/metrics/funnel";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import type { Funnel, Kpi } from "../../src/model/funnel";
import { biggestLeakSentence } from "../../src/model/insights";
import { LIVE_DEAL_TABLES } from "../../src/warehouse/dealStages";
import { deriveTables, LIVE_TABLES } from "../../src/warehouse/derive";
import { importFixture } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

const kpi = (funnel: Funnel, id: Kpi["id"]) => funnel.kpis.find((k) => k.id === id)?.value;
const stage = (funnel: Funnel, id: string) => funnel.stages.find((s) => s.stage === id);

beforeAll(async () => {
  engine = await createNodeEngine();
  await importFixture(engine, "funnel-basic.csv");
});

describe("funnel on the hand-checked fixture", () => {
  it("counts every lead that reached a stage, including those that skipped it", async () => {
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    expect(funnel.stages.map((s) => s.reached)).toEqual([10, 8, 7, 5, 3, 2]);
    expect(funnel.stages.map((s) => s.skipped)).toEqual([0, 1, 2, 1, 0, 0]);
    expect(funnel.untracked).toEqual([]);
  });

  it("computes the KPI rates as reached(later) ÷ reached(earlier)", async () => {
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    expect(kpi(funnel, "mql_to_sql")).toBeCloseTo(5 / 8, 10);
    expect(kpi(funnel, "sales_acceptance")).toBeCloseTo(7 / 8, 10);
    expect(kpi(funnel, "sql_to_opportunity")).toBeCloseTo(3 / 5, 10);
    expect(kpi(funnel, "win_rate")).toBeCloseTo(2 / 3, 10);
    expect(stage(funnel, "sal")?.stepConversion).toBeCloseTo(7 / 8, 10);
    expect(stage(funnel, "deal")?.cumulativeConversion).toBeCloseTo(2 / 10, 10);
    expect(funnel.closedWinRate).toMatchObject({ won: 2, lost: 1, open: 0 });
  });

  it("rates each benchmarked step against its band", async () => {
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    const status = (id: Kpi["id"]) => funnel.kpis.find((k) => k.id === id)?.status;
    expect(status("mql_to_sql")).toBe("above"); // 62.5 % vs 25–30 %
    expect(status("sales_acceptance")).toBe("within"); // 87.5 % vs ≥ 80 %
    expect(status("sql_to_opportunity")).toBe("above"); // 60 % vs 40–50 %
  });

  it("separates in-progress from stalled leads and never counts in-progress ones as leaked", async () => {
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    const step = (from: string) => funnel.steps.find((s) => s.from === from);
    expect(step("lead")).toMatchObject({
      leaked: 1,
      inProgress: 1,
      reasons: { stalled: 1, rejected: 0, lost: 0 },
    });
    expect(step("mql")).toMatchObject({ leaked: 1, inProgress: 0, reasons: { rejected: 1 } });
    expect(step("sal")).toMatchObject({ leaked: 0, inProgress: 2 });
    expect(step("sql")).toMatchObject({ leaked: 2, reasons: { stalled: 2 } });
    expect(step("opportunity")).toMatchObject({ leaked: 1, reasons: { lost: 1 } });
  });

  it("names the step that loses the most leads when none is below its band", async () => {
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    expect(biggestLeakSentence(funnel)).toBe(
      "The biggest leak is SQL → Opportunity: 2 of 5 SQLs (40.0 %) went no further (2 stalled); " +
        "3 reached Opportunity.",
    );
  });

  it("counts only conversions inside the window and marks young cohorts incomplete", async () => {
    // Window 20 days: L8 took 81 days lead→MQL; L1 (28 d) and L8 (30 d) took too long opp→deal.
    // L6 entered on 06-15, less than 20 days before the as-of date: incomplete.
    const funnel = await queryFunnel(engine, { filters: NO_FILTERS, windowDays: 20 }, DEFAULT_BENCHMARKS);
    expect(stage(funnel, "mql")?.stepConversion).toBeCloseTo(7 / 10, 10);
    expect(kpi(funnel, "mql_to_sql")).toBeCloseTo(5 / 8, 10);
    expect(kpi(funnel, "win_rate")).toBe(0);
    expect(funnel.incompleteLeads).toBe(1);
    expect(funnel.stages.map((s) => s.reached)).toEqual([10, 8, 7, 5, 3, 2]);
  });

  it("filters by campaign with the filter values escaped", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: { segments: { campaign: ["Paid Social"] }, from: null, to: null }, windowDays: null },
      DEFAULT_BENCHMARKS,
    );
    // L6–L10: lead 5; MQL L7, L8 (skipped), L9, L10 = 4; SAL the same 4; SQL L8, L9; opp and deal L8.
    expect(funnel.stages.map((s) => s.reached)).toEqual([5, 4, 4, 2, 1, 1]);
    const none = await queryFunnel(
      engine,
      {
        filters: { segments: { campaign: ["x'); DROP TABLE events; --"] }, from: null, to: null },
        windowDays: null,
      },
      DEFAULT_BENCHMARKS,
    );
    expect(none.stages[0]?.reached).toBe(0);
    const [count] = await engine.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM ${LIVE_TABLES.events}`,
    );
    expect(count?.n).toBe(40);
  });

  it("filters by cohort date range with bound parameters", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: { segments: {}, from: "2025-03-01", to: "2025-05-31" }, windowDays: null },
      DEFAULT_BENCHMARKS,
    );
    // Leads entering 2025-03-01..05-31: L7 (03-01), L9 (04-01), L10 (05-01).
    expect(funnel.stages[0]?.reached).toBe(3);
  });

  it("moves a lead from in progress to stalled when the stalled threshold shrinks", async () => {
    const local = await createNodeEngine();
    await importFixture(local, "funnel-basic.csv");
    await deriveTables(local, LIVE_TABLES, LIVE_DEAL_TABLES, { asOf: null, stalledDays: 10 });
    const funnel = await queryFunnel(local, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
    // L6 (last 06-20) and L7 (06-15) are now older than 10 days; L10 (06-30) stays in progress.
    expect(funnel.steps.find((s) => s.from === "lead")).toMatchObject({
      inProgress: 0,
      reasons: { stalled: 2 },
    });
    expect(funnel.steps.find((s) => s.from === "sal")).toMatchObject({
      inProgress: 1,
      reasons: { stalled: 1 },
    });
  });
});
