// The 20 filter changes timed at every size, the same sequence in the browser and in native DuckDB.

import type { FunnelFilters } from "../../src/model/filters";

export type FilterKind = "campaign" | "team" | "cohort range" | "clear";

export type FilterControl = "Campaign" | "Team" | "Cohort from" | "Cohort to";

export interface FilterStep {
  kind: FilterKind;
  control: FilterControl;
  /** Option value, or YYYY-MM-DD for dates; "" = All / no date. */
  value: string;
}

/**
 * Each step changes the filter state (so the app must query again): segment picks, cohort ranges,
 * and clearing back to All / empty, interleaved. `campaigns` and `teams` are the menu values in
 * menu order (most leads first), as the app lists them.
 */
export function filterSteps(campaigns: readonly string[], teams: readonly string[]): FilterStep[] {
  if (campaigns.length < 2 || teams.length < 2)
    throw new Error(`need ≥ 2 campaigns and teams, got ${campaigns.length} and ${teams.length}`);
  const c = (i: number) => campaigns[i % campaigns.length] ?? "";
  const t = (i: number) => teams[i % teams.length] ?? "";
  const campaign = (value: string): FilterStep => ({
    kind: value ? "campaign" : "clear",
    control: "Campaign",
    value,
  });
  const team = (value: string): FilterStep => ({ kind: value ? "team" : "clear", control: "Team", value });
  const from = (value: string): FilterStep => ({
    kind: value ? "cohort range" : "clear",
    control: "Cohort from",
    value,
  });
  const to = (value: string): FilterStep => ({
    kind: value ? "cohort range" : "clear",
    control: "Cohort to",
    value,
  });
  return [
    campaign(c(0)),
    campaign(c(1)),
    team(t(0)),
    from("2025-04-01"),
    to("2025-09-30"),
    campaign(""),
    team(t(1)),
    from(""),
    campaign(c(2)),
    to(""),
    team(""),
    campaign(c(3)),
    from("2025-07-01"),
    to("2026-03-31"),
    team(t(2)),
    campaign(""),
    from(""),
    team(""),
    to(""),
    campaign(c(4)),
  ];
}

/** The filters the app holds after `step`, as FilterBar would set them. */
export function applyStep(filters: FunnelFilters, step: FilterStep): FunnelFilters {
  const value = step.value === "" ? null : step.value;
  switch (step.control) {
    case "Campaign":
      return { ...filters, segments: { ...filters.segments, campaign: value ? [value] : [] } };
    case "Team":
      return { ...filters, segments: { ...filters.segments, team: value ? [value] : [] } };
    case "Cohort from":
      return { ...filters, from: value };
    case "Cohort to":
      return { ...filters, to: value };
  }
}
