// Where leads leak: why leads stopped at each funnel step, the biggest leak in words, a dominant segment.

import { type Benchmark, type BenchmarkStatus, benchmarkStatus, formatBand } from "./benchmarks";
import { formatCount, formatPercent } from "./format";
import { type FunnelStep, findBiggestLeak } from "./funnel";
import { STAGE_LABELS, STAGE_PLURALS, STAGES, type Stage } from "./stages";

/** Why a lead that stopped at a stage did not advance, in order of precedence (see metrics/leaks.ts). */
export const LEAK_REASONS = ["lost", "rejected", "never_contacted", "stalled"] as const;
export type LeakReason = (typeof LEAK_REASONS)[number];

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

/** Leads whose furthest stage is `stage`, by why they stopped there ("won" for leads that reached deal). */
export interface StoppedCount {
  stage: Stage;
  reason: StopReason | "won";
  leads: number;
}

/** Leaked leads by campaign or channel value and furthest stage, for naming a dominant segment. */
export interface SegmentStopCount {
  dimension: "campaign" | "channel";
  value: string;
  stage: Stage;
  leads: number;
  leaked: number;
}

export interface LeakCounts {
  tracked: Stage[];
  stopped: StoppedCount[];
  segments: SegmentStopCount[];
  /** False when the data holds no sales contact at all: then no lead can be called "never contacted". */
  contactsRecorded: boolean;
  stalledDays: number;
}

export interface LeakStep {
  from: Stage;
  to: Stage;
  /** Leads that reached `from`. */
  entered: number;
  /** Leads that reached `to` (every later conversion counts: no window). */
  converted: number;
  rate: number | null;
  /** Leads that stopped at `from` for a leak reason (never in progress). */
  leaked: number;
  reasons: Record<LeakReason, number>;
  inProgress: number;
  benchmark: Benchmark | null;
  status: BenchmarkStatus | null;
}

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
}

const noReasons = (): Record<LeakReason, number> => ({
  lost: 0,
  rejected: 0,
  never_contacted: 0,
  stalled: 0,
});

/** Steps between consecutive tracked stages, from the per-stage stop counts. */
export function buildLeakSteps(counts: LeakCounts, benchmarks: readonly Benchmark[]): LeakStep[] {
  const index = (stage: Stage) => STAGES.indexOf(stage);
  const reached = (stage: Stage) =>
    counts.stopped.filter((s) => index(s.stage) >= index(stage)).reduce((sum, s) => sum + s.leads, 0);
  const steps: LeakStep[] = [];
  for (let i = 1; i < counts.tracked.length; i++) {
    const from = counts.tracked[i - 1] as Stage;
    const to = counts.tracked[i] as Stage;
    const reasons = noReasons();
    let inProgress = 0;
    // Stages between two tracked ones hold no lead (no dates), so "stopped at from" is furthest = from.
    for (const s of counts.stopped) {
      if (index(s.stage) < index(from) || index(s.stage) >= index(to)) continue;
      if (s.reason === "in_progress") inProgress += s.leads;
      else if (s.reason !== "won") reasons[s.reason] += s.leads;
    }
    const entered = reached(from);
    const converted = reached(to);
    const rate = entered > 0 ? converted / entered : null;
    const benchmark = benchmarks.find((b) => b.from === from && b.to === to) ?? null;
    steps.push({
      from,
      to,
      entered,
      converted,
      rate,
      leaked: LEAK_REASONS.reduce((sum, r) => sum + reasons[r], 0),
      reasons,
      inProgress,
      benchmark,
      status: benchmark && rate !== null ? benchmarkStatus(rate, benchmark) : null,
    });
  }
  return steps;
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

/** The biggest leak follows the funnel's rule (model/funnel findBiggestLeak), so both screens agree. */
export function buildLeaks(counts: LeakCounts, benchmarks: readonly Benchmark[]): Leaks {
  const steps = buildLeakSteps(counts, benchmarks);
  const asFunnelSteps: FunnelStep[] = steps.map((s) => ({
    ...s,
    reasons: {
      rejected: s.reasons.rejected,
      lost: s.reasons.lost,
      stalled: s.reasons.stalled + s.reasons.never_contacted,
    },
  }));
  const found = findBiggestLeak(asFunnelSteps);
  const step = found ? steps.find((s) => s.from === found.step.from) : undefined;
  return {
    steps,
    biggest:
      found && step
        ? {
            step,
            share: found.share,
            belowBenchmark: found.belowBenchmark,
            segment: dominantSegment(counts, step),
          }
        : null,
    contactsRecorded: counts.contactsRecorded,
    stalledDays: counts.stalledDays,
  };
}

/** "2 rejected by sales, 1 never contacted, 3 stalled" — only the reasons that occur. */
export function leakReasonsText(reasons: Record<LeakReason, number>): string {
  const words: Record<LeakReason, string> = {
    rejected: "rejected by sales",
    lost: "closed lost",
    never_contacted: "never contacted",
    stalled: "stalled",
  };
  const order: LeakReason[] = ["rejected", "lost", "stalled", "never_contacted"];
  return order
    .filter((r) => reasons[r] > 0)
    .map((r) => `${formatCount(reasons[r])} ${words[r]}`)
    .join(", ");
}

const DIMENSION_WORDS = { campaign: "campaign", channel: "channel" } as const;

/** The biggest leak in one sentence, worded as the Overview's, plus the dominant segment when there is one. */
export function leakSentence(leaks: Leaks): string {
  const leak = leaks.biggest;
  if (!leak) return "No leads have leaked yet: every lead either advanced or is still in progress.";
  const { step } = leak;
  let text =
    `The biggest leak is ${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]}: ${formatCount(step.leaked)} of ` +
    `${formatCount(step.entered)} ${STAGE_PLURALS[step.from]} (${formatPercent(leak.share)}) went no further ` +
    `(${leakReasonsText(step.reasons)})`;
  if (leak.belowBenchmark && step.benchmark && step.rate !== null) {
    text += `; the step converts ${formatPercent(step.rate)}, below its ${formatBand(step.benchmark)} benchmark`;
  }
  text += ".";
  const segment = leak.segment;
  if (segment) {
    text +=
      ` ${formatCount(segment.leaked)} of them (${formatPercent(segment.share)}) came from ` +
      `${DIMENSION_WORDS[segment.dimension]} "${segment.value}", which brought ${formatPercent(segment.enteredShare)} ` +
      `of the ${STAGE_PLURALS[step.from]}.`;
  }
  return text;
}
