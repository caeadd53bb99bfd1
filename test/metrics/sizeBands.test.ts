// Company sizes written as head counts filter and count as the routing's size bands.
//
// Fixture (by hand), routing 0 → Inside Sales, 200 → Regional, 1000 → Enterprise:
// | lead | company_size | channel     | MQL | band                   |
// | L1   | 5            | PAID_SOCIAL |     | 0–199 (Inside Sales)   |
// | L2   | 25           | PAID_SOCIAL |     | 0–199                  |
// | L3   | 150          | PAID_SOCIAL | yes | 0–199                  |
// | L4   | 250          | PAID_SOCIAL | yes | 200–999 (Regional)     |
// | L5   | 999          | PAID_SOCIAL |     | 200–999                |
// | L6   | 1000         | EMAIL       | yes | 1,000+ (Enterprise)    |
// | L7   | "2,500"      | EMAIL       | yes | 1,000+                 |
// | L8   | (empty)      | EMAIL       |     | — "(none)", as stored  |
// | L9   | unknown      | EMAIL       |     | — as stored            |
// | L10  | 40           | EMAIL       |     | 0–199                  |
// 8 of the 9 leads with a size have a head count (89 % ≥ 80 %): the menu shows bands.
// Bands: 0–199 = L1, L2, L3, L10 (4 leads, 1 MQL); 200–999 = L4, L5 (2, 1 MQL); 1,000+ = L6, L7 (2, 2 MQLs).

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { filterWhere } from "../../src/metrics/filters";
import { queryFunnel } from "../../src/metrics/funnel";
import { querySegmentCounts, querySegmentOptions } from "../../src/metrics/segments";
import type { RoutingBand } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import type { FunnelFilters } from "../../src/model/filters";
import type { Funnel } from "../../src/model/funnel";
import { sizeMenu } from "../../src/model/sizeBands";
import { LIVE_TABLES } from "../../src/warehouse/derive";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const SIZES: [string, string, string, boolean][] = [
  ["L1", "5", "PAID_SOCIAL", false],
  ["L2", "25", "PAID_SOCIAL", false],
  ["L3", "150", "PAID_SOCIAL", true],
  ["L4", "250", "PAID_SOCIAL", true],
  ["L5", "999", "PAID_SOCIAL", false],
  ["L6", "1000", "EMAIL", true],
  ["L7", '"2,500"', "EMAIL", true],
  ["L8", "", "EMAIL", false],
  ["L9", "unknown", "EMAIL", false],
  ["L10", "40", "EMAIL", false],
];

const CSV = [
  "lead_id,occurred_at,activity,company_size,channel",
  ...SIZES.flatMap(([lead, size, channel, mql], i) => {
    const day = String(i + 1).padStart(2, "0");
    const rows = [`${lead},2025-03-${day} 09:00:00,became_lead,${size},${channel}`];
    if (mql) rows.push(`${lead},2025-03-${day} 12:00:00,became_mql,${size},${channel}`);
    return rows;
  }),
].join("\n");

const ROUTING: RoutingBand[] = [
  { minEmployees: 1000, team: "Enterprise" },
  { minEmployees: 200, team: "Regional" },
  { minEmployees: 0, team: "Inside Sales" },
];

let engine: SqlEngine;

const sized = (values: string[], extra: Partial<FunnelFilters["segments"]> = {}): FunnelFilters => ({
  segments: { company_size: values, ...extra },
  from: null,
  to: null,
});

async function reached(filters: FunnelFilters): Promise<{ lead: number; mql: number }> {
  const funnel: Funnel = await queryFunnel(engine, { filters, windowDays: null }, DEFAULT_BENCHMARKS);
  const of = (stage: string) => funnel.stages.find((s) => s.stage === stage)?.reached ?? 0;
  return { lead: of("lead"), mql: of("mql") };
}

async function leadIds(filters: FunnelFilters): Promise<string[]> {
  const where = filterWhere(filters);
  const rows = await engine.query<{ lead_id: string }>(
    `SELECT lead_id FROM ${LIVE_TABLES.leadStages} ${where.sql} ORDER BY lead_id`,
    where.params,
  );
  return rows.map((r) => r.lead_id);
}

beforeAll(async () => {
  engine = await createNodeEngine();
  await importText(engine, "head-counts.csv", CSV);
});

describe("company sizes as head counts", () => {
  it("stores the sizes as the file wrote them", async () => {
    const options = await querySegmentOptions(engine);
    expect(options.company_size.map((o) => o.value).sort()).toEqual(
      ["(none)", "1000", "150", "2,500", "25", "250", "40", "5", "999", "unknown"].sort(),
    );
  });

  it("filters a band to the leads whose head count falls in it, on lead_stages and funnel_cube alike", async () => {
    expect(await leadIds(sized(["0-199 employees"]))).toEqual(["L1", "L10", "L2", "L3"]);
    expect(await leadIds(sized(["200-999 employees"]))).toEqual(["L4", "L5"]);
    expect(await leadIds(sized(["1000+ employees"]))).toEqual(["L6", "L7"]);
    // The funnel is summed from funnel_cube: the same leads, with their MQLs.
    expect(await reached(sized(["0-199 employees"]))).toEqual({ lead: 4, mql: 1 });
    expect(await reached(sized(["200-999 employees"]))).toEqual({ lead: 2, mql: 1 });
    expect(await reached(sized(["1000+ employees"]))).toEqual({ lead: 2, mql: 2 });
  });

  it("keeps a value that is not a head count working as a stored value, alone or beside a band", async () => {
    expect(await leadIds(sized(["unknown"]))).toEqual(["L9"]);
    expect(await leadIds(sized(["(none)"]))).toEqual(["L8"]);
    expect(await leadIds(sized(["1000+ employees", "unknown"]))).toEqual(["L6", "L7", "L9"]);
    // A single head count chosen as stored (an older link) still selects exactly its lead.
    expect(await leadIds(sized(["250"]))).toEqual(["L4"]);
    // A band combines with the other filters (AND): 0–199 and EMAIL is L10 alone.
    expect(await leadIds(sized(["0-199 employees"], { channel: ["EMAIL"] }))).toEqual(["L10"]);
  });

  it("writes a band as numeric literals, never the chosen text as SQL", () => {
    const where = filterWhere(sized(["200-999 employees"]));
    expect(where.params).toEqual([]);
    expect(where.sql).toContain(">= 200");
    expect(where.sql).toContain("<= 999");
    const hostile = filterWhere(sized(["1000+ employees' OR 1=1 --"]));
    // Not a band: a stored value like any other, quoted.
    expect(hostile.sql).toBe("WHERE company_size IN ('1000+ employees'' OR 1=1 --')");
  });

  it("counts the company-size menu by band, faceted under the other filters", async () => {
    const options = await querySegmentOptions(engine);
    const all = sizeMenu(options.company_size, ROUTING);
    expect(all?.map((e) => [e.text, e.leads])).toEqual([
      ["0–199 (Inside Sales)", 4],
      ["200–999 (Regional)", 2],
      ["1,000+ (Enterprise)", 2],
      ["(none)", 1],
      ["unknown", 1],
    ]);
    // Under channel = EMAIL: L6, L7 (1,000+), L10 (0–199), L8, L9.
    const email = await querySegmentCounts(engine, sized(["200-999 employees"], { channel: ["EMAIL"] }));
    const faceted = sizeMenu(options.company_size, ROUTING, (v) => email.company_size[v] ?? 0);
    expect(faceted?.map((e) => [e.value, e.leads])).toEqual([
      ["0-199 employees", 1],
      ["200-999 employees", 0],
      ["1000+ employees", 2],
      ["(none)", 1],
      ["unknown", 1],
    ]);
    // The channel menu follows the chosen band: 200–999 is L4 and L5, both PAID_SOCIAL.
    expect(email.channel).toEqual({ PAID_SOCIAL: 2 });
  });

  it("follows the routing settings when their thresholds change", async () => {
    const options = await querySegmentOptions(engine);
    const routing: RoutingBand[] = [
      { minEmployees: 100, team: "Regional" },
      { minEmployees: 1000, team: "Enterprise" },
      { minEmployees: 10, team: "Inside Sales" },
    ];
    // Below 10: L1 (5), not routed. 10–99: L2, L10. 100–999: L3, L4, L5. 1,000+: L6, L7.
    expect(sizeMenu(options.company_size, routing)?.map((e) => [e.text, e.leads])).toEqual([
      ["0–9 (not routed)", 1],
      ["10–99 (Inside Sales)", 2],
      ["100–999 (Regional)", 3],
      ["1,000+ (Enterprise)", 2],
      ["(none)", 1],
      ["unknown", 1],
    ]);
    expect(await leadIds(sized(["0-9 employees"]))).toEqual(["L1"]);
    expect(await leadIds(sized(["100-999 employees"]))).toEqual(["L3", "L4", "L5"]);
  });
});
