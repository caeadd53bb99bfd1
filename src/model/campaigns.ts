// Campaign comparison by MQL yield: the result types, the small-campaign rule, quadrants and the headline.

import { formatCount, formatPercent } from "./format";
import { MIN_LEADS_TO_JUDGE } from "./smallNumbers";
import { STAGE_LABELS, STAGES, type Stage } from "./stages";
import type { Interval } from "./stats";

/** Which funnel stages the workspace records at all (the `tracked_stages` table). */
export type TrackedStages = Record<Stage, boolean>;

/** Every stage tracked: what a full activity log or lead table gives. */
export const ALL_TRACKED: TrackedStages = {
  lead: true,
  mql: true,
  sal: true,
  sql: true,
  opportunity: true,
  deal: true,
};

/** Why a stage is not tracked, in words that finish "… not tracked: ". */
export const UNTRACKED_REASONS: Record<Stage, string> = {
  lead: "this data holds deals only, no lead records",
  mql: "no lead in this data has an MQL date",
  sal: "no lead in this data has a sales-accepted date",
  sql: "no lead in this data has an SQL date",
  opportunity: "no lead in this data has an opportunity date",
  deal: "no won or lost deal is recorded in this data",
};

/**
 * The first of the stages a figure counts or divides by that the data does not record, or null when
 * it records them all. A figure through an untracked stage is never shown as a number (SPEC "not
 * tracked": the reached rule would otherwise fill the stage from later ones and show a made-up 100 %).
 */
export function firstUntracked(tracked: TrackedStages, needs: readonly Stage[]): Stage | null {
  return STAGES.find((stage) => needs.includes(stage) && !tracked[stage]) ?? null;
}

/** "MQL not tracked: no lead in this data has an MQL date", or null when every needed stage is tracked. */
export function notTrackedNote(tracked: TrackedStages, needs: readonly Stage[]): string | null {
  const stage = firstUntracked(tracked, needs);
  return stage === null ? null : `${STAGE_LABELS[stage]} not tracked: ${UNTRACKED_REASONS[stage]}`;
}

/** What a row of the campaign table groups by: a fixed list, never a user string. */
export const CAMPAIGN_DIMENSIONS = ["campaign", "channel", "source"] as const;
export type CampaignDimension = (typeof CAMPAIGN_DIMENSIONS)[number];

export const CAMPAIGN_DIMENSION_LABELS: Record<CampaignDimension, string> = {
  campaign: "Campaign",
  channel: "Channel",
  source: "Source",
};

/** How a lead's credit is shared between the campaigns (channels, sources) that touched it. */
export const ATTRIBUTIONS = ["first_touch", "last_touch", "linear"] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  first_touch: "First touch",
  last_touch: "Last touch before MQL",
  linear: "Linear across touches before MQL",
};

export const ATTRIBUTION_DESCRIPTIONS: Record<Attribution, string> = {
  first_touch: "Each lead counts once, for the value on its first touch.",
  last_touch:
    "Each lead counts once, for the value on its last marketing touch at or before it became an MQL " +
    "(its last touch when it never did).",
  linear:
    "Each lead's one credit is split evenly over its marketing touches at or before it became an MQL, " +
    "so counts can be fractional.",
};

/**
 * A yield whose 95 % interval is wider than this is too uncertain to rank: ± 10 points cannot tell a
 * 30 % campaign from a 40 % one.
 */
export const MAX_JUDGED_INTERVAL_WIDTH = 0.2;

export interface CampaignRow {
  /** The campaign (channel, source) name; "(none)" for leads without one. */
  name: string;
  /** Credited leads (fractional under linear attribution). */
  leads: number;
  /** Credited leads that reached the stage; null when the data does not track the stage. */
  mqls: number | null;
  sqls: number | null;
  opportunities: number | null;
  deals: number | null;
  /** Won amounts; null when no won or lost deal is recorded. */
  revenue: number | null;
  /** MQLs ÷ leads, with its 95 % Wilson interval; null without leads or when MQL is not tracked. */
  mqlYield: number | null;
  mqlYieldInterval: Interval | null;
  /** Reached ÷ MQLs; null without MQLs or when either stage is not tracked. */
  sqlRate: number | null;
  opportunityRate: number | null;
  dealRate: number | null;
  /** Spend for the campaign; null when no spend is known for it (or the dimension is not campaign). */
  spend: number | null;
  costPerLead: number | null;
  costPerMql: number | null;
  costPerSql: number | null;
  costPerDeal: number | null;
  /** (revenue − spend) ÷ spend. */
  roi: number | null;
  /**
   * Fewer than MIN_LEADS_TO_JUDGE leads or an interval wider than MAX_JUDGED_INTERVAL_WIDTH (without
   * MQL dates there is no interval, and only the lead count decides).
   */
  tooSmallToJudge: boolean;
}

export interface CampaignReport {
  dimension: CampaignDimension;
  attribution: Attribution;
  rows: CampaignRow[];
  /** mqls and revenue are null when MQL (deal) is not tracked. */
  totals: { leads: number; mqls: number | null; revenue: number | null; spend: number | null };
  /** True when the spend table has rows (cost columns are shown only for dimension = campaign). */
  hasSpend: boolean;
  /** Which stages the workspace records: a rate through an untracked stage is null. */
  tracked: TrackedStages;
}

export function isTooSmallToJudge(leads: number, interval: Interval | null): boolean {
  if (interval === null) return true;
  return leads < MIN_LEADS_TO_JUDGE || interval.high - interval.low > MAX_JUDGED_INTERVAL_WIDTH;
}

/** The sentence a screen shows instead of any MQL yield when the data has no MQL dates. */
export function mqlYieldNotTracked(dimension: CampaignDimension): string {
  const noun = CAMPAIGN_DIMENSION_LABELS[dimension].toLowerCase();
  return `MQL yield is not tracked: ${UNTRACKED_REASONS.mql}, so no ${noun} is named best or worst`;
}

/** The judged rows (enough leads, a narrow enough interval), best yield first; empty without MQL dates. */
export function judgedRows(report: CampaignReport): CampaignRow[] {
  if (!report.tracked.mql) return [];
  return report.rows
    .filter((r) => !r.tooSmallToJudge && r.mqlYield !== null)
    .sort((a, b) => (b.mqlYield ?? 0) - (a.mqlYield ?? 0) || a.name.localeCompare(b.name));
}

export type Quadrant =
  | "high volume, high yield"
  | "high volume, low yield"
  | "low volume, high yield"
  | "low volume, low yield";

/** Volume is high above the median row's leads; yield is high at or above the overall yield. */
export function quadrantOf(row: CampaignRow, medianLeads: number, overallYield: number): Quadrant {
  const volume = row.leads > medianLeads ? "high volume" : "low volume";
  const yieldWord = (row.mqlYield ?? 0) >= overallYield ? "high yield" : "low yield";
  return `${volume}, ${yieldWord}`;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function overallYield(report: CampaignReport): number {
  const { leads, mqls } = report.totals;
  return leads > 0 && mqls !== null ? mqls / leads : 0;
}

/**
 * The judged row with the most leads among those yielding below the overall rate: where volume is
 * bought without qualified leads. Rows too small to judge are never named.
 */
export function highVolumeLowYield(report: CampaignReport): CampaignRow | null {
  const overall = overallYield(report);
  const below = judgedRows(report).filter((r) => r.mqlYield !== null && r.mqlYield < overall);
  return below.reduce<CampaignRow | null>(
    (best, r) => (best === null || r.leads > best.leads ? r : best),
    null,
  );
}

/** "Paid Social - Awareness Q1 brings the most leads (931, 31.0 %) but the worst MQL yield: 24.0 % …". */
export function campaignHeadline(report: CampaignReport): string {
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension].toLowerCase();
  if (!report.tracked.mql) return mqlYieldNotTracked(report.dimension);
  const judged = judgedRows(report);
  const culprit = highVolumeLowYield(report);
  const overall = formatPercent(overallYield(report));
  if (judged.length < 2 || culprit === null) {
    return judged.length < 2
      ? `Too few ${noun}s with enough leads to compare MQL yield`
      : `No ${noun} with enough leads yields below the overall ${overall}`;
  }
  const mostLeads = judged.every((r) => r.leads <= culprit.leads);
  const worst = judged.every((r) => (r.mqlYield ?? 0) >= (culprit.mqlYield ?? 0));
  const share = formatPercent(report.totals.leads > 0 ? culprit.leads / report.totals.leads : null);
  const volume = mostLeads ? "brings the most leads" : "brings many leads";
  const yieldText = worst ? "the worst MQL yield" : "a below-average MQL yield";
  return (
    `${culprit.name} ${volume} (${formatCount(culprit.leads)}, ${share} of all) but ${yieldText}: ` +
    `${formatPercent(culprit.mqlYield)} become MQLs, against ${overall} overall`
  );
}

const creditFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A credited count: whole under first/last touch ("1,234"), one decimal under linear ("12.5"). */
export function formatCredit(value: number | null): string {
  return value === null || Number.isNaN(value) ? "—" : creditFormat.format(value);
}

/** "24.0 % · 223 of 931" with credited (possibly fractional) counts; "not tracked" for a null count. */
export function formatCreditRate(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null) return "not tracked";
  if (denominator <= 0) return "—";
  return `${formatPercent(numerator / denominator)} · ${formatCredit(numerator)} of ${formatCredit(denominator)}`;
}
