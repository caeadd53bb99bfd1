// Team alignment, pure: hand-off SLA targets and routing bands, contact buckets, rates with intervals,
// the alignment score, the measured uplift and the sentences the Alignment screen states.

import { formatPercent } from "./format";
import {
  isSettingText,
  isWholeDays,
  MAX_ROUTING_BANDS,
  ROUTING_EMPLOYEES,
  SLA_GOAL,
  SLA_HOURS,
  withinBounds,
} from "./settingsBounds";
import { formatCountOf, MIN_LEADS_TO_JUDGE, tooFewToJudge } from "./smallNumbers";
import { type Interval, wilsonInterval } from "./stats";

/** Hand-off SLA targets in elapsed (calendar) hours from MQL, not business hours. */
export interface SlaTargets {
  reviewHours: number;
  contactHours: number;
  feedbackHours: number;
}

/** A company-size band: companies with at least `minEmployees` employees go to `team` (largest band wins). */
export interface RoutingBand {
  minEmployees: number;
  team: string;
}

export interface AlignmentSettings {
  targets: SlaTargets;
  /** Share of hand-offs that should meet the whole SLA (review, contact and feedback); default 80 %, like acceptance. */
  slaGoal: number;
  routing: readonly RoutingBand[];
}

export const DEFAULT_ALIGNMENT: AlignmentSettings = {
  targets: { reviewHours: 4, contactHours: 24, feedbackHours: 48 },
  slaGoal: 0.8,
  routing: [
    { minEmployees: 1000, team: "Enterprise" },
    { minEmployees: 100, team: "Regional" },
    { minEmployees: 1, team: "Inside Sales" },
  ],
};

/** Sales acceptance benchmark (SPEC: hand-offs accepted by sales ≥ 80 %). */
export const ACCEPTANCE_GOAL = 0.8;

/** The published effect of aligned teams (CMO-council style report), as relative uplifts. */
export const PUBLISHED_EFFECT = { winRate: 0.38, customers: 0.36, revenue: 0.32 } as const;

export const ALIGNMENT_SCORE_FORMULA =
  "Alignment score = (review-SLA % + contact-SLA % + feedback-SLA % + acceptance %) ÷ 4; a part with no hand-offs due is left out of the mean.";

/** The four parts of the alignment score: three SLA steps and sales acceptance (MQL → SAL). */
export const SCORE_PARTS = ["review", "contact", "feedback", "acceptance"] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type SlaStep = Exclude<ScorePart, "acceptance">;
export const SLA_STEPS: readonly SlaStep[] = ["review", "contact", "feedback"];

export const SCORE_PART_LABELS: Record<ScorePart, string> = {
  review: "review SLA",
  contact: "contact SLA",
  feedback: "feedback SLA",
  acceptance: "acceptance",
};

/**
 * Which parts of the hand-off the workspace records at all (every lead, not just the filtered ones): an
 * SLA step when any lead has its event, acceptance when any lead has a SAL date. An untracked part is
 * neither met nor missed; it is left out of the SLA and of the score, and the screen says so.
 */
export type HandoffTracking = Record<ScorePart, boolean>;

export const ALL_TRACKED: HandoffTracking = { review: true, contact: true, feedback: true, acceptance: true };

/** Why each part is not tracked, as the screen says it after "not tracked: ". */
export const NOT_TRACKED_REASONS: Record<ScorePart, string> = {
  review: "no sales review (sales_review) events in the data",
  contact: "no sales contact (sales_contact) events in the data",
  feedback: "no sales feedback (sales_feedback) events in the data",
  acceptance: "no lead in the data has a SAL (sales-accepted) date",
};

export const SLA_NOT_TRACKED_REASON =
  "no sales review, contact or feedback events (sales_review, sales_contact, sales_feedback) in the data";

/** "The hand-off SLA is not tracked: …" — the headline in place of any SLA figure (no period: slides add none). */
export const SLA_NOT_TRACKED_HEADLINE = `The hand-off SLA is not tracked: ${SLA_NOT_TRACKED_REASON}, so no hand-off can be timed`;

/**
 * Which later stages the workspace records (tracked_stages): what became of hand-offs is counted only
 * through stages with dates. Without SQL dates "MQL → SQL" would be MQL → opportunity (the reached rule);
 * without opportunity dates every deal would be its own opportunity and the win rate 100 %.
 */
export interface OutcomeTracking {
  sql: boolean;
  opportunity: boolean;
  deal: boolean;
}

export const OUTCOME_NOT_TRACKED_REASONS: Record<keyof OutcomeTracking, string> = {
  sql: "no lead in the data has an SQL date",
  opportunity: "no lead in the data has an opportunity date",
  deal: "no deal in the data is recorded won or lost",
};

/** Why an outcome rate that needs these stages is not tracked, or null when it is. */
export function outcomeNotTracked(
  tracking: OutcomeTracking,
  needs: readonly (keyof OutcomeTracking)[],
): string | null {
  const missing = needs.find((stage) => !tracking[stage]);
  return missing === undefined ? null : OUTCOME_NOT_TRACKED_REASONS[missing];
}

/** True when at least one SLA step is tracked, so there is an SLA to judge. */
export function slaTracked(tracking: HandoffTracking): boolean {
  return SLA_STEPS.some((step) => tracking[step]);
}

/** "review SLA, contact SLA and acceptance" */
export function listParts(parts: readonly ScorePart[]): string {
  const labels = parts.map((p) => SCORE_PART_LABELS[p]);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** The score's formula for this workspace: which parts it averages, and which are not tracked and why. */
export function scoreFormula(tracking: HandoffTracking): string {
  const tracked = SCORE_PARTS.filter((p) => tracking[p]);
  const untracked = SCORE_PARTS.filter((p) => !tracking[p]);
  if (untracked.length === 0) return ALIGNMENT_SCORE_FORMULA;
  const reasons = untracked.map((p) => `${SCORE_PART_LABELS[p]}: ${NOT_TRACKED_REASONS[p]}`).join("; ");
  if (tracked.length === 0) return `No alignment score: none of its parts is tracked (${reasons}).`;
  const percents = tracked.map((p) => `${SCORE_PART_LABELS[p].replace(" SLA", "-SLA")} %`);
  const mean =
    percents.length === 1
      ? `${percents[0]}, its only tracked part`
      : `(${percents.join(" + ")}) ÷ ${percents.length}, its tracked parts only`;
  return `Alignment score = ${mean}; not tracked, so left out: ${reasons}. A part with no hand-offs due is left out of the mean.`;
}

/**
 * Time from MQL to the first sales contact at or after it. Upper bounds are inclusive (except < 1 h)
 * so that "within 24 h" lines up with the contact SLA.
 */
export const CONTACT_BUCKETS = [
  { id: "under_1h", label: "< 1 h" },
  { id: "1_4h", label: "1–4 h" },
  { id: "4_24h", label: "4–24 h" },
  { id: "1_3d", label: "1–3 days" },
  { id: "over_3d", label: "> 3 days" },
  { id: "never", label: "Never contacted" },
] as const;
export type ContactBucket = (typeof CONTACT_BUCKETS)[number]["id"];

/** A proportion with its counts, 95 % Wilson interval and small-sample flag. */
export interface Rate {
  successes: number;
  trials: number;
  value: number | null;
  interval: Interval | null;
  tooFew: boolean;
}

export function rate(successes: number, trials: number): Rate {
  return {
    successes,
    trials,
    value: trials > 0 ? successes / trials : null,
    interval: wilsonInterval(successes, trials),
    tooFew: tooFewToJudge(trials),
  };
}

/** Mean of the parts that exist (each a fraction); null when none does. */
export function alignmentScore(parts: readonly (number | null)[]): number | null {
  const present = parts.filter((p): p is number => p !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/** A group's alignment score, the parts it averages, and whether any of them rests on too few leads. */
export interface ScoreWithParts {
  value: number | null;
  /** The parts that have a rate (tracked, with hand-offs due), in SCORE_PARTS order. */
  parts: ScorePart[];
  /** True when any averaged part rests on fewer than MIN_LEADS_TO_JUDGE leads: not for comparing teams. */
  tooFew: boolean;
}

/** The mean of the parts that have a rate: an untracked part is 0 of 0 and so never enters it. */
export function scoreWithParts(rates: Record<ScorePart, Rate>): ScoreWithParts {
  const parts = SCORE_PARTS.filter((p) => rates[p].value !== null);
  return {
    value: alignmentScore(parts.map((p) => rates[p].value)),
    parts,
    tooFew: parts.some((p) => rates[p].trials < MIN_LEADS_TO_JUDGE),
  };
}

/**
 * True when a comparison of two rates cannot be judged: either side rests on fewer than
 * MIN_LEADS_TO_JUDGE leads (none at all included). Every sentence that compares groups checks this.
 */
export function tooFewToCompare(a: { trials: number }, b: { trials: number }): boolean {
  return a.trials < MIN_LEADS_TO_JUDGE || b.trials < MIN_LEADS_TO_JUDGE;
}

/** Relative uplift of `a` over `b` (0.38 = +38 %); null when either is missing or b is 0. */
export function uplift(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b - 1;
}

/** "+38.0 %" / "−12.5 %" / "—". */
export function formatUplift(value: number | null): string {
  if (value === null) return "—";
  return value >= 0 ? `+${formatPercent(value)}` : `−${formatPercent(-value)}`;
}

/**
 * Checks edited settings against src/model/settingsBounds.ts (the same bounds a link is read with):
 * targets 0.1 h to a year, goal a fraction, 1–10 bands with whole employees and a team name.
 */
export function validAlignmentSettings(settings: AlignmentSettings): boolean {
  const { reviewHours, contactHours, feedbackHours } = settings.targets;
  return (
    [reviewHours, contactHours, feedbackHours].every((h) => withinBounds(h, SLA_HOURS)) &&
    withinBounds(settings.slaGoal, SLA_GOAL) &&
    settings.routing.length <= MAX_ROUTING_BANDS &&
    settings.routing.every(
      (b) => isWholeDays(b.minEmployees, ROUTING_EMPLOYEES) && isSettingText(b.team) && b.team.trim() !== "",
    )
  );
}

/** What the scorecard needs of a team to name the one that misses the SLA. */
export interface TeamSlaSummary {
  team: string;
  slaCompliance: Rate;
  winRate: Rate;
}

/**
 * "Regional misses the hand-off SLA: 25.0 % of its hand-offs within SLA (goal 90.0 %). Its win rate is
 * 33.3 % against 60.0 % for the other teams: 26.7 points lower." Names the team with the lowest
 * compliance below the goal among teams with enough leads to judge.
 */
export function slaHeadline(teams: readonly TeamSlaSummary[], goal: number): string {
  const judged = teams.filter((t) => t.slaCompliance.value !== null && !t.slaCompliance.tooFew);
  if (judged.length === 0)
    return `Too few hand-offs per team to judge SLA compliance (fewer than ${MIN_LEADS_TO_JUDGE} due in every team).`;
  const missing = judged
    .filter((t) => (t.slaCompliance.value ?? 1) < goal)
    .sort((a, b) => (a.slaCompliance.value ?? 0) - (b.slaCompliance.value ?? 0));
  const worst = missing[0];
  if (!worst)
    return `Every team with enough hand-offs to judge meets the SLA goal of ${formatPercent(goal)}.`;
  const others = teams.filter((t) => t !== worst);
  const otherWins = rate(
    others.reduce((n, t) => n + t.winRate.successes, 0),
    others.reduce((n, t) => n + t.winRate.trials, 0),
  );
  const compliance = `${worst.team} misses the hand-off SLA: ${formatPercent(worst.slaCompliance.value)} of its hand-offs within SLA (goal ${formatPercent(goal)}).`;
  if (worst.winRate.value === null || otherWins.value === null) return compliance;
  if (tooFewToCompare(worst.winRate, otherWins))
    return `${compliance} Its win rate against the other teams': too few to judge (${formatCountOf(worst.winRate.successes, worst.winRate.trials)} opportunities won, against ${formatCountOf(otherWins.successes, otherWins.trials)}; fewer than ${MIN_LEADS_TO_JUDGE} on a side).`;
  const gap = otherWins.value - worst.winRate.value;
  const cost =
    gap > 0
      ? `${formatPercent(gap).replace(" %", "")} points lower`
      : `${formatPercent(-gap).replace(" %", "")} points higher, so no cost shows in win rate`;
  return `${compliance} Its win rate is ${formatPercent(worst.winRate.value)} against ${formatPercent(otherWins.value)} for the other teams: ${cost}.`;
}
