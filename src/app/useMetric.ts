// Runs one analysis query for the loaded data and the shared filters; the latest request wins.

import { startTransition, useEffect, useRef, useState } from "react";
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

// Public contract (README): <html data-metrics-pending="N" data-metrics-shown="M">: analysis queries
// asked and not yet on screen, and answers put on screen so far. The benchmark times views with them.
let pending = 0;
let shown = 0;
function publish(): void {
  if (typeof document === "undefined") return;
  document.documentElement.dataset.metricsPending = String(pending);
  document.documentElement.dataset.metricsShown = String(shown);
}

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
  // True while this hook's latest question is unanswered on screen (counted once in `pending`).
  const outstanding = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` and `deps` are the caller's inputs
  useEffect(() => {
    if (!dataset) return;
    let current = true;
    if (!outstanding.current) {
      outstanding.current = true;
      pending++;
      publish();
    }
    appEngine()
      .then((engine) => run(engine, { filters, windowDays, stalledDays }))
      .then(
        // A transition renders in slices, so a big view never blocks the page in one long task.
        (data) => current && startTransition(() => setState({ status: "ready", data })),
        (error: unknown) => current && setState({ status: "error", message: userMessage(error) }),
      );
    return () => {
      current = false;
    };
  }, [dataset, filters, windowDays, stalledDays, ...deps]);

  // After the answer is rendered (effects run after the commit): the question is off the books.
  useEffect(() => {
    if (state.status === "loading" || !outstanding.current) return;
    outstanding.current = false;
    pending--;
    shown++;
    publish();
  }, [state]);

  // A view closed before its answer came: not pending any more.
  useEffect(
    () => () => {
      if (!outstanding.current) return;
      outstanding.current = false;
      pending--;
      publish();
    },
    [],
  );

  return state;
}
