// The loaded data's last day, asked once per dataset (a metric that uses no filters) and shared by the
// date presets and the comparisons.

import type { MetricContext } from "../metrics/metric";
import { asOfMetric } from "../metrics/segments";
import { useAppStore } from "../store";
import { appCoordinator } from "./appCoordinator";
import { useQuery } from "./useQuery";

/** Undefined while asking; null when the data has no dated record (or it could not be read). */
export function useAsOf(): string | null | undefined {
  const state = useQuery(asOfMetric, undefined);
  if (state.status === "error") return null;
  return state.status === "ready" && !state.stale ? state.data : undefined;
}

/** The as-of day outside React (the comparison needs it before it can ask for the previous period). */
export function asOfNow(ctx: MetricContext, signal?: AbortSignal): Promise<string | null> {
  if (!useAppStore.getState().dataset) return Promise.resolve(null);
  return appCoordinator.ask(asOfMetric, ctx, undefined, { signal });
}
