// The lead-scoring model (SPEC "Lead scoring"): behaviour and fit points, target lists and thresholds,
// and the findings the scoring charts state.

import { UNTRACKED_REASONS } from "./campaigns";
import { formatCount, formatPercent } from "./format";
import { isSettingText, MAX_LIST_ITEMS, SCORE_POINTS } from "./settingsBounds";
import { formatCountOf, MIN_LEADS_TO_JUDGE, tooFewToJudge } from "./smallNumbers";

/** Scored behaviours: canonical activity names (DATA.md vocabulary) and their default points. */
export const SCORED_BEHAVIOURS = ["content_download", "webinar", "pricing_visit", "demo_request"] as const;
export type ScoredBehaviour = (typeof SCORED_BEHAVIOURS)[number];

export const BEHAVIOUR_LABELS: Record<ScoredBehaviour, string> = {
  content_download: "Content download",
  webinar: "Webinar",
  pricing_visit: "Pricing page visit",
  demo_request: "Demo request",
};

export const FIT_CRITERIA = ["cLevel", "targetIndustry", "targetCompanySize", "geographicMatch"] as const;
export type FitCriterion = (typeof FIT_CRITERIA)[number];

export const FIT_LABELS: Record<FitCriterion, string> = {
  cLevel: "C-level role",
  targetIndustry: "Target industry",
  targetCompanySize: "Target company size",
  geographicMatch: "Geographic match",
};

/** Which lead attribute each fit criterion reads, and the target list it is matched against. */
export const FIT_TARGETS: Record<
  FitCriterion,
  { column: "role" | "industry" | "company_size" | "region"; list: keyof ScoringTargets }
> = {
  cLevel: { column: "role", list: "roles" },
  targetIndustry: { column: "industry", list: "industries" },
  targetCompanySize: { column: "company_size", list: "companySizes" },
  geographicMatch: { column: "region", list: "regions" },
};

export interface ScoringTargets {
  roles: string[];
  industries: string[];
  companySizes: string[];
  regions: string[];
}

export interface ScoringModel {
  /** Points per occurrence of each behaviour. */
  behaviour: Record<ScoredBehaviour, number>;
  /** Points when the lead's attribute is in the matching target list. */
  fit: Record<FitCriterion, number>;
  targets: ScoringTargets;
  /** A lead scoring at least this is an MQL under the model. */
  mqlThreshold: number;
  /** A lead scoring above this is SQL-ready. */
  sqlReadyThreshold: number;
}

/** SPEC defaults; the target lists fit the bundled sample (sample-data/README.md). */
export const DEFAULT_SCORING: ScoringModel = {
  behaviour: { content_download: 5, webinar: 15, pricing_visit: 25, demo_request: 50 },
  fit: { cLevel: 30, targetIndustry: 20, targetCompanySize: 15, geographicMatch: 10 },
  targets: {
    roles: ["CEO", "CTO", "CMO", "CFO"],
    industries: ["Software", "Financial Services"],
    companySizes: ["100-999", "1000+"],
    regions: ["North America"],
  },
  mqlThreshold: 75,
  sqlReadyThreshold: 100,
};

/** Weights and thresholds stay within ±this (src/model/settingsBounds.ts): wide enough for any real model, small enough to sum. */
export const MAX_POINTS = SCORE_POINTS.max;

/** The threshold-tuning series: MQL thresholds from 0 to 200 in steps of 5. */
export const TUNING_THRESHOLDS = { from: 0, to: 200, step: 5 } as const;

/** Score bands for the distribution and the conversion-by-band chart: 25 points wide, the last open. */
export const SCORE_BAND_WIDTH = 25;
export const TOP_BAND_START = 150;

export function scoreBandLabel(start: number): string {
  return start >= TOP_BAND_START ? `${TOP_BAND_START}+` : `${start}–${start + SCORE_BAND_WIDTH - 1}`;
}

function points(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_POINTS
    ? value
    : fallback;
}

/** A target list within the bounds a link or a saved setting is read with (src/model/settingsBounds.ts). */
function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter(isSettingText).slice(0, MAX_LIST_ITEMS) : fallback;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * A usable model from anything (a saved setting from an older version, a half-typed form): every
 * missing or invalid number falls back to the default, so SQL only ever sees finite, bounded numbers.
 */
export function normaliseScoring(value: unknown): ScoringModel {
  const input = record(value);
  const behaviour = record(input.behaviour);
  const fit = record(input.fit);
  const targets = record(input.targets);
  const d = DEFAULT_SCORING;
  return {
    behaviour: Object.fromEntries(
      SCORED_BEHAVIOURS.map((b) => [b, points(behaviour[b], d.behaviour[b])]),
    ) as Record<ScoredBehaviour, number>,
    fit: Object.fromEntries(FIT_CRITERIA.map((f) => [f, points(fit[f], d.fit[f])])) as Record<
      FitCriterion,
      number
    >,
    targets: {
      roles: strings(targets.roles, d.targets.roles),
      industries: strings(targets.industries, d.targets.industries),
      companySizes: strings(targets.companySizes, d.targets.companySizes),
      regions: strings(targets.regions, d.targets.regions),
    },
    mqlThreshold: points(input.mqlThreshold, d.mqlThreshold),
    sqlReadyThreshold: points(input.sqlReadyThreshold, d.sqlReadyThreshold),
  };
}

/** What the conversion-by-band finding needs of a band (metrics/scoring's ScoreBand has it all). */
export interface BandOutcome {
  start: number;
  leads: number;
  /** Share of the band's leads that reached SQL; null when SQL is not tracked. */
  sqlRate: number | null;
}

/**
 * The conversion-by-band finding: the highest band against the lowest, among the bands with at least
 * MIN_LEADS_TO_JUDGE leads (a comparison with a smaller side is too few to judge, SPEC).
 */
export function bandComparisonTitle(bands: readonly BandOutcome[], sqlTracked: boolean): string {
  if (!sqlTracked) return `Conversion to SQL by score band is not tracked: ${UNTRACKED_REASONS.sql}`;
  const judged = bands.filter((b) => b.leads >= MIN_LEADS_TO_JUDGE && b.sqlRate !== null);
  const top = judged.at(-1);
  const bottom = judged[0];
  if (!top || !bottom || top === bottom) {
    return (
      `Conversion to SQL by score band: too few to judge ` +
      `(fewer than two bands with ${MIN_LEADS_TO_JUDGE} leads or more)`
    );
  }
  return (
    `Leads scoring ${scoreBandLabel(top.start)} reach SQL ${formatPercent(top.sqlRate)} of the time, ` +
    `against ${formatPercent(bottom.sqlRate)} at ${scoreBandLabel(bottom.start)}`
  );
}

/** What the threshold-tuning finding needs of a point (metrics/scoring's TuningPoint). */
export interface TuningOutcome {
  threshold: number;
  wouldBeMqls: number;
  becameSql: number | null;
}

/**
 * The threshold-tuning finding at the current threshold (the first point at or above it). The series
 * stops at the highest score, so a threshold above it has no point: no lead would be an MQL.
 */
export function tuningTitle(
  tuning: readonly TuningOutcome[],
  mqlThreshold: number,
  highestScore: number | null,
  sqlTracked: boolean,
): string {
  if (highestScore === null) return "No leads to score in this selection";
  const current = tuning.find((t) => t.threshold >= mqlThreshold);
  if (!current || current.wouldBeMqls === 0) {
    return `At ${formatCount(mqlThreshold)} points no lead would be an MQL: the highest score is ${formatCount(highestScore)}`;
  }
  const mqls = `At ${formatCount(current.threshold)} points, ${formatCount(current.wouldBeMqls)} ${current.wouldBeMqls === 1 ? "lead" : "leads"} would be MQLs`;
  if (!sqlTracked || current.becameSql === null)
    return `${mqls}; whether they reached SQL is not tracked: ${UNTRACKED_REASONS.sql}`;
  if (tooFewToJudge(current.wouldBeMqls))
    return `${mqls} and ${formatCountOf(current.becameSql, current.wouldBeMqls)} reached SQL: too few to judge`;
  return `${mqls} and ${formatPercent(current.becameSql / current.wouldBeMqls)} of them reached SQL`;
}
