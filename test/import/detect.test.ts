// Column auto-detection and date-format choice: pure functions, table-driven.

import { describe, expect, it } from "vitest";
import { chooseDateFormat, type DateColumnStats } from "../../src/import/dates";
import { normaliseHeader } from "../../src/import/detect";
import { detectFields, missingFields, proposeKind } from "../../src/import/fields";
import { activityAliases, vocabularyKey } from "../../src/import/vocabulary";

describe("column auto-detection", () => {
  it.each([
    [
      ["lead_id", "occurred_at", "activity"],
      { lead_id: "lead_id", occurred_at: "occurred_at", activity: "activity" },
    ],
    [
      ["Contact ID", "Timestamp", "Activity Type"],
      { lead_id: "Contact ID", occurred_at: "Timestamp", activity: "Activity Type" },
    ],
    [
      ["Contact: Contact ID", "Event Date", "Event Name"],
      { lead_id: "Contact: Contact ID", occurred_at: "Event Date", activity: "Event Name" },
    ],
    [["Email", "Date", "Type"], { lead_id: "Email", occurred_at: "Date", activity: "Type" }],
  ])("maps %j", (headers, expected) => {
    expect(detectFields("activity", headers)).toMatchObject(expected);
  });

  it("prefers the canonical name over a synonym and uses each header once", () => {
    const mapping = detectFields("activity", ["id", "lead_id", "date", "time", "event", "activity"]);
    expect(mapping).toMatchObject({ lead_id: "lead_id", occurred_at: "time", activity: "activity" });
  });

  it("maps utm_campaign and Sales Team", () => {
    expect(detectFields("activity", ["utm_campaign", "Sales Team"])).toEqual({
      campaign: "utm_campaign",
      team: "Sales Team",
    });
  });

  it("names the required fields it could not find", () => {
    expect(
      missingFields("activity", detectFields("activity", ["name", "city", "date"])).map((f) => f.id),
    ).toEqual(["lead_id", "activity"]);
  });

  it("normalises headers case-, space- and punctuation-insensitively", () => {
    expect(normaliseHeader("\uFEFFLead-ID ")).toBe("lead id");
    expect(normaliseHeader("Duration (s)")).toBe("duration s");
  });
});

describe("file kind and CRM headers", () => {
  it.each([
    [["lead_id", "occurred_at", "activity"], "activity"],
    [
      ["Record ID", "Email", "Lifecycle Stage", "Create Date", "Became a Marketing Qualified Lead Date"],
      "leads",
    ],
    [
      [
        "Lead ID",
        "Lead Owner",
        "Lead Status",
        "Created Date",
        "Converted",
        "Converted Date",
        "Converted Opportunity ID",
      ],
      "leads",
    ],
    [["Opportunity ID", "Opportunity Name", "Stage", "Amount", "Close Date", "Created Date", "Won"], "deals"],
    [["Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Create Date", "Close Date"], "deals"],
    [["Campaign Name", "Actual Cost in Campaign"], "spend"],
  ])("proposes %j as %s", (headers, kind) => {
    expect(proposeKind(headers)).toBe(kind);
  });

  it("recognises every HubSpot spelling of a lifecycle stage date", () => {
    const mapping = detectFields("leads", [
      "Record ID",
      'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
      'Date exited "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
      "hs_lifecyclestage_salesqualifiedlead_date",
      "hs_v2_date_entered_opportunity",
      "Became a Customer Date",
    ]);
    expect(mapping).toMatchObject({
      lead_id: "Record ID",
      mql_at: 'Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"',
      sql_at: "hs_lifecyclestage_salesqualifiedlead_date",
      opportunity_at: "hs_v2_date_entered_opportunity",
      won_at: "Became a Customer Date",
    });
  });

  it("sees through Salesforce object prefixes", () => {
    expect(detectFields("leads", ["Contact: Contact ID", "Contact: Created Date"])).toMatchObject({
      lead_id: "Contact: Contact ID",
      created_at: "Contact: Created Date",
    });
  });
});

describe("activity vocabulary", () => {
  it("matches aliases case-, space- and punctuation-insensitively", () => {
    const aliases = new Map(activityAliases().map((a) => [a.key, a.activity]));
    expect(aliases.get(vocabularyKey("Closed-Won"))).toBe("deal_won");
    expect(aliases.get(vocabularyKey("Website Visit"))).toBe("page_view");
    expect(aliases.get(vocabularyKey("MQL"))).toBe("became_mql");
    expect(aliases.get(vocabularyKey("Podcast"))).toBeUndefined();
  });
});

const stats = (overrides: Partial<DateColumnStats>): DateColumnStats => ({
  nonEmpty: 10,
  iso: 0,
  dayMonth: 0,
  firstOver12: 0,
  secondOver12: 0,
  dashOrDot: 0,
  epochS: 0,
  epochMs: 0,
  excel: 0,
  ...overrides,
});

describe("date format from the whole column", () => {
  it.each([
    ["ISO dates", stats({ iso: 10 }), "iso"],
    ["a day above 12 in first place", stats({ dayMonth: 10, firstOver12: 1 }), "dmy"],
    ["a day above 12 in second place", stats({ dayMonth: 10, secondOver12: 3 }), "mdy"],
    ["undecided dashes (DD-MM-YYYY)", stats({ dayMonth: 10, dashOrDot: 10 }), "dmy"],
    ["undecided slashes (MM/DD/YYYY)", stats({ dayMonth: 10 }), "mdy"],
    ["epoch milliseconds", stats({ epochMs: 10 }), "epoch_ms"],
    ["epoch seconds", stats({ epochS: 10 }), "epoch_s"],
    ["Excel serials", stats({ excel: 10 }), "excel"],
  ])("%s", (_name, column, expected) => {
    expect(chooseDateFormat(column)).toBe(expected);
  });
});
