// The view as a URL query: tab, filters, comparison and the settings that change numbers. Only what
// differs from the defaults is written. A link is read against the bounds the controls use
// (src/model/settingsBounds.ts): anything else in it is ignored, named in a notice, and never trusted.

import type { AidaMapping } from "../model/aida";
import { DEFAULT_ALIGNMENT } from "../model/alignment";
import { type Benchmark, DEFAULT_BENCHMARKS } from "../model/benchmarks";
import { COUNT_MODES, type CountMode, isCountMode } from "../model/counting";
import { DIMENSIONS, type FunnelFilters } from "../model/filters";
import { formatCount } from "../model/format";
import { DEFAULT_SCORING } from "../model/scoring";
import {
  boundsText,
  COHORT_DAYS,
  hasControlCharacter,
  isCalendarDay,
  MAX_FILTER_VALUE,
  MAX_FILTER_VALUES,
  MAX_JSON_SETTING,
  parseDecimal,
  parseWholeDays,
  STALLED_DAYS,
  WINDOW_DAYS,
} from "../model/settingsBounds";
import {
  type Checked,
  checkAidaEdits,
  checkAlignment,
  checkBenchmarkEdits,
  checkScoring,
} from "../model/settingsCheck";
import { type LinkSettings, TABS, type Tab } from "../store";
import { DEFAULT_DERIVE_SETTINGS } from "../warehouse/derive";

/** Everything a link carries. The data itself never goes into a URL. */
export interface UrlView extends LinkSettings {
  tab: Tab;
  filters: FunnelFilters;
  /** How the period is counted; with `period`, from/to bound the days in which stage entries count. */
  count: CountMode;
  compare: boolean;
}

export const DEFAULT_STALLED_DAYS = DEFAULT_DERIVE_SETTINGS.stalledDays;

/** The parameters a link may carry (README, public contract); any other parameter is not ours. */
const LINK_PARAMS = new Set<string>([
  "tab",
  ...DIMENSIONS,
  "from",
  "to",
  "count",
  "compare",
  "window",
  "stalled",
  "bench",
  "sla",
  "score",
  "aida",
]);

/** Same settings whatever the order their keys were written in (a link's, a form's, a saved one's). */
function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (_key: string, value: unknown) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value;
  return JSON.stringify(a, sorted) === JSON.stringify(b, sorted);
}

/** `mql_to_sql:0.2-0.35` per changed benchmark; an open upper edge is written `0.8-`. */
function encodeBenchmarks(benchmarks: readonly Benchmark[]): string {
  return benchmarks
    .filter((b) => {
      const standard = DEFAULT_BENCHMARKS.find((d) => d.id === b.id);
      return !standard || standard.low !== b.low || standard.high !== b.high;
    })
    .map((b) => `${b.id}:${b.low}-${b.high ?? ""}`)
    .join(",");
}

function decodeBenchmarks(text: string): Checked<Benchmark[]> {
  const edits: { id: string; low: number | null; high: number | null }[] = [];
  for (const part of text.split(",")) {
    const match = /^([a-z_]{1,60}):([^-]*)-(.*)$/.exec(part);
    if (!match) return { ok: false, problem: "write each as id:low-high, e.g. mql_to_sql:0.2-0.35" };
    const high = match[3] === "" ? null : parseDecimal(match[3] as string);
    if (match[3] !== "" && high === null) return { ok: false, problem: "edges are decimal fractions" };
    edits.push({ id: match[1] as string, low: parseDecimal(match[2] as string), high });
  }
  return checkBenchmarkEdits(edits);
}

/** A JSON setting (sla, score, aida): size-capped, parsed, then checked like a saved setting. */
function decodeJson<T>(text: string, check: (value: unknown) => Checked<T>): Checked<T> {
  if (text.length > MAX_JSON_SETTING)
    return { ok: false, problem: `longer than ${formatCount(MAX_JSON_SETTING)} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not readable JSON" };
  }
  return check(value);
}

/** The query string (without "?") for a view; empty for the default view. */
export function encodeView(view: UrlView): string {
  const params = new URLSearchParams();
  if (view.tab !== "overview") params.set("tab", view.tab);
  for (const dimension of DIMENSIONS) {
    for (const value of view.filters.segments[dimension] ?? []) params.append(dimension, value);
  }
  if (view.filters.from !== null) params.set("from", view.filters.from);
  if (view.filters.to !== null) params.set("to", view.filters.to);
  if (view.count !== "cohort") params.set("count", view.count);
  if (view.compare) params.set("compare", "1");
  if (view.windowDays !== null) params.set("window", String(view.windowDays));
  if (view.stalledDays !== DEFAULT_STALLED_DAYS) params.set("stalled", String(view.stalledDays));
  const benchmarks = encodeBenchmarks(view.benchmarks);
  if (benchmarks !== "") params.set("bench", benchmarks);
  if (!sameJson(view.alignment, DEFAULT_ALIGNMENT)) params.set("sla", JSON.stringify(view.alignment));
  if (!sameJson(view.scoring, DEFAULT_SCORING)) params.set("score", JSON.stringify(view.scoring));
  if (Object.keys(view.aidaMapping).length > 0) params.set("aida", JSON.stringify(view.aidaMapping));
  return params.toString();
}

/** A link's value as a notice shows it: control characters visible, long values cut. */
function shown(value: string): string {
  const visible = value.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return visible.length > 40 ? `${visible.slice(0, 39)}…` : visible;
}

/** What a link says, and what in it was ignored (one short entry per value, for the notice). */
export interface LinkReading {
  view: Partial<UrlView>;
  ignored: string[];
}

/**
 * Reads a query string. A link is the whole view: once it carries any of our parameters, every part
 * it leaves out (or that is ignored) is the default — filters off, comparison off, standard settings.
 */
export function readLink(search: string): LinkReading {
  const params = new URLSearchParams(search);
  const ignored: string[] = [];
  if (![...params.keys()].some((key) => LINK_PARAMS.has(key))) return { view: {}, ignored };
  const ignore = (key: string, value: string, why: string) => ignored.push(`${key}=${shown(value)} (${why})`);
  const view: Partial<UrlView> = {};

  const tab = params.get("tab");
  view.tab = "overview";
  if (tab !== null) {
    if ((TABS as readonly string[]).includes(tab)) view.tab = tab as Tab;
    else ignore("tab", tab, `tabs are ${TABS.join(", ")}`);
  }

  const segments: FunnelFilters["segments"] = {};
  for (const dimension of DIMENSIONS) {
    const values: string[] = [];
    for (const value of params.getAll(dimension)) {
      if (hasControlCharacter(value)) ignore(dimension, value, "a control character");
      else if (value.length > MAX_FILTER_VALUE)
        ignore(dimension, value, `longer than ${MAX_FILTER_VALUE} characters`);
      else if (values.length >= MAX_FILTER_VALUES)
        ignore(dimension, value, `more than ${MAX_FILTER_VALUES} values`);
      else if (!values.includes(value)) values.push(value);
    }
    if (values.length > 0) segments[dimension] = values;
  }
  const day = (key: "from" | "to") => {
    const value = params.get(key);
    if (value === null) return null;
    if (isCalendarDay(value)) return value;
    ignore(key, value, `not a calendar day YYYY-MM-DD from ${COHORT_DAYS.min} to ${COHORT_DAYS.max}`);
    return null;
  };
  view.filters = { segments, from: day("from"), to: day("to") };

  const count = params.get("count");
  view.count = "cohort";
  if (count !== null) {
    if (isCountMode(count)) view.count = count;
    else ignore("count", count, COUNT_MODES.join(" or "));
  }

  const compare = params.get("compare");
  view.compare = compare === "1";
  if (compare !== null && compare !== "1" && compare !== "0") ignore("compare", compare, "1 or 0");

  const window = params.get("window");
  view.windowDays = null;
  if (window !== null) {
    view.windowDays = parseWholeDays(window, WINDOW_DAYS);
    if (view.windowDays === null) ignore("window", window, `whole days, ${boundsText(WINDOW_DAYS)}`);
  }
  const stalled = params.get("stalled");
  view.stalledDays = DEFAULT_STALLED_DAYS;
  if (stalled !== null) {
    const days = parseWholeDays(stalled, STALLED_DAYS);
    if (days === null) ignore("stalled", stalled, `whole days, ${boundsText(STALLED_DAYS)}`);
    else view.stalledDays = days;
  }

  const setting = <T>(key: string, read: (text: string) => Checked<T>, fallback: T): T => {
    const text = params.get(key);
    if (text === null) return fallback;
    const checked = read(text);
    if (checked.ok) return checked.value;
    ignore(key, text, checked.problem);
    return fallback;
  };
  view.benchmarks = setting("bench", decodeBenchmarks, DEFAULT_BENCHMARKS);
  view.alignment = setting("sla", (t) => decodeJson(t, checkAlignment), DEFAULT_ALIGNMENT);
  view.scoring = setting("score", (t) => decodeJson(t, checkScoring), DEFAULT_SCORING);
  view.aidaMapping = setting("aida", (t) => decodeJson(t, checkAidaEdits), {} as Partial<AidaMapping>);
  return { view, ignored };
}

/** What a query string says; see readLink. */
export function decodeView(search: string): Partial<UrlView> {
  return readLink(search).view;
}

/**
 * How a link's settings differ from the user's own, in words for the notice ("stalled 60 days",
 * "no conversion window", "scoring model"); empty when they are the same.
 */
export function settingsDifferences(link: LinkSettings, mine: LinkSettings): string[] {
  const differences: string[] = [];
  if (link.stalledDays !== mine.stalledDays)
    differences.push(`stalled ${formatCount(link.stalledDays)} days`);
  if (link.windowDays !== mine.windowDays)
    differences.push(
      link.windowDays === null
        ? "no conversion window"
        : `conversion window ${formatCount(link.windowDays)} days`,
    );
  if (!sameJson(link.benchmarks, mine.benchmarks)) differences.push("benchmark bands");
  if (!sameJson(link.alignment, mine.alignment)) differences.push("SLA targets and routing");
  if (!sameJson(link.scoring, mine.scoring)) differences.push("scoring model");
  if (!sameJson(link.aidaMapping, mine.aidaMapping)) differences.push("AIDA mapping");
  return differences;
}
