// The Pipeline analysis (issue #18) on an activity log of deal stage changes whose answers are worked out
// by hand below. Each deal has its own lead (first event = its Discovery date, the lead's cohort day).
//
// Stages: Discovery → Demo (10 days later) → Proposal → Closed Won (Proposal + 30 days); a deal that does
// not reach Proposal is lost at Demo on the date given, one that reaches Proposal and is not won is lost
// there 40 days later. All amounts 1,000. As-of = 2025-01-31 (a page view that day).
// | group | campaign | Discovery  | deals | to Proposal (days in Demo) | won | lost at Demo        |
// | A     | Webinar  | 2024-01-10 | 40    | 30 (20)                    | 15  | 10 on 2024-03-01    |
// | B     | Ads      | 2024-04-10 | 40    | 10 (40)                    | 5   | 30 on 2024-06-01    |
// | C     | Ads      | 2024-07-10 | 40    | 14 (20)                    | 7   | 26 on 2024-09-01    |
// | D     | Ads      | 2024-12-01 | 10    | 0                          | 0   | none: open at Demo  |
// Reached: Discovery 130, Demo 130, Proposal 54, Closed Won 27. Lost: Demo 66, Proposal 27. Open: Demo 10.
// Days in Demo of deals that moved on: 44 × 20, 10 × 40 → median 20, p75 20 (the stall line), p90 40.
// Stalled at Demo: group D, open 51 days (2024-12-11 → 2025-01-31) > 20: 10. Biggest leak: Demo, 66 lost
// + 10 stalled = 76 of 130.
// Demo's stall effect (closed deals): over the line B's 10 movers (5 won, 5 lost) and the 66 lost at Demo
// (41–43 days to loss) → 5 of 76 won; under: A's and C's movers → 22 won of 44.
// Demo → Proposal by quarter of reaching Demo: Q1 30/40, Q2 10/40, Q3 14/40, Q4 0/10; Q4 is incomplete
// (its end 2025-01-01 + p90 40 days is after as-of). Best complete quarter Q1 75 % against 54/120 = 45 %;
// entering per year 120 ÷ 3 × 4 = 160; half the deals reaching Proposal are won (27/54): 160 × 0.30 × 0.5
// = 24 more wins a year, 24,000. z = (0.75 − 0.30) / √(0.45 × 0.55 × (1/40 + 1/80)) = 4.671: holds up.
// Closed win rate 27 / (27 + 93) = 22.5 %.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { recogniseDealStageHistory, stageDealStageHistory } from "../../src/import/dealStageImport";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import { filterWhere } from "../../src/metrics/filters";
import { pipelineMetric, pipelineSql, queryPipeline } from "../../src/metrics/pipeline";
import { NO_FILTERS } from "../../src/model/filters";
import { setShownCurrency } from "../../src/model/format";
import {
  fixWorth,
  fixWorthSentence,
  type Pipeline,
  pipelineLeakSentence,
  rateCell,
  rateValue,
} from "../../src/model/pipeline";
import { buildDealStages, LIVE_DEAL_TABLES } from "../../src/warehouse/dealStages";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Group {
  name: string;
  campaign: string;
  discovery: string;
  deals: number;
  movers: number;
  daysInDemo: number;
  won: number;
  lostAtDemo: string | null;
}

const GROUPS: Group[] = [
  {
    name: "A",
    campaign: "Webinar",
    discovery: "2024-01-10",
    deals: 40,
    movers: 30,
    daysInDemo: 20,
    won: 15,
    lostAtDemo: "2024-03-01",
  },
  {
    name: "B",
    campaign: "Ads",
    discovery: "2024-04-10",
    deals: 40,
    movers: 10,
    daysInDemo: 40,
    won: 5,
    lostAtDemo: "2024-06-01",
  },
  {
    name: "C",
    campaign: "Ads",
    discovery: "2024-07-10",
    deals: 40,
    movers: 14,
    daysInDemo: 20,
    won: 7,
    lostAtDemo: "2024-09-01",
  },
  {
    name: "D",
    campaign: "Ads",
    discovery: "2024-12-01",
    deals: 10,
    movers: 0,
    daysInDemo: 0,
    won: 0,
    lostAtDemo: null,
  },
];

function activityLog(groups: readonly Group[], asOf: string): string {
  const rows = ["lead_id,timestamp,activity,deal_id,stage,amount,campaign"];
  for (const g of groups) {
    for (let i = 0; i < g.deals; i++) {
      const id = `${g.name}${i}`;
      const row = (day: string, stage: string) =>
        rows.push(`L-${id},${day},deal_stage_changed,D-${id},${stage},1000,${g.campaign}`);
      const demo = plusDays(g.discovery, 10);
      row(g.discovery, "Discovery");
      row(demo, "Demo");
      if (i < g.movers) {
        const proposal = plusDays(demo, g.daysInDemo);
        row(proposal, "Proposal");
        if (i < g.won) row(plusDays(proposal, 30), "Closed Won");
        else row(plusDays(proposal, 40), "Closed Lost");
      } else if (g.lostAtDemo !== null) row(g.lostAtDemo, "Closed Lost");
    }
  }
  rows.push(`L-last,${asOf},page_view,,,,`);
  return rows.join("\n");
}

async function importLog(name: string, csv: string): Promise<void> {
  const prepared = await prepareFiles(engine, [{ name, data: new TextEncoder().encode(csv) }], {
    now: new Date("2025-06-01T00:00:00Z"),
  });
  const history = await recogniseDealStageHistory(engine, prepared);
  await stageDealStageHistory(engine, history, LIVE_DEAL_TABLES, null);
  await applyImport(engine, prepared, prepared.map(planFor), DEFAULT_DERIVE_SETTINGS);
  await buildDealStages(engine, LIVE_DEAL_TABLES);
}

const stage = (p: Pipeline, name: string) => {
  const row = p.stages.find((s) => s.stage === name);
  if (!row) throw new Error(`no stage ${name}`);
  return row;
};

describe("pipeline on the hand-worked activity log", () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    engine = await createNodeEngine();
    await importLog("pipeline.csv", activityLog(GROUPS, "2025-01-31"));
    pipeline = await queryPipeline(engine, NO_FILTERS);
  });

  it("counts reached, moved on, lost, open and stalled per stage", () => {
    expect(
      pipeline.stages.map((s) => [s.stage, s.reached, s.skipped, s.movedOn, s.lost, s.open, s.stalled]),
    ).toEqual([
      ["Discovery", 130, 0, 130, 0, 0, 0],
      ["Demo", 130, 0, 54, 66, 10, 10],
      ["Proposal", 54, 0, 27, 27, 0, 0],
      // Nothing moves on from the won stage, so it has no stall line: stalled is null, not 0.
      ["Closed Won", 27, 0, 0, 0, 0, null],
    ]);
    expect(pipeline.deals).toEqual({ placed: 130, won: 27, lost: 93, open: 10 });
  });

  it("gives step and cumulative conversion as fractions", () => {
    expect(stage(pipeline, "Discovery").stepConversion.kind).toBe("none");
    expect(rateValue(stage(pipeline, "Demo").stepConversion)).toBe(1);
    expect(rateValue(stage(pipeline, "Proposal").stepConversion)).toBeCloseTo(54 / 130, 12);
    expect(rateValue(stage(pipeline, "Closed Won").stepConversion)).toBeCloseTo(27 / 54, 12);
    expect(rateValue(stage(pipeline, "Closed Won").cumulativeConversion)).toBeCloseTo(27 / 130, 12);
    expect(rateValue(pipeline.closedWinRate)).toBeCloseTo(27 / 120, 12);
  });

  it("measures days in stage and the stall line from deals that moved on", () => {
    expect(stage(pipeline, "Discovery").days).toEqual({ stays: 130, median: 10, p75: 10, p90: 10 });
    expect(stage(pipeline, "Demo").days).toEqual({ stays: 54, median: 20, p75: 20, p90: 40 });
    expect(stage(pipeline, "Demo").stallLineDays).toBe(20);
    expect(stage(pipeline, "Proposal").days).toEqual({ stays: 27, median: 30, p75: 30, p90: 30 });
  });

  it("splits the win rate of closed deals by the stall line", () => {
    const demo = stage(pipeline, "Demo").stallEffect;
    expect(demo.over).toEqual({ kind: "rate", value: 5 / 76, numerator: 5, denominator: 76 });
    expect(demo.under).toEqual({ kind: "rate", value: 22 / 44, numerator: 22, denominator: 44 });
    expect(stage(pipeline, "Discovery").stallEffect.over.kind).toBe("none");
  });

  it("sums reached, lost and open value, and weights the step by value", () => {
    expect(stage(pipeline, "Demo")).toMatchObject({
      reachedValue: 130_000,
      lostValue: 66_000,
      openValue: 10_000,
      reachedWithAmount: 130,
    });
    // Every deal is worth 1,000, so the value-weighted step equals the count step: 54/130.
    expect(stage(pipeline, "Proposal").stepValueConversion).toBeCloseTo(54 / 130, 12);
    expect(stage(pipeline, "Discovery").stepValueConversion).toBeNull();
  });

  it("rates each step by quarter and marks the quarter deals may still move on from", () => {
    const demo = pipeline.steps.find((s) => s.from === "Demo");
    expect(demo?.to).toBe("Proposal");
    expect(demo?.quarters.map((q) => [q.quarter, q.entered, q.movedOn, q.complete, q.rate.kind])).toEqual([
      ["2024-Q1", 40, 30, true, "rate"],
      ["2024-Q2", 40, 10, true, "rate"],
      ["2024-Q3", 40, 14, true, "rate"],
      ["2024-Q4", 10, 0, false, "too_few"],
    ]);
  });

  it("names the biggest leak and what fixing it is worth, with a z-test", () => {
    expect(pipeline.biggestLeak).toEqual({
      stage: "Demo",
      position: 2,
      leaked: 76,
      lost: 66,
      stalled: 10,
      reached: 130,
      share: 76 / 130,
    });
    expect(pipelineLeakSentence(pipeline.biggestLeak)).toBe(
      "The pipeline leaks most at Demo: 76 of 130 deals (58.5 %) stopped there — 66 lost, 10 stalled.",
    );
    const worth = pipeline.fixWorth;
    if (worth.kind !== "worth") throw new Error(worth.reason);
    expect(worth.bestQuarter.quarter).toBe("2024-Q1");
    expect(worth.currentRate).toBeCloseTo(0.45, 12);
    expect(worth.enteringPerYear).toBeCloseTo(160, 9);
    expect(worth.extraWinsPerYear).toBeCloseTo(24, 9);
    expect(worth.extraRevenuePerYear).toBeCloseTo(24_000, 6);
    expect(worth.test?.z).toBeCloseTo(4.671, 3);
    expect(worth.verdict).toBe("holds up");
    // The revenue is said to be won amounts, with the currency's symbol when one is stated.
    expect(fixWorthSentence(worth)).toContain("would add about 24 wins (24,000 in won amounts) a year");
    expect(fixWorthSentence(worth)).toMatch(/ — that quarter holds up\.$/);
    setShownCurrency("EUR");
    try {
      expect(fixWorthSentence(worth)).toContain("(€24,000 in won amounts)");
    } finally {
      setShownCurrency(null);
    }
  });

  it("passes an EXPLAIN check for every SQL, with and without filters", async () => {
    for (const filters of [NO_FILTERS, { segments: { campaign: ["Ads"] }, from: "2024-01-01", to: null }]) {
      const where = filterWhere(filters);
      await engine.query(`EXPLAIN ${pipelineSql(where.sql)}`, where.params);
    }
  });

  it("follows the filters and the period through the lead each deal links to", async () => {
    const webinar = await pipelineMetric.run(
      engine,
      { filters: { ...NO_FILTERS, segments: { campaign: ["Webinar"] } }, windowDays: null, stalledDays: 30 },
      undefined,
    );
    expect(webinar.stages.map((s) => s.reached)).toEqual([40, 40, 30, 15]);
    const q2 = await queryPipeline(engine, { segments: {}, from: "2024-04-01", to: "2024-06-30" });
    expect(q2.stages.map((s) => s.reached)).toEqual([40, 40, 10, 5]);
    // 5 of the 10 that reached Proposal: too few to judge, said in words.
    expect(stage(q2, "Closed Won").stepConversion).toEqual({
      kind: "too_few",
      numerator: 5,
      denominator: 10,
      text: "Too few to judge (fewer than 20 deals)",
    });
  });
});

describe("pipeline for a selection, from the narrow facts built at import", () => {
  // Campaign Ads = groups B, C and D (90 deals). Reached: Discovery 90, Demo 90, Proposal 24, Closed Won 12.
  // Days in Demo of the 24 movers: 14 × 20 (C) and 10 × 40 (B) → median 20, p75 40 (the stall line), p90 40.
  // Open at Demo: D's 10, open 51 days > 40: stalled. Over the line at Demo (stay > 40): the 56 lost there
  // (B: 42 days, C: 43) → 0 won of 56; under: B's and C's movers (40 and 20 days) → 12 won of 24.
  // Lost: 56 at Demo + 12 at Proposal = 68; closed win rate 12 / 80.
  const ADS = { ...NO_FILTERS, segments: { campaign: ["Ads"] } };
  let all: Pipeline;
  let ads: Pipeline;

  beforeAll(async () => {
    engine = await createNodeEngine();
    await importLog("pipeline.csv", activityLog(GROUPS, "2025-01-31"));
    all = await queryPipeline(engine, NO_FILTERS);
    ads = await queryPipeline(engine, ADS);
  });

  it("counts the selection's deals stage by stage, worked out by hand", () => {
    expect(ads.stages.map((s) => [s.stage, s.reached, s.movedOn, s.lost, s.open, s.stalled])).toEqual([
      ["Discovery", 90, 90, 0, 0, 0],
      ["Demo", 90, 24, 56, 10, 10],
      ["Proposal", 24, 12, 12, 0, 0],
      ["Closed Won", 12, 0, 0, 0, null],
    ]);
    expect(ads.deals).toEqual({ placed: 90, won: 12, lost: 68, open: 10 });
    expect(rateValue(ads.closedWinRate)).toBeCloseTo(12 / 80, 12);
  });

  it("takes the stall line and days in stage from the selection's own movers", () => {
    expect(stage(ads, "Demo").days).toEqual({ stays: 24, median: 20, p75: 40, p90: 40 });
    expect(stage(ads, "Demo").stallLineDays).toBe(40);
    expect(stage(ads, "Proposal").days).toEqual({ stays: 12, median: 30, p75: 30, p90: 30 });
    const demo = stage(ads, "Demo").stallEffect;
    expect(demo.over).toMatchObject({ numerator: 0, denominator: 56 });
    expect(demo.under).toMatchObject({ numerator: 12, denominator: 24 });
    // Unfiltered the line is 20 (test above): the selection's differs, so it is not taken from all deals.
    expect(stage(all, "Demo").stallLineDays).toBe(20);
  });

  it("counts the quarters and the value of the selection only", () => {
    const demo = ads.steps.find((s) => s.from === "Demo");
    expect(demo?.quarters.map((q) => [q.quarter, q.entered, q.movedOn])).toEqual([
      ["2024-Q2", 40, 10],
      ["2024-Q3", 40, 14],
      ["2024-Q4", 10, 0],
    ]);
    expect(stage(ads, "Demo")).toMatchObject({ reachedValue: 90_000, lostValue: 56_000, openValue: 10_000 });
  });

  it("answers as deal_stages does for every selection (the narrow table loses nothing)", async () => {
    // Straight from deal_stages, one row per deal and stage, as the analysis read it before deal_stage_facts.
    const reference = (where: string) => `SELECT position, count(*)::INTEGER AS reached,
  count(*) FILTER (WHERE NOT is_furthest)::INTEGER AS "movedOn",
  count(*) FILTER (WHERE is_furthest AND outcome = 'lost')::INTEGER AS lost,
  count(*) FILTER (WHERE is_furthest AND outcome IS NULL)::INTEGER AS open,
  quantile_cont(days_in_stage, 0.75) FILTER (WHERE NOT is_furthest) AS line
FROM deal_stages ${where} GROUP BY position ORDER BY position`;
    const selections = [
      NO_FILTERS,
      ADS,
      { segments: { campaign: ["Webinar"] }, from: null, to: null },
      { segments: {}, from: "2024-04-01", to: "2024-09-30" },
      { segments: { campaign: ["Ads"] }, from: "2024-07-01", to: null },
      { segments: { campaign: ["Nobody"] }, from: null, to: null },
    ];
    for (const filters of selections) {
      const where = filterWhere(filters);
      const expected = await engine.query<Record<string, number>>(reference(where.sql), where.params);
      const p = await queryPipeline(engine, filters);
      const shown = p.stages.map((s) => ({
        position: s.position,
        reached: s.reached,
        movedOn: s.movedOn,
        lost: s.lost,
        open: s.open,
        line: s.stallLineDays,
      }));
      expect(shown.filter((s) => s.reached > 0)).toEqual(expected);
      // Every stage of the plan keeps its row; one no selected deal reached is all zeros, with no line.
      expect(p.stages.map((s) => s.stage)).toEqual(all.stages.map((s) => s.stage));
      for (const row of shown.filter((s) => s.reached === 0))
        expect(row).toEqual({ position: row.position, reached: 0, movedOn: 0, lost: 0, open: 0, line: null });
    }
    expect(
      (await queryPipeline(engine, selections[5] ?? NO_FILTERS)).stages.every((s) => s.reached === 0),
    ).toBe(true);
  });

  it("carries the whole workspace's stage-history audit whatever the filters", () => {
    expect(ads.audit).toEqual(all.audit);
    expect(ads.audit).toMatchObject({ deals: 130, placed: 130 });
  });

  it("passes an EXPLAIN check for the one statement asked per filter change", async () => {
    for (const filters of [NO_FILTERS, { segments: { campaign: ["Ads"] }, from: "2024-01-01", to: null }]) {
      const where = filterWhere(filters);
      await engine.query(`EXPLAIN ${pipelineSql(where.sql)}`, where.params);
    }
  });
});

describe("when the data cannot support a rate", () => {
  it("gives no win rate when no lost deal is recorded, and no leak when no deal was lost or stalled", async () => {
    // Two won deals and one open one: no lost deal anywhere → no closed win rate; 2 of 3 reached the won
    // stage, fewer than 20, so the step is words; one quarter only → nothing to compare a best quarter with.
    const csv = [
      "lead_id,timestamp,activity,deal_id,stage,amount",
      "L1,2025-01-02,deal_stage_changed,W1,Discovery,100",
      "L1,2025-01-09,deal_stage_changed,W1,Closed Won,100",
      "L2,2025-01-03,deal_stage_changed,W2,Discovery,100",
      "L2,2025-01-10,deal_stage_changed,W2,Closed Won,100",
      "L3,2025-01-04,deal_stage_changed,O3,Discovery,100",
    ].join("\n");
    await importLog("won-only.csv", csv);
    const p = await queryPipeline(engine, NO_FILTERS);
    expect(p.lostRecorded).toBe(false);
    expect(p.closedWinRate).toMatchObject({ kind: "none" });
    expect(p.stages.map((s) => [s.stage, s.reached, s.open])).toEqual([
      ["Discovery", 3, 1],
      ["Closed Won", 2, 0],
    ]);
    expect(stage(p, "Closed Won").stepConversion).toMatchObject({
      kind: "too_few",
      numerator: 2,
      denominator: 3,
    });
    expect(p.biggestLeak).toBeNull();
    expect(p.fixWorth).toEqual({ kind: "none", reason: "No step leaks" });
  });

  it("answers with no stages, not an error, for a workspace without stage history", async () => {
    await importLog(
      "plain.csv",
      "lead_id,timestamp,activity\nL1,2025-01-02,page_view\nL1,2025-01-05,demo_request",
    );
    const p = await queryPipeline(engine, NO_FILTERS);
    expect(p.stages).toEqual([]);
    expect(p.deals).toEqual({ placed: 0, won: 0, lost: 0, open: 0 });
    expect(p.biggestLeak).toBeNull();
    expect(p.audit).toMatchObject({ deals: 0, placed: 0 });
  });

  it("calls a best quarter luck when it does not stand out from the others", () => {
    // 22/40 against 20/40 and 18/40: pooled 60/120 = 0.5, z = (0.55 − 0.475) / √(0.25 × (1/40 + 1/80))
    // = 0.775, p = 0.44 > 0.05 / 3. Worth: 160 a year × (0.55 − 0.5) × 10/20 won = 4 wins.
    const quarter = (name: string, movedOn: number) => ({
      quarter: name,
      entered: 40,
      movedOn,
      rate: rateCell(movedOn, 40),
      complete: true,
    });
    const step = {
      from: "Demo",
      to: "Proposal",
      fromPosition: 2,
      quarters: [quarter("2024-Q1", 22), quarter("2024-Q2", 20), quarter("2024-Q3", 18)],
    };
    const worth = fixWorth(step, { reached: 20, won: 10 }, null);
    if (worth.kind !== "worth") throw new Error(worth.reason);
    expect(worth.test?.z).toBeCloseTo(0.7746, 4);
    expect(worth.verdict).toBe("could be luck");
    expect(worth.extraWinsPerYear).toBeCloseTo(4, 9);
    expect(worth.extraRevenuePerYear).toBeNull();
    // Fewer than 20 deals past the step: how many of them are won cannot be said.
    expect(fixWorth(step, { reached: 19, won: 10 }, null).kind).toBe("none");
    // Only one complete quarter: nothing to compare the best with.
    expect(
      fixWorth({ ...step, quarters: step.quarters.slice(0, 1) }, { reached: 20, won: 10 }, null).kind,
    ).toBe("none");
  });
});
