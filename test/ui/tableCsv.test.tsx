// @vitest-environment jsdom
// Tests for reading an on-screen table back into CSV: formula-safe text, raw values, counts and spans.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toCsv } from "../../src/model/csv";
import { fileNameFromTitle } from "../../src/ui/fileName";
import { TableCsvButton } from "../../src/ui/TableCsvButton";
import { tableRows } from "../../src/ui/tableCsv";

const HOSTILE = '=HYPERLINK("http://x","y")';

function CampaignTable() {
  return (
    <table>
      <caption>Campaigns</caption>
      <thead>
        <tr>
          <th>Campaign</th>
          <th>Leads</th>
          <th data-csv="MQL yield (fraction)">MQL yield</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{HOSTILE}</th>
          <td>1,234</td>
          <td data-csv="0.2731">27.3 %</td>
          <td>
            <span aria-hidden="true">▼</span> below
            <br />
            12 of 44
          </td>
        </tr>
        <tr>
          <th scope="row">Webinar A</th>
          <td>—</td>
          <td colSpan={2}>Not tracked</td>
        </tr>
      </tbody>
    </table>
  );
}

describe("tableRows", () => {
  it("reads header and body as shown, with raw values, plain counts and aligned spans", () => {
    render(<CampaignTable />);
    const rows = tableRows(screen.getByRole("table"));
    expect(rows).toEqual([
      ["Campaign", "Leads", "MQL yield (fraction)", "Status"],
      [HOSTILE, 1234, 0.2731, "below 12 of 44"],
      ["Webinar A", null, "Not tracked", null],
    ]);
  });

  it("neutralises a campaign name that a spreadsheet would run as a formula", () => {
    render(<CampaignTable />);
    const csv = toCsv(tableRows(screen.getByRole("table")));
    const lines = csv.split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",1234,0.2731,below 12 of 44`);
    expect(csv).not.toMatch(/(^|,|\r\n)"?=HYPERLINK/);
  });
});

describe("TableCsvButton", () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    vi.restoreAllMocks();
  });

  function WithButton() {
    const table = useRef<HTMLTableElement>(null);
    return (
      <>
        <TableCsvButton table={table} label="stage velocity" />
        <table ref={table}>
          <tbody>
            <tr>
              <th>Lead → MQL</th>
              <td data-csv="-1.5">−1.5 d</td>
            </tr>
          </tbody>
        </table>
      </>
    );
  }

  it("saves the referenced table as a CSV named after its label", async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved.push(blob);
      return "blob:funnel-lens/table";
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<WithButton />);
    await userEvent.click(screen.getByRole("button", { name: "Download stage velocity as CSV" }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(names).toEqual(["stage-velocity.csv"]);
    // The table's one row, led by the about_… column names (a table with no header row takes them as
    // its first line); a raw negative number stays a number: no apostrophe in front of it.
    expect(await saved[0]?.text()).toBe(
      "about_data,about_filters,about_period,about_counting,about_conversion_window,about_amounts_in,about_as_of,Lead → MQL,-1.5\r\n",
    );
  });
});

describe("fileNameFromTitle", () => {
  it.each([
    ["MQL → SQL is 27.7 %", "png", "mql-to-sql-is-27-7.png"],
    ["5,000 leads became 9 deals: 0.2 % overall", "svg", "5-000-leads-became-9-deals-0-2-overall.svg"],
    ["Réunion & revue — Q1/Q2", "csv", "reunion-and-revue-q1-q2.csv"],
    ['=HYPERLINK("http://x")', "csv", "hyperlink-http-x.csv"],
    ["→ %", "png", "to.png"],
    ["%%%", "png", "export.png"],
  ])("%s → %s", (title, extension, expected) => {
    expect(fileNameFromTitle(title, extension)).toBe(expected);
  });

  it("cuts a long title at a word boundary", () => {
    const name = fileNameFromTitle(`${"conversion ".repeat(20)}end`, "png");
    expect(name.length).toBeLessThanOrEqual(84);
    expect(name).toMatch(/^(conversion-)*conversion\.png$/);
  });
});
