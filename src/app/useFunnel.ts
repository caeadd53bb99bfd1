// Runs the funnel query for the current data, filters and window; the latest request wins.

import { useEffect, useState } from "react";
import { userMessage } from "../db/errors";
import { queryFunnel } from "../metrics/funnel";
import type { Funnel } from "../model/funnel";
import { useAppStore } from "../store";
import { appEngine } from "./engine";

export type FunnelState =
  | { status: "loading"; message?: string }
  | { status: "error"; message: string }
  | { status: "empty" }
  | { status: "ready"; funnel: Funnel; datasetLabel: string; update: number };

// Counts answers shown, so a benchmark (or a curious user) can tell when the numbers changed.
let updates = 0;

export function useFunnel(): FunnelState {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const windowDays = useAppStore((s) => s.windowDays);
  const benchmarks = useAppStore((s) => s.benchmarks);
  const engineStatus = useAppStore((s) => s.engine);
  const importStatus = useAppStore((s) => s.importStatus);
  const [state, setState] = useState<FunnelState>({
    status: "loading",
    message: "Starting the query engine…",
  });

  useEffect(() => {
    if (engineStatus.state === "failed") {
      setState({ status: "error", message: `The query engine could not start: ${engineStatus.message}` });
      return;
    }
    if (!dataset) {
      if (importStatus.state === "failed") setState({ status: "empty" });
      else
        setState({
          status: "loading",
          message:
            engineStatus.state === "starting" ? "Starting the query engine…" : "Loading the sample data…",
        });
      return;
    }
    let current = true;
    const started = performance.now();
    appEngine()
      .then((engine) => queryFunnel(engine, { filters, windowDays }, benchmarks))
      .then(
        (funnel) => {
          if (!current) return; // a newer request is on its way: the latest wins
          performance.measure("funnel-query", { start: started, end: performance.now() });
          setState({ status: "ready", funnel, datasetLabel: dataset.label, update: ++updates });
        },
        (error: unknown) => {
          if (current) setState({ status: "error", message: userMessage(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [dataset, filters, windowDays, benchmarks, engineStatus, importStatus.state]);

  return state;
}
