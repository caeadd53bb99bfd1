// @vitest-environment jsdom
// The import summary names what the workspace holds: leads, or — for a deals export linked to no lead —
// opportunities (each deal is one; calling them leads misreported the file).
import { cleanup, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportSummary } from "../../src/import/load";
import { ImportStatusBanner } from "../../src/views/Import/ImportStatusBanner";

function summary(kind: "deals" | "leads", mapping: Record<string, string>): ImportSummary {
  return {
    fileName: "export.csv",
    files: [{ fileName: "export.csv", kind, rowsRead: 120, rowsLoaded: 120, rowsRejected: 0, notes: [] }],
    rowsRead: 120,
    rowsLoaded: 120,
    rowsRejected: 0,
    rejectGroups: [],
    leads: 120,
    mapping,
    unknownActivities: [],
    spendRows: 0,
    mergedSpellings: [],
  };
}

const shown = (s: ImportSummary) => {
  cleanup();
  render(<ImportStatusBanner status={{ state: "done", summary: s }} onDownloadRejects={() => {}} />);
  return screen.getByText(/in the workspace/).textContent;
};

describe("the import summary's count", () => {
  it("calls a deals export's deals opportunities", () => {
    expect(shown(summary("deals", { deal_id: "Record ID" }))).toBe("120 opportunities in the workspace.");
  });

  it("calls them leads when the deals link to leads, and for a lead table", () => {
    expect(shown(summary("deals", { deal_id: "Record ID", lead_id: "Contact ID" }))).toBe(
      "120 leads in the workspace.",
    );
  });

  it("counts a lead table's leads as leads", () => {
    expect(shown(summary("leads", { lead_id: "Email" }))).toBe("120 leads in the workspace.");
  });
});
