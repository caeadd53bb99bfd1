// AIDA: leads reaching Awareness, Interest, Decision and Action from their behaviour, and where the
// AIDA view and the MQL funnel disagree.
//
// Each event's activity maps to an AIDA stage through the resolved activity → AIDA mapping
// (model/aida.ts: the vocabulary's standard mapping plus the user's edits). In the standard mapping
// deal_won is the only Action behaviour, so "Action = deal won"; if the user maps another activity to
// Action it counts as Action too, and if deal_won is mapped elsewhere (or to none) a won deal no longer
// makes Action by itself — the mapping is the single rule. A lead reached an AIDA stage when it shows behaviour of that stage or any later one (the
// funnel's reached rule): a lead with a demo request counts as having reached Interest and Awareness.
// Page views (DATA.md): a lead's first page view counts as page_view's stage (Awareness by default); a
// page view later than its first is a repeat visit and counts as Interest (or page_view's stage, if
// that is later). Page views at the very same time as the first are one visit.
// An AIDA stage is tracked when some event anywhere in the workspace counts as it (and Action also
// when deal_won counts as Action and the data records won or lost deals): an untracked stage shows no
// count and no rate, rather than one filled in from later stages by the reached rule.
// Disagreements with the funnel:
// - "marketing missed them": Decision (or Action) behaviour at any time, yet never reached MQL;
// - "declared too early": reached MQL while its behaviour up to the MQL date was Awareness only;
// - MQLs with no behaviour at all up to the MQL date are counted apart (often imported lists).
// All three need MQL dates (tracked_stages.mql) and some AIDA behaviour recorded; otherwise null.

import type { SqlEngine } from "../db/engine";
import {
  AIDA_STAGES,
  type AidaMapping,
  type AidaStage,
  defaultAidaMapping,
  isAidaStage,
} from "../model/aida";
import { type TrackedStages, UNTRACKED_REASONS } from "../model/campaigns";
import { DIMENSIONS, type FunnelFilters } from "../model/filters";
import { BEHAVIOUR_ACTIVITIES, firstActivityColumn, LIVE_TABLES } from "../warehouse/derive";
import { queryTrackedStages } from "./campaigns";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

export { AIDA_LABELS, AIDA_STAGES } from "../model/aida";

export interface AidaStageCount {
  stage: AidaStage;
  /** Leads that reached the stage; null when the stage is not tracked. */
  reached: number | null;
  tracked: boolean;
}

export interface Aida {
  /** Leads in the selection (the base of Awareness). */
  leads: number;
  stages: AidaStageCount[];
  /** Leads that reached MQL (funnel reached rule); null when no lead in the workspace has an MQL date. */
  mqls: number | null;
  /** Decision behaviour but never MQL: marketing missed them. Null when not tracked (see disagreementsNotTracked). */
  decisionNeverMql: number | null;
  /** MQLs whose behaviour up to the MQL date was Awareness only: declared too early. */
  mqlAwarenessOnly: number | null;
  /** MQLs with no AIDA behaviour up to the MQL date. */
  mqlWithoutBehaviour: number | null;
  /** Why the disagreements with the MQL funnel cannot be shown; null when they can. */
  disagreementsNotTracked: string | null;
  /** Which funnel stages the workspace records. */
  tracked: TrackedStages;
}

/** Interest's level: a repeat page view counts as at least this. */
const INTEREST_LEVEL = AIDA_STAGES.indexOf("interest") + 1;

/**
 * For each AIDA level 1–4, the lead_behaviour columns whose date is the lead's first behaviour of that
 * level under the mapping: each mapped activity's first event, and for page_view also the first repeat
 * visit at least at Interest. A stage must be one of the AIDA constants (anything else throws); an
 * activity mapped to null is not an AIDA behaviour. Only the vocabulary's activities have a column (the
 * mapping the app resolves never holds another: model/aida.ts), so any other key maps nothing.
 */
function levelColumns(mapping: AidaMapping): string[][] {
  const levels: string[][] = AIDA_STAGES.map(() => []);
  for (const [activity, stage] of Object.entries(mapping)) {
    if (stage === null) continue;
    if (!isAidaStage(stage)) throw new Error(`Unknown AIDA stage for ${activity}: ${String(stage)}`);
    if (!BEHAVIOUR_ACTIVITIES.includes(activity)) continue;
    const level = AIDA_STAGES.indexOf(stage) + 1;
    levels[level - 1]?.push(firstActivityColumn(activity));
    if (activity === "page_view") levels[Math.max(level, INTEREST_LEVEL) - 1]?.push("repeat_page_view_at");
  }
  return levels;
}

/**
 * Per lead (lead_behaviour, built once per data), the first time it showed behaviour of each AIDA level;
 * the level it reached is the highest with any behaviour, its level at MQL the highest with behaviour at
 * or before the MQL date. Which levels are tracked is read over every lead of the workspace.
 */
export function aidaSql(where: string, mapping: AidaMapping = defaultAidaMapping()): string {
  const levels = levelColumns(mapping);
  const levelDates = levels
    .map((columns, i) => {
      const first =
        columns.length === 0
          ? "NULL::TIMESTAMP"
          : columns.length === 1
            ? columns[0]
            : `least(${columns.join(", ")})`;
      return `${first} AS level_${i + 1}_at`;
    })
    .join(",\n    ");
  const highest = (condition: (level: number) => string) =>
    `CASE ${[4, 3, 2, 1].map((level) => `WHEN ${condition(level)} THEN ${level}`).join(" ")} ELSE 0 END`;
  return `WITH lead_levels AS (
  SELECT
    ${[...DIMENSIONS, "cohort_day"].join(", ")},
    mql_reached_at,
    ${levelDates}
  FROM ${LIVE_TABLES.leadBehaviour}
),
aida_tracked AS (
  -- Over the whole workspace, not the selection: which AIDA stages the data records at all.
  SELECT
    coalesce(bool_or(level_1_at IS NOT NULL), false) AS awareness_tracked,
    coalesce(bool_or(level_2_at IS NOT NULL), false) AS interest_tracked,
    coalesce(bool_or(level_3_at IS NOT NULL), false) AS decision_tracked,
    coalesce(bool_or(level_4_at IS NOT NULL), false) AS action_tracked
  FROM lead_levels
),
lead_behaviour AS (
  SELECT
    mql_reached_at,
    ${highest((level) => `level_${level}_at IS NOT NULL`)} AS aida_reached,
    ${highest((level) => `level_${level}_at <= mql_reached_at`)} AS aida_at_mql
  FROM lead_levels
  ${where}
)
SELECT
  -- Scalar reads, not a join: a selection with no lead still gets the workspace's tracked stages.
  (SELECT awareness_tracked FROM aida_tracked) AS awareness_tracked,
  (SELECT interest_tracked FROM aida_tracked) AS interest_tracked,
  (SELECT decision_tracked FROM aida_tracked) AS decision_tracked,
  (SELECT action_tracked FROM aida_tracked) AS action_tracked,
  count(*)::INTEGER AS leads,
  count(*) FILTER (WHERE aida_reached >= 1)::INTEGER AS awareness,
  count(*) FILTER (WHERE aida_reached >= 2)::INTEGER AS interest,
  count(*) FILTER (WHERE aida_reached >= 3)::INTEGER AS decision,
  count(*) FILTER (WHERE aida_reached >= 4)::INTEGER AS action,
  count(*) FILTER (WHERE mql_reached_at IS NOT NULL)::INTEGER AS mqls,
  count(*) FILTER (WHERE aida_reached >= 3 AND mql_reached_at IS NULL)::INTEGER AS decision_never_mql,
  count(*) FILTER (WHERE mql_reached_at IS NOT NULL AND aida_at_mql = 1)::INTEGER AS mql_awareness_only,
  count(*) FILTER (WHERE mql_reached_at IS NOT NULL AND aida_at_mql = 0)::INTEGER AS mql_without_behaviour
FROM lead_behaviour`;
}

/** `aidaMapping` is the resolved mapping (resolveAidaMapping); the standard mapping when omitted. */
export async function queryAida(
  engine: SqlEngine,
  ctx: { filters: FunnelFilters; aidaMapping?: AidaMapping },
): Promise<Aida> {
  const where = filterWhere(ctx.filters);
  const mapping = ctx.aidaMapping ?? defaultAidaMapping();
  const tracked = await queryTrackedStages(engine);
  const [row] = await engine.query<
    Record<
      AidaStage | "leads" | "mqls" | "decision_never_mql" | "mql_awareness_only" | "mql_without_behaviour",
      number
    > &
      Record<`${AidaStage}_tracked`, boolean | null>
  >(aidaSql(where.sql, mapping), where.params);
  if (!row) throw new Error("No data is loaded");
  const stageTracked = (stage: AidaStage) =>
    Boolean(row[`${stage}_tracked`]) ||
    // No win in the data is still a recorded outcome when lost deals are: Action is 0, not unknown.
    (stage === "action" && mapping.deal_won === "action" && tracked.deal);
  const anyBehaviour = AIDA_STAGES.some(stageTracked);
  const disagreementsNotTracked = !tracked.mql
    ? UNTRACKED_REASONS.mql
    : !anyBehaviour
      ? "no activity in this data counts as an AIDA stage"
      : null;
  const mqlSide = <T>(value: T): T | null => (disagreementsNotTracked === null ? value : null);
  return {
    leads: row.leads,
    stages: AIDA_STAGES.map((stage) => ({
      stage,
      reached: stageTracked(stage) ? row[stage] : null,
      tracked: stageTracked(stage),
    })),
    mqls: tracked.mql ? row.mqls : null,
    decisionNeverMql: mqlSide(row.decision_never_mql),
    mqlAwarenessOnly: mqlSide(row.mql_awareness_only),
    mqlWithoutBehaviour: mqlSide(row.mql_without_behaviour),
    disagreementsNotTracked,
    tracked,
  };
}

/** The AIDA stages the leads' behaviour reached, under the team's activity → stage mapping. */
export const aidaMetric = defineMetric("aida", ["filters"], (engine, ctx, aidaMapping: AidaMapping) =>
  queryAida(engine, { filters: ctx.filters, aidaMapping }),
);
