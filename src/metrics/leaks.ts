// Where leads leak: the funnel's per-step counts by reason, the per-segment split, and the leaked-lead list.
//
// A lead "stopped at" its furthest stage (the last stage it has its own date for). For a step S → T
// between consecutive tracked stages, the leads that reached S and not T are exactly those that stopped
// at S (a stage between two tracked ones has no dates, so no lead stops there). Why each lead stopped is
// decided once, in lead_stages.status (metrics/derive.ts), and read here, by the Overview's cube and by
// every slide and CSV: lost, rejected, in progress, never contacted (handed to sales, no sales contact,
// only when the data records contacts), stalled. Step counts come from the funnel query itself, so the
// Leaks screen and the Overview give one answer per step, conversion window included.

import type { SqlEngine } from "../db/engine";
import type { FunnelFilters } from "../model/filters";
import {
  isStage,
  isStopReason,
  LEAK_REASONS,
  type LeakCounts,
  type LeakReason,
  type SegmentStopCount,
  type StopReason,
} from "../model/leaks";
import { STAGE_LABELS, STAGES, type Stage } from "../model/stages";
import { LIVE_TABLES } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { funnelCountsWithTracking } from "./funnel";
import { defineMetric } from "./metric";

export interface LeakQueryContext {
  filters: FunnelFilters;
  /** The stalled setting lead_stages was derived with (for the words on screen). */
  stalledDays: number;
  windowDays?: number | null;
}

export interface LeakedLead {
  lead_id: string;
  campaign: string;
  team: string;
  /** YYYY-MM-DD of the lead's last activity. */
  last_activity_day: string;
  /** Whole calendar days from the last activity to the as-of date. */
  days_since_activity: number;
}

/** The leads in the selection with the reason each stopped at its furthest stage (decided in derive). */
export function stoppedLeadsCtes(where: string): string {
  return `WITH as_of AS (
  SELECT as_of FROM ${LIVE_TABLES.trackedStages}
),
stopped_leads AS (
  SELECT l.*, as_of.as_of, l.status AS stop_reason
  FROM ${LIVE_TABLES.leadStages} l, as_of
  ${where}
)`;
}

/**
 * Leads and leaked leads by campaign and by channel at each furthest stage, summed from funnel_cube
 * (its rows are leads by every filter dimension, cohort day, furthest stage and status): one pass over
 * the cube's rows paired with both dimensions, no per-lead read.
 */
export function segmentStopsSql(where: string): string {
  return `SELECT
  d.dimension,
  CASE d.dimension WHEN 'campaign' THEN campaign ELSE channel END AS value,
  furthest_stage,
  sum(leads)::INTEGER AS leads,
  coalesce(sum(leads) FILTER (WHERE status NOT IN ('won', 'in_progress')), 0)::INTEGER AS leaked
FROM ${LIVE_TABLES.funnelCube} CROSS JOIN (VALUES ('campaign'), ('channel')) d(dimension)
${where}
GROUP BY d.dimension, value, furthest_stage
ORDER BY d.dimension, value, furthest_stage`;
}

const LEAKED_LEAD_COLUMNS = `CAST(lead_id AS VARCHAR) AS lead_id,
  campaign,
  team,
  strftime(last_activity_at, '%Y-%m-%d') AS last_activity_day,
  date_diff('day', CAST(last_activity_at AS DATE), CAST(as_of AS DATE))::INTEGER AS days_since_activity`;

/** How the leaked-lead list is ordered: by one of its columns, ties by lead id. */
export interface LeakedLeadSort {
  key: keyof LeakedLead;
  direction: "ascending" | "descending";
}

export const LONGEST_INACTIVE_FIRST: LeakedLeadSort = { key: "days_since_activity", direction: "descending" };

/** The list's columns as the SQL names them: the sort key is checked against these, never pasted raw. */
const SORT_COLUMNS: Record<keyof LeakedLead, string> = {
  lead_id: "lead_id",
  campaign: "campaign",
  team: "team",
  last_activity_day: "last_activity_day",
  days_since_activity: "days_since_activity",
};

function orderBy(sort: LeakedLeadSort): string {
  const column = SORT_COLUMNS[sort.key];
  if (!column) throw new Error(`Not a column of the leaked-lead list: ${String(sort.key)}`);
  const direction = sort.direction === "ascending" ? "ASC" : "DESC";
  return `ORDER BY ${column} ${direction} NULLS LAST, lead_id`;
}

/**
 * One step's leads that stopped for one reason, in `sort` order, each row with the list's `total`;
 * `limited` adds a LIMIT. Binds the filters, then the stage index and reason, then the limit.
 */
export function leakedLeadsSql(
  where: string,
  sort: LeakedLeadSort = LONGEST_INACTIVE_FIRST,
  limited = false,
): string {
  return `${stoppedLeadsCtes(where)}
SELECT
  ${LEAKED_LEAD_COLUMNS},
  count(*) OVER ()::INTEGER AS total
FROM stopped_leads
WHERE furthest_stage = ? AND stop_reason = ?
${orderBy(sort)}${limited ? "\nLIMIT ?" : ""}`;
}

/** Every leaked lead of the selection (never won, never in progress), by furthest stage and reason. */
export function allLeakedLeadsSql(where: string): string {
  return `${stoppedLeadsCtes(where)}
SELECT
  furthest_stage,
  stop_reason,
  ${LEAKED_LEAD_COLUMNS}
FROM stopped_leads
WHERE stop_reason IN ('lost', 'rejected', 'never_contacted', 'stalled') AND furthest_stage < ${STAGES.length - 1}
ORDER BY furthest_stage, stop_reason, days_since_activity DESC, lead_id`;
}

export async function queryLeakCounts(engine: SqlEngine, ctx: LeakQueryContext): Promise<LeakCounts> {
  const where = filterWhere(ctx.filters);
  const { counts: funnel, tracked } = await funnelCountsWithTracking(engine, {
    filters: ctx.filters,
    windowDays: ctx.windowDays ?? null,
  });
  const segmentRows = await engine.query<{
    dimension: string;
    value: string;
    furthest_stage: number;
    leads: number;
    leaked: number;
  }>(segmentStopsSql(where.sql), where.params);
  const segments: SegmentStopCount[] = [];
  for (const row of segmentRows) {
    const stage = STAGES[row.furthest_stage];
    if (stage && (row.dimension === "campaign" || row.dimension === "channel"))
      segments.push({
        dimension: row.dimension,
        value: row.value,
        stage,
        leads: row.leads,
        leaked: row.leaked,
      });
  }
  return {
    funnel,
    segments,
    contactsRecorded: Boolean(tracked.contacts_recorded),
    stalledDays: ctx.stalledDays,
  };
}

/**
 * The leads that stopped at `step` (the step's starting stage) for `reason`, longest inactive first.
 * Both come from our own constants and are checked here, then bound: never pasted into the SQL.
 */
export async function queryLeakedLeads(
  engine: SqlEngine,
  ctx: LeakQueryContext,
  step: Stage,
  reason: StopReason,
  sort: LeakedLeadSort = LONGEST_INACTIVE_FIRST,
): Promise<LeakedLead[]> {
  return (await queryLeakedLeadPage(engine, ctx, step, reason, sort, null)).leads;
}

/** The first `limit` leads of the list (all when null) and how many the list holds. */
export interface LeakedLeadPage {
  total: number;
  leads: LeakedLead[];
}

export async function queryLeakedLeadPage(
  engine: SqlEngine,
  ctx: LeakQueryContext,
  step: Stage,
  reason: StopReason,
  sort: LeakedLeadSort,
  limit: number | null,
): Promise<LeakedLeadPage> {
  if (!isStage(step) || step === "deal") throw new Error(`Not a funnel step: ${String(step)}`);
  if (!isStopReason(reason)) throw new Error(`Not a leak reason: ${String(reason)}`);
  const where = filterWhere(ctx.filters);
  const params = [...where.params, STAGES.indexOf(step), reason, ...(limit === null ? [] : [limit])];
  const rows = await engine.query<LeakedLead & { total: number }>(
    leakedLeadsSql(where.sql, sort, limit !== null),
    params,
  );
  return { total: rows[0]?.total ?? 0, leads: rows.map(({ total: _, ...lead }) => lead) };
}

/** A leaked lead with the step it leaked at ("MQL → SAL", between tracked stages) and why. */
export interface StepLeakedLead extends LeakedLead {
  step: string;
  reason: LeakReason;
}

/** Every leaked lead in the selection, each with its step and reason: the Leaks screen's full download. */
export async function queryAllLeakedLeads(
  engine: SqlEngine,
  ctx: LeakQueryContext,
): Promise<StepLeakedLead[]> {
  const where = filterWhere(ctx.filters);
  const [tracked] = await engine.query<Record<Stage, boolean>>(`SELECT * FROM ${LIVE_TABLES.trackedStages}`);
  if (!tracked) throw new Error("No data is loaded");
  const trackedStages = STAGES.filter((stage) => Boolean(tracked[stage]));
  const rows = await engine.query<LeakedLead & { furthest_stage: number; stop_reason: string }>(
    allLeakedLeadsSql(where.sql),
    where.params,
  );
  const out: StepLeakedLead[] = [];
  for (const { furthest_stage, stop_reason, ...lead } of rows) {
    const from = STAGES[furthest_stage];
    const to = trackedStages.find((stage) => STAGES.indexOf(stage) > furthest_stage);
    if (!from || !to || !isLeakReason(stop_reason)) continue;
    out.push({ ...lead, step: `${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`, reason: stop_reason });
  }
  return out;
}

const isLeakReason = (value: string): value is LeakReason =>
  (LEAK_REASONS as readonly string[]).includes(value);

/** Where leads leak and why: the funnel's steps with their reasons, and by segment. */
export const leakCountsMetric = defineMetric(
  "leak-counts",
  ["filters", "windowDays", "stalledDays"],
  (engine, ctx) => queryLeakCounts(engine, ctx),
);

/** Rows of the leaked-lead list the screen shows; its download holds them all. */
export const SHOWN_LEAKED_LEADS = 25;

/**
 * The first SHOWN_LEAKED_LEADS leads that leaked at one step for one reason, in the chosen order, and
 * how many there are (the table under the leak chart): a page, not every lead, on each filter change.
 */
export const leakedLeadsMetric = defineMetric(
  "leaked-leads",
  ["filters", "windowDays", "stalledDays"],
  (engine, ctx, params: { step: Stage; reason: StopReason; sort: LeakedLeadSort }) =>
    queryLeakedLeadPage(engine, ctx, params.step, params.reason, params.sort, SHOWN_LEAKED_LEADS),
);
