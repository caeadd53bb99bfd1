// Reads a setting from outside the app (a link, or what an older version saved in this browser) into a
// fresh value within the bounds of src/model/settingsBounds.ts, or says in a few words why it cannot.
// Unknown keys are dropped; a missing key takes its default; a present but invalid one rejects the setting.

import { AIDA_ACTIVITIES, type AidaMapping, isAidaStage } from "./aida";
import { type AlignmentSettings, DEFAULT_ALIGNMENT, validAlignmentSettings } from "./alignment";
import { type Benchmark, DEFAULT_BENCHMARKS } from "./benchmarks";
import {
  DEFAULT_SCORING,
  FIT_CRITERIA,
  SCORED_BEHAVIOURS,
  type ScoringModel,
  type ScoringTargets,
} from "./scoring";
import {
  BENCHMARK_RATE,
  boundsText,
  isSettingText,
  isWholeDays,
  MAX_LIST_ITEMS,
  MAX_ROUTING_BANDS,
  MAX_SETTING_TEXT,
  ROUTING_EMPLOYEES,
  SCORE_POINTS,
  SLA_GOAL,
  SLA_HOURS,
  STALLED_DAYS,
  WINDOW_DAYS,
  withinBounds,
} from "./settingsBounds";

/** A setting read from outside: its value, or why it was refused (e.g. "must be 1–3,650 days"). */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const refused = <T>(problem: string): Checked<T> => ({ ok: false, problem });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const inBounds = (value: unknown, bounds: { min: number; max: number }): value is number =>
  typeof value === "number" && withinBounds(value, bounds);

export function checkWindowDays(value: unknown): Checked<number | null> {
  if (value === null || isWholeDays(value, WINDOW_DAYS)) return ok(value);
  return refused(`a conversion window is a whole number of days, ${boundsText(WINDOW_DAYS)}`);
}

export function checkStalledDays(value: unknown): Checked<number> {
  if (isWholeDays(value, STALLED_DAYS)) return ok(value);
  return refused(`the stalled threshold is a whole number of days, ${boundsText(STALLED_DAYS)}`);
}

/**
 * The standard benchmarks with the given band edges (fractions 0–1, low ≤ high; a null high is an
 * open band). Edits for benchmarks this version does not know are dropped.
 */
export function checkBenchmarkEdits(
  edits: Iterable<{ id: unknown; low: unknown; high: unknown }>,
): Checked<Benchmark[]> {
  const byId = new Map<string, { low: number; high: number | null }>();
  for (const edit of edits) {
    if (typeof edit.id !== "string") continue;
    const { low, high } = edit;
    if (!inBounds(low, BENCHMARK_RATE) || !(high === null || (inBounds(high, BENCHMARK_RATE) && high >= low)))
      return refused("benchmark edges are fractions from 0 to 1, the lower first");
    byId.set(edit.id, { low, high });
  }
  return ok(
    DEFAULT_BENCHMARKS.map((b) => {
      const edit = byId.get(b.id);
      return edit ? { ...b, ...edit } : b;
    }),
  );
}

/** SLA targets, goal and routing bands; each part left out takes its default. */
export function checkAlignment(value: unknown): Checked<AlignmentSettings> {
  if (!isRecord(value)) return refused("not a settings object");
  const d = DEFAULT_ALIGNMENT;
  const t = value.targets === undefined ? {} : value.targets;
  if (!isRecord(t)) return refused("SLA targets missing");
  const hours = (key: keyof AlignmentSettings["targets"]) => (t[key] === undefined ? d.targets[key] : t[key]);
  const targets = {
    reviewHours: hours("reviewHours"),
    contactHours: hours("contactHours"),
    feedbackHours: hours("feedbackHours"),
  };
  if (!Object.values(targets).every((h) => inBounds(h, SLA_HOURS)))
    return refused(`SLA targets are ${boundsText(SLA_HOURS)} hours`);
  const slaGoal = value.slaGoal === undefined ? d.slaGoal : value.slaGoal;
  if (!inBounds(slaGoal, SLA_GOAL)) return refused("the SLA goal is a share from 0 to 100 %");
  const routing = value.routing === undefined ? d.routing : value.routing;
  if (!Array.isArray(routing) || routing.length === 0 || routing.length > MAX_ROUTING_BANDS)
    return refused(`routing has 1 to ${MAX_ROUTING_BANDS} bands`);
  const bands: { minEmployees: number; team: string }[] = [];
  for (const band of routing) {
    if (
      !isRecord(band) ||
      !isWholeDays(band.minEmployees, ROUTING_EMPLOYEES) ||
      !isSettingText(band.team) ||
      band.team.trim() === ""
    )
      return refused(
        `a routing band needs whole employees ${boundsText(ROUTING_EMPLOYEES)} and a team name (up to ${MAX_SETTING_TEXT} characters)`,
      );
    bands.push({ minEmployees: band.minEmployees, team: band.team });
  }
  const settings: AlignmentSettings = {
    targets: targets as AlignmentSettings["targets"],
    slaGoal: slaGoal as number,
    routing: bands,
  };
  return validAlignmentSettings(settings) ? ok(settings) : refused("SLA settings out of range");
}

/** Weights, target lists and thresholds; each part left out takes its default. */
export function checkScoring(value: unknown): Checked<ScoringModel> {
  if (!isRecord(value)) return refused("not a scoring model");
  const d = DEFAULT_SCORING;
  const pointsProblem = `scoring points are ${boundsText(SCORE_POINTS)}`;
  const behaviour = value.behaviour === undefined ? {} : value.behaviour;
  const fit = value.fit === undefined ? {} : value.fit;
  const targets = value.targets === undefined ? {} : value.targets;
  if (!isRecord(behaviour) || !isRecord(fit) || !isRecord(targets)) return refused("not a scoring model");
  const points = (given: unknown, fallback: number): number | null =>
    given === undefined ? fallback : inBounds(given, SCORE_POINTS) ? given : null;

  const model: ScoringModel = structuredClone(d);
  for (const b of SCORED_BEHAVIOURS) {
    const p = points(behaviour[b], d.behaviour[b]);
    if (p === null) return refused(pointsProblem);
    model.behaviour[b] = p;
  }
  for (const f of FIT_CRITERIA) {
    const p = points(fit[f], d.fit[f]);
    if (p === null) return refused(pointsProblem);
    model.fit[f] = p;
  }
  for (const list of Object.keys(d.targets) as (keyof ScoringTargets)[]) {
    const given = targets[list];
    if (given === undefined) continue;
    if (!Array.isArray(given) || given.length > MAX_LIST_ITEMS || !given.every(isSettingText))
      return refused(
        `a target list holds up to ${MAX_LIST_ITEMS} names of up to ${MAX_SETTING_TEXT} characters`,
      );
    model.targets[list] = [...given];
  }
  const mql = points(value.mqlThreshold, d.mqlThreshold);
  const sqlReady = points(value.sqlReadyThreshold, d.sqlReadyThreshold);
  if (mql === null || sqlReady === null) return refused(pointsProblem);
  model.mqlThreshold = mql;
  model.sqlReadyThreshold = sqlReady;
  return ok(model);
}

/** Activity → AIDA stage edits; edits for activities outside the vocabulary are dropped. */
export function checkAidaEdits(value: unknown): Checked<Partial<AidaMapping>> {
  if (!isRecord(value)) return refused("not an activity → stage mapping");
  const edits: Partial<AidaMapping> = {};
  for (const activity of AIDA_ACTIVITIES) {
    if (!Object.hasOwn(value, activity)) continue;
    const stage = value[activity];
    if (stage !== null && !isAidaStage(stage))
      return refused("stages are awareness, interest, decision, action or null");
    edits[activity] = stage;
  }
  return ok(edits);
}
