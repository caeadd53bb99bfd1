// The shared filters reach SQL as bound parameters and escaped literals: a campaign whose name holds
// quotes and SQL filters to exactly its own leads, and a previous period is the same query shifted.
//
// Fixture (by hand): campaign A = `Spring '26 "Launch"'); DROP TABLE events; --` has H1 (lead, MQL,
// SQL in January) and H2 (lead, MQL in February); campaign B = `Plain` has P1 (lead in January) and
// P2 (lead, MQL, SQL in February).

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { filterWhere } from "../../src/metrics/filters";
import { queryFunnel } from "../../src/metrics/funnel";
import { querySegmentCounts, querySegmentOptions } from "../../src/metrics/segments";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import type { Funnel } from "../../src/model/funnel";
import { previousPeriod } from "../../src/model/period";
import { LIVE_TABLES } from "../../src/warehouse/derive";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const HOSTILE = `Spring '26 "Launch"'); DROP TABLE events; --`;
const quoted = `"${HOSTILE.replaceAll('"', '""')}"`;
const CSV = [
  "lead_id,occurred_at,activity,campaign",
  `H1,2025-01-05 09:00:00,became_lead,${quoted}`,
  `H1,2025-01-06 09:00:00,became_mql,${quoted}`,
  `H1,2025-01-20 09:00:00,became_sql,${quoted}`,
  `H2,2025-02-03 09:00:00,became_lead,${quoted}`,
  `H2,2025-02-04 09:00:00,became_mql,${quoted}`,
  "P1,2025-01-07 09:00:00,became_lead,Plain",
  "P2,2025-02-10 09:00:00,became_lead,Plain",
  "P2,2025-02-11 09:00:00,became_mql,Plain",
  "P2,2025-02-12 09:00:00,became_sql,Plain",
].join("\n");

let engine: SqlEngine;
const reached = (funnel: Funnel) => Object.fromEntries(funnel.stages.map((s) => [s.stage, s.reached]));

beforeAll(async () => {
  engine = await createNodeEngine();
  await importText(engine, "hostile-campaign.csv", CSV);
});

describe("filters as parameters", () => {
  it("keeps the hostile campaign name intact as a filter value", async () => {
    const options = await querySegmentOptions(engine);
    expect(options.campaign.map((o) => o.value).sort()).toEqual([HOSTILE, "Plain"].sort());
  });

  it("counts each menu's values under the other filters but not its own (faceted)", async () => {
    // February alone: H2 (campaign A) and P2 (Plain) became leads then; P1 and H1 in January.
    const february = { segments: { campaign: ["Plain"] }, from: "2025-02-01", to: "2025-02-28" };
    const counts = await querySegmentCounts(engine, february);
    // The campaign menu ignores its own choice (Plain) but follows the period: one February lead each.
    expect(counts.campaign).toEqual({ [HOSTILE]: 1, Plain: 1 });
    // Another menu follows both: Plain's February lead, with no channel recorded.
    expect(Object.values(counts.channel)).toEqual([1]);
    // The hostile name as a chosen value stays a value, not SQL.
    const hostile = await querySegmentCounts(engine, {
      segments: { campaign: [HOSTILE] },
      from: null,
      to: null,
    });
    expect(Object.values(hostile.channel)).toEqual([2]);
    expect(hostile.campaign).toEqual({ [HOSTILE]: 2, Plain: 2 });
  });

  it("filters to exactly the leads of a campaign whose name holds quotes and SQL", async () => {
    const funnel = await queryFunnel(
      engine,
      { filters: { segments: { campaign: [HOSTILE] }, from: null, to: null }, windowDays: null },
      DEFAULT_BENCHMARKS,
    );
    expect(reached(funnel)).toMatchObject({ lead: 2, mql: 2, sql: 1 });
    const [events] = await engine.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM ${LIVE_TABLES.events}`,
    );
    expect(events?.n).toBe(9);
  });

  it("sends dates as bound parameters, never as SQL text", () => {
    const where = filterWhere({ segments: {}, from: "2025-02-01", to: "2025-02-28" });
    expect(where.params).toEqual(["2025-02-01", "2025-02-28"]);
    expect(where.sql).not.toContain("2025");
    expect(() => filterWhere({ segments: {}, from: "2025-02-01' OR 1=1 --", to: null })).toThrow(
      /Invalid start date/,
    );
  });

  it("answers the previous period with the same query on the shifted dates", async () => {
    const february = { segments: { campaign: [HOSTILE] }, from: "2025-02-01", to: "2025-02-28" };
    const previous = previousPeriod(february, "2025-02-12");
    expect(previous).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    const [now, before] = await Promise.all([
      queryFunnel(engine, { filters: february, windowDays: null }, DEFAULT_BENCHMARKS),
      queryFunnel(engine, { filters: { ...february, ...previous }, windowDays: null }, DEFAULT_BENCHMARKS),
    ]);
    expect(reached(now)).toMatchObject({ lead: 1, mql: 1, sql: 0 }); // H2
    expect(reached(before)).toMatchObject({ lead: 1, mql: 1, sql: 1 }); // H1
  });
});
