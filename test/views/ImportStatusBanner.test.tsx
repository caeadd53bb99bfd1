// @vitest-environment jsdom
// The import summary names what the workspace holds: leads, or — for a deals export linked to no lead —
// opportunities (each deal is one; calling them leads misreported the file). Which one is the import's
// (summary.unit, the funnel's rule: test/import/crm.test.ts); the banner only words it.
import { cleanup, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportSummary } from "../../src/import/load";
import type { FunnelUnit } from "../../src/model/stages";
import { ImportStatusBanner } from "../../src/views/Import/ImportStatusBanner";

function summary(kind: "deals" | "leads", unit: FunnelUnit, leads = 120): ImportSummary {
  return {
    fileName: "export.csv",
    files: [{ fileName: "export.csv", kind, rowsRead: 120, rowsLoaded: 120, rowsRejected: 0, notes: [] }],
    rowsRead: 120,
    rowsLoaded: 120,
    rowsRejected: 0,
    rejectGroups: [],
    leads,
    unit,
    mapping: {},
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
    expect(shown(summary("deals", "opportunity"))).toBe("120 opportunities in the workspace.");
    expect(shown(summary("deals", "opportunity", 1))).toBe("1 opportunity in the workspace.");
  });

  it("calls them leads when the deals link to leads, and for a lead table", () => {
    expect(shown(summary("deals", "lead"))).toBe("120 leads in the workspace.");
    expect(shown(summary("leads", "lead", 1_204))).toBe("1,204 leads in the workspace.");
  });
});
