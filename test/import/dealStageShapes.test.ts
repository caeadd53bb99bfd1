// The deal stage-history shapes issue #18 added last: HubSpot stage and pipeline ids beside (or instead of)
// their labels, Salesforce's opportunity field history, and one deal in several files. Fixtures are in
// test/fixtures/deal-stages/; every count below is worked out by hand in the comment above its test.

import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { hubspotStageColumn } from "../../src/import/dealStageShapes";
import { queryAsOf } from "../../src/metrics/segments";
import { type DealStageAudit, type DealStagePlan, stageHistoryFindings } from "../../src/model/pipeline";
import { LIVE_DEAL_TABLES, queryDealStageAudit } from "../../src/warehouse/dealStages";
import { importWithStageHistory } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../fixtures/deal-stages", name), "utf8");

/** The files imported as the mapping step would; the plan it proposed. */
async function importFiles(files: { name: string; csv: string }[]) {
  const { history, summary } = await importWithStageHistory(engine, files);
  return { history, plan: history.plan as DealStagePlan, summary };
}

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

const audit = (): Promise<DealStageAudit> => queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit);

const stagesOf = (plan: DealStagePlan) => plan.stages.map((s) => [s.source, s.entries]);

describe("HubSpot export with labelled and id stage columns", () => {
  // hubspot-labels-and-ids.csv: every Sales Pipeline stage twice or three times — `Date entered "<stage>
  // (Sales Pipeline)"` and hs_v2_date_entered_<id> (appointment scheduled also hs_date_entered_…).
  // Negotiation's id is 1234567 (same dates as its labelled column); 7654321 has no labelled column;
  // 5550002 is Renewals' Onboarding (same dates). Pipeline cells: "default" (= Sales Pipeline, where
  // their deals' labelled dates are), "Sales Pipeline", and 5550001 (= Renewals, P6's dates).
  // | deal | Appt Sched.     | Qualified | Negotiation | 7654321 | won   | lost  |
  // | P1   | 01-02           | 01-05     | 01-10       |         | 01-20 |       | won
  // | P2   | 01-03           | 01-08     |             |         |       | 01-25 | lost at Qualified To Buy
  // | P3   | 01-04           |           | 01-12       |         |       |       | open, skipped Qualified
  // | P4   | (ids only) 01-06|           |             |         |       |       | open at Appt Sched.
  // | P5   | 01-07           | 01-09     |             | 01-15   |       |       | open, skipped Negotiation
  // Each stage counts once per deal: entries 5, 3, 2, 1, 1, 1 and no re-entry (counted per column, every
  // deal would have re-entered Appointment Scheduled twice). Reached: 5, 4 (P3 skipped), 3 (P5 skipped),
  // 2 (P1 skipped), won 1. Moved on: 4, 3, 2, 1. Lost at Qualified To Buy: 1. Open: 1, 0, 1, 1.
  // Order: 7654321 ties Negotiation on pairwise majorities (no deal has both); its mean place is later.
  let plan: DealStagePlan;

  beforeAll(async () => {
    ({ plan } = await importFiles([
      { name: "hubspot-labels-and-ids.csv", csv: fixture("hubspot-labels-and-ids.csv") },
    ]));
  });

  it("reads id columns as HubSpot's labels, numeric ids as written, and knows the older hs_ name", () => {
    expect(hubspotStageColumn("hs_v2_date_entered_decisionmakerboughtin")).toMatchObject({
      stage: "Decision Maker Bought-In",
      stageId: "decisionmakerboughtin",
      preference: 1,
    });
    expect(hubspotStageColumn("hs_date_entered_1234567")).toMatchObject({
      stage: "1234567",
      pipeline: null,
      preference: 2,
    });
  });

  it("lists each stage once under its label, in the pipeline the ids stand for", () => {
    expect(plan.pipelines).toEqual([
      { pipeline: "Sales Pipeline", deals: 5 },
      { pipeline: "Renewals", deals: 1 },
    ]);
    expect(stagesOf(plan)).toEqual([
      ["Appointment Scheduled", 5],
      ["Qualified To Buy", 3],
      ["Negotiation", 2],
      ["7654321", 1],
      ["Closed Won", 1],
      ["Closed Lost", 1],
    ]);
    expect(plan.found.filter((s) => s.pipeline === "Renewals" && s.entries > 0).map((s) => s.source)).toEqual(
      ["Onboarding"],
    );
  });

  it("counts every deal once per stage", async () => {
    expect(await perStage()).toEqual([
      { stage: "Appointment Scheduled", reached: 5, skipped: 0, moved_on: 4, lost: 0, open: 1 },
      { stage: "Qualified To Buy", reached: 4, skipped: 1, moved_on: 3, lost: 1, open: 0 },
      { stage: "Negotiation", reached: 3, skipped: 1, moved_on: 2, lost: 0, open: 1 },
      { stage: "7654321", reached: 2, skipped: 1, moved_on: 1, lost: 0, open: 1 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    expect(await audit()).toMatchObject({
      deals: 6,
      placed: 5,
      otherPipelines: [{ pipeline: "Renewals", deals: 1 }],
      reenteredDeals: 0,
      reentries: 0,
      undatedEntries: 0,
      datesBackwards: 0,
    });
  });
});

describe("HubSpot export with id columns only, or ids and one labelled pipeline", () => {
  it("uses id columns as stages, an hs_ column when its hs_v2_ twin is empty, never both", async () => {
    // I1: appointment scheduled 01-02 in both id columns, 9876543 on 01-09. I2: only the older
    // hs_date_entered_ column has its date (01-04). Entries: Appointment Scheduled 2, 9876543 1.
    const csv = [
      "Record ID,Pipeline,Create Date,hs_v2_date_entered_appointmentscheduled,hs_date_entered_appointmentscheduled,hs_v2_date_entered_9876543",
      "I1,default,2025-01-01,2025-01-02,2025-01-02,2025-01-09",
      "I2,default,2025-01-03,,2025-01-04,",
    ].join("\n");
    const { plan } = await importFiles([{ name: "ids.csv", csv }]);
    expect(plan.pipelines).toEqual([{ pipeline: "default", deals: 2 }]);
    expect(stagesOf(plan)).toEqual([
      ["Appointment Scheduled", 2],
      ["9876543", 1],
    ]);
    expect(await perStage()).toEqual([
      { stage: "Appointment Scheduled", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "9876543", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 1 },
    ]);
    expect(await audit()).toMatchObject({ reentries: 0 });
  });

  it("reads Pipeline 'default' as the one pipeline the labelled columns name", async () => {
    // R1 is in "default" with only an id date (closedwon 01-20: no labelled Closed Won column), R2 in
    // Main (Discovery 01-03). Both are Main's deals: 2 deals, none in another pipeline.
    const csv = [
      `Record ID,Pipeline,Deal Stage,Create Date,"Date entered ""Discovery (Main)""",hs_v2_date_entered_closedwon`,
      "R1,default,closedwon,2025-01-01,,2025-01-20",
      "R2,Main,discovery,2025-01-02,2025-01-03,",
    ].join("\n");
    const { plan } = await importFiles([{ name: "one-pipeline.csv", csv }]);
    expect(plan.pipelines).toEqual([{ pipeline: "Main", deals: 2 }]);
    expect(stagesOf(plan)).toEqual([
      ["Discovery", 1],
      ["Closed Won", 1],
    ]);
    expect(await audit()).toMatchObject({ deals: 2, placed: 2, otherPipelines: [] });
  });
});

describe("Salesforce opportunity field history with a linked opportunity report", () => {
  // opportunity-field-history.csv (one row per field change) beside opportunities.csv (006A, 006D, 006E
  // with created dates). Stage rows enter their New Value at the Edit Date; the Old Value of a deal's
  // earliest Stage row (by date, not file order: 006D's rows are reversed) was entered when it was created.
  // | opp  | created (from)          | stages entered                                   | other rows    |
  // | 006A | 01-01 (opportunities)   | Prospecting 01-01, Qualification 01-05, Won 01-20 | Amount        |
  // | 006B | 01-02 (Created. event)  | Prospecting 01-02, Qualification 01-10, Lost 01-30 | Close Date  |
  // | 006C | none                    | Prospecting undated, Proposal 01-15              | Opportunity Owner |
  // | 006D | 01-03 (opportunities)   | Prospecting 01-03, Qualification 01-08, Proposal 01-18 |         |
  // | 006E | 01-04 (opportunities)   | no history: open without history                 |               |
  // Reached: Prospecting 4 (006C skipped: its entry has no date), Qualification 4 (006C skipped),
  // Proposal 3 (006A skipped), Closed Won 1. Moved on: 4, 3, 1. Lost at Qualification 1 (006B).
  // Open at Proposal 2. Days: 006A 4 (01-01 → 01-05), 15 (to the won date, Proposal skipped); 006B 8.
  // Audit: 5 deals, 4 placed, 1 undated entry, 3 other-field rows, 2 deals in both files.
  let plan: DealStagePlan;

  beforeAll(async () => {
    ({ plan } = await importFiles([
      { name: "opportunity-field-history.csv", csv: fixture("opportunity-field-history.csv") },
      { name: "opportunities.csv", csv: fixture("opportunities.csv") },
    ]));
  });

  it("finds the stages in the Stage rows only", () => {
    expect(plan.pipeline).toBeNull();
    expect(stagesOf(plan)).toEqual([
      ["Prospecting", 3],
      ["Qualification", 3],
      ["Proposal", 2],
      ["Closed Won", 1],
      ["Closed Lost", 1],
    ]);
  });

  it("counts each stage from the New Values, the first Old Value at the created date", async () => {
    expect(await perStage()).toEqual([
      { stage: "Prospecting", reached: 4, skipped: 1, moved_on: 4, lost: 0, open: 0 },
      { stage: "Qualification", reached: 4, skipped: 1, moved_on: 3, lost: 1, open: 0 },
      { stage: "Proposal", reached: 3, skipped: 1, moved_on: 1, lost: 0, open: 2 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    const days = await engine.query<{ deal_id: string; days: number | null }>(
      `SELECT deal_id, days_in_stage AS days FROM deal_stages WHERE deal_id IN ('006A', '006B') ORDER BY deal_id, position`,
    );
    expect(days.map((d) => [d.deal_id, d.days])).toEqual([
      ["006A", 4],
      ["006A", 15],
      ["006A", null],
      ["006A", null],
      ["006B", 8],
      ["006B", null],
    ]);
  });

  it("counts the other fields' rows, the undated first stage and the deals in both files in the audit", async () => {
    const found = await audit();
    expect(found).toMatchObject({
      deals: 5,
      placed: 4,
      openWithoutHistory: 1,
      undatedEntries: 1,
      reentries: 0,
      datesBackwards: 0,
      dealsInSeveralFiles: 2,
      otherFieldChanges: [
        { field: "Amount", rows: 1 },
        { field: "Close Date", rows: 1 },
        { field: "Opportunity Owner", rows: 1 },
      ],
    });
    expect(stageHistoryFindings(found)).toContain(
      "3 field history rows change another field than the stage and are not read (Amount 1, Close Date 1, " +
        "Opportunity Owner 1).",
    );
  });

  it("takes outcome and amount from the opportunity report", async () => {
    const deals = await engine.query<{ deal_id: string; amount: number | null; outcome: string | null }>(
      "SELECT deal_id, amount, outcome FROM deal_outcomes ORDER BY deal_id",
    );
    expect(deals.map((d) => [d.deal_id, d.amount, d.outcome])).toEqual([
      ["006A", 1500, "won"],
      ["006B", null, "lost"],
      ["006C", null, null],
      ["006D", 800, null],
      ["006E", 400, null],
    ]);
  });
});

describe("Salesforce opportunity field history alone, with its created date", () => {
  it("dates the first stage at the file's Created Date and counts the Amount row", async () => {
    // F1: created 01-01 in Prospecting, Negotiation 01-11 (10 days in Prospecting), an Amount change 01-12.
    // F2: created 01-02 in Prospecting, Closed Lost 01-07. Reached: Prospecting 2, Negotiation 1; lost at
    // Prospecting 1, open at Negotiation 1.
    const csv = [
      "Opportunity ID,Created Date,Field / Event,Old Value,New Value,Edit Date",
      "F1,2025-01-01,Stage,Prospecting,Negotiation,2025-01-11",
      "F1,2025-01-01,Amount,100,200,2025-01-12",
      "F2,2025-01-02,StageName,Prospecting,Closed Lost,2025-01-07",
    ].join("\n");
    const { plan } = await importFiles([{ name: "field-history.csv", csv }]);
    expect(stagesOf(plan)).toEqual([
      ["Prospecting", 2],
      ["Negotiation", 1],
      ["Closed Lost", 1],
    ]);
    expect(await perStage()).toEqual([
      { stage: "Prospecting", reached: 2, skipped: 0, moved_on: 1, lost: 1, open: 0 },
      { stage: "Negotiation", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 1 },
    ]);
    const [f1] = await engine.query<{ days: number }>(
      "SELECT days_in_stage AS days FROM deal_stages WHERE deal_id = 'F1' AND position = 1",
    );
    expect(f1?.days).toBe(10);
    expect(await audit()).toMatchObject({
      deals: 2,
      undatedEntries: 0,
      dealsInSeveralFiles: 0,
      otherFieldChanges: [{ field: "Amount", rows: 1 }],
    });
  });
});

describe("one deal in two files", () => {
  // hubspot-deals-january.csv: D1 at Demo ($1,000), D2 lost at Discovery, D3 at Discovery.
  // hubspot-deals-march.csv: D1 won 02-10 ($1,200), D3 at Demo 02-01, D4 new at Discovery.
  // 4 deals, not 6; D1 and D3 are in both files. Their shared dates are one entry each (no re-entry),
  // and D1's outcome and amount come from March, the file with its latest date (02-10), in either file
  // order. Reached: Discovery 4, Demo 2 (D1 D3), Closed Won 1 (D1). Moved on 2, 1. Lost at Discovery 1
  // (D2). Open: Discovery 1 (D4), Demo 1 (D3). The lead funnel: 4 opportunities, 1 deal won.
  const january = { name: "hubspot-deals-january.csv", csv: fixture("hubspot-deals-january.csv") };
  const march = { name: "hubspot-deals-march.csv", csv: fixture("hubspot-deals-march.csv") };

  it.each([
    ["January then March", [january, march]],
    ["March then January", [march, january]],
  ])("counts the deal once in reached and won (%s)", async (_order, files) => {
    const { plan } = await importFiles(files);
    expect(stagesOf(plan)).toEqual([
      ["Discovery", 4],
      ["Demo", 2],
      ["Closed Won", 1],
      ["Closed Lost", 1],
    ]);
    expect(await perStage()).toEqual([
      { stage: "Discovery", reached: 4, skipped: 0, moved_on: 2, lost: 1, open: 1 },
      { stage: "Demo", reached: 2, skipped: 0, moved_on: 1, lost: 0, open: 1 },
      { stage: "Closed Won", reached: 1, skipped: 0, moved_on: 0, lost: 0, open: 0 },
    ]);
    const deals = await engine.query<{ deal_id: string; amount: number; outcome: string | null }>(
      "SELECT deal_id, amount, outcome FROM deal_outcomes ORDER BY deal_id",
    );
    expect(deals.map((d) => [d.deal_id, d.amount, d.outcome])).toEqual([
      ["D1", 1200, "won"],
      ["D2", 500, "lost"],
      ["D3", 700, null],
      ["D4", 300, null],
    ]);
    const [funnel] = await engine.query<{ opportunities: number; won: number }>(
      `SELECT count(opportunity_reached_at)::INTEGER AS opportunities, count(deal_reached_at)::INTEGER AS won
       FROM lead_stages`,
    );
    expect(funnel).toEqual({ opportunities: 4, won: 1 });
    const found = await audit();
    expect(found).toMatchObject({
      deals: 4,
      placed: 4,
      reenteredDeals: 0,
      reentries: 0,
      dealsInSeveralFiles: 2,
    });
    expect(stageHistoryFindings(found)).toEqual([
      "2 deals are in more than one file: each counts once, its stage dates merged (the first entry of a stage " +
        "counts) and its amount, outcome and close date taken from the file with its latest date.",
    ]);
  });
});

describe("Salesforce opportunity history whose rows repeat the stage", () => {
  // Opportunity History writes a row for an Amount or Close Date change too, its From and To Stage the
  // same: not an entry. 006R moves back to Prospecting and forward again: one deal, two re-entries
  // (Prospecting on 01-10, Qualification on 01-15). 006S's repeated Prospecting rows are not re-entries.
  it("counts only arrivals after leaving a stage as re-entries", async () => {
    const header = '"Opportunity ID","From Stage","To Stage","Amount","Close Date","Last Modified"';
    const rows = [
      '"006S","","Prospecting","100","3/1/2025","1/2/2025"',
      '"006S","Prospecting","Prospecting","200","3/1/2025","1/5/2025"',
      '"006S","Prospecting","Prospecting","250","3/8/2025","1/6/2025"',
      '"006S","Prospecting","Qualification","250","3/8/2025","1/20/2025"',
      '"006R","","Prospecting","100","3/1/2025","1/2/2025"',
      '"006R","Prospecting","Qualification","100","3/1/2025","1/5/2025"',
      '"006R","Qualification","Prospecting","100","3/1/2025","1/10/2025"',
      '"006R","Prospecting","Qualification","100","3/1/2025","1/15/2025"',
    ];
    await importFiles([{ name: "opportunity-history.csv", csv: [header, ...rows].join("\n") }]);
    expect(await audit()).toMatchObject({ reenteredDeals: 1, reentries: 2 });
    // The first entry counts: both deals entered Prospecting on 01-02, Qualification on 01-20 and 01-05.
    const entered = await engine.query<{ deal_id: string; stage: string; day: string }>(
      "SELECT deal_id, stage, strftime(entered_at, '%m-%d') AS day FROM deal_stages ORDER BY deal_id, position",
    );
    expect(entered).toEqual([
      { deal_id: "006R", stage: "Prospecting", day: "01-02" },
      { deal_id: "006R", stage: "Qualification", day: "01-05" },
      { deal_id: "006S", stage: "Prospecting", day: "01-02" },
      { deal_id: "006S", stage: "Qualification", day: "01-20" },
    ]);
  });
});

describe("Salesforce opportunity history without created dates", () => {
  // Each history row carries the deal's Close Date: for an open deal only the expected one (A: 12/31/2025).
  // The opportunity dates from the deal's first stage entry (A 01-02, B 01-05), never from an expected close,
  // so "now" is the data's last date, B's loss on 01-25, not A's expected close.
  it("dates each opportunity from its first stage entry and keeps 'now' within the data", async () => {
    const csv = [
      '"Opportunity ID","From Stage","To Stage","Amount","Close Date","Last Modified"',
      '"A","","Prospecting","100","12/31/2025","1/2/2025"',
      '"A","Prospecting","Qualification","100","12/31/2025","1/20/2025"',
      '"B","","Prospecting","100","3/1/2025","1/5/2025"',
      '"B","Prospecting","Closed Lost","100","1/25/2025","1/25/2025"',
    ].join("\n");
    await importFiles([{ name: "opportunity-history.csv", csv }]);
    expect(await queryAsOf(engine)).toBe("2025-01-25");
    const leads = await engine.query<{ lead_id: string; opportunity: string; status: string }>(
      "SELECT lead_id, strftime(opportunity_at, '%Y-%m-%d') AS opportunity, status FROM lead_stages ORDER BY lead_id",
    );
    expect(leads).toEqual([
      { lead_id: "A", opportunity: "2025-01-02", status: "in_progress" },
      { lead_id: "B", opportunity: "2025-01-05", status: "lost" },
    ]);
  });
});
