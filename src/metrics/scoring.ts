// Lead scores from events and fit attributes under a scoring model, and how well they predict outcomes:
// distribution, conversion by band, the threshold-tuning series, and where model and recorded MQLs disagree.

import type { SqlEngine } from "../db/engine";
import { literalList } from "../db/sql";
import type { TrackedStages } from "../model/campaigns";
import type { FunnelFilters } from "../model/filters";
import {
  FIT_CRITERIA,
  FIT_TARGETS,
  MAX_POINTS,
  SCORE_BAND_WIDTH,
  SCORED_BEHAVIOURS,
  type ScoringModel,
  TOP_BAND_START,
  TUNING_THRESHOLDS,
} from "../model/scoring";
import { parseSizeRange } from "../model/sizeBands";
import { type Interval, wilsonInterval } from "../model/stats";
import { LIVE_TABLES } from "../warehouse/derive";
import { withTempTable } from "../warehouse/tempTable";
import { queryTrackedStages } from "./campaigns";
import { filterWhere, headCountSql } from "./filters";
import { defineMetric } from "./metric";

/** A weight or threshold as SQL text: only finite numbers within ±MAX_POINTS ever reach the query. */
function points(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_POINTS)
    throw new Error(`Scoring points must be numbers between −${MAX_POINTS} and ${MAX_POINTS}`);
  return `${value}::DOUBLE`;
}

/**
 * Target values compared case- and space-insensitively; an empty list matches nothing. On company size a
 * range target ("100-999", "1000+") also matches a lead whose size is a head count in it ("250"), so a
 * file of head counts scores as one of bands does. The range's numbers come from our own parser.
 */
function inTargets(column: string, values: readonly string[]): string {
  const keys = values.map((v) => v.trim().toLowerCase()).filter((v) => v !== "");
  if (keys.length === 0) return "FALSE";
  const listed = `lower(trim(${column})) IN ${literalList(keys)}`;
  if (column !== "company_size") return listed;
  const count = headCountSql(column);
  const ranges = keys.flatMap((key) => {
    const range = parseSizeRange(key);
    if (range === null) return [];
    return [`(${count} >= ${range.min}${range.max === null ? "" : ` AND ${count} <= ${range.max}`})`];
  });
  return ranges.length === 0 ? listed : `(${[listed, ...ranges].join(" OR ")})`;
}

/**
 * Score rule: a lead's score is its fit points (from its latest attributes) plus the points of every
 * scored behaviour it shows up to the as-of date (exact duplicate rows count once): the score a CRM
 * would show today. `crossed_at` is when it first reached the MQL threshold: its lead date when fit
 * alone reaches it, else the behaviour that took it over. Defines `lead_scores`.
 *
 * Read from lead_behaviour (each lead's count of each behaviour) and scored_touches (each touch with
 * the counts shown so far, in time order), both built once per data (warehouse/derive.ts): the score
 * at a touch is fit + Σ weight × count so far, the running sum of the touches' points, without a pass
 * over events or a window per filter change.
 */
export function leadScoresCte(where: string, model: ScoringModel): string {
  const weighted = (count: (behaviour: string) => string) =>
    SCORED_BEHAVIOURS.map((b) => `${points(model.behaviour[b])} * ${count(b)}`).join(" + ");
  const fitTerms = FIT_CRITERIA.map((criterion) => {
    const { column, list } = FIT_TARGETS[criterion];
    return `CASE WHEN ${inTargets(column, model.targets[list])} THEN ${points(model.fit[criterion])} ELSE 0 END`;
  }).join("\n      + ");
  const threshold = points(model.mqlThreshold);
  return `WITH selected_leads AS (
  SELECT lead_id, lead_at, role, industry, company_size, region, status,
    mql_at, mql_reached_at, sql_reached_at, deal_reached_at,
    ${SCORED_BEHAVIOURS.map((b) => `${b}_touches`).join(", ")}
  FROM ${LIVE_TABLES.leadBehaviour}
  ${where}
),
fit AS (
  SELECT lead_id,
    (${fitTerms})::DOUBLE AS fit_points,
    (${weighted((b) => `${b}_touches`)})::DOUBLE AS behaviour_points
  FROM selected_leads
),
threshold_crossings AS (
  -- Only leads whose fit alone stays below the threshold need their touches.
  SELECT s.lead_id, min(s.occurred_at) AS crossed_at
  FROM ${LIVE_TABLES.scoredTouches} AS s
  JOIN fit AS f ON f.lead_id = s.lead_id AND f.fit_points < ${threshold}
  WHERE f.fit_points + ${weighted((b) => `s.${b}_so_far`)} >= ${threshold}
  GROUP BY s.lead_id
),
lead_scores AS (
  SELECT
    l.* EXCLUDE (${SCORED_BEHAVIOURS.map((b) => `${b}_touches`).join(", ")}),
    f.fit_points,
    f.behaviour_points,
    f.fit_points + f.behaviour_points AS score,
    CASE WHEN f.fit_points >= ${threshold} THEN l.lead_at ELSE c.crossed_at END AS crossed_at
  FROM selected_leads AS l
  JOIN fit AS f USING (lead_id)
  LEFT JOIN threshold_crossings AS c USING (lead_id)
)`;
}

/** The lead_scores CTE: computed here, or read from a table that already holds it (see queryScoring). */
function scoresFrom(where: string, model: ScoringModel, source: string | undefined): string {
  return source === undefined ? leadScoresCte(where, model) : `WITH lead_scores AS (SELECT * FROM ${source})`;
}

export function leadScoresSql(where: string, model: ScoringModel): string {
  return `${leadScoresCte(where, model)}
SELECT lead_id, fit_points, behaviour_points, score, crossed_at, mql_reached_at
FROM lead_scores
ORDER BY lead_id`;
}

/** Leads per 10-point score bin (the last bin open-ended at 200). */
export function distributionSql(where: string, model: ScoringModel, source?: string): string {
  return `${scoresFrom(where, model, source)}
SELECT least(200, floor(score / 10) * 10)::INTEGER AS bin_start, count(*)::INTEGER AS leads
FROM lead_scores
GROUP BY bin_start
ORDER BY bin_start`;
}

/** Conversion by score band: is the score predictive? */
export function bandsSql(where: string, model: ScoringModel, source?: string): string {
  return `${scoresFrom(where, model, source)}
SELECT
  least(${TOP_BAND_START}, floor(score / ${SCORE_BAND_WIDTH}) * ${SCORE_BAND_WIDTH})::INTEGER AS band_start,
  count(*)::INTEGER AS leads,
  count(mql_reached_at)::INTEGER AS mqls,
  count(sql_reached_at)::INTEGER AS sqls,
  count(deal_reached_at)::INTEGER AS deals
FROM lead_scores
GROUP BY band_start
ORDER BY band_start`;
}

/**
 * For each MQL threshold: how many leads would be MQL, and how many of those reached SQL. The series
 * stops at the highest score: above it no lead would be an MQL, and a share of none is no point at all.
 */
export function tuningSql(where: string, model: ScoringModel, source?: string): string {
  const { from, to, step } = TUNING_THRESHOLDS;
  return `${scoresFrom(where, model, source)},
score_counts AS (
  SELECT score, count(*) AS leads, count(sql_reached_at) AS sqls
  FROM lead_scores
  GROUP BY score
)
SELECT
  t.threshold::INTEGER AS threshold,
  coalesce(sum(c.leads), 0)::INTEGER AS would_be_mqls,
  coalesce(sum(c.sqls), 0)::INTEGER AS became_sql
FROM range(${from}, ${to + step}, ${step}) AS t(threshold)
LEFT JOIN score_counts AS c ON c.score >= t.threshold
WHERE t.threshold <= (SELECT max(score) FROM lead_scores)
GROUP BY t.threshold
ORDER BY t.threshold`;
}

/** Model MQL (score ≥ threshold) against recorded MQL (reached rule), and what became of each group. */
export function agreementSql(where: string, model: ScoringModel, source?: string): string {
  const threshold = points(model.mqlThreshold);
  return `${scoresFrom(where, model, source)}
SELECT
  CASE
    WHEN score >= ${threshold} AND mql_reached_at IS NOT NULL THEN 'both'
    WHEN score >= ${threshold} THEN 'model_only'
    WHEN mql_reached_at IS NOT NULL THEN 'recorded_only'
    ELSE 'neither'
  END AS agreement,
  count(*)::INTEGER AS leads,
  count(sql_reached_at)::INTEGER AS sqls,
  count(deal_reached_at)::INTEGER AS deals,
  count(*) FILTER (WHERE score > ${points(model.sqlReadyThreshold)})::INTEGER AS sql_ready,
  count(*) FILTER (WHERE crossed_at <= mql_reached_at)::INTEGER AS model_first,
  count(*) FILTER (WHERE status = 'in_progress')::INTEGER AS in_progress,
  count(*) FILTER (WHERE status = 'stalled')::INTEGER AS stalled,
  count(*) FILTER (WHERE status = 'never_contacted')::INTEGER AS never_contacted,
  count(*) FILTER (WHERE status = 'rejected')::INTEGER AS rejected,
  count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost,
  count(*) FILTER (WHERE status = 'won')::INTEGER AS won
FROM lead_scores
GROUP BY agreement`;
}

export interface LeadScore {
  lead_id: string;
  fit_points: number;
  behaviour_points: number;
  score: number;
  /** Epoch ms (UTC-naive) when the score first reached the MQL threshold; null if it never did. */
  crossed_at: number | null;
  mql_reached_at: number | null;
}

/** Counts of a stage are null when the data does not track it; rates also when leads are 0. */
export interface ScoreBand {
  start: number;
  leads: number;
  mqls: number | null;
  sqls: number | null;
  deals: number | null;
  sqlRate: number | null;
  sqlInterval: Interval | null;
  dealRate: number | null;
}

export interface TuningPoint {
  threshold: number;
  wouldBeMqls: number;
  /** Null when SQL is not tracked. */
  becameSql: number | null;
  /** becameSql ÷ wouldBeMqls; null when SQL is not tracked (never 0 of 0: the series stops at the top score). */
  sqlShare: number | null;
}

export const AGREEMENTS = ["both", "model_only", "recorded_only", "neither"] as const;
export type Agreement = (typeof AGREEMENTS)[number];

export interface AgreementGroup {
  agreement: Agreement;
  leads: number;
  /** Null when SQL (deal) is not tracked. */
  sqls: number | null;
  deals: number | null;
  sqlReady: number;
  /** Leads whose score crossed the threshold no later than their recorded MQL date. */
  modelFirst: number;
  inProgress: number;
  stalled: number;
  /** Handed to sales (MQL or SAL) and never contacted, when the data records sales contacts at all. */
  neverContacted: number;
  rejected: number;
  lost: number | null;
  won: number | null;
}

export interface ScoringReport {
  model: ScoringModel;
  leads: number;
  /** Leads the model makes MQL at the current threshold. */
  wouldBeMqls: number;
  /** Leads with a recorded MQL (reached rule); null when no lead in the workspace has an MQL date. */
  recordedMqls: number | null;
  sqlReady: number;
  /** The highest score in the selection; null without leads. */
  highestScore: number | null;
  distribution: { binStart: number; leads: number }[];
  bands: ScoreBand[];
  tuning: TuningPoint[];
  /** Model against recorded MQL dates; null when MQL is not tracked (there is nothing to compare with). */
  agreement: Record<Agreement, AgreementGroup> | null;
  /** Which stages the workspace records: a figure through an untracked stage is null. */
  tracked: TrackedStages;
}

type AgreementRow = {
  agreement: Agreement;
  leads: number;
  sqls: number;
  deals: number;
  sql_ready: number;
  model_first: number;
  in_progress: number;
  stalled: number;
  never_contacted: number;
  rejected: number;
  lost: number;
  won: number;
};

const emptyGroup = (agreement: Agreement): AgreementGroup => ({
  agreement,
  leads: 0,
  sqls: 0,
  deals: 0,
  sqlReady: 0,
  modelFirst: 0,
  inProgress: 0,
  stalled: 0,
  neverContacted: 0,
  rejected: 0,
  lost: 0,
  won: 0,
});

export async function queryLeadScores(
  engine: SqlEngine,
  filters: FunnelFilters,
  model: ScoringModel,
): Promise<LeadScore[]> {
  const where = filterWhere(filters);
  return engine.query<LeadScore>(leadScoresSql(where.sql, model), where.params);
}

export async function queryScoring(
  engine: SqlEngine,
  filters: FunnelFilters,
  model: ScoringModel,
): Promise<ScoringReport> {
  const where = filterWhere(filters);
  const tracked = await queryTrackedStages(engine);
  // Scores need a pass over the selected leads' events: made once, read by the four summaries.
  const { distribution, bands, tuning, agreementRows, highest } = await withTempTable(
    engine,
    "scoring_leads",
    `${leadScoresCte(where.sql, model)}\nSELECT * FROM lead_scores`,
    where.params,
    async (table) => ({
      distribution: await engine.query<{ bin_start: number; leads: number }>(
        distributionSql(where.sql, model, table),
      ),
      bands: await engine.query<{
        band_start: number;
        leads: number;
        mqls: number;
        sqls: number;
        deals: number;
      }>(bandsSql(where.sql, model, table)),
      tuning: await engine.query<{ threshold: number; would_be_mqls: number; became_sql: number }>(
        tuningSql(where.sql, model, table),
      ),
      agreementRows: await engine.query<AgreementRow>(agreementSql(where.sql, model, table)),
      highest: await engine.query<{ score: number | null }>(`SELECT max(score) AS score FROM ${table}`),
    }),
  );
  // A count or rate through a stage the data does not record is null, never a made-up number.
  const when = <T>(ok: boolean, value: T): T | null => (ok ? value : null);
  const { mql, sql, deal } = tracked;

  const agreement = Object.fromEntries(AGREEMENTS.map((a) => [a, emptyGroup(a)])) as Record<
    Agreement,
    AgreementGroup
  >;
  for (const r of agreementRows) {
    agreement[r.agreement] = {
      agreement: r.agreement,
      leads: r.leads,
      sqls: when(sql, r.sqls),
      deals: when(deal, r.deals),
      sqlReady: r.sql_ready,
      modelFirst: r.model_first,
      inProgress: r.in_progress,
      stalled: r.stalled,
      neverContacted: r.never_contacted,
      rejected: r.rejected,
      lost: when(deal, r.lost),
      won: when(deal, r.won),
    };
  }
  const total = (pick: (g: AgreementGroup) => number) =>
    AGREEMENTS.reduce((n, a) => n + pick(agreement[a]), 0);
  return {
    model,
    leads: total((g) => g.leads),
    wouldBeMqls: agreement.both.leads + agreement.model_only.leads,
    recordedMqls: when(mql, agreement.both.leads + agreement.recorded_only.leads),
    sqlReady: total((g) => g.sqlReady),
    highestScore: highest[0]?.score ?? null,
    distribution: distribution.map((d) => ({ binStart: d.bin_start, leads: d.leads })),
    bands: bands.map((b) => ({
      start: b.band_start,
      leads: b.leads,
      mqls: when(mql, b.mqls),
      sqls: when(sql, b.sqls),
      deals: when(deal, b.deals),
      sqlRate: sql && b.leads > 0 ? b.sqls / b.leads : null,
      sqlInterval: sql ? wilsonInterval(b.sqls, b.leads) : null,
      dealRate: deal && b.leads > 0 ? b.deals / b.leads : null,
    })),
    tuning: tuning.map((t) => ({
      threshold: t.threshold,
      wouldBeMqls: t.would_be_mqls,
      becameSql: when(sql, t.became_sql),
      sqlShare: sql && t.would_be_mqls > 0 ? t.became_sql / t.would_be_mqls : null,
    })),
    agreement: mql ? agreement : null,
    tracked,
  };
}

/** The lead-scoring model tried on the loaded behaviour: distribution, bands, threshold tuning. */
export const scoringMetric = defineMetric("scoring", ["filters"], (engine, ctx, model: ScoringModel) =>
  queryScoring(engine, ctx.filters, model),
);
