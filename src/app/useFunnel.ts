// Runs the funnel query for the current data, filters and window; the latest request wins.

import { startTransition, useEffect, useRef, useState } from "react";
import { userMessage } from "../db/errors";
import { queryFunnel } from "../metrics/funnel";
import type { Funnel } from "../model/funnel";
import { type Period, previousPeriod } from "../model/period";
import { useAppStore } from "../store";
import { appEngine } from "./engine";
import { asOfFor } from "./useAsOf";

/** The previous period's funnel when "compare with previous period" is on and there is one. */
export type FunnelComparison =
  | { state: "off" }
  | { state: "unavailable"; reason: string }
  | { state: "ready"; funnel: Funnel; period: Period };

export type FunnelState =
  | { status: "loading"; message?: string }
  | { status: "error"; message: string }
  | { status: "empty" }
  | { status: "ready"; funnel: Funnel; datasetLabel: string; update: number; comparison: FunnelComparison };

// Counts answers shown, so a benchmark (or a curious user) can tell when the numbers changed.
let updates = 0;

/** `enabled` false (another screen is showing) skips the query; it runs again when it comes back. */
export function useFunnel(enabled = true): FunnelState {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const windowDays = useAppStore((s) => s.windowDays);
  const benchmarks = useAppStore((s) => s.benchmarks);
  const compare = useAppStore((s) => s.compare);
  const engineStatus = useAppStore((s) => s.engine);
  // Only while nothing is loaded does the import status matter (empty vs loading): with data loaded, an
  // import's progress must not re-ask for the numbers on screen.
  const importState = useAppStore((s) => (s.dataset ? null : s.importStatus.state));
  const [state, setState] = useState<FunnelState>({
    status: "loading",
    message: "Starting the query engine…",
  });

  // While another screen shows, a change of filters or settings leaves the numbers held stale.
  const stale = useRef(false);
  const wasEnabled = useRef(enabled);

  useEffect(() => {
    if (engineStatus.state === "failed") {
      setState({ status: "error", message: `The query engine could not start: ${engineStatus.message}` });
      return;
    }
    if (!dataset) {
      if (importState === "failed") setState({ status: "empty" });
      else
        setState({
          status: "loading",
          message:
            engineStatus.state === "starting" ? "Starting the query engine…" : "Loading the sample data…",
        });
      return;
    }
    if (!enabled) {
      // The first run after switching away changes nothing; any later run is a changed input.
      if (!wasEnabled.current) stale.current = true;
      wasEnabled.current = false;
      return;
    }
    wasEnabled.current = true;
    if (stale.current) {
      // Back on the Overview after filters changed elsewhere: say so rather than show old numbers.
      stale.current = false;
      setState({ status: "loading", message: "Updating the numbers…" });
    }
    let current = true;
    const started = performance.now();
    const comparing = async (): Promise<FunnelComparison> => {
      if (!compare) return { state: "off" };
      const previous = previousPeriod(filters, await asOfFor(dataset.version));
      if (previous === null)
        return {
          state: "unavailable",
          reason: "Choose a period (a start date) to compare with the one before it.",
        };
      const engine = await appEngine();
      const funnel = await queryFunnel(
        engine,
        { filters: { ...filters, ...previous }, windowDays },
        benchmarks,
      );
      return { state: "ready", funnel, period: previous };
    };
    Promise.all([
      appEngine().then((engine) => queryFunnel(engine, { filters, windowDays }, benchmarks)),
      comparing(),
    ]).then(
      ([funnel, comparison]) => {
        if (!current) return; // a newer request is on its way: the latest wins
        performance.measure("funnel-query", { start: started, end: performance.now() });
        // A transition: React renders the charts in slices of a few ms, so the page keeps answering
        // (no long main-thread task) while the new numbers are drawn.
        startTransition(() =>
          setState({ status: "ready", funnel, datasetLabel: dataset.label, update: ++updates, comparison }),
        );
      },
      (error: unknown) => {
        if (current) setState({ status: "error", message: userMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [enabled, dataset, filters, windowDays, benchmarks, compare, engineStatus, importState]);

  return state;
}
