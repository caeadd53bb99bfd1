// Where leads leak: why leads stopped at each funnel step, the biggest leak in words, a dominant segment.

import type { Benchmark } from "./benchmarks";
import { formatBand } from "./benchmarks";
import { tidyCategory } from "./categoryText";
import { formatCount, formatPercent } from "./format";
import {
  buildFunnel,
  type FunnelCounts,
  type FunnelStep,
  LEAK_REASONS,
  type LeakReason,
  type LeakReasons,
} from "./funnel";
import { type FunnelUnit, funnelUnitOf, STAGE_LABELS, STAGE_PLURALS, STAGES, type Stage } from "./stages";

export { LEAK_REASONS, type LeakReason };

/** Every way a lead can stop at a stage: a leak reason, or still in progress (never a leak). */
export const STOP_REASONS = [...LEAK_REASONS, "in_progress"] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const STOP_REASON_LABELS: Record<StopReason, string> = {
  lost: "Closed lost",
  rejected: "Rejected by sales",
  never_contacted: "Never contacted",
  stalled: "Stalled",
  in_progress: "Still in progress",
};

export const isStage = (value: unknown): value is Stage => (STAGES as readonly unknown[]).includes(value);
export const isStopReason = (value: unknown): value is StopReason =>
  (STOP_REASONS as readonly unknown[]).includes(value);

/** Leaked leads by campaign or channel value and furthest stage, for naming a dominant segment. */
export interface SegmentStopCount {
  dimension: "campaign" | "channel";
  value: string;
  stage: Stage;
  leads: number;
  leaked: number;
}

/**
 * The funnel's own counts (the same query the Overview sums, so both screens give one answer per step)
 * plus the per-segment split for naming a dominant campaign or channel.
 */
export interface LeakCounts {
  funnel: FunnelCounts;
  segments: SegmentStopCount[];
  /** False when the data holds no sales contact at all: then no lead can be called "never contacted". */
  contactsRecorded: boolean;
  stalledDays: number;
}

/** A leak step is a funnel step: entered, converted (within the window), leaked by reason, in progress. */
export type LeakStep = FunnelStep;

export interface DominantSegment {
  dimension: "campaign" | "channel";
  value: string;
  leaked: number;
  /** Its share of the step's leaked leads. */
  share: number;
  /** Its share of the leads that entered the step. */
  enteredShare: number;
}

export interface Leaks {
  steps: LeakStep[];
  biggest: { step: LeakStep; share: number; belowBenchmark: boolean; segment: DominantSegment | null } | null;
  contactsRecorded: boolean;
  stalledDays: number;
  windowDays: number | null;
}

/** Whether the leaks are of leads or of opportunities: steps run between tracked stages, the first from the first. */
export function leaksUnit(leaks: Pick<Leaks, "steps">): FunnelUnit {
  return funnelUnitOf(leaks.steps[0]?.from);
}

/**
 * The campaign or channel that dominates a step's leak: more than half of its leaked leads, and a share
 * of the leak at least 10 points above its share of the leads entering the step (so a workspace with one
 * campaign, or a campaign that leaks only in proportion to its size, names none).
 */
export function dominantSegment(counts: LeakCounts, step: LeakStep): DominantSegment | null {
  if (step.leaked === 0 || step.entered === 0) return null;
  const index = (stage: Stage) => STAGES.indexOf(stage);
  const byValue = new Map<
    string,
    { dimension: "campaign" | "channel"; value: string; leaked: number; entered: number }
  >();
  for (const row of counts.segments) {
    const key = `${row.dimension}\u0000${row.value}`;
    const entry = byValue.get(key) ?? { dimension: row.dimension, value: row.value, leaked: 0, entered: 0 };
    if (index(row.stage) >= index(step.from)) entry.entered += row.leads;
    if (index(row.stage) >= index(step.from) && index(row.stage) < index(step.to)) entry.leaked += row.leaked;
    byValue.set(key, entry);
  }
  const candidates = [...byValue.values()]
    .map((e) => ({ ...e, share: e.leaked / step.leaked, enteredShare: e.entered / step.entered }))
    .filter((e) => e.share > 0.5 && e.share - e.enteredShare >= 0.1)
    .sort(
      (a, b) =>
        b.share - a.share ||
        b.share - b.enteredShare - (a.share - a.enteredShare) ||
        a.value.localeCompare(b.value),
    );
  const top = candidates[0];
  return top
    ? {
        dimension: top.dimension,
        value: top.value,
        leaked: top.leaked,
        share: top.share,
        enteredShare: top.enteredShare,
      }
    : null;
}

/** The biggest leak is the funnel's (model/funnel findBiggestLeak), so every screen names the same one. */
export function buildLeaks(counts: LeakCounts, benchmarks: readonly Benchmark[]): Leaks {
  const funnel = buildFunnel(counts.funnel, benchmarks);
  const found = funnel.biggestLeak;
  return {
    steps: funnel.steps,
    biggest: found ? { ...found, segment: dominantSegment(counts, found.step) } : null,
    contactsRecorded: counts.contactsRecorded,
    stalledDays: counts.stalledDays,
    windowDays: funnel.windowDays,
  };
}

/** "2 rejected by sales, 1 never contacted, 3 stalled" — only the reasons that occur. */
export function leakReasonsText(reasons: LeakReasons): string {
  const words: Record<LeakReason, string> = {
    rejected: "rejected by sales",
    lost: "closed lost",
    never_contacted: "never contacted",
    stalled: "stalled",
  };
  const order: LeakReason[] = ["rejected", "lost", "never_contacted", "stalled"];
  return order
    .filter((r) => reasons[r] > 0)
    .map((r) => `${formatCount(reasons[r])} ${words[r]}`)
    .join(", ");
}

/**
 * What became of the rest of a step's leads, so leaked + converted (+ late) + in progress add up to the
 * leads that entered it: "6 reached SAL (within 30 days; 1 more later) and 2 are still in progress".
 */
export function stepOutcomeText(step: LeakStep, windowDays: number | null): string {
  const target = STAGE_LABELS[step.to];
  let text = `${formatCount(step.converted)} reached ${target}`;
  if (windowDays !== null) {
    text += ` within ${formatCount(windowDays)} days`;
    if (step.convertedLate > 0) text += ` (${formatCount(step.convertedLate)} more later)`;
  }
  if (step.inProgress > 0)
    text += ` and ${formatCount(step.inProgress)} ${step.inProgress === 1 ? "is" : "are"} still in progress`;
  return text;
}

/**
 * The biggest leak in one sentence: the Overview, the Leaks screen and the slides all say this one.
 * A step from too few leads is never said to fall short of its band.
 */
export function biggestLeakText(
  leak: { step: LeakStep; share: number; belowBenchmark: boolean } | null,
  windowDays: number | null,
): string {
  if (!leak) return "No leads have leaked yet: every lead either advanced or is still in progress.";
  const { step } = leak;
  const reasons = leakReasonsText(step.reasons);
  let text =
    `The biggest leak is ${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]}: ${formatCount(step.leaked)} of ` +
    `${formatCount(step.entered)} ${STAGE_PLURALS[step.from]} (${formatPercent(leak.share)}) went no further` +
    `${reasons ? ` (${reasons})` : ""}; ${stepOutcomeText(step, windowDays)}`;
  if (leak.belowBenchmark && step.benchmark && step.rate !== null) {
    text += `; the step converts ${formatPercent(step.rate)}, below its ${formatBand(step.benchmark)} benchmark`;
  }
  return `${text}.`;
}

const DIMENSION_WORDS = { campaign: "campaign", channel: "channel" } as const;

/** The biggest leak in one sentence, worded as the Overview's, plus the dominant segment when there is one. */
export function leakSentence(leaks: Leaks): string {
  const leak = leaks.biggest;
  let text = biggestLeakText(leak, leaks.windowDays);
  if (!leak) return text;
  const { step } = leak;
  const segment = leak.segment;
  if (segment) {
    text +=
      ` ${formatCount(segment.leaked)} of them (${formatPercent(segment.share)}) came from ` +
      `${DIMENSION_WORDS[segment.dimension]} "${tidyCategory(segment.value)}", which brought ${formatPercent(segment.enteredShare)} ` +
      `of the ${STAGE_PLURALS[step.from]}.`;
  }
  return text;
}
