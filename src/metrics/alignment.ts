// Team alignment: the marketing → sales hand-off per lead (hours from MQL to review, contact and
// feedback; accepted, rejected or never touched; routed as its company size calls for) and its SLA
// compliance and outcomes per team, owner, month, SLA met vs missed, contact bucket and routing.

import type { SqlEngine, SqlValue } from "../db/engine";
import { quoteLiteral } from "../db/sql";
import {
  type AlignmentSettings,
  CONTACT_BUCKETS,
  type ContactBucket,
  type HandoffTracking,
  type OutcomeTracking,
  type Rate,
  rate,
  type ScorePart,
  scoreWithParts,
} from "../model/alignment";
import type { FunnelFilters } from "../model/filters";
import { LIVE_TABLES, NO_VALUE } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

export type StepSla = "met" | "missed" | "not_due" | "not_applicable" | "not_tracked";
/**
 * `not_recorded`: sales touched the hand-off and did not reject it, but the workspace records no
 * acceptance (no SAL dates), so whether sales accepted it is unknown.
 */
export type Disposition = "accepted" | "rejected" | "awaiting" | "never_touched" | "not_recorded";
export type Routing = "as_routed" | "misrouted" | "unknown";

/** One hand-off (a lead with an MQL date), as the tests and the lead list read it. */
export interface HandoffLead {
  lead_id: string;
  team: string;
  expected_team: string | null;
  owner: string | null;
  review_hours: number | null;
  contact_hours: number | null;
  feedback_hours: number | null;
  contacts_before_mql: number;
  review_sla: StepSla;
  contact_sla: StepSla;
  feedback_sla: StepSla;
  sla: StepSla;
  contact_bucket: ContactBucket;
  disposition: Disposition;
  routing: Routing;
}

/**
 * Which hand-off parts the whole workspace records (decided over all leads when the data was derived,
 * so a filter that happens to select no review never turns review into "not tracked"): a step when any
 * lead has its event, acceptance when any lead has a SAL date (tracked_stages.sal); and the later stages
 * the outcomes run through (tracked_stages.sql, .opportunity, .deal). One row; no bound parameters.
 */
export function handoffTrackingSql(): string {
  return `SELECT
  review_recorded AS review_tracked,
  contacts_recorded AS contact_tracked,
  feedback_recorded AS feedback_tracked,
  sal AS acceptance_tracked,
  sql AS sql_tracked,
  opportunity AS opportunity_tracked,
  deal AS deal_tracked
FROM ${LIVE_TABLES.trackedStages}`;
}

/**
 * The per-lead hand-off relation, as named CTEs ending in `handoffs`. Bound parameters, in order: the
 * three SLA targets in hours, then (min employees, team) for each routing band, then the filters'.
 *
 * - The hand-off is the lead's first `became_mql` event. A lead that reached MQL only by skipping it
 *   has no hand-off moment and is left out (counted by skippedMqlSql).
 * - Hours are elapsed calendar hours (not business hours) from MQL to the first `sales_review`,
 *   `sales_contact` and `sales_feedback` AT OR AFTER the MQL. Touches before MQL are pre-hand-off
 *   activity: they neither start nor satisfy the SLA clock (they are counted in contacts_before_mql).
 * - A step the workspace never records (handoffTrackingSql) is not tracked: neither met nor missed.
 * - A tracked step is met when it happened within its target, missed when it happened later or has
 *   not happened and its target has passed by the as-of date, not due otherwise. Contact is not
 *   applicable to a hand-off sales rejected without contacting it.
 * - The hand-off met the SLA when every tracked, applicable step was met; missed when any was missed;
 *   not tracked when no step is tracked; not applicable when no tracked step applies (only contact is
 *   tracked and sales rejected it without contacting it).
 * - Accepted means reached SAL, and only when the workspace has SAL dates: without them reaching SQL
 *   would pass for acceptance (the reached rule), so acceptance is not tracked.
 */
function handoffCtes(where: string, bands: number): string {
  const routingRows =
    bands > 0
      ? `SELECT * FROM (VALUES ${Array.from({ length: bands }, () => "(CAST(? AS INTEGER), CAST(? AS VARCHAR))").join(", ")}) AS band(min_employees, team)`
      : "SELECT CAST(NULL AS INTEGER) AS min_employees, CAST(NULL AS VARCHAR) AS team WHERE false";
  const hours = (column: string) => `date_diff('second', h.mql_at, ${column}) / 3600.0`;
  const stepSla = (step: string) => `CASE
      WHEN NOT ${step}_tracked THEN 'not_tracked'
      WHEN ${step}_hours <= ${step}_target_h THEN 'met'
      WHEN ${step}_hours IS NOT NULL OR hours_since_mql > ${step}_target_h THEN 'missed'
      ELSE 'not_due'
    END`;
  return `settings AS (
  SELECT
    CAST(? AS DOUBLE) AS review_target_h,
    CAST(? AS DOUBLE) AS contact_target_h,
    CAST(? AS DOUBLE) AS feedback_target_h,
    (SELECT as_of FROM ${LIVE_TABLES.trackedStages}) AS as_of
),
tracking AS (
  ${handoffTrackingSql()}
),
routing_bands AS (
  ${routingRows}
),
handed_off AS (
  -- Hours to each sales step come from lead_handoffs (derive.ts), built once per data.
  SELECT * FROM ${LIVE_TABLES.leadHandoffs}
  ${where}
),
elapsed AS (
  SELECT
    h.*,
    ${hours("h.review_at")} AS review_hours,
    ${hours("h.contact_at")} AS contact_hours,
    ${hours("h.feedback_at")} AS feedback_hours,
    ${hours("s.as_of")} AS hours_since_mql,
    s.review_target_h, s.contact_target_h, s.feedback_target_h,
    k.review_tracked, k.contact_tracked, k.feedback_tracked, k.acceptance_tracked,
    k.sql_tracked, k.opportunity_tracked, k.deal_tracked
  FROM handed_off AS h
  CROSS JOIN settings AS s
  CROSS JOIN tracking AS k
),
expected_teams AS (
  -- The band with the largest minimum the company reaches decides the team its size calls for.
  SELECT el.lead_id, arg_max(b.team, b.min_employees) AS expected_team
  FROM elapsed AS el
  JOIN routing_bands AS b ON el.employees >= b.min_employees
  GROUP BY el.lead_id
),
step_sla AS (
  SELECT
    el.*,
    x.expected_team,
    CASE
      WHEN acceptance_tracked AND sal_reached_at IS NOT NULL THEN 'accepted'
      WHEN rejected_at IS NOT NULL THEN 'rejected'
      -- "Never touched" only claims what a tracked step could have recorded.
      WHEN (review_tracked OR contact_tracked OR feedback_tracked)
        AND review_hours IS NULL AND contact_hours IS NULL AND feedback_hours IS NULL THEN 'never_touched'
      WHEN acceptance_tracked THEN 'awaiting'
      ELSE 'not_recorded'
    END AS disposition,
    ${stepSla("review")} AS review_sla,
    ${stepSla("contact")} AS contact_sla_raw,
    ${stepSla("feedback")} AS feedback_sla
  FROM elapsed AS el
  LEFT JOIN expected_teams AS x ON x.lead_id = el.lead_id
),
handoffs AS (
  SELECT
    * EXCLUDE (contact_sla_raw),
    CASE
      WHEN contact_tracked AND contact_hours IS NULL AND disposition = 'rejected' THEN 'not_applicable'
      ELSE contact_sla_raw
    END AS contact_sla,
    CASE
      WHEN 'missed' IN (review_sla, contact_sla, feedback_sla) THEN 'missed'
      WHEN 'not_due' IN (review_sla, contact_sla, feedback_sla) THEN 'not_due'
      WHEN 'met' IN (review_sla, contact_sla, feedback_sla) THEN 'met'
      WHEN review_tracked OR contact_tracked OR feedback_tracked THEN 'not_applicable'
      ELSE 'not_tracked'
    END AS sla,
    CASE
      WHEN contact_hours IS NULL THEN 'never'
      WHEN contact_hours < 1 THEN 'under_1h'
      WHEN contact_hours <= 4 THEN '1_4h'
      WHEN contact_hours <= 24 THEN '4_24h'
      WHEN contact_hours <= 72 THEN '1_3d'
      ELSE 'over_3d'
    END AS contact_bucket,
    CASE
      WHEN expected_team IS NULL OR team = ${quoteLiteral(NO_VALUE)} THEN 'unknown'
      WHEN lower(trim(team)) = lower(trim(expected_team)) THEN 'as_routed'
      ELSE 'misrouted'
    END AS routing
  FROM step_sla
)`;
}

function handoffParams(
  filters: FunnelFilters,
  settings: AlignmentSettings,
): { where: string; params: SqlValue[] } {
  const where = filterWhere(filters);
  const { reviewHours, contactHours, feedbackHours } = settings.targets;
  return {
    where: where.sql,
    params: [
      reviewHours,
      contactHours,
      feedbackHours,
      ...settings.routing.flatMap((b) => [b.minEmployees, b.team]),
      ...where.params,
    ],
  };
}

/** One row per hand-off with its hours, SLA steps, contact bucket, disposition and routing. */
export function handoffLeadsSql(where: string, bands: number): string {
  return `WITH ${handoffCtes(where, bands)}
SELECT
  lead_id, team, expected_team, owner, review_hours, contact_hours, feedback_hours, contacts_before_mql,
  review_sla, contact_sla, feedback_sla, sla, contact_bucket, disposition, routing
FROM handoffs
ORDER BY lead_id`;
}

/** How hand-offs are grouped; the keys are our own column expressions, never user text. */
export const GROUPINGS = {
  all: ["'all'"],
  team: ["team"],
  owner: ["team", "owner"],
  month: ["strftime(mql_at, '%Y-%m')"],
  sla: ["sla"],
  contact_bucket: ["contact_bucket"],
  routing: ["routing"],
  misrouted: ["expected_team", "team"],
} as const;
export type Grouping = keyof typeof GROUPINGS;

const GROUP_FILTERS: Partial<Record<Grouping, string>> = { misrouted: "WHERE routing = 'misrouted'" };

/** SLA compliance, disposition and outcome counts per group of hand-offs. */
export function handoffGroupsSql(where: string, bands: number, grouping: Grouping, source?: string): string {
  // `source`: a table that already holds the hand-offs; else they are computed here.
  const from = source === undefined ? handoffCtes(where, bands) : `handoffs AS (SELECT * FROM ${source})`;
  return `WITH ${from}
${groupSelect(grouping)}
ORDER BY ALL`;
}

/**
 * Every grouping of the hand-offs in one statement (a `grouping` column names each row's): the hand-offs
 * are computed once and grouped eight ways, one round trip instead of a temporary table and ten.
 * Within a grouping, rows come in key order, as handoffGroupsSql orders them (its keys are unique).
 */
export function allHandoffGroupsSql(where: string, bands: number): string {
  const parts = (Object.keys(GROUPINGS) as Grouping[]).map(
    (grouping) => `SELECT '${grouping}' AS grouping, * FROM (
${groupSelect(grouping)}
)`,
  );
  return `WITH ${handoffCtes(where, bands)}
${parts.join("\nUNION ALL BY NAME\n")}
ORDER BY grouping, key_0, key_1`;
}

/** SLA compliance, disposition and outcome counts per group of the `handoffs` relation. */
function groupSelect(grouping: Grouping): string {
  const keys = GROUPINGS[grouping].map((expression, i) => `${expression} AS key_${i}`).join(", ");
  const met = (step: string) => `count(*) FILTER (WHERE ${step} = 'met')::INTEGER AS ${step}_met`;
  const due = (step: string) =>
    `count(*) FILTER (WHERE ${step} IN ('met', 'missed'))::INTEGER AS ${step}_due`;
  const disposition = (d: Disposition) => `count(*) FILTER (WHERE disposition = '${d}')::INTEGER AS ${d}`;
  return `SELECT
  ${keys},
  count(*)::INTEGER AS handoffs,
  median(review_hours) AS median_review_hours,
  median(contact_hours) AS median_contact_hours,
  median(feedback_hours) AS median_feedback_hours,
  ${met("review_sla")}, ${due("review_sla")},
  ${met("contact_sla")}, ${due("contact_sla")},
  ${met("feedback_sla")}, ${due("feedback_sla")},
  ${met("sla")}, ${due("sla")},
  ${disposition("accepted")}, ${disposition("rejected")}, ${disposition("awaiting")}, ${disposition("never_touched")},
  -- Acceptance divides by the hand-offs only where the workspace records acceptance at all.
  count(*) FILTER (WHERE acceptance_tracked)::INTEGER AS acceptance_base,
  count(*) FILTER (WHERE contacts_before_mql > 0)::INTEGER AS contacted_before_mql,
  count(sql_reached_at)::INTEGER AS reached_sql,
  count(*) FILTER (WHERE sql_reached_at IS NOT NULL AND opportunity_reached_at IS NOT NULL)::INTEGER AS sql_to_opportunity,
  count(opportunity_reached_at)::INTEGER AS reached_opportunity,
  count(*) FILTER (WHERE opportunity_reached_at IS NOT NULL AND won_at IS NOT NULL)::INTEGER AS opportunity_won,
  -- Each outcome rate divides only where the workspace records the stages it runs between.
  count(*) FILTER (WHERE sql_tracked)::INTEGER AS sql_base,
  count(sql_reached_at) FILTER (WHERE sql_tracked AND opportunity_tracked)::INTEGER AS sql_opportunity_base,
  count(opportunity_reached_at) FILTER (WHERE opportunity_tracked AND deal_tracked)::INTEGER AS opportunity_base,
  count(*) FILTER (WHERE deal_tracked)::INTEGER AS deal_base,
  count(won_at)::INTEGER AS won,
  count(*) FILTER (WHERE lost_at IS NOT NULL AND won_at IS NULL)::INTEGER AS lost,
  coalesce(sum(won_amount) FILTER (WHERE won_at IS NOT NULL), 0)::DOUBLE AS revenue
FROM handoffs
${GROUP_FILTERS[grouping] ?? ""}
GROUP BY ALL`;
}

/** Leads in the selection that reached MQL only by skipping it: no MQL date, so no hand-off clock. */
export function skippedMqlSql(where: string): string {
  return `SELECT count(*)::INTEGER AS skipped_mql
FROM ${LIVE_TABLES.leadStages}
${where ? `${where} AND` : "WHERE"} mql_at IS NULL AND mql_reached_at IS NOT NULL`;
}

interface GroupRow {
  key_0: string | null;
  key_1?: string | null;
  handoffs: number;
  median_review_hours: number | null;
  median_contact_hours: number | null;
  median_feedback_hours: number | null;
  review_sla_met: number;
  review_sla_due: number;
  contact_sla_met: number;
  contact_sla_due: number;
  feedback_sla_met: number;
  feedback_sla_due: number;
  sla_met: number;
  sla_due: number;
  accepted: number;
  rejected: number;
  awaiting: number;
  never_touched: number;
  acceptance_base: number;
  contacted_before_mql: number;
  reached_sql: number;
  sql_to_opportunity: number;
  reached_opportunity: number;
  opportunity_won: number;
  sql_base: number;
  sql_opportunity_base: number;
  opportunity_base: number;
  deal_base: number;
  won: number;
  lost: number;
  revenue: number;
}

/** A group of hand-offs: SLA compliance, disposition, and what became of them. */
export interface HandoffGroup {
  key: string;
  /** The second key where there is one (owner within team, routed team within expected team). */
  subKey: string | null;
  handoffs: number;
  medianReviewHours: number | null;
  medianContactHours: number | null;
  medianFeedbackHours: number | null;
  reviewSla: Rate;
  contactSla: Rate;
  feedbackSla: Rate;
  /** Hand-offs that met every applicable step, among those met or missed (not those not yet due). */
  slaCompliance: Rate;
  /** Accepted hand-offs ÷ hand-offs (reached SAL: accepted, or advanced past it); 0 of 0 when not tracked. */
  acceptance: Rate;
  rejected: number;
  awaiting: number;
  neverTouched: number;
  contactedBeforeMql: number;
  /** MQL → SQL among these hand-offs. */
  mqlToSql: Rate;
  sqlToOpportunity: Rate;
  /** Opportunity → deal (the funnel's win rate; open opportunities in the denominator). */
  winRate: Rate;
  /** Won ÷ (won + lost): the closed win rate. */
  closedWinRate: Rate;
  /** Customers per hand-off (won ÷ hand-offs). */
  customers: Rate;
  won: number;
  revenue: number;
  revenuePerHandoff: number | null;
  /** Mean of the review-, contact-, feedback-SLA % and acceptance % that have a rate (scoreFormula). */
  alignmentScore: number | null;
  /** The parts the score averages: tracked, with hand-offs due. */
  scoreParts: ScorePart[];
  /** Some part of the score rests on fewer than 20 leads: the score is shown, never ranked against another. */
  scoreTooFew: boolean;
}

function toGroup(row: GroupRow): HandoffGroup {
  const reviewSla = rate(row.review_sla_met, row.review_sla_due);
  const contactSla = rate(row.contact_sla_met, row.contact_sla_due);
  const feedbackSla = rate(row.feedback_sla_met, row.feedback_sla_due);
  const acceptance = rate(row.accepted, row.acceptance_base);
  const score = scoreWithParts({ review: reviewSla, contact: contactSla, feedback: feedbackSla, acceptance });
  return {
    key: row.key_0 ?? NO_VALUE,
    subKey: row.key_1 === undefined ? null : (row.key_1 ?? NO_VALUE),
    handoffs: row.handoffs,
    medianReviewHours: row.median_review_hours,
    medianContactHours: row.median_contact_hours,
    medianFeedbackHours: row.median_feedback_hours,
    reviewSla,
    contactSla,
    feedbackSla,
    slaCompliance: rate(row.sla_met, row.sla_due),
    acceptance,
    rejected: row.rejected,
    awaiting: row.awaiting,
    neverTouched: row.never_touched,
    contactedBeforeMql: row.contacted_before_mql,
    // A rate whose stages are not tracked has a base of 0: 0 of 0, never a made-up 0 % or 100 %.
    mqlToSql: rate(row.sql_base > 0 ? row.reached_sql : 0, row.sql_base),
    sqlToOpportunity: rate(
      row.sql_opportunity_base > 0 ? row.sql_to_opportunity : 0,
      row.sql_opportunity_base,
    ),
    winRate: rate(row.opportunity_base > 0 ? row.opportunity_won : 0, row.opportunity_base),
    closedWinRate: rate(row.won, row.won + row.lost),
    customers: rate(row.deal_base > 0 ? row.won : 0, row.deal_base),
    won: row.won,
    revenue: row.revenue,
    revenuePerHandoff: row.handoffs > 0 ? row.revenue / row.handoffs : null,
    alignmentScore: score.value,
    scoreParts: score.parts,
    scoreTooFew: score.tooFew,
  };
}

export interface Alignment {
  /** Every hand-off in the selection. */
  total: HandoffGroup | null;
  teams: HandoffGroup[];
  owners: HandoffGroup[];
  months: HandoffGroup[];
  /** Keyed "met", "missed", "not_due", "not_applicable", "not_tracked". */
  bySla: HandoffGroup[];
  /** One per CONTACT_BUCKETS entry, in that order (empty buckets have zero hand-offs). */
  byContactBucket: HandoffGroup[];
  /** Keyed "as_routed", "misrouted", "unknown". */
  byRouting: HandoffGroup[];
  /** Mis-routed hand-offs by expected team (key) and routed team (subKey). */
  misrouted: HandoffGroup[];
  skippedMql: number;
  /** Which hand-off parts the whole workspace records (not only the filtered selection). */
  tracking: HandoffTracking;
  /** Which later stages the whole workspace records: outcome rates run only through these. */
  outcomeTracking: OutcomeTracking;
}

export interface AlignmentQuery {
  filters: FunnelFilters;
}

export async function queryHandoffLeads(
  engine: SqlEngine,
  query: AlignmentQuery,
  settings: AlignmentSettings,
): Promise<HandoffLead[]> {
  const { where, params } = handoffParams(query.filters, settings);
  return engine.query<HandoffLead>(handoffLeadsSql(where, settings.routing.length), params);
}

const EMPTY_ROW: Omit<GroupRow, "key_0"> = {
  handoffs: 0,
  median_review_hours: null,
  median_contact_hours: null,
  median_feedback_hours: null,
  review_sla_met: 0,
  review_sla_due: 0,
  contact_sla_met: 0,
  contact_sla_due: 0,
  feedback_sla_met: 0,
  feedback_sla_due: 0,
  sla_met: 0,
  sla_due: 0,
  accepted: 0,
  rejected: 0,
  awaiting: 0,
  never_touched: 0,
  acceptance_base: 0,
  contacted_before_mql: 0,
  reached_sql: 0,
  sql_to_opportunity: 0,
  reached_opportunity: 0,
  opportunity_won: 0,
  sql_base: 0,
  sql_opportunity_base: 0,
  opportunity_base: 0,
  deal_base: 0,
  won: 0,
  lost: 0,
  revenue: 0,
};

interface TrackingRow {
  review_tracked: boolean;
  contact_tracked: boolean;
  feedback_tracked: boolean;
  acceptance_tracked: boolean;
  sql_tracked: boolean;
  opportunity_tracked: boolean;
  deal_tracked: boolean;
}

async function queryTracking(
  engine: SqlEngine,
): Promise<{ tracking: HandoffTracking; outcomeTracking: OutcomeTracking }> {
  const [row] = await engine.query<TrackingRow>(handoffTrackingSql());
  return {
    tracking: {
      review: row?.review_tracked === true,
      contact: row?.contact_tracked === true,
      feedback: row?.feedback_tracked === true,
      acceptance: row?.acceptance_tracked === true,
    },
    outcomeTracking: {
      sql: row?.sql_tracked === true,
      opportunity: row?.opportunity_tracked === true,
      deal: row?.deal_tracked === true,
    },
  };
}

export async function queryHandoffTracking(engine: SqlEngine): Promise<HandoffTracking> {
  return (await queryTracking(engine)).tracking;
}

export async function queryAlignment(
  engine: SqlEngine,
  query: AlignmentQuery,
  settings: AlignmentSettings,
): Promise<Alignment> {
  const { where: handoffWhere, params } = handoffParams(query.filters, settings);
  const rows = await engine.query<GroupRow & { grouping: Grouping }>(
    allHandoffGroupsSql(handoffWhere, settings.routing.length),
    params,
  );
  const groups = (grouping: Grouping) =>
    rows
      .filter((row) => row.grouping === grouping)
      .map(({ grouping: _, key_1, ...row }) =>
        // A one-key grouping has no second key (toGroup: subKey null), not a null one ("(none)").
        toGroup(GROUPINGS[grouping].length > 1 ? { ...row, key_1 } : row),
      );
  const teams = groups("team");
  const owners = groups("owner");
  const months = groups("month");
  const bySla = groups("sla");
  const buckets = groups("contact_bucket");
  const byRouting = groups("routing");
  const misrouted = groups("misrouted");
  const total = groups("all")[0];
  const where = filterWhere(query.filters);
  const [skipped] = await engine.query<{ skipped_mql: number }>(skippedMqlSql(where.sql), where.params);
  return {
    ...(await queryTracking(engine)),
    total: total ?? null,
    teams,
    owners,
    months,
    bySla,
    byContactBucket: CONTACT_BUCKETS.map(
      (bucket) => buckets.find((b) => b.key === bucket.id) ?? toGroup({ key_0: bucket.id, ...EMPTY_ROW }),
    ),
    byRouting,
    misrouted,
    skippedMql: skipped?.skipped_mql ?? 0,
  };
}

/** The marketing → sales hand-off: review, contact and feedback times against the SLA, routing. */
export const alignmentMetric = defineMetric(
  "alignment",
  ["filters"],
  (engine, ctx, settings: AlignmentSettings) => queryAlignment(engine, { filters: ctx.filters }, settings),
);
