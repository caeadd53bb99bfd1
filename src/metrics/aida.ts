// AIDA: leads reaching Awareness, Interest, Decision and Action from their behaviour, and where the
// AIDA view and the MQL funnel disagree.
//
// Each event's activity maps to an AIDA stage through the resolved activity → AIDA mapping
// (model/aida.ts: the vocabulary's standard mapping plus the user's edits). In the standard mapping
// deal_won is the only Action behaviour, so "Action = deal won"; if the user maps another activity to
// Action it counts as Action too, and if deal_won is mapped elsewhere (or to none) a won deal no longer
// makes Action by itself — the mapping is the single rule. A lead reached an AIDA stage when it shows behaviour of that stage or any later one (the
// funnel's reached rule): a lead with a demo request counts as having reached Interest and Awareness.
// Disagreements with the funnel:
// - "marketing missed them": Decision (or Action) behaviour at any time, yet never reached MQL;
// - "declared too early": reached MQL while its behaviour up to the MQL date was Awareness only;
// - MQLs with no behaviour at all up to the MQL date are counted apart (often imported lists).

import type { SqlEngine } from "../db/engine";
import { quoteLiteral } from "../db/sql";
import {
  AIDA_STAGES,
  type AidaMapping,
  type AidaStage,
  defaultAidaMapping,
  isAidaStage,
} from "../model/aida";
import type { FunnelFilters } from "../model/filters";
import { LIVE_TABLES } from "./derive";
import { filterWhere } from "./filters";

export { AIDA_LABELS, AIDA_STAGES } from "../model/aida";

export interface AidaStageCount {
  stage: AidaStage;
  reached: number;
}

export interface Aida {
  /** Leads in the selection (the base of Awareness). */
  leads: number;
  stages: AidaStageCount[];
  /** Leads that reached MQL (funnel reached rule). */
  mqls: number;
  /** Decision behaviour but never MQL: marketing missed them. */
  decisionNeverMql: number;
  /** MQLs whose behaviour up to the MQL date was Awareness only: declared too early. */
  mqlAwarenessOnly: number;
  /** MQLs with no AIDA behaviour up to the MQL date. */
  mqlWithoutBehaviour: number;
}

/**
 * The mapping as a VALUES list of (activity, level 1–4). Activities go through the one literal helper;
 * a stage must be one of the AIDA constants (anything else throws), null means "not an AIDA behaviour".
 * When nothing maps to a stage, a NULL row keeps the VALUES list valid and joins nothing.
 */
function aidaMappingValues(mapping: AidaMapping): string {
  const rows: string[] = [];
  for (const [activity, stage] of Object.entries(mapping)) {
    if (stage === null) continue;
    if (!isAidaStage(stage)) throw new Error(`Unknown AIDA stage for ${activity}: ${String(stage)}`);
    rows.push(`(${quoteLiteral(activity)}, ${quoteLiteral(AIDA_STAGES.indexOf(stage) + 1)})`);
  }
  return rows.length > 0 ? rows.join(",\n    ") : "(NULL::VARCHAR, NULL::INTEGER)";
}

export function aidaSql(where: string, mapping: AidaMapping = defaultAidaMapping()): string {
  return `WITH aida_vocabulary AS (
  SELECT * FROM (VALUES
    ${aidaMappingValues(mapping)}
  ) v(activity, aida_level)
),
selected_leads AS (
  SELECT lead_id, mql_reached_at FROM ${LIVE_TABLES.leadStages}
  ${where}
),
lead_behaviour AS (
  SELECT
    selected_leads.lead_id,
    any_value(selected_leads.mql_reached_at) AS mql_reached_at,
    coalesce(max(aida_vocabulary.aida_level), 0) AS aida_reached,
    coalesce(max(aida_vocabulary.aida_level) FILTER (WHERE events.occurred_at <= selected_leads.mql_reached_at), 0)
      AS aida_at_mql
  FROM selected_leads
  LEFT JOIN ${LIVE_TABLES.events} AS events ON events.lead_id = selected_leads.lead_id
  LEFT JOIN aida_vocabulary ON aida_vocabulary.activity = events.activity
  GROUP BY selected_leads.lead_id
)
SELECT
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
  const [row] = await engine.query<
    Record<
      AidaStage | "leads" | "mqls" | "decision_never_mql" | "mql_awareness_only" | "mql_without_behaviour",
      number
    >
  >(aidaSql(where.sql, ctx.aidaMapping), where.params);
  if (!row) throw new Error("No data is loaded");
  return {
    leads: row.leads,
    stages: AIDA_STAGES.map((stage) => ({ stage, reached: row[stage] })),
    mqls: row.mqls,
    decisionNeverMql: row.decision_never_mql,
    mqlAwarenessOnly: row.mql_awareness_only,
    mqlWithoutBehaviour: row.mql_without_behaviour,
  };
}
