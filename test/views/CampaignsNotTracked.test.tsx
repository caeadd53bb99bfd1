// @vitest-environment jsdom
// The Campaigns screen, the scoring headline, the AIDA view and the campaigns slide when the data does
// not track a stage, and when groups are too small to compare. Hand-built numbers, worked in comments.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Aida } from "../../src/metrics/aida";
import type { ScoringReport } from "../../src/metrics/scoring";
import { aidaSteps } from "../../src/model/aida";
import {
  ALL_TRACKED,
  type CampaignReport,
  type CampaignRow,
  type TrackedStages,
} from "../../src/model/campaigns";
import { DEFAULT_SCORING } from "../../src/model/scoring";
import { VolumeYieldChart, yieldChartTitle } from "../../src/views/Campaigns/CampaignCharts";
import { CampaignReportView } from "../../src/views/Campaigns/CampaignsView";
import { scoringSummary } from "../../src/views/Campaigns/ScoringSection";
import { aidaStepLabel, aidaTitle } from "../../src/views/Leaks/AidaSection";
import { campaignsSlide } from "../../src/views/Presentation/slides";
import { campaignReport, campaignRow } from "../support/campaigns";

const DEALS_ONLY: TrackedStages = { ...ALL_TRACKED, lead: false, mql: false, sal: false, sql: false };

/** What queryCampaigns returns for test/fixtures/campaigns-deals-only.csv (test/metrics/campaigns.test.ts). */
function dealsOnly(): CampaignReport {
  const dealRow = (name: string, leads: number, deals: number, revenue: number): CampaignRow => ({
    ...campaignRow(name, leads, leads),
    mqls: null,
    sqls: null,
    opportunities: leads,
    deals,
    revenue,
    mqlYield: null,
    mqlYieldInterval: null,
    tooSmallToJudge: false,
  });
  return {
    dimension: "campaign",
    attribution: "first_touch",
    rows: [dealRow("Paid Search", 30, 6, 12000), dealRow("Spring Webinar", 25, 10, 10000)],
    totals: { leads: 55, mqls: null, revenue: 22000, spend: null },
    hasSpend: false,
    tracked: DEALS_ONLY,
  };
}

describe("Campaigns screen on a deals-only export", () => {
  it("says MQL yield is not tracked, names no best campaign and prints no 100 %", () => {
    const { container } = render(<CampaignReportView report={dealsOnly()} />);
    const text = container.textContent ?? "";
    expect(container.querySelector("[data-campaign-headline]")?.textContent).toBe(
      "MQL yield is not tracked: no lead in this data has an MQL date, so no campaign is named best or worst.",
    );
    // 55 deals; revenue 12,000 + 10,000 = 22,000 is recorded, MQLs are not.
    expect(text).toContain(
      "55 leads; MQLs not tracked (no lead in this data has an MQL date); revenue 22,000",
    );
    expect(text).toContain(
      "Not tracked: MQL yield, SQL of MQLs, opportunity of MQLs, deal of MQLs (no lead in this data has an MQL date).",
    );
    expect(text).not.toMatch(/100\.0 %|became MQLs|best MQL yield/);
    const paid = container.querySelector('tr[data-campaign="Paid Search"]');
    if (!(paid instanceof HTMLElement)) throw new Error("no Paid Search row");
    const cells = within(paid)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // Leads, MQL yield, interval, SQL / opportunity / deal of MQLs, revenue.
    expect(cells).toEqual([
      "30",
      "not tracked",
      "not tracked",
      "not tracked",
      "not tracked",
      "not tracked",
      "12,000",
    ]);
    expect(paid.dataset.smallSample).toBeUndefined();
  });

  it("leaves the campaigns slide out: there is no MQL yield to show", () => {
    expect(campaignsSlide(dealsOnly())).toBeNull();
  });
});

describe("campaign charts with small groups", () => {
  it("names no best yield when only one campaign has enough leads to judge", () => {
    // Webinar 60 of 200 is judged; Tiny (9 of 10) is too small. One judged campaign is best of nothing.
    const r = campaignReport([campaignRow("Webinar", 200, 60), campaignRow("Tiny", 10, 9)]);
    expect(yieldChartTitle(r)).toBe(
      "MQL yield by campaign: too few to judge (fewer than two campaigns with enough leads to compare)",
    );
  });

  it("never places a campaign too small to judge in the high-volume, low-yield corner", () => {
    // Big 200 of 400 and Bigger 150 of 300 are judged (50 %); S1 has 1 of 19 (5.3 %), too small.
    // Leads 400, 300, 19, 5, 5, 5, 5: median 5, so S1 is "high volume"; overall yield
    // (200 + 150 + 1 + 4 × 1) / 739 = 48.0 %, so it is "low yield" — but it is too small to judge.
    const r = campaignReport([
      campaignRow("Big", 400, 200),
      campaignRow("Bigger", 300, 150),
      campaignRow("S1", 19, 1),
      ...["S2", "S3", "S4", "S5"].map((name) => campaignRow(name, 5, 1)),
    ]);
    render(<VolumeYieldChart report={r} />);
    expect(
      screen.getByRole("heading", {
        name: "No campaign with enough leads combines above-median volume with below-average yield",
      }),
    ).toBeTruthy();
  });
});

describe("scoring headline without MQL or SQL dates", () => {
  it("states the model's would-be MQLs and says the recorded MQLs and SQLs are not tracked", () => {
    // test/fixtures/campaigns-deals-only.csv (test/metrics/scoring.test.ts): 55 leads scoring 0.
    const r: ScoringReport = {
      model: DEFAULT_SCORING,
      leads: 55,
      wouldBeMqls: 0,
      recordedMqls: null,
      sqlReady: 0,
      highestScore: 0,
      distribution: [{ binStart: 0, leads: 55 }],
      bands: [],
      tuning: [{ threshold: 0, wouldBeMqls: 55, becameSql: null, sqlShare: null }],
      agreement: null,
      tracked: DEALS_ONLY,
    };
    expect(scoringSummary(r)).toBe(
      "At 75 points, 0 of 55 leads would be MQLs (recorded as MQL: not tracked, no lead in this data has an MQL date). " +
        "Whether the would-be MQLs reached SQL is not tracked: no lead in this data has an SQL date; " +
        "0 score above 100 (SQL-ready).",
    );
  });
});

describe("AIDA view without every stage tracked", () => {
  it("shows an untracked stage as not tracked and runs the next rate from the nearest tracked stage", () => {
    // Awareness 50 of 60 leads; Interest not tracked; Decision 20: 40.0 % of Awareness's 50 (20 ≥ 20
    // leads, so no "too few" note); Action 4 of 20 = 20.0 %.
    const stages = [
      { stage: "awareness" as const, reached: 50 },
      { stage: "interest" as const, reached: null },
      { stage: "decision" as const, reached: 20 },
      { stage: "action" as const, reached: 4 },
    ];
    const steps = aidaSteps(60, true, stages);
    expect(
      steps.map((s, i) => aidaStepLabel(s, i === 0 ? "leads" : (stages[i - 1]?.stage ?? "leads"))),
    ).toEqual(["83.3 % · 50 of 60", "not tracked", "40.0 % · 20 of 50 of Awareness", "20.0 % · 4 of 20"]);
  });

  it("says Action is not tracked instead of 0 % reaching it", () => {
    const aida: Aida = {
      leads: 60,
      stages: [
        { stage: "awareness", reached: 50, tracked: true },
        { stage: "interest", reached: 30, tracked: true },
        { stage: "decision", reached: 20, tracked: true },
        { stage: "action", reached: null, tracked: false },
      ],
      mqls: 25,
      decisionNeverMql: 3,
      mqlAwarenessOnly: 2,
      mqlWithoutBehaviour: 0,
      disagreementsNotTracked: null,
      tracked: { ...ALL_TRACKED, deal: false },
    };
    expect(aidaTitle(aida)).toBe(
      "50 leads showed Awareness behaviour; Action is not tracked: no activity in this data counts as Action",
    );
  });
});
