// @vitest-environment jsdom
// Tests for the funnel and benchmark charts: finding titles, notes and text alternatives, at a fixed size.
import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { BenchmarkChart, benchmarkedRates } from "../../src/charts/BenchmarkChart";
import { FunnelChart } from "../../src/charts/FunnelChart";
import { sampleFunnel } from "./sampleFunnel";

describe("charts at a fixed size", () => {
  let warn: MockInstance;
  let error: MockInstance;
  beforeEach(() => {
    warn = vi.spyOn(console, "warn");
    error = vi.spyOn(console, "error");
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("draws the funnel without warnings and keeps its table", () => {
    render(<FunnelChart funnel={sampleFunnel()} width={720} height={360} />);
    expect(screen.getByRole("heading", { name: "5,000 leads became 9 deals: 0.2 % overall" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Leads reached per stage" })).toBeTruthy();
    expect(screen.getByText("Leads reached (count)")).toBeTruthy();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it("draws the benchmark bars without warnings and keeps its table", () => {
    render(<BenchmarkChart funnel={sampleFunnel()} width={720} height={260} />);
    const table = screen.getByRole("table", { name: "Benchmarked rates against their benchmarks" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe("FunnelChart", () => {
  it("states a deals-only funnel in its title and lists the untracked stages", () => {
    const funnel = sampleFunnel({
      stages: [
        { stage: "lead", tracked: false, reached: 0, skipped: 0 },
        { stage: "mql", tracked: false, reached: 0, skipped: 0 },
        { stage: "sal", tracked: false, reached: 0, skipped: 0 },
        { stage: "sql", tracked: false, reached: 0, skipped: 0 },
        { stage: "opportunity", tracked: true, reached: 200, skipped: 0 },
        { stage: "deal", tracked: true, reached: 1, skipped: 0 },
      ],
    });
    render(<FunnelChart funnel={funnel} width={720} height={200} />);
    // Its bars count opportunities, and the axis says so.
    expect(screen.getByText("Opportunities reached (count)")).toBeTruthy();
    expect(screen.queryByText("Leads reached (count)")).toBeNull();
    expect(screen.getByRole("table", { name: "Opportunities reached per stage" })).toBeTruthy();
    // 1 / 200 = 0.5 %.
    expect(
      screen.getByRole("heading", { name: "200 opportunities became 1 deal: 0.5 % overall" }),
    ).toBeTruthy();
    expect(screen.getByText(/Not tracked: Lead, MQL, SAL, SQL\./)).toBeTruthy();
  });
});

describe("BenchmarkChart", () => {
  it("includes each benchmarked rate once, skipping rates that cannot be measured", () => {
    // Sales acceptance has a benchmark but SAL is not tracked, so it has no value.
    expect(benchmarkedRates(sampleFunnel()).map((r) => [r.id, r.status])).toEqual([
      ["mql_to_sql", "within"],
      ["sql_to_opportunity", "below"],
      ["win_rate", "above"],
    ]);
  });

  it("says so when no benchmarked rate can be measured", () => {
    const funnel = sampleFunnel({
      stages: [
        { stage: "lead", tracked: true, reached: 10, skipped: 0 },
        { stage: "mql", tracked: true, reached: 4, skipped: 0 },
        { stage: "sal", tracked: false, reached: 0, skipped: 0 },
        { stage: "sql", tracked: false, reached: 0, skipped: 0 },
        { stage: "opportunity", tracked: false, reached: 0, skipped: 0 },
        { stage: "deal", tracked: false, reached: 0, skipped: 0 },
      ],
    });
    render(<BenchmarkChart funnel={funnel} />);
    expect(
      screen.getByRole("heading", { name: "No benchmarked rate can be measured with this data" }),
    ).toBeTruthy();
  });
});
