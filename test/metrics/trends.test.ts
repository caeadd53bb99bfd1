// Trends on test/fixtures/trends-cohorts.csv: step conversion by cohort month, best quarter, monthly volumes.
//
// Fixture: MQL and SQL dates only (no SAL, opportunity or deal), so the tracked steps are Lead → MQL and
// MQL → SQL. MQLs fall on days 5–14 of their month, SQLs 7 days later, except T28 (MQL 2025-03-06, SQL
// 45 days later, 2025-04-20) and T56 (MQL 2025-07-06, SQL 40 days later, 2025-08-15). L1, L2 (January)
// and L3 (2025-08-15 10:00, the as-of date) have a page view only.
//
// MQL → SQL by MQL month:
// | month   | MQLs | no window     | 30-day window          |
// | 2025-01 | 20   | 6  30.0 %     | 6  30.0 %              |
// | 2025-02 | 6    | 1  16.7 %     | 1  16.7 %              |
// | 2025-03 | 8    | 2  25.0 %     | 1  12.5 % (T28 late)   |
// | 2025-04 | 10   | 4  40.0 %     | 4  40.0 %              |
// | 2025-05 | 6    | 2  33.3 %     | 2  33.3 %              |
// | 2025-06 | 4    | 1  25.0 %     | 1  25.0 % (Jul 1 + 30 d = Jul 31 < Aug 15: complete) |
// | 2025-07 | 5    | 2  40.0 % maturing | 1  20.0 % incomplete (Aug 1 + 30 d = Aug 31 > Aug 15) |
// Quarters: Q1 34 MQLs, 9 SQL 26.5 % (window: 8, 23.5 %); Q2 20, 7 = 35.0 % (best either way);
// Q3 5 MQLs (< 20, and incomplete under the window): not eligible.
// Lead → MQL by lead month: 2025-01 22 leads → 20 MQLs (90.9 %), Feb–Jul all MQLs (100 %), 2025-08 1 → 0.
// Volumes by own date: lead 22,6,8,10,6,4,5,1; MQL 20,6,8,10,6,4,5,0; SQL 6,1,1,5,2,1,1,1 (Jan–Aug).

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { filterWhere } from "../../src/metrics/filters";
import {
  bestQuarterSql,
  monthlyVolumesSql,
  queryTrends,
  stepMonthsSql,
  TRACKED_SQL,
} from "../../src/metrics/trends";
import { NO_FILTERS } from "../../src/model/filters";
import type { Stage } from "../../src/model/stages";
import { importFixture } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await importFixture(engine, "trends-cohorts.csv");
});

const rounded = (x: number) => Math.round(x * 1000) / 10;

describe("trends on the hand-checked cohort fixture", () => {
  it("runs steps between consecutive tracked stages only", async () => {
    const trends = await queryTrends(engine, { filters: NO_FILTERS, windowDays: null });
    expect(trends.asOf).toBe("2025-08-15");
    expect(trends.stages).toEqual(["lead", "mql", "sql"]);
    expect(trends.steps.map((s) => `${s.from}>${s.to}`)).toEqual(["lead>mql", "mql>sql"]);
  });

  it("counts every later conversion by cohort month and marks the latest month as maturing", async () => {
    const trends = await queryTrends(engine, { filters: NO_FILTERS, windowDays: null });
    const step = trends.steps.find((s) => s.from === "mql");
    expect(step?.months.map((m) => [m.month, m.entered, m.converted, rounded(m.rate), m.status])).toEqual([
      ["2025-01", 20, 6, 30, "complete"],
      ["2025-02", 6, 1, 16.7, "complete"],
      ["2025-03", 8, 2, 25, "complete"],
      ["2025-04", 10, 4, 40, "complete"],
      ["2025-05", 6, 2, 33.3, "complete"],
      ["2025-06", 4, 1, 25, "complete"],
      ["2025-07", 5, 2, 40, "maturing"],
    ]);
    expect(step?.best).toEqual({ quarter: "2025 Q2", entered: 20, converted: 7, rate: 0.35 });
    const leadStep = trends.steps.find((s) => s.from === "lead");
    expect(leadStep?.months.map((m) => [m.month, m.entered, m.converted])).toEqual([
      ["2025-01", 22, 20],
      ["2025-02", 6, 6],
      ["2025-03", 8, 8],
      ["2025-04", 10, 10],
      ["2025-05", 6, 6],
      ["2025-06", 4, 4],
      ["2025-07", 5, 5],
      ["2025-08", 1, 0],
    ]);
  });

  it("applies a 30-day window and marks the month whose window is still open as incomplete", async () => {
    const trends = await queryTrends(engine, { filters: NO_FILTERS, windowDays: 30 });
    const step = trends.steps.find((s) => s.from === "mql");
    expect(step?.months.map((m) => [m.month, m.converted, m.status])).toEqual([
      ["2025-01", 6, "complete"],
      ["2025-02", 1, "complete"],
      ["2025-03", 1, "complete"],
      ["2025-04", 4, "complete"],
      ["2025-05", 2, "complete"],
      ["2025-06", 1, "complete"],
      ["2025-07", 1, "incomplete"],
    ]);
    expect(step?.best).toEqual({ quarter: "2025 Q2", entered: 20, converted: 7, rate: 0.35 });
  });

  it("counts leads reaching each stage per calendar month by their own stage date", async () => {
    const trends = await queryTrends(engine, { filters: NO_FILTERS, windowDays: null });
    expect(trends.volumes.map((v) => v.month)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
    ]);
    const series = (stage: Stage) => trends.volumes.map((v) => v.counts[stage]);
    expect(series("lead")).toEqual([22, 6, 8, 10, 6, 4, 5, 1]);
    expect(series("mql")).toEqual([20, 6, 8, 10, 6, 4, 5, 0]);
    expect(series("sql")).toEqual([6, 1, 1, 5, 2, 1, 1, 1]);
    expect(series("sal")).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("applies the shared date filter to the cohort day", async () => {
    const trends = await queryTrends(engine, {
      filters: { ...NO_FILTERS, from: "2025-04-01", to: "2025-06-30" },
      windowDays: null,
    });
    const step = trends.steps.find((s) => s.from === "mql");
    expect(step?.months.map((m) => m.month)).toEqual(["2025-04", "2025-05", "2025-06"]);
    expect(step?.best?.quarter).toBe("2025 Q2");
  });

  it("rejects a step that is not a forward pair of our stages", () => {
    expect(() => stepMonthsSql("", [["sql", "mql"]], null)).toThrow(/forward/);
    expect(() => stepMonthsSql("", [["mql; DROP TABLE x" as Stage, "sql"]], null)).toThrow(/Unknown stage/);
    expect(() => stepMonthsSql("", [["mql", "sql"]], 0)).toThrow(/window/);
    expect(() => stepMonthsSql("", [["mql", "sql"]], 3651)).toThrow(/window/);
  });

  it("passes an EXPLAIN check for every SQL", async () => {
    const where = filterWhere({ segments: { campaign: ["Webinar"] }, from: null, to: "2025-12-31" });
    const steps = [
      ["lead", "mql"],
      ["mql", "sql"],
    ] as const;
    for (const days of [null, 30]) {
      await engine.query(`EXPLAIN ${stepMonthsSql(where.sql, steps, days)}`, where.params);
      await engine.query(`EXPLAIN ${bestQuarterSql(where.sql, steps, days)}`, where.params);
    }
    await engine.query(`EXPLAIN ${stepMonthsSql(where.sql, [], null)}`, where.params);
    await engine.query(`EXPLAIN ${monthlyVolumesSql(where.sql, ["lead", "mql", "deal"])}`, where.params);
    await engine.query(`EXPLAIN ${monthlyVolumesSql(where.sql, [])}`, where.params);
    await engine.query(`EXPLAIN ${TRACKED_SQL}`);
  });
});
