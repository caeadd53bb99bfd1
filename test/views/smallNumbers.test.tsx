// @vitest-environment jsdom
// Rates from fewer than 20 leads: tiles and charts lead with "n of m" counts and say "too few to judge";
// a 1,000-lead funnel shows its rates and statuses as before.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BenchmarkChart, benchmarkChartTitle, benchmarkedRates } from "../../src/charts/BenchmarkChart";
import { FunnelChart, funnelBars, funnelChartTitle } from "../../src/charts/FunnelChart";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { buildFunnel, type Funnel, type StageCount, type StatusCount } from "../../src/model/funnel";
import { MIN_LEADS_TO_JUDGE, TOO_FEW_TO_JUDGE, tooFewToJudge } from "../../src/model/smallNumbers";
import { STAGES } from "../../src/model/stages";
import { OverviewView } from "../../src/views/Overview/OverviewView";

/*
 * Two funnels, every stage tracked, no skips:
 * stage         tiny (10 leads)   large (1,000 leads)
 * lead                10               1,000
 * mql                  8                 400   MQL → SQL 5/8 vs 110/400; acceptance 7/8 vs 340/400
 * sal                  7                 340
 * sql                  5                 110   SQL → opportunity 3/5 vs 50/110
 * opportunity          3                  50   win rate 2/3 vs 20/50
 * deal                 2                  20
 * Every step of the tiny funnel starts from fewer than 20 leads; none of the large one's does.
 * Closed: tiny 2 won + 1 lost (3 closed, under 20); large 20 won + 10 lost (30 closed).
 */
function funnelOf(reached: readonly number[], statuses: StatusCount[]): Funnel {
  const stages: StageCount[] = STAGES.map((stage, i) => ({
    stage,
    tracked: true,
    reached: reached[i] ?? 0,
    skipped: 0,
  }));
  return buildFunnel(
    {
      stages,
      conversions: [],
      statuses,
      windowDays: null,
      incompleteLeads: 0,
      lostRecorded: true,
      sameDay: [],
    },
    DEFAULT_BENCHMARKS,
  );
}

const tinyFunnel = () =>
  funnelOf(
    [10, 8, 7, 5, 3, 2],
    [
      { stage: "lead", status: "stalled", leads: 2 },
      { stage: "mql", status: "rejected", leads: 1 },
      { stage: "sal", status: "in_progress", leads: 2 },
      { stage: "sql", status: "stalled", leads: 2 },
      { stage: "opportunity", status: "lost", leads: 1 },
      { stage: "deal", status: "won", leads: 2 },
    ],
  );

const largeFunnel = () =>
  funnelOf(
    [1000, 400, 340, 110, 50, 20],
    [
      { stage: "lead", status: "stalled", leads: 600 },
      { stage: "mql", status: "rejected", leads: 60 },
      { stage: "sal", status: "stalled", leads: 230 },
      { stage: "sql", status: "stalled", leads: 60 },
      { stage: "opportunity", status: "lost", leads: 10 },
      { stage: "opportunity", status: "in_progress", leads: 20 },
      { stage: "deal", status: "won", leads: 20 },
    ],
  );

function renderOverview(funnel: Funnel) {
  return render(<OverviewView state={{ status: "ready", funnel, datasetLabel: "test" }} />);
}

const tile = (name: string) => screen.getByRole("group", { name });

describe("the small-numbers threshold", () => {
  it("is 20 leads: 19 is too few, 20 is enough, and no leads means no rate at all", () => {
    expect(MIN_LEADS_TO_JUDGE).toBe(20);
    expect(tooFewToJudge(19)).toBe(true);
    expect(tooFewToJudge(20)).toBe(false);
    expect(tooFewToJudge(0)).toBe(false);
    expect(tooFewToJudge(null)).toBe(false);
  });
});

describe("KPI tiles", () => {
  it("show a rate from fewer than 20 leads as counts, flagged too few to judge, with no status", () => {
    renderOverview(tinyFunnel());
    const mqlToSql = tile("MQL → SQL");
    expect(mqlToSql.querySelector(".kpi-value")?.textContent).toBe("5 of 8");
    expect(mqlToSql.textContent).toContain("62.5 %");
    expect(mqlToSql.textContent).toContain(TOO_FEW_TO_JUDGE);
    expect(mqlToSql.textContent).toContain("Benchmark 25–30 %");
    expect(mqlToSql.textContent).not.toMatch(/(Above|Below|Within) band/);
    expect(mqlToSql.dataset.status).toBeUndefined();
    // The public contract is unchanged: the raw fraction, the id, the accessible name.
    expect(mqlToSql.dataset.metric).toBe("mql_to_sql");
    expect(mqlToSql.dataset.value).toBe("0.625");
    for (const name of ["Sales acceptance", "SQL → opportunity", "Win rate (opportunity → deal)"]) {
      expect(tile(name).textContent).toContain(TOO_FEW_TO_JUDGE);
    }
    expect(tile("Win rate (opportunity → deal)").querySelector(".kpi-value")?.textContent).toBe("2 of 3");
  });

  it("never flag count tiles", () => {
    renderOverview(tinyFunnel());
    expect(tile("Leads").textContent).toBe("Leads10");
  });

  it("show the closed win rate from fewer than 20 closed deals as counts", () => {
    renderOverview(tinyFunnel());
    expect(tile("Win rate (opportunity → deal)").textContent).toContain(
      "Closed win rate (won ÷ won + lost): 2 of 3 closed won · 0 still open",
    );
  });

  it("keep rates and statuses for a 1,000-lead funnel, with no flag", () => {
    const { container } = renderOverview(largeFunnel());
    expect(container.textContent).not.toContain("Too few to judge");
    expect(container.querySelector("[data-small-sample]")).toBeNull();
    const mqlToSql = tile("MQL → SQL");
    // 110 / 400 = 27.5 %, within 25–30 %.
    expect(mqlToSql.querySelector(".kpi-value")?.textContent).toBe("27.5 %");
    expect(mqlToSql.textContent).toContain("110 of 400");
    expect(mqlToSql.textContent).toContain("Within band");
    expect(mqlToSql.dataset.status).toBe("within");
    // 20 won / 30 closed = 66.7 %.
    expect(tile("Win rate (opportunity → deal)").textContent).toContain("66.7 % of closed · 20 still open");
  });
});

describe("the Overview", () => {
  it("says once, at the top, that a 10-lead selection is too small to judge", () => {
    renderOverview(tinyFunnel());
    expect(
      screen.getByText(
        "Only 10 leads in this selection: rates from fewer than 20 leads are too few to judge, so the tiles " +
          "and charts show counts and no benchmark status for them.",
      ),
    ).toBeTruthy();
  });
});

describe("FunnelChart", () => {
  it("labels every step of a 10-lead funnel with counts and says they are too few to judge", () => {
    const funnel = tinyFunnel();
    expect(funnelBars(funnel).map((bar) => bar.barLabel)).toEqual([
      "10",
      "8 of 10 step · too few to judge",
      "7 of 8 step · too few to judge",
      "5 of 7 step · too few to judge",
      "3 of 5 step · too few to judge",
      "2 of 3 step · too few to judge",
    ]);
    expect(funnelChartTitle(funnel)).toBe("10 leads became 2 deals — too few to judge (fewer than 20 leads)");
    render(<FunnelChart funnel={funnel} width={720} height={360} />);
    expect(
      screen.getByText(
        /^Too few to judge \(fewer than 20 leads\): Lead → MQL starts from 10 leads, MQL → SAL starts from 8 MQLs, .*Opportunity → Deal starts from 3 opportunities\. They are shown as counts/,
      ),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Leads reached per stage" });
    const cells = within(within(table).getByRole("row", { name: /^SQL\b/ }))
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // SQL: 5 of 7 SALs (71.4 %), 5 of 10 leads (50.0 %).
    expect(cells).toEqual(["5", "0", "71.4 % · 5 of 7", "50.0 % · 5 of 10"]);
  });

  it("keeps percentages for a 1,000-lead funnel", () => {
    const funnel = largeFunnel();
    expect(funnelBars(funnel).map((bar) => bar.barLabel)).toEqual([
      "1,000",
      "400 · 40.0 % step · 40.0 % cumulative",
      "340 · 85.0 % step · 34.0 % cumulative",
      "110 · 32.4 % step · 11.0 % cumulative",
      "50 · 45.5 % step · 5.0 % cumulative",
      "20 · 40.0 % step · 2.0 % cumulative",
    ]);
    expect(funnelChartTitle(funnel)).toBe("1,000 leads became 20 deals: 2.0 % overall");
    const { container } = render(<FunnelChart funnel={funnel} width={720} height={360} />);
    expect(container.textContent).not.toContain("Too few to judge");
  });

  it("flags only the step that starts from fewer than 20 leads", () => {
    // 1,000 leads but only 12 opportunities: opportunity → deal (4 of 12) is the one small step.
    const funnel = funnelOf([1000, 400, 340, 110, 12, 4], []);
    const labels = funnelBars(funnel).map((bar) => bar.barLabel);
    expect(labels[4]).toBe("12 · 10.9 % step · 1.2 % cumulative");
    expect(labels[5]).toBe("4 of 12 step · too few to judge");
    expect(funnelChartTitle(funnel)).toBe("1,000 leads became 4 deals: 0.4 % overall");
  });
});

describe("BenchmarkChart", () => {
  it("shows counts and no status for benchmarked rates from fewer than 20 leads", () => {
    const funnel = tinyFunnel();
    expect(benchmarkedRates(funnel).map((r) => [r.id, r.tooFewToJudge])).toEqual([
      ["mql_to_sql", true],
      ["sales_acceptance", true],
      ["sql_to_opportunity", true],
      ["win_rate", true],
    ]);
    render(<BenchmarkChart funnel={funnel} width={720} height={300} />);
    expect(
      screen.getByRole("heading", {
        name: "None of the 4 benchmarked rates has enough leads to judge (fewer than 20 each)",
      }),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Benchmarked rates against their benchmarks" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => Array.from(row.children).map((c) => c.textContent));
    expect(rows[0]).toEqual(["MQL → SQL", "62.5 %", "5 of 8", "25–30 %", TOO_FEW_TO_JUDGE]);
    expect(
      screen.getByText(/^Too few to judge \(fewer than 20 leads\): MQL → SQL \(5 of 8\), /),
    ).toBeTruthy();
  });

  it("judges only the rates with enough leads and counts the others in the title", () => {
    const funnel = funnelOf([1000, 400, 340, 110, 12, 4], []);
    const rates = benchmarkedRates(funnel);
    expect(rates.filter((r) => r.tooFewToJudge).map((r) => r.id)).toEqual(["win_rate"]);
    // MQL → SQL 27.5 % within; acceptance 85.0 % within; SQL → opportunity 10.9 % below.
    expect(benchmarkChartTitle(rates)).toBe(
      "1 of 3 benchmarked rates is below its benchmark: SQL → opportunity; 1 more has too few leads to judge",
    );
  });

  it("judges every rate of a 1,000-lead funnel", () => {
    const funnel = largeFunnel();
    expect(benchmarkedRates(funnel).every((r) => !r.tooFewToJudge)).toBe(true);
    const { container } = render(<BenchmarkChart funnel={funnel} width={720} height={300} />);
    expect(container.textContent).not.toContain("Too few to judge");
    expect(container.querySelector("[data-small-sample]")).toBeNull();
  });
});
