// @vitest-environment jsdom
// Tests for the "Data quality" panel: the verdict as words (not colour alone) and every check's number.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DataAudit } from "../../src/model/audit";
import { AuditPanel } from "../../src/views/Import/AuditPanel";

/** A clean workspace: 5,000 rows, 400 leads, every stage tracked; tests vary one number at a time. */
function audit(overrides: Partial<DataAudit> = {}): DataAudit {
  return {
    eventRows: 5000,
    leads: 400,
    asOf: "2025-06-30",
    checkedOn: "2025-07-01",
    duplicates: { extraRows: 0, exampleLeadId: null },
    outOfOrder: { leads: 0, exampleLeadId: null },
    movedBackwards: { leads: 0, exampleLeadId: null },
    futureDates: { stageRows: 0, stageRowsTotal: 1800, allRows: 0, exampleLeadId: null },
    implausibleDates: {
      early: 0,
      late: 0,
      earliest: null,
      latest: null,
      lateAfter: "2026-07-01",
      exampleLeadId: null,
    },
    noActivity: { leads: 0, exampleLeadId: null },
    amountsAsText: { rows: 0, amountRows: 120, example: null },
    unknownActivities: { rows: 0, top: [] },
    trackedStages: { lead: true, mql: true, sal: true, sql: true, opportunity: true, deal: true },
    ...overrides,
  };
}

function panel(): HTMLElement {
  return screen.getByRole("region", { name: "Data quality" });
}

function level(): HTMLElement {
  const badge = panel().querySelector<HTMLElement>(".audit-level");
  if (!badge) throw new Error("no level badge");
  return badge;
}

function check(id: string): HTMLElement {
  const item = panel().querySelector<HTMLElement>(`[data-check="${id}"]`);
  if (!item) throw new Error(`no check ${id}`);
  return item;
}

describe("AuditPanel", () => {
  it("is a region named Data quality with a heading", () => {
    render(<AuditPanel audit={audit()} />);
    expect(within(panel()).getByRole("heading", { name: "Data quality" })).toBeTruthy();
  });

  it("says the data is good, in words, with what was checked", () => {
    render(<AuditPanel audit={audit()} />);
    expect(panel().dataset.level).toBe("good");
    expect(level().textContent).toContain("Good");
    expect(panel().textContent).toContain("Good to use: no problems found in 5,000 rows from 400 leads.");
    expect(panel().textContent).toContain("Checked 5,000 rows from 400 leads · as-of date 30 Jun 2025.");
  });

  it("lists unrecognised activities at or under 5 % without raising a caveat", () => {
    render(
      <AuditPanel
        audit={audit({
          unknownActivities: {
            rows: 155,
            top: [
              { activity: "podcast listen", rows: 120 },
              { activity: "booth scan", rows: 35 },
            ],
          },
        })}
      />,
    );
    // 155 / 5,000 = 3.1 %: listed, but at or under the 5 % caveat threshold.
    expect(panel().dataset.level).toBe("good");
    expect(check("unknown_activities").textContent).toContain("3.1 % of rows (155 of 5,000)");
    expect(check("unknown_activities").textContent).toContain("'podcast listen' (120), 'booth scan' (35)");
  });

  it("shows caveats as text and colour, never colour alone", () => {
    render(
      <AuditPanel audit={audit({ unknownActivities: { rows: 300, top: [{ activity: "x", rows: 300 }] } })} />,
    );
    expect(panel().dataset.level).toBe("caveats");
    expect(level().textContent).toContain("Usable with caveats");
    expect(panel().textContent).toContain(
      "Usable with caveats: 6.0 % of rows have activities we don't recognise.",
    );
    expect(check("unknown_activities").dataset.severity).toBe("warn");
    expect(check("unknown_activities").textContent).toContain("Caveat");
  });

  it("calls data without MQL dates poor and counts the other problems", () => {
    render(
      <AuditPanel
        audit={audit({
          trackedStages: { lead: true, mql: false, sal: false, sql: true, opportunity: true, deal: true },
          duplicates: { extraRows: 80, exampleLeadId: "L17" },
        })}
      />,
    );
    expect(panel().dataset.level).toBe("poor");
    expect(level().textContent).toContain("Poor");
    expect(panel().textContent).toContain(
      "Not reliable as it is: no lead has an MQL date, so MQL → SQL and sales acceptance cannot be " +
        "measured. 1 more check needs attention.",
    );
    expect(check("tracked_stages").textContent).toContain("4 of 6 (not tracked: MQL, SAL)");
    expect(check("tracked_stages").textContent).toContain("Problem");
    // 80 / 5,000 = 1.6 % of rows: above the 1 % caveat threshold.
    expect(check("duplicates").textContent).toContain("80 extra copies (1.6 % of rows)");
    expect(check("duplicates").textContent).toContain("Example: lead L17.");
  });

  it("lists every check with its number inside a details element", async () => {
    render(
      <AuditPanel
        audit={audit({
          outOfOrder: { leads: 12, exampleLeadId: "L3" },
          movedBackwards: { leads: 30, exampleLeadId: "L4" },
          futureDates: { stageRows: 2, stageRowsTotal: 1800, allRows: 3, exampleLeadId: "L7" },
          noActivity: { leads: 1, exampleLeadId: "L9" },
          amountsAsText: { rows: 3, amountRows: 120, example: { value: "$1,200", file: "a.csv", row: 17 } },
        })}
      />,
    );
    const details = panel().querySelector("details");
    expect(details?.open).toBe(false);
    await userEvent.click(within(panel()).getByText("Every check (9)"));
    expect(details?.open).toBe(true);
    const items = within(panel()).getAllByRole("listitem");
    expect(items.map((item) => item.dataset.check)).toEqual([
      "tracked_stages",
      "out_of_order",
      "moved_backwards",
      "future_dates",
      "implausible_dates",
      "duplicates",
      "amounts_as_text",
      "unknown_activities",
      "no_activity",
    ]);
    expect(check("tracked_stages").textContent).toContain("Funnel stages tracked: All 6");
    // 12 / 400 = 3.0 % (> 2 %); 30 / 400 = 7.5 % (> 5 %); 1 / 400 = 0.25 % → "0.3 %".
    expect(check("out_of_order").textContent).toContain("Stage dates out of order: 12 leads (3.0 %)");
    expect(check("moved_backwards").textContent).toContain("Stages that moved backwards: 30 leads (7.5 %)");
    expect(check("future_dates").textContent).toContain("Stage dates in the future: 2 rows");
    expect(check("future_dates").textContent).toContain(
      "(run on 2025-07-01), and 1 other row of any activity.",
    );
    expect(check("no_activity").textContent).toContain("Leads with no activity: 1 lead (0.3 %)");
    expect(check("amounts_as_text").textContent).toContain("3 rows (2.5 % of amounts)");
    expect(check("amounts_as_text").textContent).toContain("row 17: '$1,200'");
    expect(items.map((item) => item.dataset.severity)).toEqual([
      "ok",
      "warn",
      "warn",
      "warn",
      "ok",
      "ok",
      "warn",
      "ok",
      "ok",
    ]);
  });

  it("says where a deals-only workspace's funnel starts and counts opportunities, not leads", () => {
    render(
      <AuditPanel
        audit={audit({
          eventRows: 7,
          leads: 4,
          asOf: "2017-12-31",
          trackedStages: { lead: false, mql: false, sal: false, sql: false, opportunity: true, deal: true },
          noActivity: { leads: 4, exampleLeadId: "O1" },
          futureDates: { stageRows: 0, stageRowsTotal: 7, allRows: 0, exampleLeadId: null },
          amountsAsText: { rows: 0, amountRows: 5, example: null },
        })}
      />,
    );
    expect(panel().dataset.level).toBe("good");
    expect(panel().textContent).toContain(
      "The funnel starts at opportunity: the data holds deals / opportunities only, so Lead, MQL, SAL " +
        "and SQL are not tracked (import a lead or contact file with it to see them). Good to use: no " +
        "problems found in 7 rows from 4 opportunities.",
    );
    expect(panel().textContent).not.toContain("no lead has an MQL date");
    expect(panel().textContent).toContain("Checked 7 rows from 4 opportunities · as-of date 31 Dec 2017.");
  });

  it("counts dates before 1970 or more than a year ahead, in words", () => {
    render(
      <AuditPanel
        audit={audit({
          implausibleDates: {
            early: 12,
            late: 3,
            earliest: "1916-10-20",
            latest: "2099-12-31",
            lateAfter: "2026-07-01",
            exampleLeadId: "L44",
          },
        })}
      />,
    );
    // 15 of 5,000 rows = 0.3 %: any is a caveat, under 20 % not poor.
    expect(panel().dataset.level).toBe("caveats");
    expect(panel().textContent).toContain(
      "Usable with caveats: 15 rows are dated before 1970 or more than a year ahead (12 before 1970, " +
        "earliest 1916-10-20; 3 after 2026-07-01, latest 2099-12-31).",
    );
    expect(check("implausible_dates").textContent).toContain(
      "Dates before 1970 or more than a year ahead: 15 rows",
    );
    expect(check("implausible_dates").textContent).toContain("Example: lead L44.");
  });
});
