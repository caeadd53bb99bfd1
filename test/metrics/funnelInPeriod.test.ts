// The funnel counted in period (SPEC "Two ways of counting") against cohort counting, on ten leads
// whose answers are worked out by hand below. Period: March 2025, 2025-03-01..2025-03-31 inclusive.
//
// As-of = latest event = 2025-04-10 10:00 (P6 lost). Stalled: no activity for > 30 days (before 03-11 10:00).
// | lead | campaign | own stage dates (2025)                               | entered in March              |
// | P1   | Webinar  | lead 02-10, mql 03-05, sal 03-06, sql 03-20          | mql, sal, sql (created before) |
// | P2   | Webinar  | lead 03-03, mql 04-02                                | lead (MQL after the period)    |
// | P3   | Webinar  | lead 03-10, sql 03-25 (skipped MQL and SAL)          | lead, mql*, sal*, sql          |
// | P4   | Webinar  | lead 01-05 … opp 02-15, won 03-31 23:00              | deal (last day, inclusive)     |
// | P5   | Webinar  | lead 03-01 00:00, nothing else                       | lead (first day, inclusive)    |
// | P6   | Webinar  | lead 02-01, mql 02-20, sal 02-21, sql 02-25, opp 03-12, lost 04-10 | opportunity     |
// | P7   | Webinar  | lead 02-02 … opp 02-06, lost 03-15                   | nothing (lost in March)        |
// | P8   | Webinar  | lead 04-05, mql 04-06                                | nothing                        |
// | P9   | Events   | lead 03-02, mql 03-04                                | lead, mql                      |
// | P10  | Webinar  | lead 01-03 … opp 02-10, won 03-03                    | deal                           |
// (* reached by skipping: P3 passed MQL and SAL on 03-25.)
// In period: lead 4 (P2 P3 P5 P9), MQL 3 (P1 P3 P9; 1 skipped), SAL 2 (P1 P3; 1 skipped), SQL 2 (P1 P3),
// opportunity 1 (P6), deal 2 (P4 P10). Flow ratios: MQL→SQL 2/3, acceptance 2/3, SQL→opp 1/2,
// opp→deal 2/1 = 200 % (never clamped); deal cumulative 2/4.
// Stopped at a stage entered in March: P5 lead stalled (last 03-01), P9 MQL stalled (03-04), P1 and P3
// SQL in progress, P6 opportunity lost; P4 and P10 won. P2's furthest stage (MQL 04-02) is outside.
// Closed win rate in March: won 2 (P4 P10) ÷ (2 + lost in March 1: P7) = 2/3; open 0 (P6 is lost).
// Cohort (became a lead in March: P2 P3 P5 P9): lead 4, MQL 3 (P2 P3 P9), SAL 1, SQL 1, opp 0, deal 0.
// The previous period, February, in period: lead 3 (P1 P6 P7), MQL 2, SAL 2, SQL 2 (P6 P7), opportunity 3
// (P7 02-06, P10 02-10, P4 02-15), deal 0; by cohort (P1 P6 P7): 3, 3, 3, 3, 2 (P6 P7), 0.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { filterWhere } from "../../src/metrics/filters";
import { funnelMetric, periodGroupsSql, queryFunnel } from "../../src/metrics/funnel";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import type { Funnel, Kpi } from "../../src/model/funnel";
import { previousPeriod } from "../../src/model/period";
import { queryKey } from "../../src/queries/coordinator";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const CSV = `lead_id,occurred_at,activity,campaign,team
P1,2025-02-10 09:00:00,became_lead,Webinar,East
P1,2025-03-05 09:00:00,became_mql,Webinar,East
P1,2025-03-06 09:00:00,sales_accepted,Webinar,East
P1,2025-03-20 09:00:00,became_sql,Webinar,East
P2,2025-03-03 09:00:00,became_lead,Webinar,East
P2,2025-04-02 09:00:00,became_mql,Webinar,East
P3,2025-03-10 09:00:00,became_lead,Webinar,West
P3,2025-03-25 09:00:00,became_sql,Webinar,West
P4,2025-01-05 09:00:00,became_lead,Webinar,West
P4,2025-01-10 09:00:00,became_mql,Webinar,West
P4,2025-01-11 09:00:00,sales_accepted,Webinar,West
P4,2025-01-20 09:00:00,became_sql,Webinar,West
P4,2025-02-15 09:00:00,opportunity_created,Webinar,West
P4,2025-03-31 23:00:00,deal_won,Webinar,West
P5,2025-03-01 00:00:00,became_lead,Webinar,East
P6,2025-02-01 09:00:00,became_lead,Webinar,East
P6,2025-02-20 09:00:00,became_mql,Webinar,East
P6,2025-02-21 09:00:00,sales_accepted,Webinar,East
P6,2025-02-25 09:00:00,became_sql,Webinar,East
P6,2025-03-12 09:00:00,opportunity_created,Webinar,East
P6,2025-04-10 10:00:00,deal_lost,Webinar,East
P7,2025-02-02 09:00:00,became_lead,Webinar,West
P7,2025-02-03 09:00:00,became_mql,Webinar,West
P7,2025-02-04 09:00:00,sales_accepted,Webinar,West
P7,2025-02-05 09:00:00,became_sql,Webinar,West
P7,2025-02-06 09:00:00,opportunity_created,Webinar,West
P7,2025-03-15 09:00:00,deal_lost,Webinar,West
P8,2025-04-05 09:00:00,became_lead,Webinar,East
P8,2025-04-06 09:00:00,became_mql,Webinar,East
P9,2025-03-02 09:00:00,became_lead,Events,West
P9,2025-03-04 09:00:00,became_mql,Events,West
P10,2025-01-03 09:00:00,became_lead,Webinar,East
P10,2025-01-04 09:00:00,became_mql,Webinar,East
P10,2025-01-05 09:00:00,sales_accepted,Webinar,East
P10,2025-01-06 09:00:00,became_sql,Webinar,East
P10,2025-02-10 09:00:00,opportunity_created,Webinar,East
P10,2025-03-03 09:00:00,deal_won,Webinar,East
`;

const MARCH = { segments: {}, from: "2025-03-01", to: "2025-03-31" };

let engine: SqlEngine;

const kpi = (funnel: Funnel, id: Kpi["id"]) => funnel.kpis.find((k) => k.id === id);
const step = (funnel: Funnel, from: string) => funnel.steps.find((s) => s.from === from);

beforeAll(async () => {
  engine = await createNodeEngine();
  await importText(engine, "in-period.csv", CSV);
});

describe("counting in period", () => {
  it("counts the leads that entered each stage in the period, whenever they became leads", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: MARCH, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    expect(funnel.count).toBe("period");
    // P1 became a lead in February and an MQL in March: an MQL of March. P2 became a lead in March
    // and an MQL in April: a lead of March only. P3 skipped MQL and SAL on 03-25.
    expect(funnel.stages.map((s) => s.reached)).toEqual([4, 3, 2, 2, 1, 2]);
    expect(funnel.stages.map((s) => s.skipped)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(funnel.kpis.slice(0, 6).map((k) => [k.id, k.value])).toEqual([
      ["leads", 4],
      ["mqls", 3],
      ["sals", 2],
      ["sqls", 2],
      ["opportunities", 1],
      ["deals", 2],
    ]);
  });

  it("gives each step's flow ratio, entered later ÷ entered earlier, above 100 % when it is", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: MARCH, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    expect(kpi(funnel, "mql_to_sql")).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(kpi(funnel, "sales_acceptance")).toMatchObject({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(kpi(funnel, "sql_to_opportunity")).toMatchObject({ value: 1 / 2, numerator: 1, denominator: 2 });
    // Two deals won in March from opportunities opened before it, one opportunity opened in March.
    expect(kpi(funnel, "win_rate")).toMatchObject({ value: 2, numerator: 2, denominator: 1 });
    expect(funnel.stages.find((s) => s.stage === "deal")?.cumulativeConversion).toBe(2 / 4);
  });

  it("names why leads stopped at a stage they entered in the period, and closes by the close date", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: MARCH, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    expect(step(funnel, "lead")).toMatchObject({ leaked: 1, inProgress: 0, reasons: { stalled: 1 } });
    expect(step(funnel, "mql")).toMatchObject({ leaked: 1, inProgress: 0, reasons: { stalled: 1 } });
    expect(step(funnel, "sal")).toMatchObject({ leaked: 0, inProgress: 0 });
    expect(step(funnel, "sql")).toMatchObject({ leaked: 0, inProgress: 2 });
    expect(step(funnel, "opportunity")).toMatchObject({ leaked: 1, reasons: { lost: 1 } });
    // Won in March: P4, P10; lost in March: P7 (P6 was lost in April).
    expect(funnel.closedWinRate).toMatchObject({ won: 2, lost: 1, open: 0, rate: 2 / 3 });
  });

  it("counts the same period by cohort differently: the leads that became leads in it", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: MARCH, windowDays: null, count: "cohort" },
      DEFAULT_BENCHMARKS,
    );
    expect(funnel.count).toBe("cohort");
    expect(funnel.stages.map((s) => s.reached)).toEqual([4, 3, 1, 1, 0, 0]);
  });

  it("follows the segment filters in period", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: { ...MARCH, segments: { campaign: ["Webinar"] } }, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    // P9 (Events) drops out: lead 3, MQL 2.
    expect(funnel.stages.map((s) => s.reached)).toEqual([3, 2, 2, 2, 1, 2]);
  });

  it("bounds both ends inclusively and leaves an open end open", async () => {
    const lastDay = await queryFunnel(
      engine,
      { filters: { segments: {}, from: "2025-03-31", to: "2025-03-31" }, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    // Only P4's win at 23:00 on the last day.
    expect(lastDay.stages.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0, 1]);
    const fromApril = await queryFunnel(
      engine,
      { filters: { segments: {}, from: "2025-04-01", to: null }, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    // P8 became a lead 04-05; MQLs P2 (04-02) and P8 (04-06).
    expect(fromApril.stages.map((s) => s.reached)).toEqual([1, 2, 0, 0, 0, 0]);
  });

  it("gives the cohort numbers when there is no period, whichever way is chosen", async () => {
    const period = await queryFunnel(
      engine,
      { filters: NO_FILTERS, windowDays: null, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    const cohort = await queryFunnel(
      engine,
      { filters: NO_FILTERS, windowDays: null, count: "cohort" },
      DEFAULT_BENCHMARKS,
    );
    expect(period).toEqual(cohort);
    expect(cohort.stages.map((s) => s.reached)).toEqual([10, 9, 6, 6, 4, 2]);
  });

  it("takes the way of counting from the shared context, and ignores the conversion window in period", async () => {
    const funnel = await funnelMetric.run(
      engine,
      { filters: MARCH, windowDays: 10, stalledDays: 30, count: "period" },
      DEFAULT_BENCHMARKS,
    );
    expect(funnel.stages.map((s) => s.reached)).toEqual([4, 3, 2, 2, 1, 2]);
    expect(funnel.windowDays).toBeNull();
    expect(funnelMetric.uses).toContain("count");
  });

  it("compares with the previous period counted the same way", async () => {
    const before = previousPeriod(MARCH, "2025-04-10");
    expect(before).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    const february = { segments: {}, from: before?.from ?? null, to: before?.to ?? null };
    const ctx = { filters: february, windowDays: null, stalledDays: 30 };
    const inPeriod = await funnelMetric.run(engine, { ...ctx, count: "period" }, DEFAULT_BENCHMARKS);
    const byCohort = await funnelMetric.run(engine, { ...ctx, count: "cohort" }, DEFAULT_BENCHMARKS);
    expect(inPeriod.stages.map((s) => s.reached)).toEqual([3, 2, 2, 2, 3, 0]);
    expect(byCohort.stages.map((s) => s.reached)).toEqual([3, 3, 3, 3, 2, 0]);
    // Two questions for the cache with a period; one without (both ways are then the same).
    const key = (c: typeof ctx, count: "cohort" | "period") =>
      queryKey(funnelMetric, { ...c, count }, DEFAULT_BENCHMARKS);
    expect(key(ctx, "period")).not.toBe(key(ctx, "cohort"));
    const allTime = { ...ctx, filters: NO_FILTERS };
    expect(key(allTime, "period")).toBe(key(allTime, "cohort"));
  });

  it("passes an EXPLAIN check with and without segment filters", async () => {
    for (const segments of [{}, { campaign: ["Webinar"] }]) {
      const where = filterWhere({ segments, from: null, to: null });
      await engine.query(`EXPLAIN ${periodGroupsSql(where.sql)}`, ["2025-03-01", null, ...where.params]);
    }
  });
});
