// Built once per import (and when as-of or the stalled threshold change): the per-lead stage table
// `lead_stages`, the small pre-aggregated `funnel_cube` that the Overview's numbers are summed from, and
// the per-lead tables the analysis screens read instead of `events` (`lead_handoffs` for Alignment,
// `lead_behaviour` and `scored_touches` for AIDA and scoring), so a filter change never scans events.

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier, quoteLiteral } from "../db/sql";
import { DIMENSIONS } from "../model/filters";
import { EARLIEST_PLAUSIBLE_DAY, latestPlausibleDay } from "../model/plausibleDates";
import { SCORED_BEHAVIOURS } from "../model/scoring";
import { STAGES, type Stage } from "../model/stages";
import { ACTIVITY_VOCABULARY } from "../model/vocabulary";
import type { DealStageTables } from "./dealStages";

export interface DeriveSettings {
  /** "Now" for in-progress vs stalled, as 'YYYY-MM-DD HH:MM:SS'; null = the latest event. */
  asOf: string | null;
  /** A lead with no activity for longer than this, not closed, is stalled. */
  stalledDays: number;
}

export const DEFAULT_DERIVE_SETTINGS: DeriveSettings = { asOf: null, stalledDays: 30 };

export const NO_VALUE = "(none)";

export interface DerivedTables {
  events: string;
  leadStages: string;
  funnelCube: string;
  trackedStages: string;
  leadHandoffs: string;
  scoredTouches: string;
  leadBehaviour: string;
}

/**
 * The deal stage history and the deals as imported, which derive reads beside the events: a stage entry
 * is activity of the lead its deal links to, and counts for the as-of date. They must exist (empty
 * without a history): ensureDealStageSources before deriving.
 */
export type DealHistoryTables = Pick<DealStageTables, "entries" | "deals">;

export const LIVE_TABLES: DerivedTables = {
  events: "events",
  leadStages: "lead_stages",
  funnelCube: "funnel_cube",
  trackedStages: "tracked_stages",
  leadHandoffs: "lead_handoffs",
  scoredTouches: "scored_touches",
  leadBehaviour: "lead_behaviour",
};

/**
 * Dates before 1970 or more than a year after today are implausible (a mis-read format, a typo, a
 * placeholder such as 2099-12-31): the import keeps and reports them, but they never set "now".
 */
export function plausibleDateSql(column: string, today: Date = new Date()): string {
  // DuckDB-WASM has no current_date without the ICU extension: the wall clock comes from here. The
  // same bounds as the mapping step's warning and the audit (model/plausibleDates).
  return `(${column} >= TIMESTAMP '${EARLIEST_PLAUSIBLE_DAY}' AND CAST(${column} AS DATE) <= DATE '${latestPlausibleDay(today)}')`;
}

/**
 * "Now" (SPEC): the latest plausible timestamp in the workspace, the events' and the deal stage
 * history's alike (a deal can move to a stage after the last close or create date), unless set.
 */
function asOfSql(t: DerivedTables, history: DealHistoryTables, settings: DeriveSettings): string {
  return settings.asOf === null
    ? `greatest(
    (SELECT max(occurred_at) FILTER (WHERE ${plausibleDateSql("occurred_at")}) FROM ${t.events}),
    (SELECT max(entered_at) FILTER (WHERE ${plausibleDateSql("entered_at")}) FROM ${history.entries}))`
    : `CAST(${quoteLiteral(settings.asOf)} AS TIMESTAMP)`;
}

const stageEvent = (activity: string) => `min(occurred_at) FILTER (WHERE activity = '${activity}')`;
const firstValue = (column: string) => `arg_min(${column}, occurred_at) FILTER (WHERE ${column} IS NOT NULL)`;
const lastValue = (column: string) => `arg_max(${column}, occurred_at) FILTER (WHERE ${column} IS NOT NULL)`;

/**
 * One row per lead. Stage dates are the first event of that stage. `<stage>_reached_at` is when the
 * lead passed the stage: its own date or, when it skipped the stage, the earliest later stage date
 * (SPEC: a lead reached a stage if it has a date for that stage or any later one).
 */
export function leadStagesSql(
  t: DerivedTables,
  history: DealHistoryTables,
  settings: DeriveSettings,
): string {
  const asOf = asOfSql(t, history, settings);
  return `CREATE OR REPLACE TABLE ${t.leadStages} AS
WITH deal_moves AS (
  -- A deal entering a stage is activity of the lead it links to (a deal linked to none: its own record).
  SELECT coalesce(d.lead_id, d.deal_id) AS lead_id, max(e.entered_at) AS moved_at
  FROM ${history.entries} e JOIN ${history.deals} d USING (deal_id)
  WHERE ${plausibleDateSql("e.entered_at")}
  GROUP BY ALL
),
stage_dates AS (
  SELECT
    lead_id,
    min(occurred_at) AS first_seen_at,
    max(occurred_at) AS event_activity_at,
    -- A record known only from a deals file is not a tracked lead (the funnel starts at opportunity).
    bool_or(activity NOT IN ('opportunity_created', 'deal_won', 'deal_lost')) AS lead_record,
    ${stageEvent("became_lead")} AS lead_event_at,
    ${stageEvent("became_mql")} AS mql_at,
    ${stageEvent("sales_accepted")} AS sal_at,
    ${stageEvent("became_sql")} AS sql_at,
    ${stageEvent("opportunity_created")} AS opportunity_at,
    ${stageEvent("deal_won")} AS won_at,
    ${stageEvent("deal_lost")} AS lost_at,
    ${stageEvent("sales_rejected")} AS rejected_at,
    ${stageEvent("sales_review")} AS first_review_at,
    ${stageEvent("sales_contact")} AS first_contact_at,
    ${stageEvent("sales_feedback")} AS first_feedback_at,
    ${firstValue("campaign")} AS campaign,
    ${firstValue("channel")} AS channel,
    ${firstValue("source")} AS source,
    ${lastValue("team")} AS team,
    ${lastValue("owner")} AS owner,
    ${lastValue("company")} AS company,
    ${lastValue("company_size")} AS company_size,
    ${lastValue("industry")} AS industry,
    ${lastValue("region")} AS region,
    ${lastValue("role")} AS role,
    max(amount) FILTER (WHERE activity = 'deal_won') AS won_amount,
    max(amount) FILTER (WHERE activity IN ('opportunity_created', 'deal_won', 'deal_lost')) AS amount
  FROM ${t.events}
  GROUP BY lead_id
),
reached AS (
  SELECT
    stage_dates.*,
    greatest(event_activity_at, m.moved_at) AS last_activity_at,
    coalesce(lead_event_at, first_seen_at) AS lead_at,
    won_at AS deal_reached_at,
    least(opportunity_at, won_at) AS opportunity_reached_at,
    least(sql_at, opportunity_at, won_at) AS sql_reached_at,
    least(sal_at, sql_at, opportunity_at, won_at) AS sal_reached_at,
    least(mql_at, sal_at, sql_at, opportunity_at, won_at) AS mql_reached_at
  FROM stage_dates LEFT JOIN deal_moves m USING (lead_id)
),
furthest AS (
  SELECT
    *,
    least(lead_at, mql_reached_at) AS lead_reached_at,
    CASE
      WHEN won_at IS NOT NULL THEN 5
      WHEN opportunity_at IS NOT NULL THEN 4
      WHEN sql_at IS NOT NULL THEN 3
      WHEN sal_at IS NOT NULL THEN 2
      WHEN mql_at IS NOT NULL THEN 1
      ELSE 0
    END AS furthest_stage,
    greatest(lead_at, mql_at, sal_at, sql_at, opportunity_at) AS furthest_stage_at
  FROM reached
),
contacts AS (
  -- Over the whole workspace: whether the data records sales contacts at all.
  SELECT count(first_contact_at) > 0 AS contacts_recorded FROM stage_dates
)
SELECT
  * EXCLUDE (campaign, channel, team, region, company_size, industry, contacts_recorded, event_activity_at),
  ${DIMENSIONS.map((d) => `coalesce(${d}, '${NO_VALUE}') AS ${d}`).join(",\n  ")},
  CAST(lead_reached_at AS DATE) AS cohort_day,
  CASE
    WHEN won_at IS NOT NULL THEN 'won'
    WHEN lost_at IS NOT NULL THEN 'lost'
    -- A rejection counts only if nothing advanced the lead after it (rejected, then re-accepted, is not).
    WHEN rejected_at IS NOT NULL AND rejected_at >= furthest_stage_at THEN 'rejected'
    WHEN last_activity_at >= ${asOf} - INTERVAL ${Math.max(0, Math.floor(settings.stalledDays))} DAY
      THEN 'in_progress'
    -- Handed to sales (stopped at MQL or SAL) and never contacted: an SLA breach, when contacts are recorded.
    WHEN contacts_recorded AND furthest_stage IN (1, 2) AND first_contact_at IS NULL THEN 'never_contacted'
    ELSE 'stalled'
  END AS status
FROM furthest, contacts`;
}

/** Lead counts by every filter dimension × cohort day × furthest stage × status. */
export function funnelCubeSql(t: DerivedTables): string {
  const skipped = (stage: string, index: number) =>
    `count(*) FILTER (WHERE furthest_stage >= ${index} AND ${stage}_at IS NULL)::INTEGER AS skipped_${stage}`;
  return `CREATE OR REPLACE TABLE ${t.funnelCube} AS
SELECT
  campaign, channel, team, region, company_size, industry, cohort_day, furthest_stage, status,
  count(*)::INTEGER AS leads,
  ${skipped("mql", 1)},
  ${skipped("sal", 2)},
  ${skipped("sql", 3)},
  ${skipped("opportunity", 4)}
FROM ${t.leadStages}
GROUP BY ALL`;
}

/** Each stage's own date column in lead_stages (a skipped stage has none; `<stage>_reached_at` does). */
export const OWN_DATE: Record<Stage, string> = {
  lead: "lead_at",
  mql: "mql_at",
  sal: "sal_at",
  sql: "sql_at",
  opportunity: "opportunity_at",
  deal: "won_at",
};

/** `same_day_<from>_<to>`: the tracked_stages column holding that pair's same-day share. */
export const sameDayColumn = (from: Stage, to: Stage): string => `same_day_${from}_${to}`;

/**
 * For every pair of stages, the share of leads with their own date for the earlier stage that reached
 * the later one on that same day (null when none did both). A step whose dates coincide for ≥ 95 % of
 * its leads is set by the CRM (Salesforce lead conversion creates the opportunity), not by people.
 */
function sameDaySharesSql(): string {
  const pairs: string[] = [];
  STAGES.forEach((from, i) => {
    for (const to of STAGES.slice(i + 1)) {
      const both = `${OWN_DATE[from]} IS NOT NULL AND ${to}_reached_at IS NOT NULL`;
      pairs.push(
        `(count(*) FILTER (WHERE ${both} AND CAST(${OWN_DATE[from]} AS DATE) = CAST(${to}_reached_at AS DATE)))::DOUBLE
    / nullif(count(*) FILTER (WHERE ${both}), 0) AS ${sameDayColumn(from, to)}`,
      );
    }
  });
  return pairs.join(",\n  ");
}

/**
 * The workspace as-of date; which stages are tracked (any lead has a date for it; deal: won or lost);
 * whether lost deals are recorded at all (the closed win rate needs them); and the same-day shares.
 */
export function trackedStagesSql(
  t: DerivedTables,
  history: DealHistoryTables,
  settings: DeriveSettings,
): string {
  return `CREATE OR REPLACE TABLE ${t.trackedStages} AS
SELECT
  ${asOfSql(t, history, settings)} AS as_of,
  count(*) FILTER (WHERE lead_record) > 0 AS lead,
  count(mql_at) > 0 AS mql,
  count(sal_at) > 0 AS sal,
  count(sql_at) > 0 AS sql,
  count(opportunity_at) > 0 AS opportunity,
  (count(won_at) + count(lost_at)) > 0 AS deal,
  count(lost_at) > 0 AS lost_recorded,
  -- Which hand-off steps the data records at all (Leaks' "never contacted", Alignment's SLA steps).
  count(first_review_at) > 0 AS review_recorded,
  count(first_contact_at) > 0 AS contacts_recorded,
  count(first_feedback_at) > 0 AS feedback_recorded,
  ${sameDaySharesSql()}
FROM ${t.leadStages}`;
}

/** The columns filterWhere reads, so a per-lead table answers a filter change without a join. */
const filterColumns = (alias: string) => [...DIMENSIONS, "cohort_day"].map((c) => `${alias}.${c}`).join(", ");

const SALES_STEP_ACTIVITIES = "('sales_review', 'sales_contact', 'sales_feedback')";

/**
 * One row per lead with an MQL date (a hand-off): what Alignment reads of it, the first sales review,
 * contact and feedback AT OR AFTER the MQL (touches before it neither start nor satisfy the SLA clock;
 * contacts before it are counted), and the company size as a number for routing. The SLA targets,
 * routing bands and as-of date are applied per query (metrics/alignment.ts).
 */
export function leadHandoffsSql(t: DerivedTables): string {
  return `CREATE OR REPLACE TABLE ${t.leadHandoffs} AS
WITH handed_off AS (
  SELECT lead_id, mql_at FROM ${t.leadStages} WHERE mql_at IS NOT NULL
),
sales_touches AS (
  SELECT
    h.lead_id,
    min(e.occurred_at) FILTER (WHERE e.activity = 'sales_review' AND e.occurred_at >= h.mql_at) AS review_at,
    min(e.occurred_at) FILTER (WHERE e.activity = 'sales_contact' AND e.occurred_at >= h.mql_at) AS contact_at,
    min(e.occurred_at) FILTER (WHERE e.activity = 'sales_feedback' AND e.occurred_at >= h.mql_at) AS feedback_at,
    count(*) FILTER (WHERE e.activity = 'sales_contact' AND e.occurred_at < h.mql_at)::INTEGER AS contacts_before_mql
  FROM handed_off AS h
  JOIN ${t.events} AS e ON e.lead_id = h.lead_id AND e.activity IN ${SALES_STEP_ACTIVITIES}
  GROUP BY h.lead_id
)
SELECT
  l.lead_id, ${filterColumns("l")},
  l.owner, l.mql_at, l.sal_reached_at, l.rejected_at, l.sql_reached_at, l.opportunity_reached_at,
  l.won_at, l.lost_at, l.won_amount,
  -- "1000+" → 1000, "100-999" → 100, "2,500" → 2500: the lower bound of a band or the count itself.
  TRY_CAST(regexp_extract(replace(l.company_size, ',', ''), '[0-9]+') AS INTEGER) AS employees,
  t.review_at, t.contact_at, t.feedback_at,
  coalesce(t.contacts_before_mql, 0) AS contacts_before_mql
FROM ${t.leadStages} AS l
LEFT JOIN sales_touches AS t ON t.lead_id = l.lead_id
WHERE l.mql_at IS NOT NULL`;
}

/**
 * The scored behaviours (model/scoring.ts) each lead showed, exact duplicate rows once, in the order the
 * running score adds them up (time, then activity), with how many of each the lead had shown by then:
 * a lead's score at any touch is its fit points plus Σ weight × count, for whatever weights the model has.
 */
export function scoredTouchesSql(t: DerivedTables): string {
  const scored = SCORED_BEHAVIOURS.map((b) => `'${b}'`).join(", ");
  const soFar = SCORED_BEHAVIOURS.map(
    (b) => `count(*) FILTER (WHERE activity = '${b}') OVER running AS ${b}_so_far`,
  ).join(",\n  ");
  return `CREATE OR REPLACE TABLE ${t.scoredTouches} AS
WITH touches AS (
  SELECT DISTINCT lead_id, occurred_at, activity
  FROM ${t.events}
  WHERE activity IN (${scored})
)
SELECT
  lead_id, occurred_at, activity,
  ${soFar}
FROM touches
WINDOW running AS (PARTITION BY lead_id ORDER BY occurred_at, activity ROWS UNBOUNDED PRECEDING)`;
}

/** `first_<activity>_at`: the lead_behaviour column with the lead's first event of that activity. */
export const firstActivityColumn = (activity: string): string => quoteIdentifier(`first_${activity}_at`);

/** The activities lead_behaviour has a first-event column for: the vocabulary's (what AIDA maps). */
export const BEHAVIOUR_ACTIVITIES: readonly string[] = ACTIVITY_VOCABULARY.map((d) => d.activity);

/** Vocabulary activities whose first event lead_stages already holds (its stage and hand-off dates). */
const FIRST_EVENT_IN_LEAD_STAGES: Readonly<Record<string, string>> = {
  became_lead: "lead_event_at",
  became_mql: "mql_at",
  sales_review: "first_review_at",
  sales_accepted: "sal_at",
  sales_rejected: "rejected_at",
  sales_contact: "first_contact_at",
  sales_feedback: "first_feedback_at",
  became_sql: "sql_at",
  opportunity_created: "opportunity_at",
  deal_won: "won_at",
  deal_lost: "lost_at",
};

/**
 * One row per lead: the filter columns, what AIDA and scoring read of lead_stages, the first event of
 * every vocabulary activity (those lead_stages has are copied, the others found in one pass over the
 * events), the first page view later than the first one (a repeat visit; one at the very same time is
 * the same visit), and how many of each scored behaviour the lead showed (exact duplicates once).
 */
export function leadBehaviourSql(t: DerivedTables): string {
  const own = BEHAVIOUR_ACTIVITIES.filter((a) => !(a in FIRST_EVENT_IN_LEAD_STAGES));
  const firsts = own
    .map((a) => `min(occurred_at) FILTER (WHERE activity = ${quoteLiteral(a)}) AS ${firstActivityColumn(a)}`)
    .join(",\n    ");
  const columns = BEHAVIOUR_ACTIVITIES.map((a) => {
    const column = FIRST_EVENT_IN_LEAD_STAGES[a];
    return column ? `l.${column} AS ${firstActivityColumn(a)}` : `f.${firstActivityColumn(a)}`;
  }).join(", ");
  const counts = SCORED_BEHAVIOURS.map(
    (b) => `count(*) FILTER (WHERE activity = '${b}')::INTEGER AS ${b}_touches`,
  ).join(",\n    ");
  const pageView = firstActivityColumn("page_view");
  return `CREATE OR REPLACE TABLE ${t.leadBehaviour} AS
WITH firsts AS (
  SELECT
    lead_id,
    ${firsts}
  FROM ${t.events}
  WHERE activity IN (${own.map(quoteLiteral).join(", ")})
  GROUP BY lead_id
),
repeat_page_views AS (
  SELECT e.lead_id, min(e.occurred_at) AS repeat_page_view_at
  FROM ${t.events} AS e
  JOIN firsts AS f ON f.lead_id = e.lead_id
  WHERE e.activity = 'page_view' AND e.occurred_at > f.${pageView}
  GROUP BY e.lead_id
),
scored AS (
  SELECT
    lead_id,
    ${counts}
  FROM ${t.scoredTouches}
  GROUP BY lead_id
)
SELECT
  l.lead_id, ${filterColumns("l")},
  l.lead_at, l.role, l.status, l.mql_at, l.mql_reached_at, l.sql_reached_at, l.deal_reached_at,
  ${columns},
  r.repeat_page_view_at,
  ${SCORED_BEHAVIOURS.map((b) => `coalesce(s.${b}_touches, 0) AS ${b}_touches`).join(", ")}
FROM ${t.leadStages} AS l
LEFT JOIN firsts AS f ON f.lead_id = l.lead_id
LEFT JOIN repeat_page_views AS r ON r.lead_id = l.lead_id
LEFT JOIN scored AS s ON s.lead_id = l.lead_id`;
}

export async function deriveTables(
  engine: SqlEngine,
  t: DerivedTables,
  history: DealHistoryTables,
  settings: DeriveSettings,
): Promise<void> {
  await engine.exec(leadStagesSql(t, history, settings));
  await engine.exec(funnelCubeSql(t));
  await engine.exec(trackedStagesSql(t, history, settings));
  await engine.exec(leadHandoffsSql(t));
  await engine.exec(scoredTouchesSql(t));
  await engine.exec(leadBehaviourSql(t));
}

/** Staging names an import builds into before it swaps them in. */
export function stagingTables(prefix: string): DerivedTables {
  return {
    events: quoteIdentifier(`${prefix}events`),
    leadStages: quoteIdentifier(`${prefix}lead_stages`),
    funnelCube: quoteIdentifier(`${prefix}funnel_cube`),
    trackedStages: quoteIdentifier(`${prefix}tracked_stages`),
    leadHandoffs: quoteIdentifier(`${prefix}lead_handoffs`),
    scoredTouches: quoteIdentifier(`${prefix}scored_touches`),
    leadBehaviour: quoteIdentifier(`${prefix}lead_behaviour`),
  };
}
