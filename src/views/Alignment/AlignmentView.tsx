// The Alignment screen: the marketing → sales hand-off per team (SLA, acceptance, alignment score, win
// rate), what meeting the SLA and contacting fast do to outcomes, mis-routed leads, and the SLA targets.
// A hand-off part the data never records is "not tracked": never shown as met, missed or 0 %.

import { alignmentMetric } from "../../metrics/alignment";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { QueryState } from "../../ui/QueryState";
import { AlignmentReport } from "./AlignmentReport";
import { SlaSettings } from "./SlaSettings";

export function AlignmentView() {
  const settings = useAppStore((s) => s.alignment);
  const state = useQuery(alignmentMetric, settings);
  return (
    <QueryState state={state} loading="Measuring the hand-off…" failed="The hand-off could not be measured">
      {(alignment) => (
        <div className="overview alignment">
          <AlignmentReport alignment={alignment} settings={settings} />
          <SlaSettings />
        </div>
      )}
    </QueryState>
  );
}
