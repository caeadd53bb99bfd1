// @vitest-environment jsdom
// Tests for the Overview screen: its loading, error and empty states and the numbers the ready state shows.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { funnelBars } from "../../src/charts/FunnelChart";
import { COUNT_EXPLAINED, countingTooltip } from "../../src/model/counting";
import { defaultDefinitions } from "../../src/model/definitions";
import { DEFAULT_SCORING } from "../../src/model/scoring";
import { useAppStore } from "../../src/store";
import { downloadText } from "../../src/ui/download";
import { OverviewView } from "../../src/views/Overview/OverviewView";
import { SAMPLE_FUNNEL_CSV, SAMPLE_LEAK_SENTENCE, sampleFunnel } from "./sampleFunnel";

vi.mock("../../src/ui/download", () => ({ downloadText: vi.fn() }));

const initialState = useAppStore.getState();

function renderReady(funnel = sampleFunnel()) {
  return render(<OverviewView state={{ status: "ready", funnel, datasetLabel: "leads.csv · 5,000 rows" }} />);
}

function tile(name: string): HTMLElement {
  return screen.getByRole("group", { name });
}

describe("OverviewView states", () => {
  it("shows start-up progress in a status region", () => {
    render(<OverviewView state={{ status: "loading", message: "Starting the query engine…" }} />);
    expect(screen.getByRole("status").textContent).toContain("Starting the query engine…");
  });

  it("says it is loading when no message is given", () => {
    render(<OverviewView state={{ status: "loading" }} />);
    expect(screen.getByRole("status").textContent).toContain("Loading…");
  });

  it("shows an error as an alert with its message", () => {
    render(
      <OverviewView state={{ status: "error", message: "The query engine did not start within 30 s." }} />,
    );
    expect(screen.getByRole("alert").textContent).toContain("The query engine did not start within 30 s.");
  });

  it("says no data is loaded and offers to import", async () => {
    const onImportClick = vi.fn();
    render(<OverviewView state={{ status: "empty" }} onImportClick={onImportClick} />);
    expect(screen.getByText(/No data is loaded yet/)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Choose files to import" }));
    expect(onImportClick).toHaveBeenCalledTimes(1);
  });
});

describe("OverviewView ready", () => {
  beforeEach(() => {
    vi.mocked(downloadText).mockClear();
    useAppStore.setState(initialState, true);
  });

  it("shows one tile per KPI, in the funnel's order, with its id and raw value", () => {
    const { container } = renderReady();
    const tiles = Array.from(container.querySelectorAll<HTMLElement>("[data-metric]"));
    expect(tiles.map((t) => [t.dataset.metric, t.dataset.value])).toEqual([
      ["leads", "5000"],
      ["mqls", "1000"],
      ["sals", ""],
      ["sqls", "273"],
      ["opportunities", "96"],
      ["deals", "9"],
      ["mql_to_sql", "0.273"],
      ["sales_acceptance", ""],
      ["sql_to_opportunity", String(96 / 273)],
      ["win_rate", "0.09375"],
      // Inside the win-rate tile, under its own name: 9 won ÷ (9 + 60 lost).
      ["closed_win_rate", String(9 / 69)],
    ]);
  });

  it("formats counts with separators and rates with one decimal and the counts behind them", () => {
    renderReady();
    expect(tile("Leads").textContent).toContain("5,000");
    const mqlToSql = tile("MQL → SQL");
    expect(mqlToSql.textContent).toContain("27.3 %");
    expect(mqlToSql.textContent).toContain("273 of 1,000");
    expect(mqlToSql.textContent).toContain("Within band");
    expect(mqlToSql.textContent).toContain("25–30 %");
    const sqlToOpportunity = tile("SQL → opportunity");
    expect(sqlToOpportunity.textContent).toContain("35.2 %");
    expect(sqlToOpportunity.textContent).toContain("96 of 273");
    expect(sqlToOpportunity.textContent).toContain("Below band");
    expect(sqlToOpportunity.textContent).toContain("40–50 %");
  });

  it("shows an untracked stage as 'Not tracked' with an empty value, never 100 %", () => {
    renderReady();
    for (const name of ["SALs", "Sales acceptance"]) {
      expect(tile(name).textContent).toContain("Not tracked");
      expect(tile(name).dataset.value).toBe("");
      expect(tile(name).textContent).not.toContain("100.0 %");
    }
  });

  it("shows the funnel win rate and, labelled separately, the closed win rate with open deals", () => {
    renderReady();
    const winRate = tile("Win rate (opportunity → deal)");
    expect(winRate.textContent).toContain("9.4 %");
    expect(winRate.textContent).toContain("9 of 96");
    expect(winRate.textContent).toContain("Above reference");
    expect(winRate.textContent).toContain("6 % (reference)");
    // 9 won / (9 + 60 lost) = 13.0 %; 96 − 9 − 60 = 27 open.
    expect(winRate.textContent).toContain(
      "Closed win rate (won ÷ won + lost): 13.0 % of closed · 27 still open",
    );
  });

  it("names the biggest leak in a sentence", () => {
    renderReady();
    expect(screen.getByText(SAMPLE_LEAK_SENTENCE)).toBeTruthy();
  });

  it("gives the funnel chart a finding as title and a table of reached, step and cumulative rates", () => {
    renderReady();
    expect(screen.getByRole("heading", { name: "5,000 leads became 9 deals: 0.2 % overall" })).toBeTruthy();
    const table = screen.getByRole("table", { name: "Leads reached per stage" });
    const cells = (stage: string) =>
      within(within(table).getByRole("row", { name: new RegExp(`^${stage}\\b`) }))
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(cells("Lead")).toEqual(["5,000", "0", "—", "—"]);
    expect(cells("MQL")).toEqual(["1,000", "0", "20.0 %", "20.0 %"]);
    expect(cells("SAL")).toEqual(["Not tracked"]);
    expect(cells("SQL")).toEqual(["273", "12", "27.3 %", "5.5 %"]);
    expect(cells("Opportunity")).toEqual(["96", "0", "35.2 %", "1.9 %"]);
    expect(cells("Deal")).toEqual(["9", "0", "9.4 %", "0.2 %"]);
    expect(screen.getByText(/12 skipped SQL/)).toBeTruthy();
    expect(screen.getByText(/Not tracked: SAL\./)).toBeTruthy();
  });

  it("compares each benchmarked rate with its band in the benchmark chart's table", () => {
    renderReady();
    expect(
      screen.getByRole("heading", {
        name: "1 of 3 benchmarked rates is below its benchmark: SQL → opportunity",
      }),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Benchmarked rates against their benchmarks" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => Array.from(row.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ["MQL → SQL", "27.3 %", "273 of 1,000", "25–30 %", "● Within band"],
      ["SQL → opportunity", "35.2 %", "96 of 273", "40–50 %", "▼ Below band"],
      ["Win rate (opportunity → deal)", "9.4 %", "9 of 96", "6 % (reference)", "▲ Above reference"],
    ]);
  });

  it("downloads the funnel table as CSV", async () => {
    renderReady();
    await userEvent.click(screen.getByRole("button", { name: "Download funnel table" }));
    await vi.waitFor(() => expect(downloadText).toHaveBeenCalled());
    const [name, csv, type] = vi.mocked(downloadText).mock.calls[0] as [string, string, string];
    expect([name, type]).toEqual(["funnel-table.csv", "text/csv;charset=utf-8"]);
    // The funnel table as the model writes it, each row led by the about_… columns (what it is about).
    const lines = csv.trim().split("\r\n");
    const table = SAMPLE_FUNNEL_CSV.trim().split("\r\n");
    expect(lines).toHaveLength(table.length);
    expect(lines[0]?.startsWith("about_data,about_filters,about_period,about_counting,")).toBe(true);
    expect(lines.every((line, i) => line.endsWith(`,${table[i]}`))).toBe(true);
  });

  it("explains a conversion window and how many leads are still incomplete", () => {
    renderReady(sampleFunnel({ windowDays: 90, incompleteLeads: 123 }));
    expect(
      screen.getByText(
        "Conversion window: only conversions within 90 days of entering a step count. 123 leads entered less " +
          "than 90 days before the as-of date, so their conversions are still incomplete.",
      ),
    ).toBeTruthy();
  });

  it("explains how stages are counted", () => {
    renderReady();
    const rules = screen.getByText("How stages are counted").closest("details");
    expect(rules?.textContent).toContain("has a date for that stage or for any later stage");
    expect(rules?.textContent).toContain("within 30 days");
  });

  it("gives each stage-count tile and funnel stage the team's definition as tooltip and description", () => {
    useAppStore.getState().setDefinition("sql", "BANT confirmed on a discovery call.");
    renderReady();
    const mqls = tile("MQLs");
    const standard = defaultDefinitions(DEFAULT_SCORING).mql;
    const cohort = countingTooltip("cohort");
    expect(mqls.getAttribute("title")).toBe(`${standard}\n${cohort}`);
    expect(mqls.getAttribute("aria-label")).toBe("MQLs");
    const describedBy = mqls.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(`${standard} ${cohort}`);
    expect(tile("SQLs").getAttribute("title")).toBe(`BANT confirmed on a discovery call.\n${cohort}`);
    expect(tile("MQL → SQL").getAttribute("title")).toBe(cohort);
    const table = screen.getByRole("table", { name: "Leads reached per stage" });
    const sqlHeader = within(table).getByRole("rowheader", { name: "SQL" });
    expect(sqlHeader.getAttribute("title")).toBe("BANT confirmed on a discovery call.");
    const headerDescription = document.getElementById(sqlHeader.getAttribute("aria-describedby") ?? "");
    expect(headerDescription?.textContent).toBe("BANT confirmed on a discovery call.");
    expect(tile("Leads").textContent).not.toContain(defaultDefinitions(DEFAULT_SCORING).lead);
  });
});

describe("OverviewView and the way of counting", () => {
  beforeEach(() => useAppStore.setState(initialState, true));

  it("names the way of counting on every tile, and says only all-time cohort counts agree with the CRM", () => {
    const { container } = renderReady();
    const tiles = Array.from(container.querySelectorAll<HTMLElement>(".kpi-tile[data-metric]"));
    expect(tiles).toHaveLength(10);
    for (const t of tiles) expect(t.title).toContain(`Counted by cohort: ${COUNT_EXPLAINED.cohort}`);
    expect(container.querySelector("[data-counting]")?.textContent).toContain(
      "agree with your CRM's reports",
    );
    expect(container.querySelector("[data-flow-ratio]")).toBeNull();
  });

  it("does not claim a cohort of a period agrees with the CRM, and points to In period", () => {
    useAppStore.setState({ filters: { segments: {}, from: "2026-03-01", to: "2026-03-31" } });
    const { container } = renderReady();
    const note = container.querySelector('[data-counting="cohort"]')?.textContent ?? "";
    expect(note).toContain("the leads that became leads in the period");
    expect(note).not.toContain("agree with your CRM");
    expect(note).toContain("In period");
  });

  it("labels in-period rates as flow ratios, never clamped, and every tile as counted in period", () => {
    useAppStore.setState({ filters: { segments: {}, from: "2026-03-01", to: "2026-03-31" }, windowDays: 30 });
    // In period more deals can be won than opportunities opened: 120 ÷ 96 = 125 %.
    const funnel = sampleFunnel();
    const inPeriod = {
      ...funnel,
      count: "period" as const,
      kpis: funnel.kpis.map((k) =>
        k.id === "win_rate" ? { ...k, value: 120 / 96, numerator: 120, denominator: 96 } : k,
      ),
    };
    const { container } = renderReady(inPeriod);
    for (const t of Array.from(container.querySelectorAll<HTMLElement>(".kpi-tile[data-metric]")))
      expect(t.title).toContain(`Counted in period: ${COUNT_EXPLAINED.period}`);
    const winRate = tile("Win rate (opportunity → deal)");
    expect(winRate.dataset.value).toBe(String(120 / 96));
    expect(winRate.textContent).toContain("125.0 %");
    expect(winRate.querySelector("[data-flow-ratio]")?.textContent).toBe(
      "Flow ratio in the period, not a cohort conversion: above 100 % because more leads entered the later stage",
    );
    expect(tile("MQL → SQL").querySelector("[data-flow-ratio]")?.textContent).toBe(
      "Flow ratio in the period, not a cohort conversion",
    );
    expect(tile("Leads").querySelector("[data-flow-ratio]")).toBeNull();
    const note = container.querySelector('[data-counting="period"]')?.textContent ?? "";
    expect(note).toContain("agree with your CRM's reports");
    expect(note).toContain("can exceed 100 %");
    expect(note).toContain("conversion window (30 days) applies to cohort counting only");
    expect(
      screen.getByText(/^Of the leads that entered each stage in the period: The biggest leak/),
    ).toBeTruthy();
    // No lead "became" a deal here: the chart's title names what entered the first and last stages.
    expect(screen.getAllByText("5,000 leads and 9 deals in the period").length).toBeGreaterThan(0);
    expect(screen.queryByText(/leads became/)).toBeNull();
    const sqlBar = funnelBars(inPeriod).find((bar) => bar.stage === "sql");
    expect(sqlBar?.barLabel).toBe("273 · 27.3 % flow · 5.5 % cumulative");
    expect(funnelBars(funnel).find((bar) => bar.stage === "sql")?.barLabel).toBe(
      "273 · 27.3 % step · 5.5 % cumulative",
    );
  });
});
