// The context every slide, printed page and export carries: data, filters, period and way of counting,
// comparison, conversion window, as-of day — and the CSV "about" columns built from it.
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/model/csv";
import { NO_FILTERS } from "../../src/model/filters";
import {
  type OutputContextInput,
  outputContextFields,
  outputContextLines,
  withAboutColumns,
} from "../../src/model/outputContext";

/** Enterprise and Mid-market, Q1 2026, in period, compared with Q4 2025, 90-day window. */
const Q1_ENTERPRISE: OutputContextInput = {
  dataLabel: "hubspot-contacts.csv, spend.csv",
  filters: {
    segments: { team: ["Enterprise"], campaign: ["Webinar A", "Spring launch"] },
    from: "2026-01-01",
    to: "2026-03-31",
  },
  count: "period",
  compare: true,
  previous: { from: "2025-10-01", to: "2025-12-31" },
  windowDays: 90,
  amountsIn: "EUR (from the column “Deal currency code”)",
  asOf: "2026-04-14",
};

const ALL_TIME: OutputContextInput = {
  dataLabel: "Sample data (3,000 leads)",
  filters: NO_FILTERS,
  count: "cohort",
  compare: false,
  previous: null,
  windowDays: null,
  amountsIn: "USD (from the sample)",
  asOf: "2026-06-30",
};

describe("output context", () => {
  it("says everything about an unfiltered, all-time view counted by cohort, with no comparison line", () => {
    expect(outputContextLines(ALL_TIME)).toEqual([
      "Data: Sample data (3,000 leads)",
      "Filters: none (all leads)",
      "Period: all time",
      "Counting: Cohort (leads grouped by the day they became a lead)",
      "Conversion window: none (every later conversion counts)",
      "Amounts in: USD (from the sample)",
      "As of: 30 Jun 2026",
    ]);
  });

  it("names every filter in the shared bar's order (campaign before team), the period, in period, Q4 and the window", () => {
    expect(outputContextLines(Q1_ENTERPRISE)).toEqual([
      "Data: hubspot-contacts.csv, spend.csv",
      "Filters: Campaign: Webinar A, Spring launch; Team: Enterprise",
      "Period: 1 Jan 2026 – 31 Mar 2026",
      "Counting: In period (each stage counts the leads that entered it in the period)",
      "Compared with: 1 Oct 2025 – 31 Dec 2025 (previous period)",
      "Conversion window: 90 days",
      "Amounts in: EUR (from the column “Deal currency code”)",
      "As of: 14 Apr 2026",
    ]);
  });

  it("leaves the comparison out when it is off, even with a previous period at hand", () => {
    const lines = outputContextLines({ ...Q1_ENTERPRISE, compare: false });
    expect(lines.some((line) => line.startsWith("Compared with"))).toBe(false);
    expect(lines).toHaveLength(7);
  });

  it("says there is nothing to compare with when comparison is on but the period has no start", () => {
    const lines = outputContextLines({ ...ALL_TIME, compare: true, previous: null });
    expect(lines).toContain("Compared with: none (a comparison needs a period with a start date)");
  });

  it("calls In period cohort when no period bounds the counts (both ways count the same leads)", () => {
    const fields = outputContextFields({ ...ALL_TIME, count: "period" });
    expect(fields.find((f) => f.key === "counting")?.value).toMatch(/^Cohort /);
  });

  it("counts by cohort in a period when cohort is chosen, and names a one-day window in the singular", () => {
    const lines = outputContextLines({ ...Q1_ENTERPRISE, count: "cohort", windowDays: 1 });
    expect(lines).toContain("Counting: Cohort (leads grouped by the day they became a lead)");
    expect(lines).toContain("Conversion window: 1 day");
  });

  it("names an open-ended period and an unknown as-of day instead of leaving them out", () => {
    const lines = outputContextLines({
      ...ALL_TIME,
      filters: { ...NO_FILTERS, from: "2026-02-01" },
      asOf: null,
      dataLabel: null,
    });
    expect(lines).toContain("Period: from 1 Feb 2026");
    expect(lines).toContain("As of: unknown");
    expect(lines).toContain("Data: nothing loaded");
  });

  it("ignores a dimension whose selection is empty (empty means all)", () => {
    const lines = outputContextLines({ ...ALL_TIME, filters: { ...NO_FILTERS, segments: { region: [] } } });
    expect(lines).toContain("Filters: none (all leads)");
  });
});

describe("CSV about columns", () => {
  const rows = [
    ["stage", "reached"],
    ["MQL", 1000],
    ["SQL", 277],
  ];

  it("leads every row with the context, headed about_…, so a spreadsheet opens one plain table", () => {
    const about = withAboutColumns(rows, outputContextFields(ALL_TIME));
    expect(about[0]).toEqual([
      "about_data",
      "about_filters",
      "about_period",
      "about_counting",
      "about_conversion_window",
      "about_amounts_in",
      "about_as_of",
      "stage",
      "reached",
    ]);
    expect(about).toHaveLength(3);
    for (const row of about.slice(1)) {
      expect(row.slice(0, 7)).toEqual([
        "Sample data (3,000 leads)",
        "none (all leads)",
        "all time",
        "Cohort (leads grouped by the day they became a lead)",
        "none (every later conversion counts)",
        "USD (from the sample)",
        "30 Jun 2026",
      ]);
    }
    expect(about[2]?.slice(7)).toEqual(["SQL", 277]);
    // No comment line: every line has the same number of cells.
    expect(new Set(about.map((row) => row.length))).toEqual(new Set([9]));
  });

  it("adds the comparison column only when comparing", () => {
    const about = withAboutColumns(rows, outputContextFields(Q1_ENTERPRISE));
    expect(about[0]).toContain("about_compared_with");
    expect(about[1]?.[4]).toBe("1 Oct 2025 – 31 Dec 2025 (previous period)");
  });

  it("keeps a filter value that looks like a formula from running: the about cell is neutralised", () => {
    const hostile = { ...ALL_TIME, dataLabel: '=HYPERLINK("http://evil.example","x")' };
    const csv = toCsv(withAboutColumns(rows, outputContextFields(hostile)));
    const firstData = csv.split("\r\n")[1] ?? "";
    expect(firstData.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")",`)).toBe(true);
  });

  it("still carries the context when the table has no rows", () => {
    const about = withAboutColumns([], outputContextFields(ALL_TIME));
    expect(about).toHaveLength(2);
    expect(about[1]?.[0]).toBe("Sample data (3,000 leads)");
  });
});
