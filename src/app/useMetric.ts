// Runs one analysis query for the loaded data and the shared filters; the latest request wins.

import { useEffect, useState } from "react";
import type { SqlEngine } from "../db/engine";
import { userMessage } from "../db/errors";
import type { FunnelFilters } from "../model/filters";
import { useAppStore } from "../store";
import { appEngine } from "./engine";

export interface MetricContext {
  filters: FunnelFilters;
  windowDays: number | null;
  stalledDays: number;
}

export type MetricState<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; data: T };

/**
 * `run` is called again whenever the data, the filters or the window change. Pass a stable function
 * (module-level or memoised); its own inputs go in `deps`.
 */
export function useMetric<T>(
  run: (engine: SqlEngine, context: MetricContext) => Promise<T>,
  deps: readonly unknown[] = [],
): MetricState<T> {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const windowDays = useAppStore((s) => s.windowDays);
  const stalledDays = useAppStore((s) => s.stalledDays);
  const [state, setState] = useState<MetricState<T>>({ status: "loading" });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` and `deps` are the caller's inputs
  useEffect(() => {
    if (!dataset) return;
    let current = true;
    appEngine()
      .then((engine) => run(engine, { filters, windowDays, stalledDays }))
      .then(
        (data) => current && setState({ status: "ready", data }),
        (error: unknown) => current && setState({ status: "error", message: userMessage(error) }),
      );
    return () => {
      current = false;
    };
  }, [dataset, filters, windowDays, stalledDays, ...deps]);

  return state;
}
