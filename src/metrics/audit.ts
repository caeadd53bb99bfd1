// The data-quality audit run after every import: SQL counts, over the live tables, of what makes the
// funnel's numbers less trustworthy (duplicates, stage dates out of order or in the future, …).

import type { SqlEngine } from "../db/engine";
import { literalList } from "../db/sql";
import type { DataAudit } from "../model/audit";
import type { DealStageAudit } from "../model/pipeline";
import { STAGES, type Stage } from "../model/stages";
import { LIVE_DEAL_TABLES, queryDealStageAudit } from "../warehouse/dealStages";
import { LIVE_TABLES } from "../warehouse/derive";

/** The event that dates each funnel stage, in funnel order (as in derive.ts's `stage_dates`). */
export const STAGE_ACTIVITIES: Record<Stage, string> = {
  lead: "became_lead",
  mql: "became_mql",
  sal: "sales_accepted",
  sql: "became_sql",
  opportunity: "opportunity_created",
  deal: "deal_won",
};

/** Stage changes, including the exits that `lead_stages` dates (lost, rejected). */
export const LIFECYCLE_ACTIVITIES: readonly string[] = [
  ...Object.values(STAGE_ACTIVITIES),
  "deal_lost",
  "sales_rejected",
];

/**
 * What a lead did not do itself: stage changes and sales' hand-off records. Every other activity,
 * unrecognised ones included, is a touch (we cannot tell what an unknown one is, so it gets the benefit).
 */
export const NON_TOUCH_ACTIVITIES: readonly string[] = [
  ...LIFECYCLE_ACTIVITIES,
  "sales_review",
  "sales_feedback",
];

export const TOP_UNKNOWN_ACTIVITIES = 5;

const stageRank = `CASE activity
      ${STAGES.map((stage, rank) => `WHEN '${STAGE_ACTIVITIES[stage]}' THEN ${rank}`).join("\n      ")}
    END`;

/** One row of counts. Both bound parameters are the wall clock, as 'YYYY-MM-DD HH:MM:SS.sss' UTC. */
export const AUDIT_SUMMARY_SQL = `WITH
clock AS (
  -- Dates before 1970 or more than a year after the day of the check are implausible (a mis-read
  -- format or a placeholder), as in the mapping step (src/import/dateProfile.ts).
  SELECT
    CAST(? AS TIMESTAMP) AS now,
    CAST(CAST(? AS TIMESTAMP) AS DATE) + INTERVAL 1 YEAR AS late_after,
    TIMESTAMP '1970-01-01' AS early_before
),
row_checks AS (
  SELECT
    count(*)::INTEGER AS event_rows,
    count(*) FILTER (WHERE unknown_activity)::INTEGER AS unknown_activity_rows,
    count(*) FILTER (WHERE activity IN ${literalList(LIFECYCLE_ACTIVITIES)})::INTEGER AS stage_rows,
    count(*) FILTER (WHERE activity IN ${literalList(LIFECYCLE_ACTIVITIES)} AND occurred_at > now)::INTEGER
      AS future_stage_rows,
    arg_min(lead_id, occurred_at) FILTER (WHERE activity IN ${literalList(LIFECYCLE_ACTIVITIES)} AND occurred_at > now)
      AS future_example_lead_id,
    count(*) FILTER (WHERE occurred_at > now)::INTEGER AS future_rows,
    count(*) FILTER (WHERE occurred_at < early_before)::INTEGER AS early_rows,
    count(*) FILTER (WHERE CAST(occurred_at AS DATE) > late_after)::INTEGER AS late_rows,
    strftime(min(occurred_at), '%Y-%m-%d') AS earliest_day,
    strftime(max(occurred_at), '%Y-%m-%d') AS latest_day,
    arg_min(lead_id, occurred_at) FILTER (WHERE occurred_at < early_before OR CAST(occurred_at AS DATE) > late_after)
      AS implausible_example_lead_id,
    strftime(any_value(late_after), '%Y-%m-%d') AS late_after_day,
    count(raw_amount)::INTEGER AS amount_rows,
    count(*) FILTER (WHERE raw_amount IS NOT NULL AND amount IS NULL)::INTEGER AS text_amount_rows,
    arg_min(raw_amount, source_row) FILTER (WHERE raw_amount IS NOT NULL AND amount IS NULL) AS text_amount_example,
    arg_min(source_file, source_row) FILTER (WHERE raw_amount IS NOT NULL AND amount IS NULL) AS text_amount_file,
    min(source_row) FILTER (WHERE raw_amount IS NOT NULL AND amount IS NULL)::INTEGER AS text_amount_row,
    strftime(any_value(now), '%Y-%m-%d') AS checked_on
  FROM ${LIVE_TABLES.events}, clock
),
duplicate_groups AS (
  SELECT lead_id, count(*) AS copies
  FROM ${LIVE_TABLES.events}
  GROUP BY lead_id, occurred_at, activity, campaign
  HAVING count(*) > 1
),
duplicates AS (
  SELECT coalesce(sum(copies - 1), 0)::INTEGER AS duplicate_extra_rows, min(lead_id) AS duplicate_example_lead_id
  FROM duplicate_groups
),
out_of_order_leads AS (
  SELECT lead_id
  FROM ${LIVE_TABLES.leadStages}
  -- least() skips NULLs, so a skipped stage is compared with the next stage the lead does have.
  WHERE mql_at > least(sal_at, sql_at, opportunity_at, won_at)
     OR sal_at > least(sql_at, opportunity_at, won_at)
     OR sql_at > least(opportunity_at, won_at)
     OR opportunity_at > won_at
),
out_of_order AS (
  SELECT count(*)::INTEGER AS out_of_order_leads, min(lead_id) AS out_of_order_example_lead_id
  FROM out_of_order_leads
),
stage_events AS (
  SELECT
    lead_id,
    occurred_at,
    ${stageRank} AS stage_rank
  FROM ${LIVE_TABLES.events}
  WHERE activity IN ${literalList(Object.values(STAGE_ACTIVITIES))}
),
-- Stage changes at the same moment have no order between them, so each moment is one step.
stage_moments AS (
  SELECT lead_id, occurred_at, min(stage_rank) AS lowest_rank, max(stage_rank) AS highest_rank
  FROM stage_events
  GROUP BY lead_id, occurred_at
),
stage_steps AS (
  SELECT
    lead_id,
    lowest_rank,
    max(highest_rank) OVER (
      PARTITION BY lead_id ORDER BY occurred_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ) AS highest_rank_before
  FROM stage_moments
),
moved_backwards AS (
  SELECT
    count(DISTINCT lead_id)::INTEGER AS moved_backwards_leads,
    min(lead_id) AS moved_backwards_example_lead_id
  FROM stage_steps
  WHERE lowest_rank < highest_rank_before
),
touches_per_lead AS (
  SELECT lead_id, count(*) FILTER (WHERE activity NOT IN ${literalList(NON_TOUCH_ACTIVITIES)}) AS touches
  FROM ${LIVE_TABLES.events}
  GROUP BY lead_id
),
no_activity AS (
  SELECT
    count(*) FILTER (WHERE touches = 0)::INTEGER AS no_activity_leads,
    min(lead_id) FILTER (WHERE touches = 0) AS no_activity_example_lead_id
  FROM touches_per_lead
),
lead_count AS (
  SELECT count(*)::INTEGER AS leads FROM ${LIVE_TABLES.leadStages}
),
tracked AS (
  SELECT
    strftime(as_of, '%Y-%m-%d') AS as_of_day,
    lead AS tracked_lead,
    mql AS tracked_mql,
    sal AS tracked_sal,
    sql AS tracked_sql,
    opportunity AS tracked_opportunity,
    deal AS tracked_deal
  FROM ${LIVE_TABLES.trackedStages}
)
SELECT *
FROM row_checks, duplicates, out_of_order, moved_backwards, no_activity, lead_count, tracked`;

/** The most frequent unrecognised activity values, as the importer kept them. */
export const TOP_UNKNOWN_ACTIVITIES_SQL = `SELECT activity, count(*)::INTEGER AS rows
FROM ${LIVE_TABLES.events}
WHERE unknown_activity
GROUP BY activity
ORDER BY rows DESC, activity
LIMIT ${TOP_UNKNOWN_ACTIVITIES}`;

interface AuditSummaryRow {
  event_rows: number;
  unknown_activity_rows: number;
  stage_rows: number;
  future_stage_rows: number;
  future_example_lead_id: string | null;
  future_rows: number;
  early_rows: number;
  late_rows: number;
  earliest_day: string | null;
  latest_day: string | null;
  implausible_example_lead_id: string | null;
  late_after_day: string;
  amount_rows: number;
  text_amount_rows: number;
  text_amount_example: string | null;
  text_amount_file: string | null;
  text_amount_row: number | null;
  checked_on: string;
  duplicate_extra_rows: number;
  duplicate_example_lead_id: string | null;
  out_of_order_leads: number;
  out_of_order_example_lead_id: string | null;
  moved_backwards_leads: number;
  moved_backwards_example_lead_id: string | null;
  no_activity_leads: number;
  no_activity_example_lead_id: string | null;
  leads: number;
  as_of_day: string | null;
  tracked_lead: boolean;
  tracked_mql: boolean;
  tracked_sal: boolean;
  tracked_sql: boolean;
  tracked_opportunity: boolean;
  tracked_deal: boolean;
}

/** A Date as the UTC-naive timestamp text DuckDB casts (the data's timestamps are UTC-naive too). */
function utcTimestamp(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error("The audit needs a valid current time");
  return now.toISOString().replace("T", " ").replace("Z", "");
}

/** The stage history's audit, or null when the workspace holds none. */
async function dealStageHistoryAudit(engine: SqlEngine): Promise<DealStageAudit | null> {
  const audit = await queryDealStageAudit(engine, LIVE_DEAL_TABLES.audit);
  return audit.deals > 0 ? audit : null;
}

/**
 * Audits the live workspace. `now` is the wall clock, used only to find dates in the future — the one
 * place the app reads it; every other number uses the data's as-of date.
 */
export async function queryAudit(engine: SqlEngine, now: Date): Promise<DataAudit> {
  const clock = utcTimestamp(now);
  const [row] = await engine.query<AuditSummaryRow>(AUDIT_SUMMARY_SQL, [clock, clock]);
  if (!row) throw new Error("No data is loaded");
  const top = await engine.query<{ activity: string; rows: number }>(TOP_UNKNOWN_ACTIVITIES_SQL);
  const example =
    row.text_amount_example !== null && row.text_amount_row !== null
      ? { value: row.text_amount_example, file: row.text_amount_file ?? "", row: row.text_amount_row }
      : null;
  return {
    eventRows: row.event_rows,
    leads: row.leads,
    asOf: row.as_of_day,
    checkedOn: row.checked_on,
    duplicates: { extraRows: row.duplicate_extra_rows, exampleLeadId: row.duplicate_example_lead_id },
    outOfOrder: { leads: row.out_of_order_leads, exampleLeadId: row.out_of_order_example_lead_id },
    movedBackwards: { leads: row.moved_backwards_leads, exampleLeadId: row.moved_backwards_example_lead_id },
    futureDates: {
      stageRows: row.future_stage_rows,
      stageRowsTotal: row.stage_rows,
      allRows: row.future_rows,
      exampleLeadId: row.future_example_lead_id,
    },
    implausibleDates: {
      early: row.early_rows,
      late: row.late_rows,
      earliest: row.early_rows > 0 ? row.earliest_day : null,
      latest: row.late_rows > 0 ? row.latest_day : null,
      lateAfter: row.late_after_day,
      exampleLeadId: row.implausible_example_lead_id,
    },
    noActivity: { leads: row.no_activity_leads, exampleLeadId: row.no_activity_example_lead_id },
    amountsAsText: { rows: row.text_amount_rows, amountRows: row.amount_rows, example },
    unknownActivities: {
      rows: row.unknown_activity_rows,
      top: top.map((t) => ({ activity: t.activity, rows: t.rows })),
    },
    dealStages: await dealStageHistoryAudit(engine),
    trackedStages: {
      lead: Boolean(row.tracked_lead),
      mql: Boolean(row.tracked_mql),
      sal: Boolean(row.tracked_sal),
      sql: Boolean(row.tracked_sql),
      opportunity: Boolean(row.tracked_opportunity),
      deal: Boolean(row.tracked_deal),
    },
  };
}
