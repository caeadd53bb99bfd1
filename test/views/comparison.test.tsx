// @vitest-environment jsdom
// The Overview compared with the previous period: deltas under the tiles, the period named, ghost data.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OverviewView } from "../../src/views/Overview/OverviewView";
import { SAMPLE_COUNTS, sampleFunnel } from "./sampleFunnel";

// Previous period by hand: 4,000 leads, 800 MQLs, 240 SQLs → MQL→SQL 30.0 % (now 273 of 1,000 = 27.3 %).
const previous = sampleFunnel({
  stages: SAMPLE_COUNTS.stages.map((s) =>
    s.stage === "lead"
      ? { ...s, reached: 4000 }
      : s.stage === "mql"
        ? { ...s, reached: 800 }
        : s.stage === "sql"
          ? { ...s, reached: 240 }
          : s,
  ),
});

function renderCompared() {
  return render(
    <OverviewView
      state={{
        status: "ready",
        funnel: sampleFunnel(),
        datasetLabel: "sample",
        comparison: { state: "ready", funnel: previous, period: { from: "2025-07-01", to: "2025-09-30" } },
      }}
    />,
  );
}

describe("comparison with the previous period", () => {
  it("shows each KPI's change: counts with the relative change, rates in points", () => {
    renderCompared();
    const leads = screen.getByRole("group", { name: "Leads" });
    expect(leads.querySelector(".kpi-delta")?.textContent).toContain("+1,000 (+25.0 %) vs previous period");
    const mqlToSql = screen.getByRole("group", { name: "MQL → SQL" });
    expect(mqlToSql.querySelector(".kpi-delta")?.textContent).toContain("−2.7 pts vs previous period");
  });

  it("names the period compared with and adds the previous counts to the funnel table", () => {
    renderCompared();
    expect(document.querySelector("[data-comparison]")?.textContent).toContain(
      "Compared with the previous period, 1 Jul 2025 – 30 Sep 2025, counted the same way (by cohort)",
    );
    const table = screen.getByRole("table", { name: "Leads reached per stage" });
    expect(within(table).getByRole("columnheader", { name: "Reached, previous period" })).toBeTruthy();
    const mqlRow = table.querySelector('tr[data-stage="mql"]');
    expect(mqlRow?.textContent).toContain("800");
  });

  it("says why there is no comparison for an open-ended period, and shows no deltas", () => {
    render(
      <OverviewView
        state={{
          status: "ready",
          funnel: sampleFunnel(),
          datasetLabel: "sample",
          comparison: {
            state: "unavailable",
            reason: "Choose a period (a start date) to compare with the one before it.",
          },
        }}
      />,
    );
    expect(screen.getByText(/No previous period to compare with/)).toBeTruthy();
    expect(document.querySelector(".kpi-delta")).toBeNull();
  });
});
