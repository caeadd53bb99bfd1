// The Alignment screen: the marketing → sales hand-off per team (SLA, acceptance, alignment score, win
// rate), what meeting the SLA and contacting fast do to outcomes, mis-routed leads, and the SLA targets.
// A hand-off part the data never records is "not tracked": never shown as met, missed or 0 %.

import { useCallback } from "react";
import type { MetricContext } from "../../app/useMetric";
import { useMetric } from "../../app/useMetric";
import type { SqlEngine } from "../../db/engine";
import { queryAlignment } from "../../metrics/alignment";
import { useAppStore } from "../../store";
import { AlignmentReport } from "./AlignmentReport";
import { SlaSettings } from "./SlaSettings";

export function AlignmentView() {
  const settings = useAppStore((s) => s.alignment);
  const run = useCallback(
    (engine: SqlEngine, context: MetricContext) =>
      queryAlignment(engine, { filters: context.filters }, settings),
    [settings],
  );
  const state = useMetric(run, [run]);
  if (state.status === "loading")
    return (
      <div className="view-state" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>Measuring the hand-off…</p>
      </div>
    );
  if (state.status === "error")
    return (
      <div className="view-state view-state-error" role="alert">
        <h2>The hand-off could not be measured</h2>
        <p>{state.message}</p>
      </div>
    );
  return (
    <div className="overview alignment">
      <AlignmentReport alignment={state.data} settings={settings} />
      <SlaSettings />
    </div>
  );
}
