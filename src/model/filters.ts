// The segment and date filters every view shares (what the user chose, not data).

/** Filter dimensions: columns of both lead_stages and funnel_cube, under the same names. */
export const DIMENSIONS = ["campaign", "channel", "team", "region", "company_size", "industry"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  campaign: "Campaign",
  channel: "Channel",
  team: "Team",
  region: "Region",
  company_size: "Company size",
  industry: "Industry",
};

export interface FunnelFilters {
  /** Selected values per dimension; an empty list means "all". */
  segments: Partial<Record<Dimension, string[]>>;
  /** Cohort date range, inclusive, as YYYY-MM-DD; null = open-ended. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: FunnelFilters = { segments: {}, from: null, to: null };
