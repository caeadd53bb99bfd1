// The lead-scoring model (SPEC "Lead scoring"): behaviour and fit points, target lists and thresholds.

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

/** Weights and thresholds stay within this range: wide enough for any real model, small enough to sum. */
export const MAX_POINTS = 10_000;

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

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : fallback;
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
