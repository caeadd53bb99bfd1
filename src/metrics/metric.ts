// What a screen can ask for: a named analysis with its parameters. The coordinator (src/queries) runs
// it; views never see the engine.

import type { SqlEngine } from "../db/engine";
import type { CountMode } from "../model/counting";
import type { FunnelFilters } from "../model/filters";

/**
 * The shared settings every analysis may follow: the filter bar, the conversion window, stalled days,
 * and the way of counting a period (absent: cohort; see model/counting.ts).
 */
export interface MetricContext {
  filters: FunnelFilters;
  windowDays: number | null;
  stalledDays: number;
  count?: CountMode;
}

export type ContextPart = keyof MetricContext;

export interface Metric<P, T> {
  /** Unique and stable: part of the cache key, and of the answers saved for a return visit. */
  id: string;
  /**
   * The parts of the shared context the answer depends on. Only these enter the cache key, so a
   * metric that ignores the filters (what the data tracks, the as-of date) is asked once per data.
   */
  uses: readonly ContextPart[];
  run(engine: SqlEngine, ctx: MetricContext, params: P): Promise<T>;
}

export function defineMetric<P, T>(
  id: string,
  uses: readonly ContextPart[],
  run: (engine: SqlEngine, ctx: MetricContext, params: P) => Promise<T>,
): Metric<P, T> {
  return { id, uses, run };
}
