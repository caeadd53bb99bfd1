// Date formats in DuckDB-WASM: two-digit years with the spreadsheet pivot, ISO that needs a four-digit
// year, a hand-picked column's detected format, and what the mapping step must say before Apply.
// "Today" is pinned at 2025-07-01, so "more than a year ahead" means after 2026-07-01.

import { beforeEach, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { quoteLiteral } from "../../src/db/sql";
import { type DateColumnProfile, dateWarnings } from "../../src/import/dateProfile";
import { type DateFormat, timestampSql } from "../../src/import/dates";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { fixtureBytes } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const NOW = new Date("2025-07-01T12:00:00Z");

let engine: SqlEngine;

beforeEach(async () => {
  engine ??= await createNodeEngine();
});

async function read(value: string, format: DateFormat): Promise<string | null> {
  const [row] = await engine.query<{ day: string | null }>(
    `SELECT strftime(${timestampSql(quoteLiteral(value), format)}, '%Y-%m-%d %H:%M') AS day`,
  );
  return row?.day ?? null;
}

const prepare = (name: string) => prepareFiles(engine, [{ name, data: fixtureBytes(name) }], { now: NOW });

function profileOf(profiles: Record<string, DateColumnProfile>, header: string): DateColumnProfile {
  const profile = profiles[header];
  if (!profile) throw new Error(`no date profile for ${header}`);
  return profile;
}

// ISO with zones, DD-MM-YYYY, epoch and Excel values that read are in test/import/load.test.ts.
describe("reading a value in each format", () => {
  it.each([
    // ISO needs a four-digit year: the cast alone read '31-12-17' as the year 31 (the issue's 0031-12-17).
    ["iso", "31-12-17", null],
    // DD-MM-YYYY needs four digits too: strptime's %Y read '16' as the year 16.
    ["dmy", "20/10/16", null],
    // Two-digit years, pivot 00–69 → 20xx, 70–99 → 19xx (DuckDB's own %y makes 69 → 1969).
    ["dmy2", "20-10-16", "2016-10-20 00:00"],
    ["dmy2", "31-12-17 14:30", "2017-12-31 14:30"],
    ["dmy2", "01.02.69", "2069-02-01 00:00"],
    ["dmy2", "01.02.70", "1970-02-01 00:00"],
    ["dmy2", "20-10-2016", "2016-10-20 00:00"],
    ["mdy2", "12/31/99", "1999-12-31 00:00"],
    ["mdy2", "02/01/00", "2000-02-01 00:00"],
    ["ymd2", "16-10-20", "2016-10-20 00:00"],
    ["ymd2", "99/12/31", "1999-12-31 00:00"],
    ["ymd2", "69-01-02 10:30", "2069-01-02 10:30"],
    // An epoch value read as Excel days is 4.7 million years out: no date, and no conversion error.
    ["excel", "1709632800", null],
  ] as const)("%s reads '%s' as %s", async (format, value, expected) => {
    expect(await read(value, format)).toBe(expected);
  });
});

describe("a date column picked by hand", () => {
  it("detects DD-MM-YYYY in a column no field was matched to, and says ISO would reject it", async () => {
    // first_contact_date: 20-10-2017, 03-11-2017, 25-12-2017, 01-02-2018, 13-01-2018 (5 values, 3 empty).
    // First parts above 12: 20, 25, 13 → day first. As ISO none reads; as MM/DD/YYYY only 03-11 and
    // 01-02 do, so 3 of 5 would be rejected.
    const [file] = await prepare("dates-dmy-leads.csv");
    if (!file) throw new Error("not prepared");
    expect(file.kind).toBe("leads");
    expect(file.mapping.mql_at).toBeUndefined();
    const profile = profileOf(file.dateProfiles, "first_contact_date");
    expect(profile).toMatchObject({
      values: 5,
      complete: true,
      firstOver12: 3,
      secondOver12: 0,
      detected: "dmy",
    });
    expect(profile.fits.iso.parsed).toBe(0);
    expect(profile.fits.dmy.parsed).toBe(5);
    expect(profile.fits.mdy.parsed).toBe(2);
    expect(dateWarnings(profile, "dmy")).toEqual([]);
    expect(dateWarnings(profile, "iso")).toEqual([
      "5 of 5 values are not ISO dates; they look like DD-MM-YYYY (e.g. '20-10-2017'). Rows with such a value would be rejected.",
    ]);
    expect(dateWarnings(profile, "mdy")).toEqual([
      "3 of 5 values are not MM/DD/YYYY dates; they look like DD-MM-YYYY (e.g. '20-10-2017'). Rows with such a value would be rejected.",
    ]);
    // The column's own create_date is ISO, with nothing to say.
    expect(profileOf(file.dateProfiles, "create_date").detected).toBe("iso");
    expect(dateWarnings(profileOf(file.dateProfiles, "create_date"), "iso")).toEqual([]);
    // A text column reads as no date in any format.
    expect(profileOf(file.dateProfiles, "company").fits.iso.parsed).toBe(0);
    expect(dateWarnings(profileOf(file.dateProfiles, "company"), "iso")).toEqual([
      "8 of 8 values are not ISO dates (e.g. 'Acme') and read as no date format we know. Rows with such a value would be rejected.",
    ]);
  });

  it("loads every row when the hand-picked MQL date is read in its detected format", async () => {
    // 8 leads, 5 with a first contact date → 5 MQLs; L1's is 20 October 2017.
    const [file] = await prepare("dates-dmy-leads.csv");
    if (!file) throw new Error("not prepared");
    const base = planFor(file);
    const plan = {
      ...base,
      mapping: { ...base.mapping, mql_at: "first_contact_date" },
      dateFormats: {
        ...base.dateFormats,
        mql_at: profileOf(file.dateProfiles, "first_contact_date").detected,
      },
    };
    const summary = await applyImport(engine, [file], [plan], DEFAULT_DERIVE_SETTINGS);
    expect(summary).toMatchObject({ rowsRead: 8, rowsLoaded: 8, rowsRejected: 0, leads: 8 });
    const mqls = await engine.query<{ lead_id: string; mql_day: string }>(
      "SELECT lead_id, strftime(mql_at, '%Y-%m-%d') AS mql_day FROM lead_stages WHERE mql_at IS NOT NULL ORDER BY lead_id",
    );
    expect(mqls).toEqual([
      { lead_id: "L1", mql_day: "2017-10-20" },
      { lead_id: "L2", mql_day: "2017-11-03" },
      { lead_id: "L4", mql_day: "2017-12-25" },
      { lead_id: "L6", mql_day: "2018-02-01" },
      { lead_id: "L8", mql_day: "2018-01-13" },
    ]);
  });
});

describe("a long file", () => {
  it("tries the formats on a column's first 2,000 values and finds dates below 20,000 empty rows", async () => {
    // 20,100 rows. signed_up: DD-MM-2017 in every row (days 1–28, so some above 12): the formats are
    // tried on its first 2,000 values only, and the warning says so. renewed: empty in the first 20,000
    // rows (the rows scanned for date columns), then 100 DD-MM-2018 dates: scanned whole.
    const pad = (n: number) => String(n).padStart(2, "0");
    const lines = ["lead_id,signed_up,renewed"];
    for (let i = 1; i <= 20_100; i++) {
      const day = `${pad((i % 28) + 1)}-${pad((i % 12) + 1)}`;
      lines.push(`L${i},${day}-2017,${i > 20_000 ? `${day}-2018` : ""}`);
    }
    const data = new TextEncoder().encode(`${lines.join("\n")}\n`);
    const [file] = await prepareFiles(engine, [{ name: "long.csv", data }], { now: NOW });
    if (!file) throw new Error("not prepared");
    const signedUp = profileOf(file.dateProfiles, "signed_up");
    expect(signedUp).toMatchObject({ values: 2000, complete: false, detected: "dmy" });
    // Row 1 (i = 1): day 2, month 2.
    expect(dateWarnings(signedUp, "iso")).toEqual([
      "2,000 of the first 2,000 values are not ISO dates; they look like DD-MM-YYYY (e.g. '02-02-2017'). Rows with such a value would be rejected.",
    ]);
    expect(profileOf(file.dateProfiles, "renewed")).toMatchObject({
      values: 100,
      complete: true,
      detected: "dmy",
    });
  });
});

describe("two-digit years in a deals export", () => {
  it("proposes engage_date and close_value, reads DD-MM-YY and lands in 2016–2017", async () => {
    // engage_date 20-10-16, 03-11-16, 05-12-17, 14-02-17: as DD-MM-YY all four are 2016–2017; as
    // YY-MM-DD also four plausible dates (2020-10-16 …), a tie that goes to year-last; as MM/DD/YY two.
    // close_date 31-12-17, 15-01-17, 01-03-17: DD-MM-YY 3 plausible; YY-MM-DD makes 2031-12-17 (more
    // than a year ahead), 2 plausible. Events: O1 opportunity 2016-10-20, won 2017-12-31; O2 opportunity
    // 2016-11-03, lost 2017-01-15; O3 opportunity 2017-12-05 (open); O4 opportunity 2017-02-14, won
    // 2017-03-01 → 7 events; the latest date is 2017-12-31, not 0031-12-17.
    const [file] = await prepare("deals-two-digit-years.csv");
    if (!file) throw new Error("not prepared");
    expect(file.kind).toBe("deals");
    expect(file.mapping).toMatchObject({
      deal_id: "opportunity_id",
      created_at: "engage_date",
      closed_at: "close_date",
      amount: "close_value",
      stage: "deal_stage",
    });
    expect(file.dateFormats).toEqual({ created_at: "dmy2", closed_at: "dmy2" });
    const engage = profileOf(file.dateProfiles, "engage_date");
    expect([engage.fits.dmy2.plausible, engage.fits.ymd2.plausible, engage.fits.mdy2.plausible]).toEqual([
      4, 4, 2,
    ]);
    const close = profileOf(file.dateProfiles, "close_date");
    expect([close.fits.dmy2.plausible, close.fits.ymd2.plausible, close.fits.ymd2.late]).toEqual([3, 2, 1]);
    expect(dateWarnings(close, "iso")).toEqual([
      "3 of 3 values are not ISO dates; they look like DD-MM-YY (e.g. '31-12-17'). Rows with such a value would be rejected.",
    ]);

    const summary = await applyImport(engine, [file], [planFor(file)], DEFAULT_DERIVE_SETTINGS);
    expect(summary).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
    const events = await engine.query<{ lead_id: string; activity: string; day: string; amount: number }>(
      "SELECT lead_id, activity, strftime(occurred_at, '%Y-%m-%d') AS day, amount FROM events ORDER BY lead_id, occurred_at",
    );
    expect(events.map((e) => [e.lead_id, e.activity, e.day])).toEqual([
      ["O1", "opportunity_created", "2016-10-20"],
      ["O1", "deal_won", "2017-12-31"],
      ["O2", "opportunity_created", "2016-11-03"],
      ["O2", "deal_lost", "2017-01-15"],
      ["O3", "opportunity_created", "2017-12-05"],
      ["O4", "opportunity_created", "2017-02-14"],
      ["O4", "deal_won", "2017-03-01"],
    ]);
    expect(events[1]?.amount).toBe(1054);
    const [latest] = await engine.query<{ day: string }>(
      "SELECT strftime(max(occurred_at), '%Y-%m-%d') AS day FROM events",
    );
    expect(latest?.day).toBe("2017-12-31");
  });
});

describe("dates before 1970 or more than a year ahead", () => {
  it("counts them per format and says so before Apply", async () => {
    // occurred_at: 1916-10-20, 2017-03-01, 2017-03-02, 2099-12-31, 2017-03-05, 1969-12-31 23:59:59.
    // Early (before 1970): 2, the earliest 1916-10-20; late (after 2026-07-01): 1, 2099-12-31.
    const [file] = await prepare("dates-implausible.csv");
    if (!file) throw new Error("not prepared");
    const profile = profileOf(file.dateProfiles, "occurred_at");
    expect(file.dateFormats.occurred_at).toBe("iso");
    expect(profile.latestPlausibleDay).toBe("2026-07-01");
    expect(profile.fits.iso).toMatchObject({
      parsed: 6,
      plausible: 3,
      early: 2,
      late: 1,
      earliest: "1916-10-20",
      latest: "2099-12-31",
    });
    expect(dateWarnings(profile, "iso")).toEqual([
      "2 of 6 values are dates before 1970 (earliest 1916-10-20): a wrong format or a placeholder? They are kept and counted in the data-quality check.",
      "1 of 6 values is a date more than a year after today (latest 2099-12-31): a wrong format or a placeholder? They are kept and counted in the data-quality check.",
    ]);
  });
});
