// Column auto-detection and date-format choice: pure functions, table-driven.

import { describe, expect, it } from "vitest";
import { chooseDateFormat, type DateEvidence } from "../../src/import/dateProfile";
import { DATE_FORMATS, type DateFormat } from "../../src/import/dates";
import { normaliseHeader } from "../../src/import/detect";
import { detectFields, missingFields, proposeKind } from "../../src/import/fields";
import { activityAliases, vocabularyKey } from "../../src/model/vocabulary";

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

  it.each([
    // Sales-pipeline tables (deal_stage, engage_date, close_date, close_value) and their spellings.
    [
      ["opportunity_id", "deal_stage", "engage_date", "close_date", "close_value"],
      "engage_date",
      "close_value",
    ],
    [["Deal ID", "Deal Stage", "Engaged", "Deal Value"], "Engaged", "Deal Value"],
    [["id", "Engage Date", "value"], "Engage Date", "value"],
  ])("proposes the created date and amount of a deals file %j", (headers, created, amount) => {
    expect(detectFields("deals", headers)).toMatchObject({ created_at: created, amount });
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

const NO_FIT = { shaped: 0, plausible: 0 };

/** Evidence where each listed format reads `[shaped, plausible]` values and no other reads any. */
function evidence(fits: Partial<Record<DateFormat, [number, number]>>, order: Partial<DateEvidence> = {}) {
  const all = Object.fromEntries(
    DATE_FORMATS.map((f) => {
      const fit = fits[f];
      return [f, fit ? { shaped: fit[0], plausible: fit[1] } : NO_FIT];
    }),
  ) as DateEvidence["fits"];
  return { fits: all, dayMonth: 0, dashOrDot: 0, firstOver12: 0, secondOver12: 0, ...order };
}

describe("date format from the whole column", () => {
  it.each([
    [
      "ISO dates (ISO also reads as YY-MM-DD: the tie goes to ISO)",
      evidence({ iso: [10, 10], ymd2: [10, 10] }),
      "iso",
    ],
    [
      "a day above 12 in first place",
      evidence({ dmy: [10, 10], mdy: [10, 10] }, { dayMonth: 10, firstOver12: 1 }),
      "dmy",
    ],
    [
      "a day above 12 in second place",
      evidence({ dmy: [10, 10], mdy: [10, 10] }, { dayMonth: 10, secondOver12: 3 }),
      "mdy",
    ],
    [
      "undecided dashes (DD-MM-YYYY)",
      evidence({ dmy: [10, 10], mdy: [10, 10] }, { dayMonth: 10, dashOrDot: 10 }),
      "dmy",
    ],
    ["undecided slashes (MM/DD/YYYY)", evidence({ dmy: [10, 10], mdy: [10, 10] }, { dayMonth: 10 }), "mdy"],
    // Four-digit day/month values also read as DD-MM-YY: the tie goes to the four-digit format.
    [
      "DD-MM-YYYY over DD-MM-YY",
      evidence({ dmy: [10, 10], dmy2: [10, 10] }, { dayMonth: 10, dashOrDot: 10 }),
      "dmy",
    ],
    // '20-10-16', '31-12-17': DD-MM-YY gives 2016 and 2017; YY-MM-DD gives 2020 and 2031 (too far ahead).
    [
      "DD-MM-YY when YY-MM-DD lands more than a year ahead",
      evidence({ dmy2: [2, 2], ymd2: [2, 1] }, { dayMonth: 2, dashOrDot: 2, firstOver12: 2 }),
      "dmy2",
    ],
    [
      "DD-MM-YY over YY-MM-DD when both are plausible",
      evidence({ dmy2: [4, 4], ymd2: [4, 4] }, { dayMonth: 4, dashOrDot: 4 }),
      "dmy2",
    ],
    [
      "MM/DD/YY by a second part above 12",
      evidence({ dmy2: [6, 6], mdy2: [6, 6], ymd2: [6, 6] }, { dayMonth: 6, secondOver12: 2 }),
      "mdy2",
    ],
    // '99-12-31', '85-06-30': year first is the only reading (no day 99 or 85).
    [
      "YY-MM-DD when only year first reads",
      evidence({ ymd2: [2, 2] }, { dayMonth: 2, firstOver12: 2 }),
      "ymd2",
    ],
    ["more plausible dates beat more readable ones", evidence({ iso: [10, 2], dmy: [8, 8] }), "dmy"],
    ["epoch milliseconds", evidence({ epoch_ms: [10, 10] }), "epoch_ms"],
    ["epoch seconds", evidence({ epoch_s: [10, 10] }), "epoch_s"],
    ["Excel serials", evidence({ excel: [10, 10] }), "excel"],
    ["nothing that looks like a date keeps ISO", evidence({}), "iso"],
  ])("%s", (_name, column, expected) => {
    expect(chooseDateFormat(column)).toBe(expected);
  });
});
