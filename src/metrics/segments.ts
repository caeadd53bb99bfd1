// The values each filter dimension takes in the loaded data, with lead counts, for filter menus.

import type { SqlEngine } from "../db/engine";
import { DIMENSIONS, type Dimension } from "../model/filters";
import { LIVE_TABLES } from "../warehouse/derive";
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
