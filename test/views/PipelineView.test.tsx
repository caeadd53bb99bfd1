// @vitest-environment jsdom
// The Pipeline screen draws the analysis it is given: each stage's row with the contract's data-metric
// cells, rates only where the data supports them (too few → words with counts; no lost deals → the
// reason, never 100 %), and the stage-history findings in words.
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  buildPipeline,
  type DealStageAudit,
  type PipelineStageCounts,
  pipelineLeakSentence,
  stageHistoryFindings,
  TOO_FEW_DEALS,
} from "../../src/model/pipeline";
import { PipelineReport, pipelineEmptyMessage } from "../../src/views/Pipeline/PipelineView";
import { pipelineSlide } from "../../src/views/Presentation/slides";

const CLEAN_AUDIT: DealStageAudit = {
  deals: 100,
  placed: 100,
  otherPipelines: [],
  closedWithoutHistory: { won: 0, lost: 0 },
  openWithoutHistory: 0,
  datesBackwards: 0,
  reenteredDeals: 0,
  reentries: 0,
  stagesWithoutDates: [],
  undatedEntries: 0,
  excludedEntries: 0,
};

const stage = (counts: Partial<PipelineStageCounts> & Pick<PipelineStageCounts, "position" | "stage">) => ({
  kind: "open" as const,
  reached: 0,
  skipped: 0,
  movedOn: 0,
  lost: 0,
  open: 0,
  won: 0,
  stalled: 0,
  stays: 0,
  medianDays: null,
  p75Days: null,
  p90Days: null,
  wonOver: 0,
  lostOver: 0,
  wonUnder: 0,
  lostUnder: 0,
  reachedValue: 0,
  lostValue: 0,
  openValue: 0,
  reachedWithAmount: 0,
  ...counts,
});

/*
 * Discovery 100 → Demo 80 (5 of them passed Demo without a date of their own) → Won 30.
 * Discovery: 20 stop there (10 lost, 10 open, 3 of the open past its 8-day stall line).
 * Demo: 50 stop there (40 lost, 10 open, 4 stalled). Won 30.
 * Placed 100 = (100 − 80) + (80 − 30) + 30; won 30, lost 50, open 20; closed win rate 30 / 80 = 0.375.
 * Step conversion: Demo 80/100 = 0.8, Won 30/80 = 0.375; from the first stage: Won 30/100 = 0.3.
 */
const counts = (lostRecorded: boolean, scale = 1, amountRecorded = true) => ({
  asOf: Date.UTC(2025, 0, 31),
  lostRecorded,
  amountRecorded,
  averageWonAmount: 1_000,
  withoutStage: { won: 0, lost: 0, open: 0 },
  quarters: [],
  audit: CLEAN_AUDIT,
  stages: [
    stage({
      position: 1,
      stage: "Discovery",
      reached: 100 / scale,
      movedOn: 80 / scale,
      lost: 10 / scale,
      open: 10 / scale,
      won: 30 / scale,
      stalled: 3,
      stays: 80,
      medianDays: 5,
      p75Days: 8,
      p90Days: 12,
    }),
    stage({
      position: 2,
      stage: "Demo",
      reached: 80 / scale,
      skipped: 5,
      movedOn: 30 / scale,
      lost: 40 / scale,
      open: 10 / scale,
      won: 30 / scale,
      stalled: 4,
      stays: 30,
      medianDays: 10,
      p75Days: 14,
      p90Days: 20,
    }),
    stage({ position: 3, stage: "Closed Won", kind: "won", reached: 30 / scale, won: 30 / scale }),
  ],
});

const cell = (stageName: string, metric: string) => {
  const row = document.querySelector(`tr[data-deal-stage="${stageName}"]`) as HTMLElement;
  return row.querySelector(`[data-metric="${metric}"]`) as HTMLElement;
};

describe("the Pipeline screen", () => {
  it("gives each stage's figures in the contract's cells", () => {
    render(<PipelineReport pipeline={buildPipeline(counts(true))} />);
    expect(document.querySelectorAll("tr[data-deal-stage]")).toHaveLength(3);
    expect(cell("Demo", "reached").dataset.value).toBe("80");
    expect(cell("Demo", "reached").textContent).toContain("5 skipped through");
    expect(cell("Demo", "moved_on").dataset.value).toBe("30");
    expect(cell("Demo", "lost").dataset.value).toBe("40");
    expect(cell("Demo", "open").dataset.value).toBe("10");
    expect(cell("Demo", "stalled").dataset.value).toBe("4");
    expect(cell("Demo", "step_conversion").dataset.value).toBe("0.8");
    expect(cell("Demo", "step_conversion").textContent).toBe("80.0 %");
    expect(cell("Demo", "median_days").dataset.value).toBe("10");
    expect(cell("Closed Won", "step_conversion").dataset.value).toBe("0.375");
    expect(cell("Closed Won", "cumulative_conversion").dataset.value).toBe("0.3");
    const winRate = document.querySelector('[data-metric="closed_win_rate"]') as HTMLElement;
    expect(winRate.dataset.value).toBe("0.375");
    expect(screen.getByText(/100 deals in the stages: 30 won, 50 lost, 20 open/)).toBeTruthy();
  });

  it("says 'too few to judge' with the counts instead of a rate from fewer than 20 deals", () => {
    // Everything divided by 10: Demo 8 of Discovery 10.
    render(<PipelineReport pipeline={buildPipeline(counts(true, 10))} />);
    const step = cell("Demo", "step_conversion");
    expect(step.dataset.value).toBe("");
    expect(step.textContent).toBe(`${TOO_FEW_DEALS} (8 of 10)`);
  });

  it("shows no win rate when the data records no lost deal", () => {
    render(<PipelineReport pipeline={buildPipeline(counts(false))} />);
    const winRate = document.querySelector('[data-metric="closed_win_rate"]') as HTMLElement;
    expect(winRate.dataset.value).toBe("");
    expect(winRate.textContent).toMatch(/No lost deals are recorded/);
    expect(winRate.textContent?.startsWith("— (")).toBe(true);
    // Losses it does not record are said, never counted as 0.
    expect(cell("Demo", "lost").dataset.value).toBe("");
    expect(cell("Demo", "lost").textContent).toBe("not tracked");
    expect(cell("Demo", "lost_value").textContent).toBe("not tracked");
    expect(screen.getByText(/30 won, lost deals not recorded, 20 open/)).toBeTruthy();
    expect(document.querySelector("[data-biggest-pipeline-leak]")?.textContent).toMatch(
      /— 4 stalled; lost deals are not recorded\.$/,
    );
  });

  it("gives the biggest leak's share as a percentage only from 20 deals", () => {
    // Everything divided by 10: the biggest leak is at a stage fewer than 20 deals reached.
    const few = buildPipeline(counts(true, 10));
    const leak = few.biggestLeak;
    expect(leak?.reached).toBeLessThan(20);
    const sentence = pipelineLeakSentence(leak);
    expect(sentence).not.toMatch(/%/);
    expect(sentence).toMatch(/too few to judge a share\)\.$/);
    expect(pipelineLeakSentence(buildPipeline(counts(true)).biggestLeak)).toMatch(
      /of 80 deals \(\d+\.\d %\)/,
    );
  });

  it("says there is no deal to show when the filters select none", () => {
    const none = buildPipeline({
      ...counts(true),
      stages: counts(true).stages.map((s) => ({
        ...s,
        reached: 0,
        movedOn: 0,
        lost: 0,
        open: 0,
        won: 0,
        stalled: 0,
      })),
    });
    expect(none.stages.map((s) => s.stage)).toEqual(["Discovery", "Demo", "Closed Won"]);
    expect(pipelineEmptyMessage(none)).toMatch(/^No deal of the pipeline matches these filters and period/);
    expect(pipelineSlide(none)).toBeNull();
    // Deals with no stage date are still deals of the selection: the report is shown.
    expect(pipelineEmptyMessage({ ...none, withoutStage: { won: 0, lost: 1, open: 0 } })).toBeNull();
    expect(pipelineEmptyMessage(buildPipeline({ ...counts(true), stages: [] }))).toMatch(
      /^No deal stage history/,
    );
  });

  it("says value is not tracked, and keeps the chart on deals, when no deal has an amount", () => {
    render(<PipelineReport pipeline={buildPipeline(counts(true, 1, false))} />);
    expect(cell("Demo", "reached_value").dataset.value).toBe("");
    expect(cell("Demo", "reached_value").textContent).toBe("not tracked");
    expect(cell("Demo", "lost_value").textContent).toBe("not tracked");
    const value = screen.getByRole("radio", { name: /Pipeline value/ }) as HTMLInputElement;
    expect(value.disabled).toBe(true);
    expect(value.closest("label")?.textContent).toMatch(/not tracked: no deal has an amount/);
    expect((screen.getByRole("radio", { name: "Deals" }) as HTMLInputElement).checked).toBe(true);
  });

  it("counts deals with no stage date in the closed win rate and says so", () => {
    // 30 won and 50 lost in the stages, 2 won and 6 lost with no stage date: 32 / 88.
    const pipeline = buildPipeline({ ...counts(true), withoutStage: { won: 2, lost: 6, open: 1 } });
    render(<PipelineReport pipeline={pipeline} />);
    const winRate = document.querySelector('[data-metric="closed_win_rate"]') as HTMLElement;
    expect(Number(winRate.dataset.value)).toBeCloseTo(32 / 88, 12);
    expect(
      screen.getByText(/9 more deals have no stage date \(2 won, 6 lost, 1 open\): in the closed win rate/),
    ).toBeTruthy();
    expect(pipelineSlide(pipeline)?.notes).toContain(
      "9 more deals have no stage date (2 won, 6 lost, 1 open): in the closed win rate, not in any stage.",
    );
  });

  it("names every stage-history finding in words", () => {
    const findings = stageHistoryFindings({
      ...CLEAN_AUDIT,
      otherPipelines: [{ pipeline: "Renewals", deals: 7 }],
      closedWithoutHistory: { won: 2, lost: 1 },
      datesBackwards: 4,
      reenteredDeals: 3,
      reentries: 5,
      stagesWithoutDates: ["Negotiation"],
    });
    expect(findings).toEqual([
      "7 deals in another pipeline (Renewals) are left out.",
      "3 deals closed (2 won, 1 lost) with no stage date: they count in the win rate, not in any stage.",
      "4 deals have a later stage dated before an earlier one.",
      "3 deals entered a stage again (5 re-entries); the first entry counts.",
      "No deal has a date for: Negotiation.",
    ]);
    render(<PipelineReport pipeline={buildPipeline(counts(true))} />);
    expect(within(document.body).getByText(/Every one of the 100 deals/)).toBeTruthy();
  });

  it("gives the deck a pipeline slide only when there is stage history", () => {
    const pipeline = buildPipeline(counts(true));
    const slide = pipelineSlide(pipeline);
    expect(slide?.headline).toBe(pipelineLeakSentence(pipeline.biggestLeak));
    expect(slide?.headline).toMatch(/^The pipeline leaks most at Demo/);
    expect(pipelineSlide(buildPipeline({ ...counts(true), stages: [] }))).toBeNull();
  });
});
