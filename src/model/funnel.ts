// Turns the funnel counts a query returns into steps, KPIs, benchmark statuses and the biggest leak.

import { type Benchmark, type BenchmarkStatus, benchmarkStatus } from "./benchmarks";
import type { CountMode } from "./counting";
import { tooFewToJudge } from "./smallNumbers";
import {
  type FunnelUnit,
  funnelUnitOf,
  type LeadStatus,
  STAGE_LABELS,
  STAGE_PLURALS,
  STAGES,
  type Stage,
} from "./stages";

export interface StageCount {
  stage: Stage;
  /** False when no lead in the workspace has a date for this stage: the funnel skips it. */
  tracked: boolean;
  /** Leads with a date for this stage or any later one (SPEC's reached rule). */
  reached: number;
  /** Leads counted as reached only because they have a later stage's date. */
  skipped: number;
}

/** Leads that reached `from` and then `to` (within the conversion window, when one is set). */
export interface Conversion {
  from: Stage;
  to: Stage;
  leads: number;
}

/** Leads whose furthest tracked stage is `stage`, by what became of them. */
export interface StatusCount {
  stage: Stage;
  status: LeadStatus;
  leads: number;
}

/** Of the leads with their own date for `from` that reached `to`, the share that did both on one day. */
export interface SameDayShare {
  from: Stage;
  to: Stage;
  share: number | null;
}

export interface FunnelCounts {
  /**
   * How the counts were made (absent: cohort). In period, `reached` is the leads that entered each
   * stage in the period, `statuses` the leads that stopped at a stage they entered in the period, and
   * a step's rate is a flow ratio.
   */
  count?: CountMode;
  stages: StageCount[];
  conversions: Conversion[];
  statuses: StatusCount[];
  /** False when the workspace records no lost deal at all: the closed win rate cannot be measured. */
  lostRecorded: boolean;
  /** Workspace-wide, per pair of stages (see SET_BY_CRM_SHARE). */
  sameDay: SameDayShare[];
  /** Conversion window in days, or null when every later conversion counts. */
  windowDays: number | null;
  /** Leads whose cohort is younger than the window (their conversions are still incomplete). */
  incompleteLeads: number;
  /**
   * In period: opportunities lost in the period, and those that entered in the period and are still
   * open — the closed win rate is then won in the period ÷ (won + lost in the period).
   */
  closedInPeriod?: { lost: number; open: number };
}

/** Why a lead that stopped at a stage did not advance, in order of precedence (decided in warehouse/derive). */
export const LEAK_REASONS = ["lost", "rejected", "never_contacted", "stalled"] as const;
export type LeakReason = (typeof LEAK_REASONS)[number];
export type LeakReasons = Record<LeakReason, number>;

/**
 * When a step's two dates fall on the same day for at least this share of its leads, the CRM set the
 * later one (Salesforce lead conversion creates the opportunity): a rate of the system, not of people.
 */
export const SET_BY_CRM_SHARE = 0.95;

export const SET_BY_CRM_REASON = "it is set by the CRM (e.g. lead conversion creates the opportunity)";

export interface FunnelStep {
  from: Stage;
  to: Stage;
  entered: number;
  /** Leads that reached `to` (within the conversion window, when one is set). */
  converted: number;
  /** With a conversion window: leads that reached `to`, but later than the window (0 without one). */
  convertedLate: number;
  rate: number | null;
  /** The same-day share when the step is set by the CRM (≥ SET_BY_CRM_SHARE), else null. */
  setByCrm: number | null;
  /** Leads that stopped at `from` and are not in progress. */
  leaked: number;
  reasons: LeakReasons;
  inProgress: number;
  benchmark: Benchmark | null;
  status: BenchmarkStatus | null;
}

export interface FunnelStageRow {
  stage: Stage;
  label: string;
  tracked: boolean;
  reached: number | null;
  skipped: number;
  /** From the previous tracked stage; null for the first tracked stage and untracked stages. */
  stepConversion: number | null;
  /** From the first tracked stage. */
  cumulativeConversion: number | null;
  /** The leads the cumulative rate counts: reached this stage from the first (within the window). */
  cumulativeConverted: number | null;
  benchmark: Benchmark | null;
  status: BenchmarkStatus | null;
}

export type KpiId =
  | "leads"
  | "mqls"
  | "sals"
  | "sqls"
  | "opportunities"
  | "deals"
  | "mql_to_sql"
  | "sales_acceptance"
  | "sql_to_opportunity"
  | "win_rate";

export interface Kpi {
  id: KpiId;
  label: string;
  kind: "count" | "rate";
  /** Null when a stage it needs is not tracked, or the step is set by the CRM (see `unavailable`). */
  value: number | null;
  /** Why a rate is not shown although its stages are tracked ("set by the CRM …"); else null. */
  unavailable: string | null;
  numerator: number | null;
  denominator: number | null;
  benchmark: Benchmark | null;
  status: BenchmarkStatus | null;
}

export interface ClosedWinRate {
  /** False when the data records no lost deal at all: won ÷ (won + lost) would be 100 % by construction. */
  tracked: boolean;
  won: number;
  lost: number;
  open: number;
  rate: number | null;
}

export interface BiggestLeak {
  step: FunnelStep;
  share: number;
  /** True when the step was chosen because it falls short of its benchmark band. */
  belowBenchmark: boolean;
}

export interface Funnel {
  /** Cohort, or in period (counts are entries in the period, step rates flow ratios). */
  count: CountMode;
  stages: FunnelStageRow[];
  steps: FunnelStep[];
  kpis: Kpi[];
  closedWinRate: ClosedWinRate;
  biggestLeak: BiggestLeak | null;
  untracked: Stage[];
  windowDays: number | null;
  incompleteLeads: number;
}

const COUNT_KPIS: { id: KpiId; stage: Stage; label: string }[] = [
  { id: "leads", stage: "lead", label: "Leads" },
  { id: "mqls", stage: "mql", label: "MQLs" },
  { id: "sals", stage: "sal", label: "SALs" },
  { id: "sqls", stage: "sql", label: "SQLs" },
  { id: "opportunities", stage: "opportunity", label: "Opportunities" },
  { id: "deals", stage: "deal", label: "Deals" },
];

const RATE_KPIS: { id: KpiId; from: Stage; to: Stage; label: string }[] = [
  { id: "mql_to_sql", from: "mql", to: "sql", label: "MQL → SQL" },
  { id: "sales_acceptance", from: "mql", to: "sal", label: "Sales acceptance" },
  { id: "sql_to_opportunity", from: "sql", to: "opportunity", label: "SQL → opportunity" },
  { id: "win_rate", from: "opportunity", to: "deal", label: "Win rate (opportunity → deal)" },
];

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

function findBenchmark(benchmarks: readonly Benchmark[], from: Stage, to: Stage): Benchmark | null {
  return benchmarks.find((b) => b.from === from && b.to === to) ?? null;
}

export function buildFunnel(counts: FunnelCounts, benchmarks: readonly Benchmark[]): Funnel {
  const byStage = new Map(counts.stages.map((s) => [s.stage, s]));
  const tracked = STAGES.filter((s) => byStage.get(s)?.tracked);
  const reached = (stage: Stage): number => byStage.get(stage)?.reached ?? 0;
  const converted = (from: Stage, to: Stage): number =>
    counts.conversions.find((c) => c.from === from && c.to === to)?.leads ?? reached(to);
  const statusAt = (stage: Stage, status: LeadStatus): number =>
    counts.statuses
      .filter((s) => s.stage === stage && s.status === status)
      .reduce((sum, s) => sum + s.leads, 0);

  const sameDay = (from: Stage, to: Stage): number | null =>
    counts.sameDay.find((p) => p.from === from && p.to === to)?.share ?? null;

  const steps: FunnelStep[] = [];
  for (let i = 1; i < tracked.length; i++) {
    const from = tracked[i - 1] as Stage;
    const to = tracked[i] as Stage;
    const entered = reached(from);
    const conv = converted(from, to);
    const reasons: LeakReasons = {
      lost: statusAt(from, "lost"),
      rejected: statusAt(from, "rejected"),
      never_contacted: statusAt(from, "never_contacted"),
      stalled: statusAt(from, "stalled"),
    };
    const rate = ratio(conv, entered);
    const share = sameDay(from, to);
    const setByCrm = share !== null && share >= SET_BY_CRM_SHARE ? share : null;
    const benchmark = findBenchmark(benchmarks, from, to);
    steps.push({
      from,
      to,
      entered,
      converted: conv,
      convertedLate: reached(to) - conv,
      rate,
      setByCrm,
      leaked: LEAK_REASONS.reduce((sum, r) => sum + reasons[r], 0),
      reasons,
      inProgress: statusAt(from, "in_progress"),
      benchmark,
      // A rate the CRM sets is not people's performance: never compared with a band.
      status: benchmark && rate !== null && setByCrm === null ? benchmarkStatus(rate, benchmark) : null,
    });
  }

  const first = tracked[0];
  const stages: FunnelStageRow[] = STAGES.map((stage) => {
    const count = byStage.get(stage);
    const isTracked = Boolean(count?.tracked);
    const step = steps.find((s) => s.to === stage) ?? null;
    return {
      stage,
      label: STAGE_LABELS[stage],
      tracked: isTracked,
      reached: isTracked ? reached(stage) : null,
      skipped: isTracked ? (count?.skipped ?? 0) : 0,
      stepConversion: step ? step.rate : null,
      cumulativeConversion:
        isTracked && first !== undefined && first !== stage
          ? ratio(converted(first, stage), reached(first))
          : null,
      cumulativeConverted:
        isTracked && first !== undefined && first !== stage ? converted(first, stage) : null,
      benchmark: step?.benchmark ?? null,
      status: step?.status ?? null,
    };
  });

  const isTracked = (stage: Stage) => tracked.includes(stage);
  const kpis: Kpi[] = [
    ...COUNT_KPIS.map(({ id, stage, label }): Kpi => {
      const value = isTracked(stage) ? reached(stage) : null;
      return {
        id,
        label,
        kind: "count",
        value,
        unavailable: null,
        numerator: value,
        denominator: null,
        benchmark: null,
        status: null,
      };
    }),
    ...RATE_KPIS.map(({ id, from, to, label }): Kpi => {
      const both = isTracked(from) && isTracked(to);
      const numerator = both ? converted(from, to) : null;
      const denominator = both ? reached(from) : null;
      const share = both ? sameDay(from, to) : null;
      const unavailable = share !== null && share >= SET_BY_CRM_SHARE ? SET_BY_CRM_REASON : null;
      const value =
        numerator !== null && denominator !== null && unavailable === null
          ? ratio(numerator, denominator)
          : null;
      const benchmark = findBenchmark(benchmarks, from, to);
      return {
        id,
        label,
        kind: "rate",
        value,
        unavailable,
        numerator,
        denominator,
        benchmark,
        status: benchmark && value !== null ? benchmarkStatus(value, benchmark) : null,
      };
    }),
  ];

  // Every close ever recorded, whatever the conversion window (the tile says so when one is set).
  // Without opportunity dates, a lost lead is lost at whatever stage it reached last.
  // In period: closed in the period (won or lost then), whenever the opportunity began.
  const won = isTracked("deal") ? reached("deal") : 0;
  const lostAfterOpportunity =
    counts.closedInPeriod?.lost ??
    (isTracked("opportunity")
      ? statusAt("opportunity", "lost")
      : STAGES.reduce((sum, stage) => sum + statusAt(stage, "lost"), 0));
  const closedTracked = isTracked("deal") && counts.lostRecorded;
  const closedWinRate: ClosedWinRate = {
    tracked: closedTracked,
    won,
    lost: lostAfterOpportunity,
    open:
      counts.closedInPeriod?.open ??
      Math.max(0, (isTracked("opportunity") ? reached("opportunity") : 0) - won - lostAfterOpportunity),
    rate: closedTracked ? ratio(won, won + lostAfterOpportunity) : null,
  };

  return {
    count: counts.count ?? "cohort",
    stages,
    steps,
    kpis,
    closedWinRate,
    biggestLeak: findBiggestLeak(steps),
    untracked: STAGES.filter((s) => !isTracked(s)),
    windowDays: counts.windowDays,
    incompleteLeads: counts.incompleteLeads,
  };
}

/**
 * The biggest leak: the step losing the most leads beyond what its benchmark band allows; when no
 * step falls short of a band, the step that loses the most leads. In-progress leads never count.
 */
export function findBiggestLeak(steps: readonly FunnelStep[]): BiggestLeak | null {
  // A step with too few leads is never called "below its benchmark": one lead moves it by points.
  const excess = (step: FunnelStep): number =>
    step.benchmark?.kind === "band" && step.status === "below" && !tooFewToJudge(step.entered)
      ? step.leaked - step.entered * (1 - step.benchmark.low)
      : 0;
  const belowBand = steps.filter((s) => excess(s) > 0).sort((a, b) => excess(b) - excess(a));
  const chosen = belowBand[0] ?? [...steps].sort((a, b) => b.leaked - a.leaked)[0];
  if (!chosen || chosen.leaked === 0) return null;
  return { step: chosen, share: chosen.leaked / chosen.entered, belowBenchmark: belowBand.length > 0 };
}

/** Whether the funnel counts leads or opportunities (funnelUnitOf its first tracked stage). */
export function funnelUnit(funnel: Pick<Funnel, "stages">): FunnelUnit {
  return funnelUnitOf(funnel.stages.find((row) => row.tracked)?.stage);
}

export function stagePlural(stage: Stage): string {
  return STAGE_PLURALS[stage];
}
