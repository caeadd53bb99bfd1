// Slide headlines from hand-built numbers whose sentences can be checked by hand.
import { describe, expect, it } from "vitest";
import { rate } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { ALL_TRACKED } from "../../src/model/campaigns";
import { buildFunnel, type FunnelCounts } from "../../src/model/funnel";
import {
  alignmentHeadline,
  biggestLeakHeadline,
  campaignsHeadline,
  monthName,
  overviewHeadline,
  type TeamHandoffs,
  type TrendMonth,
  trendHeadline,
  trendStepToShow,
} from "../../src/model/headlines";
import { biggestLeakSentence } from "../../src/model/insights";
import { buildLeaks } from "../../src/model/leaks";
import { STAGES, type Stage } from "../../src/model/stages";
import { campaignReport, campaignRow } from "../support/campaigns";
import { funnelCountsFrom } from "../support/funnelCounts";
import { SAMPLE_LEAK_SENTENCE, sampleFunnel } from "../views/sampleFunnel";

const benchmark = (id: string) => {
  const found = DEFAULT_BENCHMARKS.find((b) => b.id === id);
  if (!found) throw new Error(`no benchmark ${id}`);
  return found;
};

/** A funnel from reached counts only; stages left out are not tracked. */
function funnelOf(reached: Partial<Record<Stage, number>>) {
  const counts: FunnelCounts = {
    stages: STAGES.map((stage) => ({
      stage,
      tracked: reached[stage] !== undefined,
      reached: reached[stage] ?? 0,
      skipped: 0,
    })),
    conversions: [],
    statuses: [],
    windowDays: null,
    incompleteLeads: 0,
    lostRecorded: true,
    sameDay: [],
  };
  return buildFunnel(counts, DEFAULT_BENCHMARKS);
}

describe("overview headline", () => {
  it("states MQL → SQL below its band: 46 of 250 is 18.4 %", () => {
    expect(overviewHeadline(funnelOf({ lead: 1000, mql: 250, sql: 46 }))).toBe(
      "MQL → SQL is 18.4 % — below the 25–30 % band",
    );
  });

  it("says above when 31 of 100 MQLs reach SQL", () => {
    expect(overviewHeadline(funnelOf({ lead: 1000, mql: 100, sql: 31 }))).toBe(
      "MQL → SQL is 31.0 % — above the 25–30 % band",
    );
  });

  it("compares after rounding to the decimal shown: 2,496 of 10,000 is 25.0 %, within", () => {
    expect(overviewHeadline(funnelOf({ lead: 20000, mql: 10000, sql: 2496 }))).toBe(
      "MQL → SQL is 25.0 % — within the 25–30 % band",
    );
  });

  it("adds the step below its band when MQL → SQL is within (273 of 1,000; SQL → opportunity 96 of 273)", () => {
    expect(overviewHeadline(sampleFunnel())).toBe(
      "MQL → SQL is 27.3 % — within the 25–30 % band; SQL → opportunity is 35.2 %, below its 40–50 % band",
    );
  });

  it("says too few to judge when fewer than 20 MQLs rest under MQL → SQL", () => {
    expect(overviewHeadline(funnelOf({ lead: 30, mql: 12, sql: 5 }))).toBe(
      "Too few leads to judge MQL → SQL: 5 of 12 MQLs reached SQL",
    );
  });

  it("names the step furthest out of band when SQL is not tracked: 350 of 500 accepted", () => {
    expect(overviewHeadline(funnelOf({ lead: 1000, mql: 500, sal: 350 }))).toBe(
      "Sales acceptance is 70.0 % — below the ≥ 80 % band",
    );
  });

  it("says every step is within its band when none is out of it", () => {
    expect(overviewHeadline(funnelOf({ lead: 1000, mql: 500, sal: 450 }))).toBe(
      "Every benchmarked step with enough leads is within its band",
    );
  });

  it("says there is nothing to judge in an empty selection", () => {
    expect(overviewHeadline(funnelOf({ lead: 0, mql: 0, sql: 0 }))).toBe(
      "No leads in this selection, so there is nothing to judge",
    );
  });
});

describe("biggest-leak headline", () => {
  it("shortens the Overview's sentence and keeps its numbers (170 of 273 SQLs = 62.3 %)", () => {
    const funnel = sampleFunnel();
    expect(biggestLeakSentence(funnel)).toBe(SAMPLE_LEAK_SENTENCE);
    expect(biggestLeakHeadline(funnel.biggestLeak)).toBe(
      "The biggest leak is SQL → Opportunity: 62.3 % of SQLs went no further; it converts 35.2 %, below its 40–50 % band",
    );
  });

  it("reads the Leaks screen's finding too: 60 of 100 leads stalled at Lead → MQL, no band", () => {
    const leaks = buildLeaks(
      {
        funnel: funnelCountsFrom(
          ["lead", "mql"],
          [
            { stage: "lead", status: "stalled", leads: 60 },
            { stage: "lead", status: "in_progress", leads: 10 },
            { stage: "mql", status: "in_progress", leads: 30 },
          ],
        ),
        segments: [],
        contactsRecorded: false,
        stalledDays: 30,
      },
      DEFAULT_BENCHMARKS,
    );
    expect(biggestLeakHeadline(leaks.biggest)).toBe(
      "The biggest leak is Lead → MQL: 60.0 % of leads went no further",
    );
  });

  it("says too few to judge when the leaking step starts from 5 SQLs", () => {
    expect(
      biggestLeakHeadline({
        step: { from: "sql", to: "opportunity", entered: 5, leaked: 2, rate: 0.6, benchmark: null },
        share: 0.4,
        belowBenchmark: false,
      }),
    ).toBe("Too few to judge the biggest leak: 2 of 5 SQLs went no further at SQL → Opportunity");
  });

  it("says nothing leaked when there is no leak", () => {
    expect(biggestLeakHeadline(null)).toBe(
      "No leads have leaked yet: every lead either advanced or is still in progress",
    );
  });
});

describe("campaigns headline", () => {
  it("names the best (60 of 200) and worst (72 of 300) yield, never the 10-lead campaign at 90 %", () => {
    const rows = [
      campaignRow("Webinar", 200, 60),
      campaignRow("Paid Social", 300, 72),
      campaignRow("Tiny", 10, 9),
    ];
    expect(campaignsHeadline(campaignReport(rows))).toBe(
      "Webinar turns 30.0 % of its leads into MQLs, Paid Social only 24.0 %",
    );
  });

  it("names CRM codes as the screen shows them: PAID_SOCIAL as Paid social", () => {
    const rows = [campaignRow("WEBINAR_SERIES", 200, 60), campaignRow("PAID_SOCIAL", 300, 72)];
    expect(campaignsHeadline(campaignReport(rows, "channel"))).toBe(
      "Webinar series turns 30.0 % of its leads into MQLs, Paid social only 24.0 %",
    );
  });

  it("says too few to compare when only one campaign has enough leads", () => {
    expect(
      campaignsHeadline(campaignReport([campaignRow("Webinar", 200, 60), campaignRow("Tiny", 10, 9)])),
    ).toBe("Too few campaigns with enough leads to compare MQL yield: only Webinar (30.0 %)");
  });

  it("says too few to judge when no channel has enough leads", () => {
    expect(campaignsHeadline(campaignReport([campaignRow("Email", 12, 3)], "channel"))).toBe(
      "Too few leads to judge MQL yield: no channel has enough leads",
    );
  });

  it("says there is nothing to compare without rows", () => {
    expect(campaignsHeadline(campaignReport([]))).toBe("No leads in this selection to compare by campaign");
  });

  it("names no campaign when MQL is not tracked (a deals-only export reaches MQL with every deal)", () => {
    // 800 and 800 deals, every one "reached" MQL by the reached rule: 100 % yield each, which used to
    // be named as the best and worst campaign. Without MQL dates there is no yield to compare.
    const rows = [campaignRow("Webinar", 800, 800), campaignRow("Paid Social", 800, 800)];
    const deals = {
      ...campaignReport(rows),
      tracked: { ...ALL_TRACKED, lead: false, mql: false, sal: false, sql: false },
    };
    expect(campaignsHeadline(deals)).toBe(
      "MQL yield is not tracked: no lead in this data has an MQL date, so no campaign is named best or worst",
    );
  });
});

function team(name: string, sla: [number, number], review: [number, number], contact: [number, number]) {
  const handoffs: TeamHandoffs = {
    team: name,
    slaCompliance: rate(...sla),
    reviewSla: rate(...review),
    contactSla: rate(...contact),
    feedbackSla: rate(50, 100),
  };
  return handoffs;
}

const SETTINGS = { targets: { reviewHours: 4, contactHours: 24, feedbackHours: 48 }, slaGoal: 0.8 };
/** Every hand-off part recorded in the workspace (review, contact, feedback events and SAL dates). */
const EVERY_PART = { review: true, contact: true, feedback: true, acceptance: true };

describe("alignment headline", () => {
  it("names the team furthest below the goal and its weakest step (contact 30 of 100)", () => {
    const teams = [
      team("Enterprise", [90, 100], [95, 100], [92, 100]),
      team("Regional", [25, 100], [60, 100], [30, 100]),
    ];
    expect(alignmentHeadline(teams, SETTINGS, 0.7, EVERY_PART)).toBe(
      "Regional is furthest from the hand-off SLA: 25.0 % of hand-offs within SLA (goal 80.0 %); weakest step first contact within 24 h, 30.0 %",
    );
  });

  it("never names a team with too few hand-offs due (2 of 10), however low", () => {
    const teams = [
      team("Inside Sales", [2, 10], [2, 10], [2, 10]),
      team("Regional", [50, 100], [40, 100], [70, 100]),
    ];
    expect(alignmentHeadline(teams, SETTINGS, null, EVERY_PART)).toBe(
      "Regional is furthest from the hand-off SLA: 50.0 % of hand-offs within SLA (goal 80.0 %); weakest step review within 4 h, 40.0 %",
    );
  });

  it("gives the alignment score when every team meets the goal", () => {
    const teams = [team("Enterprise", [90, 100], [95, 100], [92, 100])];
    expect(alignmentHeadline(teams, SETTINGS, 0.9, EVERY_PART)).toBe(
      "Every team meets the hand-off SLA goal of 80.0 %; alignment score 90.0 %",
    );
  });

  it("says too few to judge when every team has fewer than 20 hand-offs due", () => {
    expect(alignmentHeadline([team("Regional", [5, 10], [5, 10], [5, 10])], SETTINGS, 0.5, EVERY_PART)).toBe(
      "Too few hand-offs to judge the SLA: fewer than 20 due in every team",
    );
  });

  it("says there is no hand-off without MQL dates", () => {
    expect(alignmentHeadline([], SETTINGS, null, EVERY_PART)).toBe(
      "No lead in this selection has an MQL date, so there is no hand-off to measure",
    );
  });

  it("gives no SLA figure when the data records no review, contact or feedback (every SLA rate 0 of 0)", () => {
    const untimed: TeamHandoffs = {
      team: "Regional",
      slaCompliance: rate(0, 0),
      reviewSla: rate(0, 0),
      contactSla: rate(0, 0),
      feedbackSla: rate(0, 0),
    };
    const onlyAcceptance = { review: false, contact: false, feedback: false, acceptance: true };
    expect(alignmentHeadline([untimed], SETTINGS, 0.75, onlyAcceptance)).toBe(
      "The hand-off SLA is not tracked: no sales review, contact or feedback events (sales_review, sales_contact, sales_feedback) in the data, so no hand-off can be timed",
    );
  });

  it("names the parts the score averages when review and feedback are not tracked", () => {
    // Contact 90 of 100 and acceptance 80 of 100 tracked: score (90 % + 80 %) ÷ 2 = 85 %.
    const contactOnly: TeamHandoffs = {
      team: "Enterprise",
      slaCompliance: rate(90, 100),
      reviewSla: rate(0, 0),
      contactSla: rate(90, 100),
      feedbackSla: rate(0, 0),
    };
    const tracking = { review: false, contact: true, feedback: false, acceptance: true };
    expect(alignmentHeadline([contactOnly], SETTINGS, 0.85, tracking)).toBe(
      "Every team meets the hand-off SLA goal of 80.0 %; alignment score 85.0 % (contact SLA and acceptance only)",
    );
  });
});

const month = (m: string, converted: number, entered: number, status: TrendMonth["status"] = "complete") => ({
  month: m,
  entered,
  converted,
  rate: converted / entered,
  status,
});

describe("trends headline", () => {
  it("reads the latest complete month against the band, not the maturing one (46 of 250 in April)", () => {
    const step = {
      from: "mql" as const,
      to: "sql" as const,
      months: [month("2026-03", 40, 200), month("2026-04", 46, 250), month("2026-05", 10, 100, "maturing")],
    };
    expect(trendHeadline(step, benchmark("mql_to_sql"))).toBe(
      "MQL → SQL was 18.4 % in April 2026, the latest complete month — below the 25–30 % band",
    );
  });

  it("states the direction without a band: 100 of 400 in March, 120 of 400 in April", () => {
    const step = {
      from: "lead" as const,
      to: "mql" as const,
      months: [month("2026-03", 100, 400), month("2026-04", 120, 400)],
    };
    expect(trendHeadline(step, null)).toBe(
      "Lead → MQL rose from 25.0 % in March 2026 to 30.0 % in April 2026",
    );
  });

  it("compares with the last month that has enough leads, skipping a 10-lead month", () => {
    const step = {
      from: "lead" as const,
      to: "mql" as const,
      months: [month("2026-02", 120, 400), month("2026-03", 3, 10), month("2026-04", 100, 400)],
    };
    expect(trendHeadline(step, null)).toBe(
      "Lead → MQL fell from 30.0 % in February 2026 to 25.0 % in April 2026",
    );
  });

  it("says too few to judge when the latest complete month has 12 MQLs", () => {
    const step = { from: "mql" as const, to: "sql" as const, months: [month("2026-04", 5, 12)] };
    expect(trendHeadline(step, benchmark("mql_to_sql"))).toBe(
      "Too few to judge MQL → SQL in April 2026: 5 of 12 MQLs",
    );
  });

  it("never names a month outside the selected period: Q1 leads reaching MQL in April are left out", () => {
    const step = {
      from: "mql" as const,
      to: "sql" as const,
      months: [month("2026-02", 50, 250), month("2026-03", 69, 250), month("2026-04", 10, 200)],
    };
    const q1 = { from: "2026-01-01", to: "2026-03-31" };
    expect(trendHeadline(step, benchmark("mql_to_sql"), q1)).toBe(
      "MQL → SQL was 27.6 % in March 2026, the latest complete month — within the 25–30 % band",
    );
    expect(trendHeadline(step, null, q1)).toBe(
      "MQL → SQL rose from 20.0 % in February 2026 to 27.6 % in March 2026",
    );
    // Without a period, April is the latest complete month.
    expect(trendHeadline(step, null)).toMatch(/in April 2026$/);
  });

  it("says there is no complete month in the period when the period's only months are maturing", () => {
    const step = { from: "mql" as const, to: "sql" as const, months: [month("2026-04", 5, 40)] };
    expect(trendHeadline(step, null, { from: "2026-01-01", to: "2026-03-31" })).toBe(
      "MQL → SQL: no complete month in the period yet to judge",
    );
  });

  it("says there is no complete month yet when the only month is maturing", () => {
    const step = { from: "mql" as const, to: "sql" as const, months: [month("2026-04", 5, 40, "maturing")] };
    expect(trendHeadline(step, benchmark("mql_to_sql"))).toBe("MQL → SQL: no complete month yet to judge");
  });

  it("follows MQL → SQL, else the first step with a band, else the first step", () => {
    const steps = (pairs: [Stage, Stage][]) => pairs.map(([from, to]) => ({ from, to }));
    expect(
      trendStepToShow(
        steps([
          ["lead", "mql"],
          ["mql", "sql"],
        ]),
        DEFAULT_BENCHMARKS,
      ),
    ).toEqual({ from: "mql", to: "sql" });
    expect(
      trendStepToShow(
        steps([
          ["lead", "mql"],
          ["mql", "sal"],
          ["sal", "sql"],
        ]),
        DEFAULT_BENCHMARKS,
      ),
    ).toEqual({ from: "mql", to: "sal" });
    expect(trendStepToShow(steps([["lead", "mql"]]), DEFAULT_BENCHMARKS)).toEqual({
      from: "lead",
      to: "mql",
    });
  });

  it("names a month as a calendar month, whatever the time zone", () => {
    expect(monthName("2026-01")).toBe("January 2026");
    expect(monthName("2025-12")).toBe("December 2025");
  });
});
