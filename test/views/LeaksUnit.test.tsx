// @vitest-environment jsdom
// The Leaks screen words its counts by the funnel's unit (model/stages.ts funnelUnitOf): a deals export
// linked to no lead leaks opportunities, not leads — in the table's caption as on the chart's axis.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { buildLeaks, leaksUnit } from "../../src/model/leaks";
import { unitNoun } from "../../src/model/stages";
import { LeakTable } from "../../src/views/Leaks/LeakCharts";
import { funnelCountsFrom } from "../support/funnelCounts";

afterEach(cleanup);

// 200 opportunities: 50 won, 150 lost at Opportunity → Deal.
const dealsOnly = buildLeaks(
  {
    funnel: funnelCountsFrom(
      ["opportunity", "deal"],
      [
        { stage: "opportunity", status: "lost", leads: 150 },
        { stage: "deal", status: "won", leads: 50 },
      ],
    ),
    segments: [],
    contactsRecorded: false,
    stalledDays: 30,
  },
  DEFAULT_BENCHMARKS,
);

// 100 leads: 60 stalled at Lead, 40 reached MQL.
const fromLeads = buildLeaks(
  {
    funnel: funnelCountsFrom(
      ["lead", "mql"],
      [
        { stage: "lead", status: "stalled", leads: 60 },
        { stage: "mql", status: "in_progress", leads: 40 },
      ],
    ),
    segments: [],
    contactsRecorded: false,
    stalledDays: 30,
  },
  DEFAULT_BENCHMARKS,
);

describe("the leaks' unit", () => {
  it("is opportunities when the first step starts at Opportunity, else leads", () => {
    expect(leaksUnit(dealsOnly)).toBe("opportunity");
    expect(leaksUnit(fromLeads)).toBe("lead");
    expect([unitNoun("opportunity", 1), unitNoun("opportunity", 150), unitNoun("lead", 2, true)]).toEqual([
      "opportunity",
      "opportunities",
      "Leads",
    ]);
  });

  it("names the table of a deals export's leaks by opportunities", () => {
    render(<LeakTable leaks={dealsOnly} />);
    expect(
      screen.getByRole("table", { name: "Opportunities that stopped at each step, by reason" }),
    ).toBeTruthy();
    cleanup();
    render(<LeakTable leaks={fromLeads} />);
    expect(screen.getByRole("table", { name: "Leads that stopped at each step, by reason" })).toBeTruthy();
  });
});
