// Campaigns (channels, sources) by MQL yield: leads, MQLs, downstream rates, revenue and cost, under a
// chosen attribution, for the leads in the current selection.

import type { SqlEngine } from "../db/engine";
import {
  ATTRIBUTIONS,
  type Attribution,
  CAMPAIGN_DIMENSIONS,
  type CampaignDimension,
  type CampaignReport,
  type CampaignRow,
  isTooSmallToJudge,
  type TrackedStages,
} from "../model/campaigns";
import type { FunnelFilters } from "../model/filters";
import { MIN_LEADS_TO_JUDGE } from "../model/smallNumbers";
import { STAGES } from "../model/stages";
import { wilsonInterval } from "../model/stats";
import { LIVE_TABLES, NO_VALUE } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { validWindow } from "./funnel";
import { defineMetric } from "./metric";

export interface CampaignQuery {
  filters: FunnelFilters;
  dimension: CampaignDimension;
  attribution: Attribution;
  /** The shared conversion window: MQL within N days of the lead, later stages within N days of MQL. */
  windowDays?: number | null;
}

/**
 * Rows that record what sales or the funnel did, not a marketing touch: they never earn attribution
 * (unlike the audit's NON_TOUCH_ACTIVITIES, a sales contact is not a marketing touch here)
 * credit (they often repeat the lead's first-touch campaign on every row).
 */
export const NON_MARKETING_ACTIVITIES = [
  "became_mql",
  "sales_review",
  "sales_accepted",
  "sales_rejected",
  "sales_contact",
  "sales_feedback",
  "became_sql",
  "opportunity_created",
  "deal_won",
  "deal_lost",
] as const;

function checked<T extends string>(value: T, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value)) throw new Error(`Unknown ${what}: ${String(value)}`);
  return value;
}

/** How each selected lead's one credit is shared out: `credits(lead_id, value, credit)`. */
function creditsSql(attribution: Attribution): string {
  switch (attribution) {
    case "first_touch":
      return `credits AS (
  SELECT lead_id, first_touch_value AS value, 1.0::DOUBLE AS credit
  FROM selected_leads
)`;
    case "last_touch":
      return `last_touch AS (
  SELECT lead_id, value
  FROM touches
  QUALIFY row_number() OVER (PARTITION BY lead_id ORDER BY occurred_at DESC, value DESC) = 1
),
credits AS (
  -- A lead with no touch carrying a value keeps its first-touch value ("(none)" when it has none).
  SELECT l.lead_id, coalesce(t.value, l.first_touch_value) AS value, 1.0::DOUBLE AS credit
  FROM selected_leads AS l
  LEFT JOIN last_touch AS t USING (lead_id)
)`;
    case "linear":
      return `touches_per_value AS (
  SELECT lead_id, value, count(*) AS touches
  FROM touches
  GROUP BY lead_id, value
),
credits AS (
  SELECT lead_id, value, (touches / sum(touches) OVER (PARTITION BY lead_id))::DOUBLE AS credit
  FROM touches_per_value
  UNION ALL
  SELECT lead_id, first_touch_value AS value, 1.0::DOUBLE AS credit
  FROM selected_leads
  ANTI JOIN touches_per_value USING (lead_id)
)`;
  }
}

const ratio = (numerator: string, denominator: string) =>
  `CASE WHEN ${denominator} > 0 THEN ${numerator} / ${denominator} END`;

/** The campaign table's SQL; `where` is filterWhere's clause over lead_stages. */
export function campaignsSql(
  where: string,
  dimension: CampaignDimension,
  attribution: Attribution,
  windowDays: number | null = null,
): string {
  const column = checked(dimension, CAMPAIGN_DIMENSIONS, "dimension");
  validWindow(windowDays);
  // With a window, a stage counts only when reached within N days: MQL of the lead date, later stages of MQL.
  const within = (stage: string, from: string) =>
    windowDays === null
      ? `${stage}_reached_at`
      : `CASE WHEN ${stage}_reached_at <= ${from} + INTERVAL ${windowDays} DAY THEN ${stage}_reached_at END`;
  checked(attribution, ATTRIBUTIONS, "attribution");
  const nonTouch = NON_MARKETING_ACTIVITIES.map((a) => `'${a}'`).join(", ");
  // Spend is recorded per campaign; channels and sources have none of their own.
  const spend =
    column === "campaign"
      ? `SELECT campaign AS name, sum(spend)::DOUBLE AS spend FROM spend GROUP BY campaign`
      : `SELECT NULL::VARCHAR AS name, NULL::DOUBLE AS spend WHERE FALSE`;
  return `WITH selected_leads AS (
  SELECT
    lead_id,
    coalesce(${column}, '${NO_VALUE}') AS first_touch_value,
    ${within("mql", "lead_reached_at")} AS mql_reached_at,
    ${within("sql", "mql_reached_at")} AS sql_reached_at,
    ${within("opportunity", "mql_reached_at")} AS opportunity_reached_at,
    ${within("deal", "mql_reached_at")} AS deal_reached_at,
    coalesce(won_amount, 0) AS won_amount
  FROM ${LIVE_TABLES.leadStages}
  ${where}
),
touches AS (
  -- Marketing touches that carry a value, at or before the lead became an MQL (all of them if it never did).
  SELECT DISTINCT e.lead_id, e.occurred_at, e.activity, e.${column} AS value
  FROM ${LIVE_TABLES.events} AS e
  JOIN selected_leads AS l USING (lead_id)
  WHERE e.${column} IS NOT NULL
    AND e.activity NOT IN (${nonTouch})
    AND (l.mql_reached_at IS NULL OR e.occurred_at <= l.mql_reached_at)
),
${creditsSql(attribution)},
credited AS (
  SELECT c.value AS name, c.credit, l.*
  FROM credits AS c
  JOIN selected_leads AS l USING (lead_id)
),
by_value AS (
  SELECT
    name,
    sum(credit)::DOUBLE AS leads,
    coalesce(sum(credit) FILTER (WHERE mql_reached_at IS NOT NULL), 0)::DOUBLE AS mqls,
    coalesce(sum(credit) FILTER (WHERE sql_reached_at IS NOT NULL), 0)::DOUBLE AS sqls,
    coalesce(sum(credit) FILTER (WHERE opportunity_reached_at IS NOT NULL), 0)::DOUBLE AS opportunities,
    coalesce(sum(credit) FILTER (WHERE deal_reached_at IS NOT NULL), 0)::DOUBLE AS deals,
    sum(credit * won_amount)::DOUBLE AS revenue
  FROM credited
  GROUP BY name
),
spend_by_value AS (
  ${spend}
)
SELECT
  b.*,
  s.spend,
  ${ratio("b.mqls", "b.leads")} AS mql_yield,
  ${ratio("b.sqls", "b.mqls")} AS sql_rate,
  ${ratio("b.opportunities", "b.mqls")} AS opportunity_rate,
  ${ratio("b.deals", "b.mqls")} AS deal_rate,
  ${ratio("s.spend", "b.leads")} AS cost_per_lead,
  ${ratio("s.spend", "b.mqls")} AS cost_per_mql,
  ${ratio("s.spend", "b.sqls")} AS cost_per_sql,
  ${ratio("s.spend", "b.deals")} AS cost_per_deal,
  ${ratio("(b.revenue - s.spend)", "s.spend")} AS roi
FROM by_value AS b
LEFT JOIN spend_by_value AS s USING (name)
ORDER BY b.leads DESC, b.name`;
}

export const SPEND_ROWS_SQL = `SELECT count(*)::INTEGER AS n, sum(spend)::DOUBLE AS total FROM spend`;

/** Which stages the whole workspace records (not the selection: a filter never un-tracks a stage). */
export const TRACKED_STAGES_SQL = `SELECT ${STAGES.join(", ")} FROM ${LIVE_TABLES.trackedStages}`;

export async function queryTrackedStages(engine: SqlEngine): Promise<TrackedStages> {
  const [row] = await engine.query<Record<keyof TrackedStages, boolean>>(TRACKED_STAGES_SQL);
  if (!row) throw new Error("No data is loaded");
  return Object.fromEntries(STAGES.map((stage) => [stage, Boolean(row[stage])])) as TrackedStages;
}

interface CampaignSqlRow {
  name: string;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  deals: number;
  revenue: number;
  spend: number | null;
  mql_yield: number | null;
  sql_rate: number | null;
  opportunity_rate: number | null;
  deal_rate: number | null;
  cost_per_lead: number | null;
  cost_per_mql: number | null;
  cost_per_sql: number | null;
  cost_per_deal: number | null;
  roi: number | null;
}

/**
 * A row with every figure through an untracked stage set to null: the reached rule fills an untracked
 * stage from later ones (a deals-only export "reaches" MQL with every deal), so its counts and rates
 * would be made up. A rate needs both the stage it counts and the stage it divides by.
 */
function toRow(r: CampaignSqlRow, tracked: TrackedStages): CampaignRow {
  const { mql, sql, opportunity, deal } = tracked;
  const interval = mql ? wilsonInterval(r.mqls, r.leads) : null;
  const when = <T>(ok: boolean, value: T): T | null => (ok ? value : null);
  return {
    name: r.name,
    leads: r.leads,
    mqls: when(mql, r.mqls),
    sqls: when(sql, r.sqls),
    opportunities: when(opportunity, r.opportunities),
    deals: when(deal, r.deals),
    revenue: when(deal, r.revenue),
    mqlYield: when(mql, r.mql_yield),
    mqlYieldInterval: interval,
    sqlRate: when(mql && sql, r.sql_rate),
    opportunityRate: when(mql && opportunity, r.opportunity_rate),
    dealRate: when(mql && deal, r.deal_rate),
    spend: r.spend,
    costPerLead: r.cost_per_lead,
    costPerMql: when(mql, r.cost_per_mql),
    costPerSql: when(sql, r.cost_per_sql),
    costPerDeal: when(deal, r.cost_per_deal),
    roi: when(deal, r.roi),
    tooSmallToJudge: mql ? isTooSmallToJudge(r.leads, interval) : r.leads < MIN_LEADS_TO_JUDGE,
  };
}

export async function queryCampaigns(engine: SqlEngine, query: CampaignQuery): Promise<CampaignReport> {
  const where = filterWhere(query.filters);
  const tracked = await queryTrackedStages(engine);
  const rows = (
    await engine.query<CampaignSqlRow>(
      campaignsSql(where.sql, query.dimension, query.attribution, query.windowDays ?? null),
      where.params,
    )
  ).map((r) => toRow(r, tracked));
  const [spend] = await engine.query<{ n: number; total: number | null }>(SPEND_ROWS_SQL);
  const hasSpend = (spend?.n ?? 0) > 0;
  const sum = (pick: (r: CampaignRow) => number | null) =>
    rows.reduce((total, r) => total + (pick(r) ?? 0), 0);
  return {
    dimension: query.dimension,
    attribution: query.attribution,
    rows,
    totals: {
      leads: sum((r) => r.leads),
      mqls: tracked.mql ? sum((r) => r.mqls) : null,
      revenue: tracked.deal ? sum((r) => r.revenue) : null,
      spend: hasSpend ? (spend?.total ?? 0) : null,
    },
    hasSpend,
    tracked,
  };
}

/** What the loaded data records at all (stages, contacts, lost deals): one answer per data version. */
export const trackedStagesMetric = defineMetric("tracked-stages", [], (engine) => queryTrackedStages(engine));

/** Campaigns or channels compared by MQL yield and what their MQLs became. */
export const campaignsMetric = defineMetric(
  "campaigns",
  ["filters", "windowDays"],
  (engine, ctx, params: { dimension: CampaignDimension; attribution: Attribution }) =>
    queryCampaigns(engine, { ...params, filters: ctx.filters, windowDays: ctx.windowDays }),
);
