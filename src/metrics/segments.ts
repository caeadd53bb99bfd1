// The values each filter dimension takes in the loaded data, with lead counts, for filter menus.

import type { SqlEngine, SqlValue } from "../db/engine";
import { DIMENSIONS, type Dimension, type FunnelFilters } from "../model/filters";
import { LIVE_TABLES } from "../warehouse/derive";
import { filterWhere } from "./filters";
import { defineMetric } from "./metric";

export type SegmentOptions = Record<Dimension, { value: string; leads: number }[]>;

export async function querySegmentOptions(engine: SqlEngine): Promise<SegmentOptions> {
  const rows = await engine.query<{ dimension: Dimension; value: string; leads: number }>(
    `${DIMENSIONS.map(
      (d) =>
        `SELECT '${d}' AS dimension, ${d} AS value, sum(leads)::INTEGER AS leads FROM ${LIVE_TABLES.funnelCube} GROUP BY ${d}`,
    ).join("\nUNION ALL\n")}\nORDER BY dimension, leads DESC, value`,
  );
  const options = Object.fromEntries(
    DIMENSIONS.map((d) => [d, [] as { value: string; leads: number }[]]),
  ) as SegmentOptions;
  for (const row of rows) options[row.dimension].push({ value: row.value, leads: row.leads });
  return options;
}

/** Leads per value of each dimension under the other filters: `counts.channel["Email"]`. */
export type SegmentCounts = Record<Dimension, Record<string, number>>;

/**
 * Faceted counts, as filter menus in commercial tools show them: each dimension's values counted under
 * every filter but its own (so a menu still offers its other values, with how many leads they would
 * give). One grouping per dimension over funnel_cube (tens of thousands of rows at 1M leads), one
 * statement. Values absent under the other filters are absent here (the menu shows them as 0).
 * The period applies to every grouping alike: it is bound once, in `period`, so the statement's values are
 * the filters' own (filterWhere's), the same the screen's answer binds. The app binds an interruptible
 * statement's values through one session variable, set again (three worker round trips) whenever they
 * differ from the last statement's: with the period repeated per dimension, each filter change set it
 * twice, 50–60 ms each on the Pipeline screen.
 */
export function segmentCountsSql(filters: FunnelFilters): { sql: string; params: SqlValue[] } {
  const period = filterWhere({ ...filters, segments: {} });
  const parts = DIMENSIONS.map((d) => {
    const where = filterWhere({ from: null, to: null, segments: { ...filters.segments, [d]: [] } });
    return `SELECT '${d}' AS dimension, ${d} AS value, sum(leads)::INTEGER AS leads FROM period ${where.sql} GROUP BY ${d}`;
  });
  return {
    sql: `WITH period AS (SELECT * FROM ${LIVE_TABLES.funnelCube} ${period.sql})\n${parts.join("\nUNION ALL\n")}`,
    params: period.params,
  };
}

export async function querySegmentCounts(engine: SqlEngine, filters: FunnelFilters): Promise<SegmentCounts> {
  const { sql, params } = segmentCountsSql(filters);
  const rows = await engine.query<{ dimension: Dimension; value: string; leads: number }>(sql, params);
  const counts = Object.fromEntries(
    DIMENSIONS.map((d) => [d, {} as Record<string, number>]),
  ) as SegmentCounts;
  for (const row of rows) counts[row.dimension][row.value] = row.leads;
  return counts;
}

/** The filter menus' counts under the other filters (asked only while some filter is set). */
export const segmentCountsMetric = defineMetric("segment-counts", ["filters"], (engine, ctx) =>
  querySegmentCounts(engine, ctx.filters),
);

/** The data's last day (the latest dated record), as YYYY-MM-DD: what date presets are anchored on. */
export async function queryAsOf(engine: SqlEngine): Promise<string | null> {
  const [row] = await engine.query<{ as_of: string | null }>(
    `SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM ${LIVE_TABLES.trackedStages}`,
  );
  return row?.as_of ?? null;
}

/** The values each filter can take in the loaded data. */
export const segmentOptionsMetric = defineMetric("segment-options", [], (engine) =>
  querySegmentOptions(engine),
);

/** The day the loaded data runs to (the latest plausible event). */
export const asOfMetric = defineMetric("as-of", [], (engine) => queryAsOf(engine));
