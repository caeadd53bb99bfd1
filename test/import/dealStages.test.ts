// Deal stage history in its three shapes (issue #18), imported and built into deal_stages; every count
// below is worked out by hand in the comment above its fixture.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { recogniseDealStageHistory } from "../../src/import/dealStageImport";
import { hubspotStageColumn } from "../../src/import/dealStageShapes";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import {
  chooseDealPipeline,
  type DealStagePlan,
  dealStagePlanRows,
  excludeDealStage,
  mergeDealStage,
  moveDealStage,
  renameDealStage,
} from "../../src/model/pipeline";
import { LIVE_DEAL_TABLES, queryDealStageAudit, replanDealStages } from "../../src/warehouse/dealStages";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

/** Prepares the files, recognises their history, lets `edit` arrange the plan, and imports them. */
async function importDeals(
  name: string,
  csv: string,
  edit: (plan: DealStagePlan) => DealStagePlan = (p) => p,
) {
  const prepared = await prepareFiles(engine, [{ name, data: new TextEncoder().encode(csv) }], {
    now: new Date("2025-06-01T00:00:00Z"),
  });
  const history = await recogniseDealStageHistory(engine, prepared);
  const plan = history.plan === null ? null : edit(history.plan);
  // The import recognises the history itself and takes the arranged plan, as the mapping step gives it.
  await applyImport(engine, prepared, prepared.map(planFor), DEFAULT_DERIVE_SETTINGS, {
    ...(plan ? { dealStagePlan: plan } : {}),
  });
  return { prepared, history, plan };
}

interface StageRow {
  deal_id: string;
  position: number;
  stage: string;
  skipped: boolean;
  is_furthest: boolean;
  outcome: string | null;
  days_in_stage: number | null;
  days_to_close: number | null;
  reentries: number;
  dates_backwards: boolean;
  lead_id: string | null;
}

const stageRows = () =>
  engine.query<StageRow>(
    `SELECT deal_id, position, stage, skipped, is_furthest, outcome, days_in_stage, days_to_close, reentries,
       dates_backwards, lead_id
     FROM deal_stages ORDER BY deal_id, position`,
  );

/** Per position: reached, skipped, moved on, lost here, open here. */
const perStage = () =>
  engine.query<{
    stage: string;
    reached: number;
    skipped: number;
    moved_on: number;
    lost: number;
    open: number;
  }>(
    `SELECT any_value(stage) AS stage, count(*)::INTEGER AS reached, count(*) FILTER (WHERE skipped)::INTEGER AS skipped,
       count(*) FILTER (WHERE NOT is_furthest)::INTEGER AS moved_on,
       count(*) FILTER (WHERE is_furthest AND outcome = 'lost')::INTEGER AS lost,
       count(*) FILTER (WHERE is_furthest AND outcome IS NULL)::INTEGER AS open
     FROM deal_stages GROUP BY position ORDER BY position`,
  );

describe("HubSpot deals export with Date entered columns", () => {
  // Sales Pipeline deals (stage dates, 2025):
  // | deal | Deal Stage  | Discovery | Demo   | Proposal | Closed Won | Closed Lost | notes                              |
  // | D1   | Closed Won  | 01-02     | 01-10  | 01-20    | 02-01      |             | won; Negotiation (empty) skipped    |
  // | D2   | Closed Lost | 01-05     | 01-15  |          |            | 02-10       | lost at Demo                       |
  // | D3   | Proposal    | 01-03     |        | 02-01    |            |             | skipped Demo, open at Proposal     |
  // | D4   | Demo        | 02-10     | 02-01  |          |            |             | Demo dated before Discovery        |
  // | D5   | Closed Won  |           |        |          |            |             | closed without history             |
  // | D7   | Discovery   | 03-01     | "soon" |          |            |             | Demo date unreadable               |
  // D6 is in the Renewals pipeline (Onboarding 01-05). The Negotiation column holds no date at all.
  // Order by pairwise majorities: Discovery before Demo (D1, D2 against D4), before Proposal (D1, D3);
  // Demo before Proposal (D1). Reached: Discovery 5 (D1 D2 D3 D4 D7), Demo 4 (D3 skipped), Proposal 2
  // (D1 D3), Negotiation 1 (D1, skipped), Closed Won 1. Moved on: 4, 2, 1, 1. Lost: Demo 1 (D2).
  // Open: Discovery 1 (D7), Demo 1 (D4), Proposal 1 (D3).
  // Days in stage: D1 8, 10, 12 (Proposal 01-20 → the next date reached, won 02-01); D2 Discovery 10 and
  // 26 days from Demo to its loss; D3 Discovery 29 (to Proposal, as Demo was skipped); D4 none (backwards).
  const h = (stage: string, pipeline = "Sales Pipeline") => `"Date entered ""${stage} (${pipeline})"""`;
  const csv = [
    [
      "Record ID",
      "Deal Name",
      "Pipeline",
      "Deal Stage",
      "Amount",
      "Create Date",
      "Close Date",
      h("Discovery"),
      h("Demo"),
      h("Proposal"),
      h("Closed Won"),
      h("Closed Lost"),
      `"Date exited ""Discovery (Sales Pipeline)"""`,
      `"Time in ""Discovery (Sales Pipeline)"""`,
      h("Negotiation"),
      h("Onboarding", "Renewals"),
    ].join(","),
    "D1,Acme,Sales Pipeline,Closed Won,1000,2025-01-01,2025-02-01,2025-01-02,2025-01-10,2025-01-20,2025-02-01,,2025-01-10,8,,",
    "D2,Beta,Sales Pipeline,Closed Lost,500,2025-01-04,2025-02-10,2025-01-05,2025-01-15,,,2025-02-10,2025-01-15,10,,",
    "D3,Gamma,Sales Pipeline,Proposal,2000,2025-01-03,2025-06-30,2025-01-03,,2025-02-01,,,,,,",
    "D4,Delta,Sales Pipeline,Demo,,2025-01-30,,2025-02-10,2025-02-01,,,,,,,",
    "D5,Epsilon,Sales Pipeline,Closed Won,300,2025-02-15,2025-03-01,,,,,,,,,",
    "D6,Zeta,Renewals,Onboarding,900,2025-01-05,,,,,,,,,,2025-01-05",
    "D7,Eta,Sales Pipeline,Discovery,100,2025-03-01,,2025-03-01,soon,,,,,,,",
  ].join("\n");
  let plan: DealStagePlan | null = null;

  beforeAll(async () => {
    ({ plan } = await importDeals("hubspot-deals.csv", csv));
  });

  it("reads entry columns only, with the pipeline from the column name", () => {
    expect(hubspotStageColumn(`Date entered "Contract Sent (Sales Pipeline)"`)).toEqual({
      header: `Date entered "Contract Sent (Sales Pipeline)"`,
      stage: "Contract Sent",
      pipeline: "Sales Pipeline",
    });
    expect(hubspotStageColumn("hs_v2_date_entered_closedwon")?.stage).toBe("Closed Won");
    expect(hubspotStageColumn(`Date exited "Demo (Sales Pipeline)"`)).toBeNull();
    expect(hubspotStageColumn(`Time in "Demo (Sales Pipeline)"`)).toBeNull();
    expect(hubspotStageColumn(`Date entered "Lead (Lifecycle Stage Pipeline)"`)).toBeNull();
  });

  it("proposes the pipeline with most deals and its stages in the order most deals moved", () => {
    expect(plan?.pipeline).toBe("Sales Pipeline");
    expect(plan?.pipelines).toEqual([
      { pipeline: "Sales Pipeline", deals: 5 },
      { pipeline: "Renewals", deals: 1 },
    ]);
    expect(plan?.stages.map((s) => [s.source, s.kind, s.entries])).toEqual([
      ["Discovery", "open", 5],
      ["Demo", "open", 3],
      ["Proposal", "open", 2],
      ["Negotiation", "open", 0],
      ["Closed Won", "won", 1],
      ["Closed Lost", "lost", 1],
    ]);
  });

  it("lets the user pick another pipeline and reorder its stages", () => {
    const renewals = chooseDealPipeline(plan as DealStagePlan, "Renewals");
    expect(renewals.stages.map((s) => [s.source, s.entries])).toEqual([["Onboarding", 1]]);
    const back = chooseDealPipeline(renewals, "Sales Pipeline");
    const moved = moveDealStage(back, "Negotiation", 1);
    expect(moved.stages.map((s) => s.source)).toEqual([
      "Discovery",
      "Negotiation",
      "Demo",
      "Proposal",
      "Closed Won",
      "Closed Lost",
    ]);
    expect(dealStagePlanRows(moved).map((r) => r.position)).toEqual([1, 2, 3, 4, 5, null]);
  });

  it("counts reached (skipped stages as passed), moved on, lost and open per stage", async () => {
    expect(await perStage()).toEqual([
      { stage: "Discovery", reached: 5, skipped: 0, moved_on: 4, lost: 0, open: 1 },
      { stage: "Demo", reached: 4, skipped: 1, moved_on: 2, lost: 1, open: 1 },
      { stage: "Proposal", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "Negotiation", reached: 1, skipped: 1, moved_on: 1, lost: 0, open: 0 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
  });

  it("measures days in stage up to the next stage reached, and none when the dates go backwards", async () => {
    const rows = await stageRows();
    const days = (deal: string) => rows.filter((r) => r.deal_id === deal).map((r) => r.days_in_stage);
    expect(days("D1")).toEqual([8, 10, 12, null, null]);
    expect(days("D2")).toEqual([10, null]);
    expect(rows.find((r) => r.deal_id === "D2" && r.position === 2)?.days_to_close).toBe(26);
    expect(days("D3")).toEqual([29, null, null]);
    expect(days("D4")).toEqual([null, null]);
    expect(rows.filter((r) => r.dates_backwards).map((r) => r.deal_id)).toEqual(["D4", "D4"]);
  });

  it("reports every anomaly in the audit instead of dropping it", async () => {
    expect(await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).toEqual({
      deals: 7,
      placed: 5,
      otherPipelines: [{ pipeline: "Renewals", deals: 1 }],
      closedWithoutHistory: { won: 1, lost: 0 },
      openWithoutHistory: 0,
      datesBackwards: 1,
      reenteredDeals: 0,
      reentries: 0,
      stagesWithoutDates: ["Negotiation"],
      undatedEntries: 1,
      excludedEntries: 0,
      dealsInSeveralFiles: 0,
      otherFieldChanges: [],
    });
  });
});

describe("Salesforce opportunity stage history report", () => {
  // One row per stage change (To Stage at Last Modified, 2025):
  // | opp  | changes                                                                   | result                 |
  // | 006A | Prospecting 01-02, Qualification 01-09, Proposal 01-20, Closed Won 02-01  | won                    |
  // | 006B | Prospecting 01-05, Qualification 01-12, Prospecting 01-15 (back),          | lost at Qualification; |
  // |      | Qualification 01-25, Closed Lost 02-20                                     | 2 re-entries           |
  // | 006C | Prospecting 01-10, Proposal 02-01                                          | skipped Qualification  |
  // | 006D | Qualification 02-10                                                        | skipped Prospecting    |
  // First entries count: 006B's Prospecting 01-05 and Qualification 01-12 are in order (not backwards).
  // Reached: Prospecting 4 (006D skipped), Qualification 4 (006C skipped), Proposal 2, Closed Won 1.
  // Moved on: 4, 2 (A, C), 1 (A). Lost: Qualification 1 (006B). Open: Qualification 1 (D), Proposal 1 (C).
  // Days: 006A 7, 11, 12; 006B Prospecting 7, then 39 days from Qualification to its loss; 006C 22.
  const csv = [
    "Opportunity ID,Opportunity Name,From Stage,To Stage,Amount,Close Date,Last Modified",
    "006A,Acme,,Prospecting,1000,2025-03-31,2025-01-02",
    "006A,Acme,Prospecting,Qualification,1000,2025-03-31,2025-01-09",
    "006A,Acme,Qualification,Proposal,1200,2025-03-31,2025-01-20",
    "006A,Acme,Proposal,Closed Won,1200,2025-02-01,2025-02-01",
    "006B,Beta,,Prospecting,800,2025-04-30,2025-01-05",
    "006B,Beta,Prospecting,Qualification,800,2025-04-30,2025-01-12",
    "006B,Beta,Qualification,Prospecting,800,2025-04-30,2025-01-15",
    "006B,Beta,Prospecting,Qualification,800,2025-04-30,2025-01-25",
    "006B,Beta,Qualification,Closed Lost,800,2025-02-20,2025-02-20",
    "006C,Gamma,,Prospecting,500,2025-05-31,2025-01-10",
    "006C,Gamma,Prospecting,Proposal,500,2025-05-31,2025-02-01",
    "006D,Delta,,Qualification,700,2025-06-30,2025-02-10",
  ].join("\n");
  let plan: DealStagePlan | null = null;

  beforeAll(async () => {
    ({ plan } = await importDeals("opportunity-history.csv", csv));
  });

  it("recognises the report and orders its stages", () => {
    expect(plan?.pipeline).toBeNull();
    expect(plan?.stages.map((s) => s.source)).toEqual([
      "Prospecting",
      "Qualification",
      "Proposal",
      "Closed Won",
      "Closed Lost",
    ]);
  });

  it("counts first entries, skipped stages and the stage each deal was lost in", async () => {
    expect(await perStage()).toEqual([
      { stage: "Prospecting", reached: 4, skipped: 1, moved_on: 4, lost: 0, open: 0 },
      { stage: "Qualification", reached: 4, skipped: 1, moved_on: 2, lost: 1, open: 1 },
      { stage: "Proposal", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    const rows = await stageRows();
    const days = (deal: string) => rows.filter((r) => r.deal_id === deal).map((r) => r.days_in_stage);
    expect(days("006A")).toEqual([7, 11, 12, null]);
    expect(days("006B")).toEqual([7, null]);
    expect(rows.find((r) => r.deal_id === "006B" && r.position === 2)?.days_to_close).toBe(39);
    expect(days("006C")).toEqual([22, null, null]);
  });

  it("takes the amount and close date from the latest row", async () => {
    const deals = await engine.query<{
      deal_id: string;
      amount: number;
      outcome: string | null;
      closed: string | null;
    }>(
      "SELECT deal_id, amount, outcome, strftime(closed_at, '%Y-%m-%d') AS closed FROM deal_outcomes ORDER BY deal_id",
    );
    expect(deals.map((d) => [d.deal_id, d.amount, d.outcome, d.closed])).toEqual([
      ["006A", 1200, "won", "2025-02-01"],
      ["006B", 800, "lost", "2025-02-20"],
      ["006C", 500, null, null],
      ["006D", 700, null, null],
    ]);
  });

  it("counts re-entered stages in the audit", async () => {
    const audit = await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit);
    expect(audit).toMatchObject({ deals: 4, placed: 4, reenteredDeals: 1, reentries: 2, datesBackwards: 0 });
  });

  it("merges, renames and excludes stages as the plan says", async () => {
    // Qualification merged into Prospecting: one stage "Early" (first entries: 006A 01-02, 006B 01-05,
    // 006C 01-10, 006D 02-10), then Proposal, Closed Won. Proposal excluded as well in the second plan.
    const merge = (p: DealStagePlan) =>
      mergeDealStage(renameDealStage(p, "Prospecting", "Early"), "Qualification", "Prospecting");
    await importDeals("opportunity-history.csv", csv, merge);
    expect(await perStage()).toEqual([
      { stage: "Early", reached: 4, skipped: 0, moved_on: 2, lost: 1, open: 1 },
      { stage: "Proposal", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    const excluded = (p: DealStagePlan) => excludeDealStage(merge(p), "Proposal", true);
    expect(
      dealStagePlanRows(excluded(plan as DealStagePlan)).map((r) => [r.source, r.position, r.kind]),
    ).toEqual([
      ["Prospecting", 1, "open"],
      ["Qualification", 1, "open"],
      ["Proposal", null, "excluded"],
      ["Closed Won", 2, "won"],
      ["Closed Lost", null, "lost"],
    ]);
    // On the loaded workspace: the live plan replaced and the deal tables rebuilt, no new import.
    await replanDealStages(engine, excluded(plan as DealStagePlan));
    expect((await perStage()).map((s) => [s.stage, s.reached, s.skipped])).toEqual([
      ["Early", 4, 0],
      ["Closed Won", 1, 0],
    ]);
    expect((await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).excludedEntries).toBe(2);
  });
});

describe("activity log with deal stage changes", () => {
  // | lead | deal | stage changes (2025)                          | result                               |
  // | L1   | DL1  | Discovery 01-05, Demo 01-15, Closed Won 02-01  | won (amount 6,000 on the last row)   |
  // | L2   | DL2  | Demo 01-03, Closed Lost 01-20                  | lost at Demo, skipped Discovery      |
  // | L3   | DL3  | Demo 01-10, Discovery 01-20                    | open at Demo, dates backwards        |
  // | L4   | DL4  | Discovery 02-01, Demo 02-05                    | open at Demo                         |
  // Discovery before Demo for DL1 and DL4, after it for DL3: Discovery first. Page views are not stage rows.
  // Reached: Discovery 4 (DL2 skipped), Demo 4, Closed Won 1. Moved on: 4, 1. Lost at Demo 1; open at Demo 2.
  const csv = [
    "lead_id,timestamp,activity,deal_id,stage,amount",
    "L1,2025-01-01,page_view,,,",
    "L1,2025-01-05,deal_stage_changed,DL1,Discovery,5000",
    "L1,2025-01-15,deal_stage_changed,DL1,Demo,5000",
    "L1,2025-02-01,Deal Stage Changed,DL1,Closed Won,6000",
    "L2,2025-01-03,deal_stage_changed,DL2,Demo,",
    "L2,2025-01-20,deal_stage_changed,DL2,Closed Lost,",
    "L3,2025-01-10,deal_stage_changed,DL3,Demo,",
    "L3,2025-01-20,deal_stage_changed,DL3,Discovery,",
    "L4,2025-02-01,deal_stage_changed,DL4,Discovery,",
    "L4,2025-02-05,deal_stage_changed,DL4,Demo,",
  ].join("\n");

  beforeAll(async () => {
    await importDeals("activity.csv", csv);
  });

  it("reads stage-change rows into the stages, linked to their lead", async () => {
    expect(await perStage()).toEqual([
      { stage: "Discovery", reached: 4, skipped: 1, moved_on: 4, lost: 0, open: 0 },
      { stage: "Demo", reached: 4, skipped: 0, moved_on: 1, lost: 1, open: 2 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    const rows = await stageRows();
    expect([...new Set(rows.map((r) => `${r.deal_id}:${r.lead_id}`))]).toEqual([
      "DL1:L1",
      "DL2:L2",
      "DL3:L3",
      "DL4:L4",
    ]);
    const [won] = await engine.query<{ amount: number }>(
      "SELECT amount FROM deal_outcomes WHERE deal_id = 'DL1'",
    );
    expect(won?.amount).toBe(6000);
    expect(await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).toMatchObject({
      deals: 4,
      placed: 4,
      datesBackwards: 1,
    });
  });
});

describe("HubSpot deals export with API column names", () => {
  // hs_v2_date_entered_<stage id>: the stage id read as HubSpot's label, the pipeline from the row.
  // H1 (default): appointment 01-02 → contract 01-20 (skipped Qualified To Buy) → won 02-01.
  // H2 (default): appointment 01-05 → qualified 01-08, open. H4 (default): appointment 01-03 → qualified
  // 01-06 → contract 01-15, open (the one deal that says Qualified To Buy comes before Contract Sent).
  // H3 (renewals): appointment 01-04, open.
  const csv = [
    "Record ID,Pipeline,Deal Stage,Create Date,hs_v2_date_entered_appointmentscheduled,hs_v2_date_entered_qualifiedtobuy,hs_v2_date_entered_contractsent,hs_v2_date_entered_closedwon,hs_v2_date_exited_appointmentscheduled",
    "H1,default,closedwon,2025-01-01,2025-01-02,,2025-01-20,2025-02-01,2025-01-20",
    "H2,default,qualifiedtobuy,2025-01-04,2025-01-05,2025-01-08,,,2025-01-08",
    "H3,renewals,appointmentscheduled,2025-01-04,2025-01-04,,,,",
    "H4,default,contractsent,2025-01-03,2025-01-03,2025-01-06,2025-01-15,,2025-01-06",
  ].join("\n");

  it("reads the stages under their labels, in the pipeline each row names", async () => {
    const { plan } = await importDeals("hubspot-api.csv", csv);
    expect(plan?.pipelines).toEqual([
      { pipeline: "default", deals: 3 },
      { pipeline: "renewals", deals: 1 },
    ]);
    expect(plan?.stages.map((s) => s.source)).toEqual([
      "Appointment Scheduled",
      "Qualified To Buy",
      "Contract Sent",
      "Closed Won",
    ]);
    expect(await perStage()).toEqual([
      { stage: "Appointment Scheduled", reached: 3, skipped: 0, moved_on: 3, lost: 0, open: 0 },
      { stage: "Qualified To Buy", reached: 3, skipped: 1, moved_on: 2, lost: 0, open: 1 },
      { stage: "Contract Sent", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    expect((await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).otherPipelines).toEqual([
      { pipeline: "renewals", deals: 1 },
    ]);
  });
});

describe("hostile stage names", () => {
  it("keeps quotes in headers and stage names out of the SQL text", async () => {
    // The header cell reads: Date entered "Buyer's "Yes" (Sales)" → stage Buyer's "Yes" in pipeline Sales.
    // Q1: Intro 01-02 → Buyer's "Yes" 01-09. Q2: Intro 01-03 only.
    const csv = [
      `Record ID,Pipeline,Create Date,"Date entered ""Intro (Sales)""","Date entered ""Buyer's ""Yes"" (Sales)"""`,
      "Q1,Sales,2025-01-01,2025-01-02,2025-01-09",
      "Q2,Sales,2025-01-01,2025-01-03,",
    ].join("\n");
    const { plan } = await importDeals("quotes.csv", csv);
    expect(plan?.stages.map((s) => s.source)).toEqual(["Intro", `Buyer's "Yes"`]);
    expect(await perStage()).toEqual([
      { stage: "Intro", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: `Buyer's "Yes"`, reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 1 },
    ]);
  });
});

describe("the history recognised for the mapping step", () => {
  it("is taken as given by the import instead of reading the files for it again", async () => {
    // A HubSpot export with history, imported with a history that says there is none: the import
    // trusts what it is given (the mapping step recognised it for the same plans), so no stage is built.
    const csv = [
      'Record ID,Deal Name,Deal Stage,Pipeline,Create Date,"Date entered ""Discovery (Sales)""","Date entered ""Closed Won (Sales)"""',
      "1,A,Closed Won,Sales,2025-01-02,2025-01-02,2025-02-01",
      "2,B,Discovery,Sales,2025-01-03,2025-01-03,",
    ].join("\n");
    const prepared = await prepareFiles(
      engine,
      [{ name: "given.csv", data: new TextEncoder().encode(csv) }],
      {
        now: new Date("2025-06-01T00:00:00Z"),
      },
    );
    const found = await recogniseDealStageHistory(engine, prepared);
    expect(found.sources).toHaveLength(1);
    await applyImport(engine, prepared, prepared.map(planFor), DEFAULT_DERIVE_SETTINGS, {
      dealStageHistory: { sources: [], plan: null },
    });
    expect(await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).toMatchObject({ deals: 0, placed: 0 });
  });
});

describe("files without stage history", () => {
  it("finds none in a plain opportunity report (one row per opportunity, no history headers)", async () => {
    const csv = [
      "Opportunity ID,Opportunity Name,Stage,Amount,Close Date,Last Modified Date",
      "0061,Acme,Closed Won,100,2025-02-01,2025-02-01",
      "0062,Beta,Proposal,200,2025-03-01,2025-02-10",
    ].join("\n");
    const { history } = await importDeals("opportunities.csv", csv);
    expect(history).toEqual({ sources: [], plan: null });
    expect(await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit)).toMatchObject({ deals: 0, placed: 0 });
  });
});
