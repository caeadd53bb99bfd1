// The headline each presentation slide states, worked out from the numbers (never typed in by hand).

import {
  type HandoffTracking,
  listParts,
  type Rate,
  SCORE_PARTS,
  SLA_NOT_TRACKED_HEADLINE,
  type SlaTargets,
  slaTracked,
} from "./alignment";
import { type Benchmark, type BenchmarkStatus, benchmarkStatus, formatBand } from "./benchmarks";
import { CAMPAIGN_DIMENSION_LABELS, type CampaignReport, judgedRows, mqlYieldNotTracked } from "./campaigns";
import { categoryLabeller } from "./categoryText";
import { formatCount, formatHours, formatPercent } from "./format";
import type { Funnel } from "./funnel";
import type { Period } from "./period";
import { MIN_LEADS_TO_JUDGE, tooFewToJudge } from "./smallNumbers";
import { STAGE_LABELS, STAGE_PLURALS, type Stage } from "./stages";

const stepName = (from: Stage, to: Stage) => `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`;

/** "below the 25–30 % band" — the status always in words, never colour alone. */
export function bandPhrase(status: BenchmarkStatus, benchmark: Benchmark): string {
  return `${status} the ${formatBand(benchmark)} band`;
}

/** Lower-cases a label's first letter for use mid-sentence, unless it starts with an acronym ("SQL → …"). */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

interface BandRate {
  label: string;
  rate: number;
  converted: number;
  entered: number;
  from: Stage;
  to: Stage;
  benchmark: Benchmark;
  status: BenchmarkStatus;
}

/** Every rate the funnel measures against a band (not a reference figure), once per benchmark. */
function bandRates(funnel: Funnel): BandRate[] {
  const rates: BandRate[] = [];
  for (const kpi of funnel.kpis) {
    const { benchmark, value, numerator, denominator } = kpi;
    if (benchmark?.kind !== "band" || value === null || numerator === null || denominator === null) continue;
    rates.push({
      label: kpi.label,
      rate: value,
      converted: numerator,
      entered: denominator,
      from: benchmark.from,
      to: benchmark.to,
      benchmark,
      status: benchmarkStatus(value, benchmark),
    });
  }
  for (const step of funnel.steps) {
    const { benchmark, rate } = step;
    // A step the CRM sets (same-day dates) is not people's performance: never judged against a band.
    if (step.setByCrm !== null) continue;
    if (benchmark?.kind !== "band" || rate === null || rates.some((r) => r.benchmark.id === benchmark.id))
      continue;
    rates.push({
      label: benchmark.label,
      rate,
      converted: step.converted,
      entered: step.entered,
      from: step.from,
      to: step.to,
      benchmark,
      status: benchmarkStatus(rate, benchmark),
    });
  }
  return rates;
}

/** How far a rate lies outside its band, in fraction points (0 when within). */
function distanceOutside(r: BandRate): number {
  if (r.status === "below") return r.benchmark.low - r.rate;
  if (r.status === "above" && r.benchmark.high !== null) return r.rate - r.benchmark.high;
  return 0;
}

/**
 * The Overview slide: MQL → SQL against its band ("MQL → SQL is 18.4 % — below the 25–30 % band"), naming
 * another step that falls below its band when MQL → SQL itself does not; without a measurable MQL → SQL,
 * the step furthest out of its band.
 */
export function overviewHeadline(funnel: Funnel): string {
  const first = funnel.stages.find((row) => row.tracked);
  if (!first?.reached) return "No leads in this selection, so there is nothing to judge";
  const rates = bandRates(funnel);
  const judged = rates.filter((r) => !tooFewToJudge(r.entered));
  const mqlToSql = rates.find((r) => r.from === "mql" && r.to === "sql");
  if (mqlToSql && tooFewToJudge(mqlToSql.entered)) {
    return (
      `Too few leads to judge MQL → SQL: ${formatCount(mqlToSql.converted)} of ` +
      `${formatCount(mqlToSql.entered)} MQLs reached SQL`
    );
  }
  const worstBelow = judged
    .filter((r) => r.status === "below" && r !== mqlToSql)
    .sort((a, b) => distanceOutside(b) - distanceOutside(a))[0];
  if (mqlToSql) {
    const main = `MQL → SQL is ${formatPercent(mqlToSql.rate)} — ${bandPhrase(mqlToSql.status, mqlToSql.benchmark)}`;
    if (mqlToSql.status === "below" || !worstBelow) return main;
    return `${main}; ${midSentence(worstBelow.label)} is ${formatPercent(worstBelow.rate)}, below its ${formatBand(worstBelow.benchmark)} band`;
  }
  const furthest = [...judged].sort((a, b) => distanceOutside(b) - distanceOutside(a))[0];
  if (furthest && distanceOutside(furthest) > 0) {
    return `${furthest.label} is ${formatPercent(furthest.rate)} — ${bandPhrase(furthest.status, furthest.benchmark)}`;
  }
  if (furthest) return "Every benchmarked step with enough leads is within its band";
  if (rates.length > 0)
    return `Too few leads to judge any benchmarked step (fewer than ${MIN_LEADS_TO_JUDGE} leads each)`;
  return "No benchmarked step can be measured with this data";
}

/** What both the Overview's and the Leaks screen's biggest leak carry (model/funnel and model/leaks). */
export interface LeakFinding {
  step: {
    from: Stage;
    to: Stage;
    entered: number;
    leaked: number;
    rate: number | null;
    benchmark: Benchmark | null;
  };
  share: number;
  belowBenchmark: boolean;
}

/**
 * The biggest-leak slide: the short form of biggestLeakSentence (model/insights), whose full sentence
 * the slide shows beneath it.
 */
export function biggestLeakHeadline(leak: LeakFinding | null): string {
  if (!leak) return "No leads have leaked yet: every lead either advanced or is still in progress";
  const { step } = leak;
  const name = stepName(step.from, step.to);
  if (tooFewToJudge(step.entered)) {
    return (
      `Too few to judge the biggest leak: ${formatCount(step.leaked)} of ${formatCount(step.entered)} ` +
      `${STAGE_PLURALS[step.from]} went no further at ${name}`
    );
  }
  const base = `The biggest leak is ${name}: ${formatPercent(leak.share)} of ${STAGE_PLURALS[step.from]} went no further`;
  if (leak.belowBenchmark && step.benchmark && step.rate !== null) {
    return `${base}; it converts ${formatPercent(step.rate)}, below its ${formatBand(step.benchmark)} band`;
  }
  return base;
}

/** The campaigns slide: the best and the worst MQL yield among campaigns with enough leads to judge. */
export function campaignsHeadline(report: CampaignReport): string {
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension].toLowerCase();
  if (report.rows.length === 0) return `No leads in this selection to compare by ${noun}`;
  if (!report.tracked.mql) return mqlYieldNotTracked(report.dimension);
  const judged = judgedRows(report);
  const best = judged[0];
  const worst = judged[judged.length - 1];
  if (!best || !worst) return `Too few leads to judge MQL yield: no ${noun} has enough leads`;
  // Names as the screen shows them: a CRM code (PAID_SOCIAL) tidied, unless two would read the same.
  const shown = categoryLabeller(report.rows.map((r) => r.name));
  if (best === worst) {
    return `Too few ${noun}s with enough leads to compare MQL yield: only ${shown(best.name).text} (${formatPercent(best.mqlYield)})`;
  }
  if (formatPercent(best.mqlYield) === formatPercent(worst.mqlYield)) {
    return `Every ${noun} with enough leads turns ${formatPercent(best.mqlYield)} of its leads into MQLs`;
  }
  return (
    `${shown(best.name).text} turns ${formatPercent(best.mqlYield)} of its leads into MQLs, ` +
    `${shown(worst.name).text} only ${formatPercent(worst.mqlYield)}`
  );
}

/** What the alignment slide needs of a team (metrics/alignment's HandoffGroup has all of it). */
export interface TeamHandoffs {
  team: string;
  slaCompliance: Rate;
  reviewSla: Rate;
  contactSla: Rate;
  feedbackSla: Rate;
}

/**
 * The alignment slide: the team furthest below the SLA goal and its weakest step, or, when every team
 * meets the goal, the alignment score (naming its parts when some are not tracked). With no SLA step
 * tracked in the workspace there is no SLA figure at all, only that it is not tracked.
 */
export function alignmentHeadline(
  teams: readonly TeamHandoffs[],
  settings: { targets: SlaTargets; slaGoal: number },
  alignmentScore: number | null,
  tracking: HandoffTracking,
): string {
  if (teams.length === 0)
    return "No lead in this selection has an MQL date, so there is no hand-off to measure";
  if (!slaTracked(tracking)) return SLA_NOT_TRACKED_HEADLINE;
  const judged = teams.filter((t) => t.slaCompliance.value !== null && !t.slaCompliance.tooFew);
  if (judged.length === 0)
    return `Too few hand-offs to judge the SLA: fewer than ${MIN_LEADS_TO_JUDGE} due in every team`;
  const worst = judged
    .filter((t) => (t.slaCompliance.value ?? 1) < settings.slaGoal)
    .sort((a, b) => (a.slaCompliance.value ?? 0) - (b.slaCompliance.value ?? 0))[0];
  if (!worst) {
    const parts = SCORE_PARTS.filter((p) => tracking[p]);
    const only = parts.length < SCORE_PARTS.length ? ` (${listParts(parts)} only)` : "";
    const score = alignmentScore === null ? "" : `; alignment score ${formatPercent(alignmentScore)}${only}`;
    return `Every team meets the hand-off SLA goal of ${formatPercent(settings.slaGoal)}${score}`;
  }
  const { targets } = settings;
  const steps = [
    { words: `review within ${formatHours(targets.reviewHours)}`, rate: worst.reviewSla },
    { words: `first contact within ${formatHours(targets.contactHours)}`, rate: worst.contactSla },
    { words: `feedback within ${formatHours(targets.feedbackHours)}`, rate: worst.feedbackSla },
  ].filter((s) => s.rate.value !== null && !s.rate.tooFew);
  const weakest = steps.sort((a, b) => (a.rate.value ?? 0) - (b.rate.value ?? 0))[0];
  const main =
    `${categoryLabeller(teams.map((t) => t.team))(worst.team).text} is furthest from the hand-off SLA: ${formatPercent(worst.slaCompliance.value)} of ` +
    `hand-offs within SLA (goal ${formatPercent(settings.slaGoal)})`;
  return weakest ? `${main}; weakest step ${weakest.words}, ${formatPercent(weakest.rate.value)}` : main;
}

/** One cohort month of a step (metrics/trends' StepMonth). */
export interface TrendMonth {
  /** 'YYYY-MM' */
  month: string;
  entered: number;
  converted: number;
  rate: number;
  status: "complete" | "incomplete" | "maturing";
}

export interface TrendStepInput {
  from: Stage;
  to: Stage;
  months: readonly TrendMonth[];
}

/** '2026-05' → 'May 2026', read as a calendar month (no time zone can shift it). */
export function monthName(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}

/** The step a trends slide follows: MQL → SQL when it is a step, else the first step with a band, else the first. */
export function trendStepToShow<T extends { from: Stage; to: Stage }>(
  steps: readonly T[],
  benchmarks: readonly Benchmark[],
): T | undefined {
  const hasBand = (s: T) => benchmarks.some((b) => b.from === s.from && b.to === s.to && b.kind === "band");
  return steps.find((s) => s.from === "mql" && s.to === "sql") ?? steps.find(hasBand) ?? steps[0];
}

/**
 * The months a period touches (a month partly inside it counts). A cohort of Q1 leads reaches MQL in
 * April too, so a step's months run past the period: a slide about Q1 must not talk about April.
 */
export function monthsInPeriod<T extends { month: string }>(months: readonly T[], period: Period): T[] {
  const first = period.from?.slice(0, 7) ?? null;
  const last = period.to?.slice(0, 7) ?? null;
  return months.filter((m) => (first === null || m.month >= first) && (last === null || m.month <= last));
}

/**
 * The trends slide: the latest complete month of the period against the step's band, or, without a
 * band, its direction from the complete month before it. An incomplete or maturing month is never read
 * as a drop, and a month outside the selected period is never named.
 */
export function trendHeadline(
  step: TrendStepInput,
  benchmark: Benchmark | null,
  period: Period = { from: null, to: null },
): string {
  const name = stepName(step.from, step.to);
  const complete = monthsInPeriod(step.months, period).filter((m) => m.status === "complete");
  const latest = complete[complete.length - 1];
  if (!latest) {
    const bounded = period.from !== null || period.to !== null;
    return `${name}: no complete month ${bounded ? "in the period " : ""}yet to judge`;
  }
  const when = monthName(latest.month);
  if (tooFewToJudge(latest.entered)) {
    return (
      `Too few to judge ${name} in ${when}: ${formatCount(latest.converted)} of ` +
      `${formatCount(latest.entered)} ${STAGE_PLURALS[step.from]}`
    );
  }
  const rate = formatPercent(latest.rate);
  if (benchmark?.kind === "band") {
    return `${name} was ${rate} in ${when}, the latest complete month — ${bandPhrase(benchmarkStatus(latest.rate, benchmark), benchmark)}`;
  }
  const previous = complete.slice(0, -1).filter((m) => !tooFewToJudge(m.entered));
  const before = previous[previous.length - 1];
  if (!before) return `${name} was ${rate} in ${when}, the latest complete month`;
  const earlier = formatPercent(before.rate);
  if (earlier === rate) return `${name} held at ${rate} in ${when}, as in ${monthName(before.month)}`;
  const verb = latest.rate > before.rate ? "rose" : "fell";
  return `${name} ${verb} from ${earlier} in ${monthName(before.month)} to ${rate} in ${when}`;
}
