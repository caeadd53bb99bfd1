// Deal pipeline stages (issue #18): the stage plan the mapping step edits, the audit of the stage
// history, the typed result of the Pipeline analysis, and the pure rules behind its rates.

import { formatCount, formatMoney, formatPercent } from "./format";
import { MIN_LEADS_TO_JUDGE } from "./smallNumbers";
import { vocabularyKey } from "./vocabulary";

// ---------------------------------------------------------------------------------------------------
// The stage plan: which stages a file holds, in which order they count, and what the user changed.

/** An open stage is a step of the pipeline; won ends it; lost is an exit from whichever stage came last. */
export type DealStageKind = "open" | "won" | "lost";

/** Stage names (any spelling: "Closed Won", "closedwon", "Closed - Won") that close a deal. */
const WON_KEYS = new Set(["closedwon", "won", "dealwon", "customer"]);
const LOST_KEYS = new Set(["closedlost", "lost", "deallost", "closeddisqualified", "closedlostdisqualified"]);

/** Closed won / closed lost recognised by name; every other stage is open. */
export function dealStageKindOf(stage: string): DealStageKind {
  const key = vocabularyKey(stage);
  if (WON_KEYS.has(key)) return "won";
  if (LOST_KEYS.has(key)) return "lost";
  return "open";
}

/** A stage as found in a file: its name as written and the pipeline it belongs to (null: none named). */
export interface FoundDealStage {
  pipeline: string | null;
  /** The stage as the file writes it (without the pipeline suffix): the key entries are matched on. */
  source: string;
  kind: DealStageKind;
  /** Stage dates found (a HubSpot column with none is listed with 0: "stage columns with no dates"). */
  entries: number;
  deals: number;
}

/** One stage of the chosen pipeline as the user arranged it. Order = its place in `DealStagePlan.stages`. */
export interface PlannedDealStage {
  source: string;
  /** The name shown; stages given the same name are merged into one (the first one's place counts). */
  name: string;
  kind: DealStageKind;
  excluded: boolean;
  entries: number;
  deals: number;
}

export interface DealPipelineFound {
  pipeline: string | null;
  deals: number;
}

/**
 * What the mapping step shows and edits: the pipelines in the file (most deals first), every stage found
 * (per pipeline, in the order most deals moved through them), and the chosen pipeline's stages as arranged.
 */
export interface DealStagePlan {
  pipeline: string | null;
  pipelines: DealPipelineFound[];
  found: FoundDealStage[];
  stages: PlannedDealStage[];
}

const planned = (stage: FoundDealStage): PlannedDealStage => ({
  source: stage.source,
  name: stage.source,
  kind: stage.kind,
  excluded: false,
  entries: stage.entries,
  deals: stage.deals,
});

/** Switches the plan to another pipeline of the file: its stages in the proposed order, unedited. */
export function chooseDealPipeline(plan: DealStagePlan, pipeline: string | null): DealStagePlan {
  return {
    ...plan,
    pipeline,
    stages: plan.found.filter((s) => s.pipeline === pipeline).map(planned),
  };
}

const edit = (plan: DealStagePlan, source: string, change: (s: PlannedDealStage) => PlannedDealStage) => ({
  ...plan,
  stages: plan.stages.map((s) => (s.source === source ? change(s) : s)),
});

/** Moves a stage to position `index` (0-based) of the order. */
export function moveDealStage(plan: DealStagePlan, source: string, index: number): DealStagePlan {
  const stage = plan.stages.find((s) => s.source === source);
  if (!stage) return plan;
  const rest = plan.stages.filter((s) => s.source !== source);
  const at = Math.max(0, Math.min(rest.length, Math.floor(index)));
  return { ...plan, stages: [...rest.slice(0, at), stage, ...rest.slice(at)] };
}

export function renameDealStage(plan: DealStagePlan, source: string, name: string): DealStagePlan {
  const trimmed = name.trim();
  return trimmed === "" ? plan : edit(plan, source, (s) => ({ ...s, name: trimmed }));
}

/** Merges `source` into `into`: it takes that stage's name and kind, so both count as one stage. */
export function mergeDealStage(plan: DealStagePlan, source: string, into: string): DealStagePlan {
  const target = plan.stages.find((s) => s.source === into);
  if (!target || source === into) return plan;
  return edit(plan, source, (s) => ({ ...s, name: target.name, kind: target.kind }));
}

export function excludeDealStage(plan: DealStagePlan, source: string, excluded: boolean): DealStagePlan {
  return edit(plan, source, (s) => ({ ...s, excluded }));
}

export function setDealStageKind(plan: DealStagePlan, source: string, kind: DealStageKind): DealStagePlan {
  return edit(plan, source, (s) => ({ ...s, kind }));
}

/** A row of the plan as the warehouse reads it (`deal_stage_plan`). */
export interface DealStagePlanRow {
  pipeline: string | null;
  source: string;
  stage: string;
  /** 1, 2, … for open stages in order (merged stages share one), the last for won; null for lost and excluded. */
  position: number | null;
  kind: DealStageKind | "excluded";
}

/**
 * The plan as rows: open stages numbered by first appearance of their name, every won stage on one
 * position after them (named after the first won stage), lost stages and excluded stages unnumbered.
 */
export function dealStagePlanRows(plan: DealStagePlan): DealStagePlanRow[] {
  const open = new Map<string, number>();
  for (const s of plan.stages)
    if (!s.excluded && s.kind === "open" && !open.has(s.name)) open.set(s.name, open.size + 1);
  const wonName = plan.stages.find((s) => !s.excluded && s.kind === "won")?.name ?? null;
  return plan.stages.map((s) => {
    const base = { pipeline: plan.pipeline, source: s.source };
    if (s.excluded) return { ...base, stage: s.name, position: null, kind: "excluded" };
    if (s.kind === "won") return { ...base, stage: wonName ?? s.name, position: open.size + 1, kind: "won" };
    if (s.kind === "lost") return { ...base, stage: s.name, position: null, kind: "lost" };
    return { ...base, stage: s.name, position: open.get(s.name) ?? null, kind: "open" };
  });
}

// ---------------------------------------------------------------------------------------------------
// The data-quality audit of the stage history: counted, never silently dropped.

export interface DealStageAudit {
  /** Deals in the deals table (every file and pipeline). */
  deals: number;
  /** Deals of the chosen pipeline placed in its stages (they have a stage date). */
  placed: number;
  /** Deals whose pipeline is not the chosen one, by pipeline (most first). */
  otherPipelines: { pipeline: string; deals: number }[];
  /** Closed deals (won or lost) of the chosen pipeline with no date in any of its open or won stages. */
  closedWithoutHistory: { won: number; lost: number };
  /** Open deals of the chosen pipeline with no stage date at all. */
  openWithoutHistory: number;
  /** Deals with a later stage dated before an earlier one (moved backwards, or a date typed wrong). */
  datesBackwards: number;
  /** Deals that entered a stage again; and the re-entries in all (the first entry counts). */
  reenteredDeals: number;
  reentries: number;
  /** Stages of the chosen pipeline with no date for any deal (e.g. an empty HubSpot column). */
  stagesWithoutDates: string[];
  /** Stage entries without a readable date (an empty or unreadable date cell): kept out of the stage counts. */
  undatedEntries: number;
  /** Stage dates in stages the user excluded. */
  excludedEntries: number;
  /** Deals whose id is in more than one imported file: counted once, their stage dates merged. */
  dealsInSeveralFiles?: number;
  /** Field history rows of fields other than the stage (Amount, Close Date, Owner…): not read, by field. */
  otherFieldChanges?: { field: string; rows: number }[];
}

/** Whether the selection holds any deal of the pipeline, placed in a stage or not. */
export const pipelineHasDeals = (p: Pipeline): boolean =>
  p.deals.placed + p.withoutStage.won + p.withoutStage.lost + p.withoutStage.open > 0;

/**
 * The selection's deals with no stage date, said beside the placed ones ("8 more deals have no stage date
 * (2 won, 6 lost): in the closed win rate, not in any stage."); null when there are none.
 */
export function withoutStageSentence(
  withoutStage: { won: number; lost: number; open: number },
  lostRecorded: boolean,
): string | null {
  const { won, lost, open } = withoutStage;
  const total = won + lost + open;
  if (total === 0) return null;
  const parts = [`${formatCount(won)} won`];
  if (lostRecorded) parts.push(`${formatCount(lost)} lost`);
  if (open > 0) parts.push(`${formatCount(open)} open`);
  // Without lost deals recorded there is no closed win rate to be in.
  const where =
    lostRecorded && won + lost > 0 ? "in the closed win rate, not in any stage" : "not in any stage";
  return `${formatCount(total)} more ${total === 1 ? "deal has" : "deals have"} no stage date (${parts.join(", ")}): ${where}.`;
}

/** One sentence per finding of the stage-history audit; empty when the history is clean. */
export function stageHistoryFindings(audit: DealStageAudit): string[] {
  const found: string[] = [];
  const deals = (n: number) => `${formatCount(n)} ${n === 1 ? "deal" : "deals"}`;
  for (const other of audit.otherPipelines)
    found.push(`${deals(other.deals)} in another pipeline (${other.pipeline}) are left out.`);
  const { won, lost } = audit.closedWithoutHistory;
  if (won + lost > 0)
    found.push(
      `${deals(won + lost)} closed (${formatCount(won)} won, ${formatCount(lost)} lost) with no stage date: ` +
        "they count in the win rate, not in any stage.",
    );
  if (audit.openWithoutHistory > 0)
    found.push(`${deals(audit.openWithoutHistory)} open with no stage date are not placed in a stage.`);
  if (audit.datesBackwards > 0)
    found.push(`${deals(audit.datesBackwards)} have a later stage dated before an earlier one.`);
  if (audit.reentries > 0)
    found.push(
      `${deals(audit.reenteredDeals)} entered a stage again (${formatCount(audit.reentries)} re-entries); ` +
        "the first entry counts.",
    );
  if (audit.stagesWithoutDates.length > 0)
    found.push(`No deal has a date for: ${audit.stagesWithoutDates.join(", ")}.`);
  if (audit.undatedEntries > 0)
    found.push(
      `${formatCount(audit.undatedEntries)} stage entries have no readable date and are not counted.`,
    );
  if (audit.excludedEntries > 0)
    found.push(`${formatCount(audit.excludedEntries)} stage dates are in stages you excluded.`);
  const several = audit.dealsInSeveralFiles ?? 0;
  if (several > 0)
    found.push(
      `${deals(several)} ${several === 1 ? "is" : "are"} in more than one file: each counts once, its stage dates ` +
        "merged (the first entry of a stage counts) and its amount, outcome and close date taken from the " +
        "file with its latest date.",
    );
  const other = audit.otherFieldChanges ?? [];
  if (other.length > 0) {
    const rows = other.reduce((sum, f) => sum + f.rows, 0);
    const fields = other.map((f) => `${f.field} ${formatCount(f.rows)}`).join(", ");
    found.push(
      `${formatCount(rows)} field history ${rows === 1 ? "row changes" : "rows change"} another field than the stage ` +
        `and ${rows === 1 ? "is" : "are"} not read (${fields}).`,
    );
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Rates: every rate says when the data cannot support it.

/** A rate, or why there is none. Fractions, never percentages. */
export type RateCell =
  | { kind: "rate"; value: number; numerator: number; denominator: number }
  /** Under MIN_LEADS_TO_JUDGE in the denominator: shown as words and counts ("5 of 8"), not a number. */
  | { kind: "too_few"; numerator: number; denominator: number; text: string }
  | { kind: "none"; reason: string };

/** The small-sample rule in words, for deals (the same threshold as for leads). */
export const TOO_FEW_DEALS = `Too few to judge (fewer than ${MIN_LEADS_TO_JUDGE} deals)`;

export function rateCell(numerator: number, denominator: number, noneReason = "no deals"): RateCell {
  if (denominator <= 0) return { kind: "none", reason: noneReason };
  if (denominator < MIN_LEADS_TO_JUDGE)
    return { kind: "too_few", numerator, denominator, text: TOO_FEW_DEALS };
  return { kind: "rate", value: numerator / denominator, numerator, denominator };
}

/** The rate's value when it can be shown as a number, else null. */
export const rateValue = (cell: RateCell): number | null => (cell.kind === "rate" ? cell.value : null);

export const NO_LOST_DEALS = "No lost deals are recorded: a win rate would be 100 % by construction";

/** won ÷ (won + lost): needs lost deals recorded at all, and enough closed deals. */
export function closedWinRate(won: number, lost: number, lostRecorded: boolean): RateCell {
  if (!lostRecorded) return { kind: "none", reason: NO_LOST_DEALS };
  return rateCell(won, won + lost, "no closed deals");
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface ZTest {
  z: number;
  /** Two-sided. */
  pValue: number;
}

/** Pooled two-proportion z-test of x1/n1 against x2/n2; null when either group is empty or the pool is 0 % or 100 %. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return null;
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

// ---------------------------------------------------------------------------------------------------
// The Pipeline analysis result.

export interface DaysInStage {
  /** Stays of deals that moved on from the stage (the time they spent there), in days. */
  stays: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
}

/** Closed deals split by whether their stay in the stage was over the stall line (p75). */
export interface StallEffect {
  over: RateCell;
  under: RateCell;
}

export interface PipelineStageRow {
  /** 1-based place in the plan's order; the won stage is last. */
  position: number;
  /** As shown (the plan's name, without the pipeline suffix): the screen's `data-deal-stage`. */
  stage: string;
  kind: "open" | "won";
  /** Deals with a date for this stage or a later one. */
  reached: number;
  /** Of those, deals with no date of their own here (passed it without a date). */
  skipped: number;
  /** Deals that reached a later stage. */
  movedOn: number;
  /** Closed lost while this was their furthest stage. */
  lost: number;
  /** Not closed, furthest stage here. */
  open: number;
  /** Open here for longer than the stall line; null when there is no line (no stays measured). */
  stalled: number | null;
  /** The stall line: this stage's own p75 days in stage. */
  stallLineDays: number | null;
  /** From the previous stage (none for the first). */
  stepConversion: RateCell;
  /** From the first stage. */
  cumulativeConversion: RateCell;
  days: DaysInStage;
  /** Won ÷ closed for deals whose stay here was over vs at most the stall line. */
  stallEffect: StallEffect;
  /** Sum of the amounts of deals that reached the stage / were lost here / are open here (no amount adds 0). */
  reachedValue: number;
  lostValue: number;
  openValue: number;
  /**
   * reachedValue ÷ the previous stage's: the step weighted by deal value. Null for the first stage, when
   * the previous stage carries no value, and when `stepConversion` has too few deals to judge.
   */
  stepValueConversion: number | null;
  /** Reached deals that carry an amount, so a value can be read as "of N deals with an amount". */
  reachedWithAmount: number;
}

export interface QuarterStepRate {
  /** "2025-Q3": deals grouped by the quarter they reached the step's first stage. */
  quarter: string;
  entered: number;
  movedOn: number;
  rate: RateCell;
  /** False while deals of the quarter may still move on (its end + the stage's p90 days is after as-of). */
  complete: boolean;
}

export interface PipelineStep {
  from: string;
  to: string;
  fromPosition: number;
  quarters: QuarterStepRate[];
}

export interface PipelineLeak {
  stage: string;
  position: number;
  /** Lost here + stalled here: deals that stopped at the stage and are not simply in progress. */
  leaked: number;
  lost: number;
  stalled: number;
  reached: number;
  share: number;
}

export type FixWorth =
  | {
      kind: "worth";
      step: { from: string; to: string };
      bestQuarter: QuarterStepRate;
      /** The step's rate over its complete quarters, and the best complete quarter's. */
      currentRate: number;
      bestRate: number;
      /** Deals entering the step per year (complete quarters × 4 ÷ their number). */
      enteringPerYear: number;
      extraWinsPerYear: number;
      /** Null when no won deal carries an amount. */
      extraRevenuePerYear: number | null;
      /** Best quarter against the other complete quarters; "holds up" at p < 0.05 ÷ quarters compared. */
      test: ZTest | null;
      verdict: "holds up" | "could be luck";
    }
  | { kind: "none"; reason: string };

/**
 * The Pipeline analysis (metrics/pipeline.ts `pipelineMetric`), for the deals in the current filters and
 * period. Deals linked to a lead follow the lead's filter values and cohort day; deals linked to none
 * follow the period by their created date (or first stage date) and have "(none)" for every segment.
 *
 * - `stages`: the plan's open stages in order, then the won stage (lost stages are exits, not rows).
 *   For the screen's contract (`data-deal-stage` = `stage`): `reached`, `movedOn` (moved_on), `lost`,
 *   `open`, `stalled` (null: no stall line), `stepConversion` (step_conversion: a number only when
 *   `kind === "rate"`; `"too_few"` carries the words and "n of m"; `"none"` the reason) and
 *   `days.median` (median_days). Every rate is a fraction.
 * - Every placed deal stops at exactly one stage (its furthest): Σ(reached − movedOn) = `deals.placed`.
 * - `stallLineDays` is the stage's own p75 days in stage over the deals that moved on from it, in the
 *   selection; `stalled` counts deals open at the stage for longer than that at `asOf`.
 * - `closedWinRate` is won ÷ (won + lost) over the placed deals and `withoutStage` alike; it and every
 *   `stallEffect` need lost deals recorded in the workspace (`lostRecorded`).
 * - `steps[i].quarters`: deals by the quarter they reached `from`; the best complete quarter of the
 *   biggest leak's step is what `fixWorth` prices.
 * - `audit`: the whole workspace's data-quality counts (not filtered): for the data-quality panel.
 */
export interface Pipeline {
  /** "Now" for open and stalled: the workspace as-of date (epoch ms). */
  asOf: number | null;
  stages: PipelineStageRow[];
  steps: PipelineStep[];
  /** Deals placed in the stages in the selection: won, lost, open. */
  deals: { placed: number; won: number; lost: number; open: number };
  /** The selection's deals with no stage date, by outcome (stageHistoryFindings names them workspace-wide). */
  withoutStage: { won: number; lost: number; open: number };
  lostRecorded: boolean;
  /** No deal of the pipeline carries an amount: every value figure is "not tracked", never 0. */
  amountRecorded: boolean;
  closedWinRate: RateCell;
  biggestLeak: PipelineLeak | null;
  fixWorth: FixWorth;
  audit: DealStageAudit;
}

// ---------------------------------------------------------------------------------------------------
// Pure rules the metric applies to its counts.

const DAY_MS = 86_400_000;

/** A quarter's deals may still move on until its end plus the stage's p90 days in stage (end alone without one). */
export function quarterComplete(
  quarterEndMs: number,
  p90Days: number | null,
  asOfMs: number | null,
): boolean {
  if (asOfMs === null) return false;
  return quarterEndMs + (p90Days ?? 0) * DAY_MS <= asOfMs;
}

/** The stage that leaks most (lost + stalled), earliest on a tie; null when no deal leaked. */
export function biggestPipelineLeak(stages: readonly PipelineStageRow[]): PipelineLeak | null {
  let best: PipelineLeak | null = null;
  for (const s of stages) {
    if (s.kind !== "open") continue;
    const leaked = s.lost + (s.stalled ?? 0);
    if (leaked > 0 && (best === null || leaked > best.leaked)) {
      best = {
        stage: s.stage,
        position: s.position,
        leaked,
        lost: s.lost,
        stalled: s.stalled ?? 0,
        reached: s.reached,
        share: s.reached > 0 ? leaked / s.reached : 0,
      };
    }
  }
  return best;
}

/** The one-sentence name of the biggest leak. */
/** `lostRecorded` false: the data records no lost deal, so only stalls are counted, and it says so. */
export function pipelineLeakSentence(leak: PipelineLeak | null, lostRecorded = true): string {
  if (leak === null)
    return lostRecorded
      ? "No deal was lost or stalled in any stage."
      : "No deal stalled in any stage (lost deals are not recorded).";
  const why = lostRecorded
    ? `${formatCount(leak.lost)} lost, ${formatCount(leak.stalled)} stalled`
    : `${formatCount(leak.stalled)} stalled; lost deals are not recorded`;
  // A share of fewer than MIN_LEADS_TO_JUDGE deals is not given as a percentage: the counts say it.
  const judged = leak.reached >= MIN_LEADS_TO_JUDGE;
  return (
    `The pipeline leaks most at ${leak.stage}: ${formatCount(leak.leaked)} of ${formatCount(leak.reached)} deals` +
    `${judged ? ` (${formatPercent(leak.share)})` : ""} stopped there — ${why}` +
    `${judged ? "" : ` (fewer than ${MIN_LEADS_TO_JUDGE} deals reached it: too few to judge a share)`}.`
  );
}

export const SIGNIFICANCE = 0.05;

/**
 * What the leaking step is worth if it converted at its own best complete quarter (of at least
 * MIN_LEADS_TO_JUDGE deals): deals entering per year × (best − current rate) more moving on, times the
 * share of deals past the step that are won, times the average won amount. The best of k quarters is
 * tested against the rest at p < 0.05 ÷ k (the best of several is often high by chance).
 */
export function fixWorth(
  step: PipelineStep | undefined,
  downstream: { reached: number; won: number },
  averageWonAmount: number | null,
): FixWorth {
  if (!step) return { kind: "none", reason: "No step leaks" };
  const judged = step.quarters.filter((q) => q.complete && q.entered >= MIN_LEADS_TO_JUDGE);
  if (judged.length < 2)
    return {
      kind: "none",
      reason: `Fewer than two complete quarters with ${MIN_LEADS_TO_JUDGE} or more deals entering ${step.from}`,
    };
  if (downstream.reached < MIN_LEADS_TO_JUDGE)
    return { kind: "none", reason: `Too few deals reached ${step.to} to say how many of them are won` };
  const rateOf = (q: QuarterStepRate) => q.movedOn / q.entered;
  const best = judged.reduce((a, b) => (rateOf(b) > rateOf(a) ? b : a));
  const entered = judged.reduce((sum, q) => sum + q.entered, 0);
  const movedOn = judged.reduce((sum, q) => sum + q.movedOn, 0);
  const currentRate = movedOn / entered;
  const enteringPerYear = (entered / judged.length) * 4;
  const extraWinsPerYear =
    enteringPerYear * Math.max(0, rateOf(best) - currentRate) * (downstream.won / downstream.reached);
  const test = twoProportionZTest(best.movedOn, best.entered, movedOn - best.movedOn, entered - best.entered);
  const holds = test !== null && test.z > 0 && test.pValue < SIGNIFICANCE / judged.length;
  return {
    kind: "worth",
    step: { from: step.from, to: step.to },
    bestQuarter: best,
    currentRate,
    bestRate: rateOf(best),
    enteringPerYear,
    extraWinsPerYear,
    extraRevenuePerYear: averageWonAmount === null ? null : extraWinsPerYear * averageWonAmount,
    test,
    verdict: holds ? "holds up" : "could be luck",
  };
}

/** "Converting Demo → Proposal at its best quarter (2025-Q2) would add about 4 wins (90,000 in won amounts) a year — that quarter holds up." */
export function fixWorthSentence(worth: FixWorth): string {
  if (worth.kind === "none") return worth.reason;
  const wins = Math.round(worth.extraWinsPerYear * 10) / 10;
  // Said as won amounts: with no currency stated the figure has no symbol to tell it from a count.
  const revenue =
    worth.extraRevenuePerYear === null ? "" : ` (${formatMoney(worth.extraRevenuePerYear)} in won amounts)`;
  return (
    `Converting ${worth.step.from} → ${worth.step.to} at its best quarter (${worth.bestQuarter.quarter}, ` +
    `${formatPercent(worth.bestRate)} against ${formatPercent(worth.currentRate)}) would add about ${wins} wins` +
    `${revenue} a year — that quarter ${worth.verdict === "holds up" ? "holds up" : "could be luck"}.`
  );
}

// ---------------------------------------------------------------------------------------------------
// From the metric's counts to the result.

/** One stage's counts as the Pipeline query returns them (days in days, values summed amounts). */
export interface PipelineStageCounts {
  position: number;
  stage: string;
  kind: "open" | "won";
  reached: number;
  skipped: number;
  movedOn: number;
  lost: number;
  open: number;
  /** Won deals among those that reached the stage. */
  won: number;
  stalled: number;
  stays: number;
  medianDays: number | null;
  p75Days: number | null;
  p90Days: number | null;
  wonOver: number;
  lostOver: number;
  wonUnder: number;
  lostUnder: number;
  reachedValue: number;
  lostValue: number;
  openValue: number;
  reachedWithAmount: number;
}

export interface PipelineQuarterCounts {
  position: number;
  quarter: string;
  /** Epoch ms of the first day after the quarter. */
  quarterEnd: number;
  entered: number;
  movedOn: number;
}

export interface PipelineCounts {
  asOf: number | null;
  lostRecorded: boolean;
  /** Whether any deal of the pipeline carries an amount (workspace-wide): pipeline value needs them. */
  amountRecorded: boolean;
  averageWonAmount: number | null;
  /** The selection's deals with no stage date: in no stage, but in the closed win rate and the open count. */
  withoutStage: { won: number; lost: number; open: number };
  stages: PipelineStageCounts[];
  quarters: PipelineQuarterCounts[];
  audit: DealStageAudit;
}

export function buildPipeline(counts: PipelineCounts): Pipeline {
  const first = counts.stages[0];
  const stages: PipelineStageRow[] = counts.stages.map((s, i) => {
    const previous = counts.stages[i - 1];
    const line = s.p75Days;
    return {
      position: s.position,
      stage: s.stage,
      kind: s.kind,
      reached: s.reached,
      skipped: s.skipped,
      movedOn: s.movedOn,
      lost: s.lost,
      open: s.open,
      stalled: line === null ? null : s.stalled,
      stallLineDays: line,
      stepConversion: previous
        ? rateCell(s.reached, previous.reached)
        : { kind: "none", reason: "first stage" },
      cumulativeConversion:
        i === 0 || !first ? { kind: "none", reason: "first stage" } : rateCell(s.reached, first.reached),
      days: { stays: s.stays, median: s.medianDays, p75: s.p75Days, p90: s.p90Days },
      stallEffect:
        line === null
          ? {
              over: { kind: "none", reason: "no stall line" },
              under: { kind: "none", reason: "no stall line" },
            }
          : {
              over: closedWinRate(s.wonOver, s.lostOver, counts.lostRecorded),
              under: closedWinRate(s.wonUnder, s.lostUnder, counts.lostRecorded),
            },
      reachedValue: s.reachedValue,
      lostValue: s.lostValue,
      openValue: s.openValue,
      stepValueConversion:
        previous && previous.reachedValue > 0 && previous.reached >= MIN_LEADS_TO_JUDGE
          ? s.reachedValue / previous.reachedValue
          : null,
      reachedWithAmount: s.reachedWithAmount,
    };
  });
  const steps: PipelineStep[] = counts.stages.slice(0, -1).map((s, i) => ({
    from: s.stage,
    to: counts.stages[i + 1]?.stage ?? "",
    fromPosition: s.position,
    quarters: counts.quarters
      .filter((q) => q.position === s.position)
      .map((q) => ({
        quarter: q.quarter,
        entered: q.entered,
        movedOn: q.movedOn,
        rate: rateCell(q.movedOn, q.entered),
        complete: quarterComplete(q.quarterEnd, s.p90Days, counts.asOf),
      })),
  }));
  // Every placed deal stops at one stage (its furthest) and is won, lost or open there.
  const placed = stages.reduce((sum, s) => sum + (s.reached - s.movedOn), 0);
  const lost = stages.reduce((sum, s) => sum + s.lost, 0);
  const open = stages.reduce((sum, s) => sum + s.open, 0);
  const won = placed - lost - open;
  const leak = biggestPipelineLeak(stages);
  const leakStep = leak === null ? undefined : steps.find((s) => s.fromPosition === leak.position);
  const after = counts.stages.find((s) => leak !== null && s.position === leak.position + 1);
  return {
    asOf: counts.asOf,
    stages,
    steps,
    deals: { placed, won, lost, open },
    withoutStage: counts.withoutStage,
    lostRecorded: counts.lostRecorded,
    amountRecorded: counts.amountRecorded,
    closedWinRate: closedWinRate(
      won + counts.withoutStage.won,
      lost + counts.withoutStage.lost,
      counts.lostRecorded,
    ),
    biggestLeak: leak,
    fixWorth: fixWorth(
      leakStep,
      { reached: after?.reached ?? 0, won: after?.won ?? 0 },
      counts.averageWonAmount,
    ),
    audit: counts.audit,
  };
}
