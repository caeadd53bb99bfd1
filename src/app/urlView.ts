// The view as a URL query: tab, filters, comparison and the settings that change numbers. Only what
// differs from the defaults is written; anything malformed in a pasted URL is ignored, never trusted.

import { DEFAULT_DERIVE_SETTINGS } from "../metrics/derive";
import { type AidaMapping, isAidaStage } from "../model/aida";
import { type AlignmentSettings, DEFAULT_ALIGNMENT, validAlignmentSettings } from "../model/alignment";
import { type Benchmark, DEFAULT_BENCHMARKS } from "../model/benchmarks";
import { DIMENSIONS, type FunnelFilters } from "../model/filters";
import {
  DEFAULT_SCORING,
  FIT_CRITERIA,
  MAX_POINTS,
  SCORED_BEHAVIOURS,
  type ScoringModel,
} from "../model/scoring";
import { TABS, type Tab } from "../store";

/** Everything a link carries. The data itself never goes into a URL. */
export interface UrlView {
  tab: Tab;
  filters: FunnelFilters;
  compare: boolean;
  windowDays: number | null;
  stalledDays: number;
  benchmarks: readonly Benchmark[];
  alignment: AlignmentSettings;
  scoring: ScoringModel;
  aidaMapping: Partial<AidaMapping>;
}

export const DEFAULT_STALLED_DAYS = DEFAULT_DERIVE_SETTINGS.stalledDays;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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

function decodeBenchmarks(text: string): Benchmark[] | null {
  const edits = new Map<string, { low: number; high: number | null }>();
  for (const part of text.split(",")) {
    const match = /^([a-z_]+):([0-9.]+)-([0-9.]*)$/.exec(part);
    if (!match) return null;
    const low = Number(match[2]);
    const high = match[3] === "" ? null : Number(match[3]);
    if (!(low >= 0 && low <= 1) || (high !== null && !(high >= low && high <= 1))) return null;
    edits.set(match[1] as string, { low, high });
  }
  return DEFAULT_BENCHMARKS.map((b) => {
    const edit = edits.get(b.id);
    return edit ? { ...b, ...edit } : b;
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isPoints = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_POINTS;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === "string" && v.length <= 200);

function decodeAlignment(text: string): AlignmentSettings | null {
  const value = parseJson(text);
  if (!isRecord(value) || !isRecord(value.targets) || !Array.isArray(value.routing)) return null;
  const t = value.targets;
  const settings: AlignmentSettings = {
    targets: {
      reviewHours: Number(t.reviewHours),
      contactHours: Number(t.contactHours),
      feedbackHours: Number(t.feedbackHours),
    },
    slaGoal: Number(value.slaGoal),
    routing: value.routing
      .filter(isRecord)
      .map((b) => ({ minEmployees: Number(b.minEmployees), team: String(b.team ?? "") })),
  };
  return settings.routing.length === value.routing.length && validAlignmentSettings(settings)
    ? settings
    : null;
}

function decodeScoring(text: string): ScoringModel | null {
  const value = parseJson(text);
  if (!isRecord(value) || !isRecord(value.behaviour) || !isRecord(value.fit) || !isRecord(value.targets))
    return null;
  const { behaviour, fit, targets } = value;
  if (!SCORED_BEHAVIOURS.every((k) => isPoints(behaviour[k]))) return null;
  if (!FIT_CRITERIA.every((k) => isPoints(fit[k]))) return null;
  if (!(["roles", "industries", "companySizes", "regions"] as const).every((k) => isStringList(targets[k])))
    return null;
  if (!isPoints(value.mqlThreshold) || !isPoints(value.sqlReadyThreshold)) return null;
  return value as unknown as ScoringModel;
}

function decodeAida(text: string): Partial<AidaMapping> | null {
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  const edits: Partial<AidaMapping> = {};
  for (const [activity, stage] of Object.entries(value)) {
    if (stage !== null && !isAidaStage(stage)) return null;
    edits[activity] = stage;
  }
  return edits;
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

/**
 * What a query string says. Only keys present and valid are returned, so a link overrides just the
 * parts it carries; a link with filters but no `compare` turns comparison off (the link is the view).
 */
export function decodeView(search: string): Partial<UrlView> {
  const params = new URLSearchParams(search);
  const view: Partial<UrlView> = {};
  if (params.size === 0) return view;

  const tab = params.get("tab");
  view.tab = tab !== null && (TABS as readonly string[]).includes(tab) ? (tab as Tab) : "overview";

  const segments: FunnelFilters["segments"] = {};
  for (const dimension of DIMENSIONS) {
    const values = params.getAll(dimension).filter((v) => v.length <= 500);
    if (values.length > 0) segments[dimension] = values;
  }
  const day = (key: string) => {
    const value = params.get(key);
    return value !== null && DAY.test(value) ? value : null;
  };
  view.filters = { segments, from: day("from"), to: day("to") };
  view.compare = params.get("compare") === "1";

  const window = Number(params.get("window"));
  view.windowDays = params.has("window") && Number.isInteger(window) && window >= 1 ? window : null;
  const stalled = Number(params.get("stalled"));
  view.stalledDays =
    params.has("stalled") && Number.isInteger(stalled) && stalled >= 1 ? stalled : DEFAULT_STALLED_DAYS;

  const bench = params.get("bench");
  view.benchmarks = (bench && decodeBenchmarks(bench)) || DEFAULT_BENCHMARKS;
  const sla = params.get("sla");
  view.alignment = (sla && decodeAlignment(sla)) || DEFAULT_ALIGNMENT;
  const score = params.get("score");
  view.scoring = (score && decodeScoring(score)) || DEFAULT_SCORING;
  const aida = params.get("aida");
  view.aidaMapping = (aida && decodeAida(aida)) || {};
  return view;
}
