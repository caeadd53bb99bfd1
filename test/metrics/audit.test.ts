// The data-quality audit on test/fixtures/audit-issues.csv (every problem a known number of times) and
// audit-clean.csv (none), with the answers worked out by hand below, and the verdict's thresholds.
//
// audit-issues.csv: 60 rows, 12 leads; the wall clock ("now") is 2025-07-01 00:00 UTC.
// | lead | what it holds                                              | counts towards                       |
// | A1   | clean: touch, every stage, amounts "5,000" and 5000        | (amounts: 2 rows, both numbers)      |
// | A2   | page_view ×2 + "Website Visit" at one moment (3 copies);   | duplicates: 2 + 1 + 1 = 4 extra;     |
// |      | webinar ×2 with no campaign; became_mql ×2; content_down-  | unknown "booth scan" 1               |
// |      | load in Spring and Summer (not a copy); "Booth Scan"       |                                      |
// | A3   | SQL 01-10, then MQL 01-15                                  | out of order; moved backwards        |
// | A4   | opportunity 02-05, then MQL 02-10 (no SAL, no SQL)         | out of order (skipped stages);       |
// |      |                                                            | moved backwards                      |
// | A5   | MQL 01-05, SQL 01-10, MQL again 02-01                      | moved backwards only (first dates    |
// |      |                                                            | are in order)                        |
// | A6   | MQL, rejected, MQL again, accepted; "Podcast Listen"       | unknown "podcast listen" 1; a second |
// |      |                                                            | MQL or a rejection is not a move back |
// | A7   | MQL 2026-01-15, SAL 2026-01-20, page view 2026-02-01       | future: 2 stage rows (3 rows in all);|
// |      |                                                            | the as-of date becomes 2026-02-01    |
// | A8   | SQL and MQL at the same moment (SQL first in the file)     | nothing: a tie has no order          |
// | A9   | lead, MQL only                                             | no activity                          |
// | A10  | lead, MQL, sales_review, sales_rejected                    | no activity (hand-off records are    |
// |      |                                                            | not touches)                         |
// | A11  | lead, "Podcast Listen" ×2                                  | unknown 2; an unknown activity is a  |
// |      |                                                            | touch, so not "no activity"          |
// | A12  | amounts "12k" (row 60) and "TBC" (row 61)                  | amounts as text: 2 of 4 amount rows  |
// Totals: duplicates 4 extra rows; out of order 2 leads (A3, A4); moved backwards 3 leads (A3, A4, A5);
// future stage rows 2 of 38 stage-change rows (3 rows of any kind); no activity 2 leads (A9, A10);
// amounts as text 2 of 4; unknown activities 4 rows: podcast listen 3, booth scan 1; every stage tracked.
// Stage-change rows per lead: A1 6, A2 3, A3 3, A4 2, A5 4, A6 5, A7 3, A8 3, A9 2, A10 3, A11 1, A12 3 = 38.
//
// Verdict (thresholds in src/model/audit.ts): moved backwards 3/12 = 25.0 % and amounts as text 2/4 = 50 %
// are above 20 % (poor); out of order 16.7 % (> 2 %), future 2/38 = 5.3 % (> 0), duplicates 4/60 = 6.7 %
// (> 1 %), unknown 6.7 % (> 5 %) and no activity 16.7 % (> 10 %) are caveats. The headline names the
// first poor check in the verdict's order: moved backwards.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { AUDIT_SUMMARY_SQL, queryAudit, TOP_UNKNOWN_ACTIVITIES_SQL } from "../../src/metrics/audit";
import { type AuditSeverity, auditVerdict, type DataAudit } from "../../src/model/audit";
import { importFixture, importFixtures, importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const NOW = new Date("2025-07-01T00:00:00Z");

let engine: SqlEngine;
/** The fixture audited at NOW, shared by the tests that only read it. */
let audit: DataAudit;

beforeAll(async () => {
  engine = await createNodeEngine();
  await importFixture(engine, "audit-issues.csv");
  audit = await queryAudit(engine, NOW);
});

describe("data-quality audit on the hand-checked fixture", () => {
  it("counts rows, leads and the as-of date, formatted in SQL", () => {
    expect(audit.eventRows).toBe(60);
    expect(audit.leads).toBe(12);
    expect(audit.asOf).toBe("2026-02-01");
    expect(audit.checkedOn).toBe("2025-07-01");
  });

  it("counts the extra copies of rows with the same lead, time, activity and campaign", () => {
    expect(audit.duplicates).toEqual({ extraRows: 4, exampleLeadId: "A2" });
  });

  it("counts leads with a later stage dated before an earlier one, skipped stages included", () => {
    expect(audit.outOfOrder).toEqual({ leads: 2, exampleLeadId: "A3" });
  });

  it("counts leads whose stage changes go back down the order, but not ties, repeats or rejections", () => {
    expect(audit.movedBackwards).toEqual({ leads: 3, exampleLeadId: "A3" });
  });

  it("counts stage changes dated after the wall clock", () => {
    expect(audit.futureDates).toEqual({ stageRows: 2, stageRowsTotal: 38, allRows: 3, exampleLeadId: "A7" });
  });

  it("does not count a date exactly at the wall clock as in the future", async () => {
    // A7's MQL is at 2026-01-15 10:00 exactly; its SAL (01-20) and page view (02-01) are later.
    const atMql = await queryAudit(engine, new Date("2026-01-15T10:00:00Z"));
    expect(atMql.futureDates).toMatchObject({ stageRows: 1, allRows: 2 });
  });

  it("dates the check in UTC, whatever the viewer's time zone", async () => {
    // 02:00 UTC on 1 July is still 30 June in New York (the test time zone).
    const lateEvening = await queryAudit(engine, new Date("2025-07-01T02:00:00Z"));
    expect(lateEvening.checkedOn).toBe("2025-07-01");
  });

  it("counts leads with stage changes and hand-off records but no touch", () => {
    expect(audit.noActivity).toEqual({ leads: 2, exampleLeadId: "A10" });
  });

  it("counts amounts that are not numbers, with the first one as an example", () => {
    expect(audit.amountsAsText).toEqual({
      rows: 2,
      amountRows: 4,
      example: { value: "12k", file: "audit-issues.csv", row: 60 },
    });
  });

  it("counts unrecognised activities and lists the most frequent", () => {
    expect(audit.unknownActivities).toEqual({
      rows: 4,
      top: [
        { activity: "podcast listen", rows: 3 },
        { activity: "booth scan", rows: 1 },
      ],
    });
  });

  it("reports every stage as tracked", () => {
    expect(audit.trackedStages).toEqual({
      lead: true,
      mql: true,
      sal: true,
      sql: true,
      opportunity: true,
      deal: true,
    });
  });

  it("calls the data poor, naming the first check above 20 %", () => {
    const verdict = auditVerdict(audit);
    expect(verdict.level).toBe("poor");
    expect(verdict.headline).toBe(
      "Not reliable as it is: 25.0 % of leads moved backwards through the stages. 6 more checks need attention.",
    );
    expect(verdict.details.map((d) => [d.id, d.value, d.severity])).toEqual([
      ["tracked_stages", "All 6", "ok"],
      ["out_of_order", "2 leads (16.7 %)", "warn"],
      ["moved_backwards", "3 leads (25.0 %)", "bad"],
      ["future_dates", "2 rows", "warn"],
      ["implausible_dates", "0 rows", "ok"],
      ["duplicates", "4 extra copies (6.7 % of rows)", "warn"],
      ["amounts_as_text", "2 rows (50.0 % of amounts)", "bad"],
      ["unknown_activities", "6.7 % of rows (4 of 60)", "warn"],
      ["no_activity", "2 leads (16.7 %)", "warn"],
    ]);
    const amounts = verdict.details.find((d) => d.id === "amounts_as_text");
    expect(amounts?.explanation).toContain("row 60: '12k'");
  });

  it("passes an EXPLAIN check", async () => {
    await expect(
      engine.query(`EXPLAIN ${AUDIT_SUMMARY_SQL}`, ["2025-07-01 00:00:00", "2025-07-01 00:00:00"]),
    ).resolves.toBeTruthy();
    await expect(engine.query(`EXPLAIN ${TOP_UNKNOWN_ACTIVITIES_SQL}`)).resolves.toBeTruthy();
  });
});

describe("data-quality audit on clean and partial data", () => {
  it("finds nothing wrong in a clean file and calls it good", async () => {
    const local = await createNodeEngine();
    await importFixture(local, "audit-clean.csv");
    const clean = await queryAudit(local, NOW);
    expect(clean).toMatchObject({
      eventRows: 18,
      leads: 3,
      asOf: "2025-04-01",
      duplicates: { extraRows: 0, exampleLeadId: null },
      outOfOrder: { leads: 0 },
      movedBackwards: { leads: 0 },
      futureDates: { stageRows: 0, allRows: 0 },
      noActivity: { leads: 0 },
      amountsAsText: { rows: 0, amountRows: 4, example: null },
      unknownActivities: { rows: 0, top: [] },
    });
    const verdict = auditVerdict(clean);
    expect(verdict.level).toBe("good");
    expect(verdict.headline).toBe("Good to use: no problems found in 18 rows from 3 leads.");
    expect(verdict.details.every((d) => d.severity === "ok")).toBe(true);
  });

  it("says where a deals-only file's funnel starts instead of calling it poor", async () => {
    const local = await createNodeEngine();
    await importText(
      local,
      "deals.csv",
      "lead_id,occurred_at,activity\nD1,2025-01-01,opportunity_created\nD1,2025-02-01,deal_won\n" +
        "D2,2025-01-05,opportunity_created\nD2,2025-02-05,deal_lost\n",
    );
    const dealsOnly = await queryAudit(local, NOW);
    // SPEC: a file of opportunities alone starts the funnel at opportunity; earlier stages are not tracked.
    expect(dealsOnly.trackedStages).toEqual({
      lead: false,
      mql: false,
      sal: false,
      sql: false,
      opportunity: true,
      deal: true,
    });
    // 4 rows from 2 opportunities; no touches is the nature of a deals file, not a caveat.
    const verdict = auditVerdict(dealsOnly);
    expect(verdict.level).toBe("good");
    expect(verdict.headline).toBe(
      "The funnel starts at opportunity: the data holds deals / opportunities only, so Lead, MQL, SAL " +
        "and SQL are not tracked (import a lead or contact file with it to see them). Good to use: no " +
        "problems found in 4 rows from 2 opportunities.",
    );
    expect(verdict.details[0]).toMatchObject({
      value: "2 of 6 (not tracked: Lead, MQL, SAL, SQL)",
      severity: "ok",
    });
    expect(verdict.details.find((d) => d.id === "no_activity")?.severity).toBe("ok");
  });

  it("audits a deals export with two-digit years as 2016–2017 deals, funnel from opportunity", async () => {
    // deals-two-digit-years.csv (test/import/dates.test.ts): 4 deals, 7 events, read as DD-MM-YY, so
    // no date is before 1970 or after 2026-07-01, and the as-of date is 2017-12-31, not 0031-12-17.
    const local = await createNodeEngine();
    await importFixtures(local, ["deals-two-digit-years.csv"]);
    const deals = await queryAudit(local, NOW);
    expect(deals).toMatchObject({
      eventRows: 7,
      leads: 4,
      asOf: "2017-12-31",
      implausibleDates: { early: 0, late: 0, lateAfter: "2026-07-01" },
    });
    expect(auditVerdict(deals).headline).toMatch(
      /^The funnel starts at opportunity: .* Good to use: no problems found in 7 rows from 4 opportunities\.$/,
    );
  });

  it("counts dates before 1970 or more than a year ahead", async () => {
    // dates-implausible.csv: 6 rows; 1916-10-20 (P1) and 1969-12-31 23:59:59 (P3) are before 1970;
    // 2099-12-31 (P2) is after 2026-07-01, a year after NOW. 3 of 6 rows = 50 % > 20 %: poor.
    const local = await createNodeEngine();
    await importFixture(local, "dates-implausible.csv");
    const implausible = await queryAudit(local, NOW);
    expect(implausible.implausibleDates).toEqual({
      early: 2,
      late: 1,
      earliest: "1916-10-20",
      latest: "2099-12-31",
      lateAfter: "2026-07-01",
      exampleLeadId: "P1",
    });
    const check = auditVerdict(implausible).details.find((d) => d.id === "implausible_dates");
    expect(check).toMatchObject({
      value: "3 rows (2 before 1970, earliest 1916-10-20; 1 after 2026-07-01, latest 2099-12-31)",
      severity: "bad",
    });
    expect(check?.explanation).toContain("Example: lead P1.");
  });
});

/** A clean audit of 1,000 rows and 100 leads to vary one number at a time. */
function cleanAudit(overrides: Partial<DataAudit> = {}): DataAudit {
  return {
    eventRows: 1000,
    leads: 100,
    asOf: "2025-06-30",
    checkedOn: "2025-07-01",
    duplicates: { extraRows: 0, exampleLeadId: null },
    outOfOrder: { leads: 0, exampleLeadId: null },
    movedBackwards: { leads: 0, exampleLeadId: null },
    futureDates: { stageRows: 0, stageRowsTotal: 400, allRows: 0, exampleLeadId: null },
    implausibleDates: {
      early: 0,
      late: 0,
      earliest: null,
      latest: null,
      lateAfter: "2026-07-01",
      exampleLeadId: null,
    },
    noActivity: { leads: 0, exampleLeadId: null },
    amountsAsText: { rows: 0, amountRows: 50, example: null },
    unknownActivities: { rows: 0, top: [] },
    trackedStages: { lead: true, mql: true, sal: true, sql: true, opportunity: true, deal: true },
    ...overrides,
  };
}

const severity = (sample: DataAudit, id: string): AuditSeverity | undefined =>
  auditVerdict(sample).details.find((d) => d.id === id)?.severity;

describe("audit verdict thresholds", () => {
  it.each([
    [50, "ok"],
    [51, "warn"],
    [200, "warn"],
    [201, "bad"],
  ] as const)("unknown activities on %i of 1,000 rows are %s", (rows, expected) => {
    expect(severity(cleanAudit({ unknownActivities: { rows, top: [] } }), "unknown_activities")).toBe(
      expected,
    );
  });

  it.each([
    [2, "ok"],
    [3, "warn"],
    [21, "bad"],
  ] as const)("stage dates out of order for %i of 100 leads are %s", (leads, expected) => {
    expect(severity(cleanAudit({ outOfOrder: { leads, exampleLeadId: "L1" } }), "out_of_order")).toBe(
      expected,
    );
  });

  it("never calls leads without activity poor on their own", () => {
    const noTouches = cleanAudit({ noActivity: { leads: 100, exampleLeadId: "L1" } });
    expect(severity(noTouches, "no_activity")).toBe("warn");
    expect(auditVerdict(noTouches).level).toBe("caveats");
  });

  it("names the deal stage history's findings in the data-quality panel, as a caveat", () => {
    const history = {
      deals: 40,
      placed: 37,
      otherPipelines: [{ pipeline: "Renewals", deals: 2 }],
      closedWithoutHistory: { won: 1, lost: 0 },
      openWithoutHistory: 0,
      datesBackwards: 0,
      reenteredDeals: 0,
      reentries: 0,
      stagesWithoutDates: [],
      undatedEntries: 0,
      excludedEntries: 0,
    };
    const verdict = auditVerdict(cleanAudit({ dealStages: history }));
    const check = verdict.details.find((d) => d.id === "deal_stage_history");
    expect(check).toMatchObject({ severity: "warn", value: "2 findings in 40 deals" });
    expect(check?.explanation).toBe(
      "2 deals in another pipeline (Renewals) are left out. 1 deal closed (1 won, 0 lost) with no stage " +
        "date: they count in the win rate, not in any stage.",
    );
    expect(verdict.headline).toBe("Usable with caveats: the deal stage history has 2 findings.");
    // Clean history: listed as fine; no history at all: no such check.
    const clean = { ...history, placed: 40, otherPipelines: [], closedWithoutHistory: { won: 0, lost: 0 } };
    expect(severity(cleanAudit({ dealStages: clean }), "deal_stage_history")).toBe("ok");
    expect(severity(cleanAudit(), "deal_stage_history")).toBeUndefined();
  });

  it("flags a single future stage date", () => {
    const future = cleanAudit({
      futureDates: { stageRows: 1, stageRowsTotal: 400, allRows: 1, exampleLeadId: "L9" },
    });
    expect(auditVerdict(future).headline).toBe("Usable with caveats: 1 stage change is dated after today.");
  });

  it("words the issue's example headline", () => {
    const unknown = cleanAudit({
      eventRows: 5000,
      unknownActivities: { rows: 300, top: [{ activity: "podcast listen", rows: 300 }] },
    });
    expect(auditVerdict(unknown)).toMatchObject({
      level: "caveats",
      headline: "Usable with caveats: 6.0 % of rows have activities we don't recognise.",
    });
  });

  it("treats an untracked SAL as a caveat and an untracked MQL as poor", () => {
    const tracked = cleanAudit().trackedStages;
    expect(auditVerdict(cleanAudit({ trackedStages: { ...tracked, sal: false } })).headline).toBe(
      "Usable with caveats: SAL is not tracked, so no rate through it is shown.",
    );
    expect(auditVerdict(cleanAudit({ trackedStages: { ...tracked, mql: false } })).level).toBe("poor");
  });

  it("never accepts a single date before 1970 silently", () => {
    const early = cleanAudit({
      implausibleDates: {
        early: 1,
        late: 0,
        earliest: "1916-10-20",
        latest: null,
        lateAfter: "2026-07-01",
        exampleLeadId: "L7",
      },
    });
    // 1 of 1,000 rows: above the 0 % caveat limit, under the 20 % poor one.
    expect(auditVerdict(early)).toMatchObject({
      level: "caveats",
      headline:
        "Usable with caveats: 1 row is dated before 1970 or more than a year ahead (1 before 1970, earliest 1916-10-20).",
    });
  });

  it("keeps a deals-only workspace's verdict about its own checks, after saying where it starts", () => {
    const dealsOnly = cleanAudit({
      trackedStages: { lead: false, mql: false, sal: false, sql: false, opportunity: true, deal: false },
      noActivity: { leads: 100, exampleLeadId: "D1" },
    });
    // Deal untracked (no won or lost dates) after the start is a caveat; no touches is not.
    expect(auditVerdict(dealsOnly)).toMatchObject({
      level: "caveats",
      headline:
        "The funnel starts at opportunity: the data holds deals / opportunities only, so Lead, MQL, SAL " +
        "and SQL are not tracked (import a lead or contact file with it to see them). Usable with caveats: " +
        "Deal is not tracked either, so no rate through it is shown.",
    });
  });

  it("calls an empty workspace poor", () => {
    expect(auditVerdict(cleanAudit({ eventRows: 0, leads: 0 })).level).toBe("poor");
  });
});
