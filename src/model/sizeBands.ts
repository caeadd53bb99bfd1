// Company sizes as the routing's size bands. When a workspace's company sizes are head counts ("25",
// "250", "1,200") the filter menu and its counts show the bands the routing settings route by
// ("1–99 (Inside Sales)", "1,000+ (Enterprise)") instead of hundreds of numbers; a chosen band is a
// filter value of its own ("1000+ employees") that metrics/filters.ts turns into a numeric range.

import type { RoutingBand } from "./alignment";
import { formatCount } from "./format";

/** Companies with `min` to `max` employees (both included; `max` null = no upper end). */
export interface SizeBand {
  min: number;
  max: number | null;
  /** The routing's team for the band; null for sizes below every routing band (not routed). */
  team: string | null;
}

/**
 * A head count as the file writes it: whole digits, optionally with comma thousands separators
 * ("25", "2500", "1,200"), spaces around ignored. The same pattern is used in SQL (headCountSql), so a
 * value counts in the band the filter selects it by.
 */
export const HEAD_COUNT_PATTERN = "[0-9]{1,3}(,[0-9]{3})+|[0-9]+";
const HEAD_COUNT = new RegExp(`^(?:${HEAD_COUNT_PATTERN})$`);

/** "1,200" → 1200, " 25 " → 25; null for anything else ("51-200", "1000+", "unknown", "12.5", ""). */
export function parseHeadCount(value: string): number | null {
  const text = value.trim();
  return HEAD_COUNT.test(text) ? Number(text.replaceAll(",", "")) : null;
}

/**
 * Sizes are shown as bands when at least this share of the leads with a company size have a head count:
 * a few "unknown" or band values do not stop a head-count file from being read as one, and a band file
 * with a few numbers keeps its bands. Leads without a size ("(none)", empty) are left out of the share.
 */
export const HEAD_COUNT_SHARE = 0.8;

/** The value lead_stages gives a lead without one (warehouse/derive.ts NO_VALUE). */
const NO_SIZE = "(none)";

export function isHeadCountWorkspace(values: readonly { value: string; leads: number }[]): boolean {
  let sized = 0;
  let counted = 0;
  for (const v of values) {
    if (v.value === NO_SIZE || v.value.trim() === "") continue;
    sized += v.leads;
    if (parseHeadCount(v.value) !== null) counted += v.leads;
  }
  return sized > 0 && counted >= HEAD_COUNT_SHARE * sized;
}

/**
 * The bands the routing routes by, smallest first: each threshold up to the next one, the largest open
 * ended, each with its team (the first band listed for a threshold, when two share one). Sizes below
 * the smallest threshold form a band of their own with no team.
 */
export function sizeBands(routing: readonly RoutingBand[]): SizeBand[] {
  const teams = new Map<number, string>();
  for (const band of routing) if (!teams.has(band.minEmployees)) teams.set(band.minEmployees, band.team);
  const thresholds = [...teams.keys()].sort((a, b) => a - b);
  const bands: SizeBand[] = [];
  const lowest = thresholds[0];
  if (lowest === undefined) return [{ min: 0, max: null, team: null }];
  if (lowest > 0) bands.push({ min: 0, max: lowest - 1, team: null });
  thresholds.forEach((min, i) => {
    const next = thresholds[i + 1];
    bands.push({ min, max: next === undefined ? null : next - 1, team: teams.get(min) ?? null });
  });
  return bands;
}

/** The filter value (and URL value) for a band: "200-999 employees", "1000+ employees". */
export function sizeBandValue(band: Pick<SizeBand, "min" | "max">): string {
  return band.max === null ? `${band.min}+ employees` : `${band.min}-${band.max} employees`;
}

const SIZE_RANGE = new RegExp(
  `^(?<min>${HEAD_COUNT_PATTERN})\\s*(?:[-–]\\s*(?<max>${HEAD_COUNT_PATTERN})|(?<open>\\+))$`,
);

/**
 * A range of head counts as written: "100-999", "1000 – 4999" (both ends included), "1,000+" (no upper
 * end); null for anything else ("Enterprise", "250", "999-100"). Scoring reads target sizes with it, and
 * a band's filter value is one of these followed by " employees".
 */
export function parseSizeRange(value: string): { min: number; max: number | null } | null {
  const groups = SIZE_RANGE.exec(value.trim())?.groups;
  if (!groups) return null;
  const count = (text: string | undefined) => Number((text ?? "").replaceAll(",", ""));
  const min = count(groups.min);
  const max = groups.open === "+" ? null : count(groups.max);
  if (max !== null && max < min) return null;
  return { min, max };
}

/** The range a band filter value names, or null when the value is not one ("Enterprise", "250"). */
export function parseSizeBand(value: string): { min: number; max: number | null } | null {
  const range = /^(.+) employees$/.exec(value)?.[1];
  return range === undefined || range !== range.trim() ? null : parseSizeRange(range);
}

/** "0–99", "1,000+", "0" — the head counts a band covers. */
export function sizeRangeText(band: Pick<SizeBand, "min" | "max">): string {
  if (band.max === null) return `${formatCount(band.min)}+`;
  if (band.max === band.min) return formatCount(band.min);
  return `${formatCount(band.min)}–${formatCount(band.max)}`;
}

/** "1,000+ (Enterprise)", "100–999 (Regional)", "0 (not routed)": a band as the menu shows it. */
export function sizeBandLabel(band: SizeBand): string {
  return `${sizeRangeText(band)} (${band.team ?? "not routed"})`;
}

/** One entry of the company-size menu: a band (value = its filter value) or a value as stored. */
export interface SizeMenuEntry {
  value: string;
  text: string;
  /** The tooltip: what a band holds ("Companies with 100 to 999 employees, routed to Regional"). */
  title: string;
  leads: number;
}

function bandTitle(band: SizeBand): string {
  const range =
    band.max === null
      ? `${formatCount(band.min)} or more employees`
      : `${formatCount(band.min)} to ${formatCount(band.max)} employees`;
  return `Companies with ${range}, ${band.team === null ? "below every routing band" : `routed to ${band.team}`}`;
}

/**
 * The company-size menu of a head-count workspace: every routing band with the leads whose head count
 * falls in it (the band below every threshold only when it has leads), then the values that are not
 * head counts ("unknown", "(none)", "51-200") as stored, in the order given. `leadsOf` gives a value's
 * leads (the data's, or the faceted count under the other filters). Null when sizes are not head counts.
 */
export function sizeMenu(
  values: readonly { value: string; leads: number }[],
  routing: readonly RoutingBand[],
  leadsOf: (value: string) => number = (value) => values.find((v) => v.value === value)?.leads ?? 0,
): SizeMenuEntry[] | null {
  if (!isHeadCountWorkspace(values)) return null;
  const bands = sizeBands(routing).map((band) => ({ band, leads: 0, present: false }));
  const others: SizeMenuEntry[] = [];
  for (const v of values) {
    const count = parseHeadCount(v.value);
    if (count === null) {
      others.push({ value: v.value, text: v.value, title: v.value, leads: leadsOf(v.value) });
      continue;
    }
    const entry = bands.find(({ band }) => count >= band.min && (band.max === null || count <= band.max));
    if (!entry) continue;
    entry.present = true;
    entry.leads += leadsOf(v.value);
  }
  const shown = bands
    .filter(({ band, present }) => band.team !== null || present)
    .map(({ band, leads }) => ({
      value: sizeBandValue(band),
      text: sizeBandLabel(band),
      title: bandTitle(band),
      leads,
    }));
  return [...shown, ...others];
}

/**
 * How a chosen band reads where the menu no longer offers it (the routing changed since, or a link made
 * under other routing): "1,000+ employees".
 */
export function sizeBandText(value: string): string | null {
  const band = parseSizeBand(value);
  return band === null ? null : `${sizeRangeText(band)} employees`;
}
