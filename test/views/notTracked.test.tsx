// @vitest-environment jsdom
// What the Overview says when a number cannot be supported (issue 15): a closed win rate without lost
// deals, a step the CRM sets, and counts beside rates under a conversion window. Numbers from
// test/views/sampleFunnel.ts, with the changes worked out in each test.
import { render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { funnelBars } from "../../src/charts/FunnelChart";
import { useAppStore } from "../../src/store";
import { OverviewView } from "../../src/views/Overview/OverviewView";
import { sampleFunnel } from "./sampleFunnel";

const initialState = useAppStore.getState();

function renderReady(funnel = sampleFunnel()) {
  return render(<OverviewView state={{ status: "ready", funnel, datasetLabel: "leads.csv" }} />);
}

const metric = (container: HTMLElement, id: string) =>
  container.querySelector<HTMLElement>(`[data-metric="${id}"]`);

beforeEach(() => {
  useAppStore.setState(initialState, true);
});

describe("closed win rate", () => {
  it("is not tracked, with an empty data-value, when the data records no lost deal", () => {
    const { container } = renderReady(sampleFunnel({ lostRecorded: false }));
    const closed = metric(container, "closed_win_rate");
    expect(closed?.dataset.value).toBe("");
    expect(closed?.textContent).toContain("Not tracked: the data records no lost deal");
    expect(closed?.textContent).not.toContain("%  of closed");
  });

  it("says it counts every close when a conversion window is set", () => {
    const { container } = renderReady(sampleFunnel({ windowDays: 30 }));
    // 9 won ÷ (9 + 60 lost) = 13.0 %.
    expect(metric(container, "closed_win_rate")?.textContent).toContain(
      "13.0 % of closed · 27 still open (every close, not limited to the conversion window)",
    );
  });
});

describe("a step set by the CRM", () => {
  it("gives its tile no value and says why, and the benchmark chart does not count it", () => {
    // SQL and opportunity dates coincide for 97 % of the leads: 96 of 273 is not compared with 40–50 %.
    const { container } = renderReady(
      sampleFunnel({ sameDay: [{ from: "sql", to: "opportunity", share: 0.97 }] }),
    );
    const tile = metric(container, "sql_to_opportunity");
    expect(tile?.dataset.value).toBe("");
    expect(tile?.dataset.status).toBeUndefined();
    expect(tile?.textContent).toContain("Set by the CRM");
    expect(tile?.textContent).toContain("set by the CRM (e.g. lead conversion creates the opportunity)");
    // Benchmarked: MQL → SQL 27.3 % (within) and opportunity → deal 9.4 % (reference); SQL → opportunity
    // is left out, so it is not "below" any more.
    expect(screen.getByText(/Not compared with a benchmark, because the CRM sets it/)).toBeTruthy();
    expect(container.textContent).not.toContain("below their benchmarks: SQL → opportunity");
  });
});

describe("a conversion window", () => {
  // 30-day window: lead → MQL 900, MQL → SQL 250, SQL → opportunity 80, opportunity → deal 5 within it;
  // lead → deal within 30 days: 0. Step rates: 900 / 5,000 = 18.0 %, 250 / 1,000 = 25.0 %,
  // 80 / 273 = 29.3 % (below 40–50 %), 5 / 96 = 5.2 %.
  const windowed = () =>
    sampleFunnel({
      windowDays: 30,
      conversions: [
        { from: "lead", to: "mql", leads: 900 },
        { from: "mql", to: "sql", leads: 250 },
        { from: "sql", to: "opportunity", leads: 80 },
        { from: "opportunity", to: "deal", leads: 5 },
        { from: "lead", to: "sql", leads: 200 },
        { from: "lead", to: "opportunity", leads: 50 },
        { from: "lead", to: "deal", leads: 0 },
      ],
    });

  it("shows beside each step the counts its rate divides, and a title from the same rule", () => {
    const funnel = windowed();
    const labels = Object.fromEntries(funnelBars(funnel).map((bar) => [bar.stage, bar.barLabel]));
    expect(labels.mql).toBe("1,000 · 900 of 5,000 in 30 d = 18.0 % step");
    expect(labels.opportunity).toBe("96 · 80 of 273 in 30 d = 29.3 % step");
    const { container } = renderReady(funnel);
    // The table beside the chart carries the same counts in its own column.
    const mqlRow = container.querySelector('tr[data-stage="mql"]');
    expect(mqlRow?.textContent).toContain("900 of 5,000");
    expect(container.textContent).toContain(
      "5,000 leads became 0 deals within 30 days: 0.0 % overall (9 in all)",
    );
    expect(container.textContent).not.toContain("became 9 deals: 0.0 %");
  });

  it("names every part of the leaking step: within the window, later, leaked, in progress", () => {
    // SQL → opportunity: 80 within + 16 later (96 − 80) + 170 leaked + 7 in progress = 273 entered.
    renderReady(windowed());
    expect(
      screen.getByText(
        "The biggest leak is SQL → Opportunity: 170 of 273 SQLs (62.3 %) went no further (120 closed lost, " +
          "50 stalled); 80 reached Opportunity within 30 days (16 more later) and 7 are still in progress; " +
          "the step converts 29.3 %, below its 40–50 % benchmark.",
      ),
    ).toBeTruthy();
  });
});
