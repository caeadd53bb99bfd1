// The stage funnel: reached and skipped counts per stage, conversions, and what became of leads that
// stopped, for the leads in the current selection. Summed from funnel_cube; the conversion window
// needs per-lead dates, so that one part reads lead_stages.

import type { SqlEngine } from "../db/engine";
import type { Benchmark } from "../model/benchmarks";
import type { FunnelFilters } from "../model/filters";
import {
  buildFunnel,
  type Conversion,
  type Funnel,
  type FunnelCounts,
  type StatusCount,
} from "../model/funnel";
import { LEAD_STATUSES, type LeadStatus, STAGES, type Stage } from "../model/stages";
import { LIVE_TABLES } from "./derive";
import { filterWhere } from "./filters";

export interface FunnelQuery {
  filters: FunnelFilters;
  /** Count a conversion only within this many days of entering the step; null = every later one. */
  windowDays: number | null;
}

type Tracked = Record<Stage, boolean> & { as_of: number | null };

const reachedColumns = STAGES.map(
  (stage, i) => `coalesce(sum(leads) FILTER (WHERE furthest_stage >= ${i}), 0)::INTEGER AS reached_${stage}`,
).join(",\n  ");

const SKIPPABLE: Stage[] = ["mql", "sal", "sql", "opportunity"];
const skippedColumns = SKIPPABLE.map(
  (stage) => `coalesce(sum(skipped_${stage}), 0)::INTEGER AS skipped_${stage}`,
).join(",\n  ");

export function reachedSql(where: string): string {
  return `SELECT
  ${reachedColumns},
  ${skippedColumns}
FROM ${LIVE_TABLES.funnelCube}
${where}`;
}

export function statusesSql(where: string): string {
  return `SELECT furthest_stage, status, sum(leads)::INTEGER AS leads
FROM ${LIVE_TABLES.funnelCube}
${where}
GROUP BY furthest_stage, status`;
}

/** Conversions from each stage to every later one within `days` of entering the earlier stage. */
export function windowConversionsSql(where: string, days: number): string {
  const pairs: string[] = [];
  STAGES.forEach((from, i) => {
    STAGES.slice(i + 1).forEach((to) => {
      pairs.push(
        `count(*) FILTER (WHERE ${to}_reached_at IS NOT NULL AND ${from}_reached_at IS NOT NULL
    AND ${to}_reached_at <= ${from}_reached_at + INTERVAL ${days} DAY)::INTEGER AS "${from}>${to}"`,
      );
    });
  });
  return `SELECT
  ${pairs.join(",\n  ")},
  count(*) FILTER (WHERE lead_reached_at > (SELECT as_of FROM ${LIVE_TABLES.trackedStages}) - INTERVAL ${days} DAY)::INTEGER AS incomplete
FROM ${LIVE_TABLES.leadStages}
${where}`;
}

function validWindow(days: number | null): number | null {
  if (days === null) return null;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`The conversion window must be a whole number of days ≥ 1`);
  return days;
}

export async function queryFunnelCounts(engine: SqlEngine, query: FunnelQuery): Promise<FunnelCounts> {
  const windowDays = validWindow(query.windowDays);
  const where = filterWhere(query.filters);
  // Sent together: the worker answers them in turn, but the round trips overlap.
  const [[tracked], [reached], statusRows] = await Promise.all([
    engine.query<Tracked>(`SELECT * FROM ${LIVE_TABLES.trackedStages}`),
    engine.query<Record<string, number>>(reachedSql(where.sql), where.params),
    engine.query<{ furthest_stage: number; status: string; leads: number }>(
      statusesSql(where.sql),
      where.params,
    ),
  ]);
  if (!tracked || !reached) throw new Error("No data is loaded");

  const conversions: Conversion[] = [];
  let incompleteLeads = 0;
  if (windowDays !== null) {
    const [row] = await engine.query<Record<string, number>>(
      windowConversionsSql(where.sql, windowDays),
      where.params,
    );
    for (const [key, leads] of Object.entries(row ?? {})) {
      if (key === "incomplete") incompleteLeads = leads;
      else {
        const [from, to] = key.split(">") as [Stage, Stage];
        conversions.push({ from, to, leads });
      }
    }
  }

  const statuses: StatusCount[] = statusRows
    .filter((r) => (LEAD_STATUSES as readonly string[]).includes(r.status))
    .map((r) => ({
      stage: STAGES[r.furthest_stage] as Stage,
      status: r.status as LeadStatus,
      leads: r.leads,
    }));

  return {
    stages: STAGES.map((stage) => ({
      stage,
      tracked: Boolean(tracked[stage]),
      reached: reached[`reached_${stage}`] ?? 0,
      skipped: reached[`skipped_${stage}`] ?? 0,
    })),
    conversions,
    statuses,
    windowDays,
    incompleteLeads,
  };
}

export async function queryFunnel(
  engine: SqlEngine,
  query: FunnelQuery,
  benchmarks: readonly Benchmark[],
): Promise<Funnel> {
  return buildFunnel(await queryFunnelCounts(engine, query), benchmarks);
}
