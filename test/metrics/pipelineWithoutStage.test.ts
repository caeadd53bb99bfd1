// The Pipeline on HubSpot deals exports where the stage dates say more than the created and close dates:
// the as-of date reads the stage history too, and deals with no stage date count in the closed win rate
// (and the open count) of the selection they belong to, not in any stage. Counts worked out by hand below.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { queryPipeline } from "../../src/metrics/pipeline";
import { queryAsOf } from "../../src/metrics/segments";
import { NO_FILTERS } from "../../src/model/filters";
import { type Pipeline, withoutStageSentence } from "../../src/model/pipeline";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { rederive } from "../../src/warehouse/workspace";
import { importWithStageHistory } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const HEADER =
  'Record ID,Deal Name,Deal Stage,Pipeline,Amount,Create Date,Close Date,Campaign,"Date entered ""Discovery (Sales Pipeline)""","Date entered ""Demo (Sales Pipeline)""","Date entered ""Closed Won (Sales Pipeline)""","Date entered ""Closed Lost (Sales Pipeline)"""';

async function importDeals(name: string, rows: string[]): Promise<void> {
  await importWithStageHistory(engine, [{ name, csv: [HEADER, ...rows].join("\n") }]);
}

const stage = (p: Pipeline, name: string) => {
  const row = p.stages.find((s) => s.stage === name);
  if (!row) throw new Error(`no stage ${name}`);
  return row;
};

const asOfDay = () => queryAsOf(engine);

describe("the as-of date of a deals export", () => {
  // D1 Discovery 01-01 → Demo 01-03 → lost 01-05; D2 Discovery 01-02 → Demo 03-01, open (its Close Date
  // 04-30 is only expected); D3 created and in Discovery since 01-10, open. The created and close dates end
  // at 01-10, the stage dates at 03-01: "now" is 2025-03-01. Discovery's stall line is the p75 of the
  // movers' 2 and 58 days = 2 + 0.75 × 56 = 44 days; D3 has been open there 50 days: stalled. No deal
  // moved on from Demo (D1 was lost there): no line, so no stalled count.
  beforeAll(() =>
    importDeals("asof.csv", [
      "D1,A,Closed Lost,Sales Pipeline,100,2025-01-01,2025-01-05,Webinar,2025-01-01,2025-01-03,,2025-01-05",
      "D2,B,Demo,Sales Pipeline,100,2025-01-02,2025-04-30,Webinar,2025-01-02,2025-03-01,,",
      "D3,C,Discovery,Sales Pipeline,100,2025-01-10,2025-04-30,Webinar,2025-01-10,,,",
    ]),
  );

  it("is the latest stage date when it comes after every created and close date", async () => {
    expect(await asOfDay()).toBe("2025-03-01");
    const p = await queryPipeline(engine, NO_FILTERS);
    expect(new Date(p.asOf ?? 0).toISOString().slice(0, 10)).toBe("2025-03-01");
    expect(stage(p, "Discovery")).toMatchObject({ stallLineDays: 44, open: 1, stalled: 1 });
    expect(stage(p, "Demo")).toMatchObject({ stallLineDays: null, open: 1, stalled: null, lost: 1 });
  });

  it("counts a stage move as the deal's last activity: in progress, not stalled, for the funnel", async () => {
    // D2's record has only its created date (01-02) as an event; its move to Demo on 03-01 is activity, so
    // it is in progress at the as-of date. D3's last activity is its Discovery entry, 50 days before: stalled.
    const rows = await engine.query<{ lead_id: string; last: string; status: string }>(
      "SELECT lead_id, strftime(last_activity_at, '%Y-%m-%d') AS last, status FROM lead_stages ORDER BY lead_id",
    );
    expect(rows).toEqual([
      { lead_id: "D1", last: "2025-01-05", status: "lost" },
      { lead_id: "D2", last: "2025-03-01", status: "in_progress" },
      { lead_id: "D3", last: "2025-01-10", status: "stalled" },
    ]);
  });

  it("still reads the stage dates after a re-derive (a stalled-threshold change)", async () => {
    await rederive(engine, { asOf: null, stalledDays: 10 });
    expect(await asOfDay()).toBe("2025-03-01");
    await rederive(engine, DEFAULT_DERIVE_SETTINGS);
  });
});

describe("deals with no stage date", () => {
  // Placed: W1 won (Discovery, Demo, Closed Won) and L2 lost at Discovery, both Webinar. Not placed: L3 and
  // L4 closed lost with only a Closed Lost date (Ads, Webinar), W5 closed won with no date at all (Ads) and
  // O6 open with none (Ads). Closed win rate over all closed deals: (1 + 1) won of 2 + 3 lost = 2 of 5
  // (fewer than 20: words, with the counts). Ads alone: nothing placed, 1 won and 1 lost without a stage.
  beforeAll(() =>
    importDeals("no-stage.csv", [
      "W1,A,Closed Won,Sales Pipeline,100,2025-01-01,2025-01-20,Webinar,2025-01-01,2025-01-05,2025-01-20,",
      "L2,B,Closed Lost,Sales Pipeline,100,2025-01-02,2025-01-15,Webinar,2025-01-02,,,2025-01-15",
      "L3,C,Closed Lost,Sales Pipeline,100,2025-01-03,2025-01-18,Ads,,,,2025-01-18",
      "L4,D,Closed Lost,Sales Pipeline,100,2025-01-04,2025-01-19,Webinar,,,,2025-01-19",
      "W5,E,Closed Won,Sales Pipeline,300,2025-01-05,2025-01-25,Ads,,,,",
      "O6,F,Demo,Sales Pipeline,100,2025-01-06,2025-04-30,Ads,,,,",
    ]),
  );

  it("count in the closed win rate and the open count, in no stage", async () => {
    const p = await queryPipeline(engine, NO_FILTERS);
    expect(p.deals).toEqual({ placed: 2, won: 1, lost: 1, open: 0 });
    expect(p.withoutStage).toEqual({ won: 1, lost: 2, open: 1 });
    expect(p.closedWinRate).toMatchObject({ kind: "too_few", numerator: 2, denominator: 5 });
    expect(p.stages.map((s) => [s.stage, s.reached])).toEqual([
      ["Discovery", 2],
      ["Demo", 1],
      ["Closed Won", 1],
    ]);
    expect(p.audit.closedWithoutHistory).toEqual({ won: 1, lost: 2 });
    expect(p.audit.openWithoutHistory).toBe(1);
  });

  it("follow the filters through their own record, as placed deals do", async () => {
    const ads = await queryPipeline(engine, { ...NO_FILTERS, segments: { campaign: ["Ads"] } });
    expect(ads.deals.placed).toBe(0);
    expect(ads.withoutStage).toEqual({ won: 1, lost: 1, open: 1 });
    expect(ads.closedWinRate).toMatchObject({ kind: "too_few", numerator: 1, denominator: 2 });
    const webinar = await queryPipeline(engine, { ...NO_FILTERS, segments: { campaign: ["Webinar"] } });
    expect(webinar.withoutStage).toEqual({ won: 0, lost: 1, open: 0 });
    expect(webinar.closedWinRate).toMatchObject({ numerator: 1, denominator: 3 });
    // By cohort day (created date): 2025-01-05 onwards holds W5 and O6 only.
    const late = await queryPipeline(engine, { ...NO_FILTERS, from: "2025-01-05" });
    expect(late.withoutStage).toEqual({ won: 1, lost: 0, open: 1 });
  });

  it("are said in words beside the placed deals", () => {
    expect(withoutStageSentence({ won: 1, lost: 2, open: 1 }, true)).toBe(
      "4 more deals have no stage date (1 won, 2 lost, 1 open): in the closed win rate, not in any stage.",
    );
    expect(withoutStageSentence({ won: 0, lost: 0, open: 1 }, false)).toBe(
      "1 more deal has no stage date (0 won, 1 open): not in any stage.",
    );
    // No lost deal recorded anywhere: no closed win rate for them to be in.
    expect(withoutStageSentence({ won: 2, lost: 0, open: 0 }, false)).toBe(
      "2 more deals have no stage date (2 won): not in any stage.",
    );
    expect(withoutStageSentence({ won: 0, lost: 0, open: 0 }, true)).toBeNull();
  });
});
