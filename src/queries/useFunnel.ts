// The Overview's funnel for the current data, filters and window, and the previous period's when
// comparing; plus the states around them (engine starting or failed, nothing loaded).

import { useEffect, useRef } from "react";
import { funnelMetric } from "../metrics/funnel";
import type { Funnel } from "../model/funnel";
import { type Period, previousPeriod } from "../model/period";
import { useAppStore } from "../store";
import { useAsOf } from "./useAsOf";
import { useQuery } from "./useQuery";

/** The previous period's funnel when "compare with previous period" is on and there is one. */
export type FunnelComparison =
  | { state: "off" }
  | { state: "unavailable"; reason: string }
  | { state: "ready"; funnel: Funnel; period: Period };

export type FunnelState =
  | { status: "loading"; message?: string }
  | { status: "error"; message: string }
  | { status: "empty" }
  | {
      status: "ready";
      funnel: Funnel;
      datasetLabel: string;
      /** Grows each time new numbers are drawn (`main[data-funnel-update]`, read by the benchmark). */
      update: number;
      comparison: FunnelComparison;
      /** Numbers for earlier filters, shown dimmed while the new ones are computed. */
      stale: boolean;
      fromLastVisit: boolean;
    };

let updates = 0;

/** `enabled` false (another screen is showing): nothing is asked; the cached answer waits. */
export function useFunnel(enabled = true): FunnelState {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const benchmarks = useAppStore((s) => s.benchmarks);
  const compare = useAppStore((s) => s.compare);
  const engineStatus = useAppStore((s) => s.engine);
  // Only while nothing is loaded does the import status matter (empty vs loading).
  const importState = useAppStore((s) => (s.dataset ? null : s.importStatus.state));
  const asOf = useAsOf();

  const previous = compare && asOf !== undefined ? previousPeriod(filters, asOf) : null;
  // A fresh object each render is fine: useQuery asks again only when the question's key changes.
  const previousFilters = previous ? { ...filters, ...previous } : undefined;
  const funnel = useQuery(funnelMetric, benchmarks, { enabled });
  const before = useQuery(funnelMetric, benchmarks, {
    enabled: enabled && previousFilters !== undefined,
    filters: previousFilters,
  });

  let comparison: FunnelComparison = { state: "off" };
  if (compare) {
    if (asOf !== undefined && previous === null)
      comparison = {
        state: "unavailable",
        reason: "Choose a period (a start date) to compare with the one before it.",
      };
    else if (previous && before.status === "ready" && !before.stale)
      comparison = { state: "ready", funnel: before.data, period: previous };
    else if (before.status === "error") comparison = { state: "unavailable", reason: before.message };
  }
  const comparing = compare && comparison.state === "off";

  // The update counter grows once per new set of numbers drawn (this period's and, when comparing, the
  // previous one's), and a measure spans ask → answer.
  const asked = useRef(performance.now());
  const update = useRef(0);
  const lastDrawn = useRef<readonly unknown[]>([]);
  const answer = funnel.status === "ready" && !funnel.stale && !comparing ? funnel.data : null;
  const drawn = [answer, comparison.state, comparison.state === "ready" ? comparison.funnel : null];
  if (answer !== null && drawn.some((part, i) => part !== lastDrawn.current[i])) {
    lastDrawn.current = drawn;
    update.current = ++updates;
  }
  useEffect(() => {
    if (answer === null) {
      asked.current = performance.now();
      return;
    }
    performance.measure("funnel-query", { start: asked.current, end: performance.now() });
  }, [answer]);

  if (engineStatus.state === "failed")
    return { status: "error", message: `The query engine could not start: ${engineStatus.message}` };
  if (!dataset) {
    if (importState === "failed") return { status: "empty" };
    return {
      status: "loading",
      message: engineStatus.state === "starting" ? "Starting the query engine…" : "Loading the sample data…",
    };
  }
  if (funnel.status === "loading") return { status: "loading", message: "Counting the funnel…" };
  if (funnel.status === "error") return { status: "error", message: funnel.message };

  return {
    status: "ready",
    funnel: funnel.data,
    datasetLabel: dataset.label,
    update: update.current,
    comparison,
    stale: funnel.stale || comparing,
    fromLastVisit: funnel.fromLastVisit,
  };
}
