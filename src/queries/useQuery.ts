// How a view asks for a metric: `useQuery(metric, params)`. The shared context (filters, conversion
// window, stalled days, way of counting) comes from the store; the app's one coordinator runs it. The view gets a
// tagged state and never sees the engine.

import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { QueryCancelled, userMessage } from "../db/errors";
import type { Metric, MetricContext } from "../metrics/metric";
import type { FunnelFilters } from "../model/filters";
import { useAppStore } from "../store";
import { appCoordinator } from "./appCoordinator";
import { type Priority, queryKey } from "./coordinator";
import { answerAsked, answerDropped, answerShown } from "./counters";

export type QueryView<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  /**
   * `stale`: an answer to an earlier question (other filters) shown dimmed while the new one runs.
   * `fromLastVisit`: saved with the workspace, not yet confirmed by the engine.
   */
  | { status: "ready"; data: T; stale: boolean; fromLastVisit: boolean };

export interface QueryOptions {
  /** Other filters than the shared ones (e.g. the previous period, for a comparison). */
  filters?: FunnelFilters;
  /** false: ask nothing (the input it needs is not there yet); the last answer stays. */
  enabled?: boolean;
  priority?: Priority;
}

function useMetricContext(filters?: FunnelFilters): MetricContext {
  const shared = useAppStore((s) => s.filters);
  const windowDays = useAppStore((s) => s.windowDays);
  const stalledDays = useAppStore((s) => s.stalledDays);
  const count = useAppStore((s) => s.count);
  return useMemo(
    () => ({ filters: filters ?? shared, windowDays, stalledDays, count }),
    [filters, shared, windowDays, stalledDays, count],
  );
}

interface Shown<T> {
  key: string;
  view: QueryView<T>;
}

export function useQuery<P, T>(metric: Metric<P, T>, params: P, options: QueryOptions = {}): QueryView<T> {
  const dataset = useAppStore((s) => s.dataset);
  const ctx = useMetricContext(options.filters);
  const enabled = options.enabled ?? true;
  const priority = options.priority ?? "visible";
  const version = dataset ? dataset.identity : null;
  const key = `${version}|${queryKey(metric, ctx, params)}`;
  // The caller may pass a fresh params object each render: the key decides when to ask again.
  const paramsRef = useRef(params);
  paramsRef.current = params;

  const [shown, setShown] = useState<Shown<T> | null>(null);
  // Numbers held while the view was switched off (another screen showing) are not offered as "stale"
  // when it comes back to other filters: it says it is loading instead (README: a screen you return to
  // never shows the numbers of filters you left). Only a change made while it shows keeps them dimmed.
  const heldWhileAway = useRef(false);
  if (!enabled) heldWhileAway.current = true;
  // The answer for this very key, when the coordinator already has it: drawn in this render, so a
  // screen whose answers are cached opens with its numbers instead of a loading state.
  const cached =
    version !== null && version === appCoordinator.currentDataVersion
      ? appCoordinator.cached(metric, ctx, params)
      : undefined;

  // Counted once while this hook's latest question is unanswered on screen (README contract).
  const outstanding = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for metric, ctx and params
  useEffect(() => {
    if (!dataset || !enabled) return;
    if (
      shown?.key === key &&
      shown.view.status !== "loading" &&
      !(shown.view.status === "ready" && shown.view.fromLastVisit)
    )
      return;
    const controller = new AbortController();
    if (!outstanding.current) {
      outstanding.current = true;
      answerAsked();
    }
    appCoordinator.ask(metric, ctx, paramsRef.current, { priority, signal: controller.signal }).then(
      // A transition renders in slices, so a big view never blocks the page in one long task.
      (data) =>
        startTransition(() =>
          setShown({ key, view: { status: "ready", data, stale: false, fromLastVisit: false } }),
        ),
      (error: unknown) => {
        if (error instanceof QueryCancelled) return;
        setShown({ key, view: { status: "error", message: userMessage(error) } });
      },
    );
    return () => controller.abort();
  }, [key, enabled, priority]);

  // After the answer for the current key is rendered (effects run after the commit): off the books.
  // An answer kept from the last visit is on screen but not answered: the engine has not confirmed it.
  const answered = shown?.key === key || (cached !== undefined && !cached.fromLastVisit);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key is a new question to count
  useEffect(() => {
    if (!answered || !outstanding.current) return;
    outstanding.current = false;
    answerShown();
  }, [answered, key]);

  // A view closed before its answer came: not pending any more.
  useEffect(
    () => () => {
      if (!outstanding.current) return;
      outstanding.current = false;
      answerDropped();
    },
    [],
  );

  if (shown?.key === key) {
    if (enabled) heldWhileAway.current = false;
    return shown.view;
  }
  if (cached)
    return { status: "ready", data: cached.value, stale: false, fromLastVisit: cached.fromLastVisit };
  if (shown?.view.status === "ready" && !heldWhileAway.current) return { ...shown.view, stale: true };
  return { status: "loading" };
}
