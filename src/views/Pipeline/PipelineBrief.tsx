// The funnel's last step, opportunity → deal, opened into the CRM's own pipeline stages: where the
// opportunities that did not become deals stopped. Shown on the Overview and the Leaks screen when the
// data holds deal stage history (issue #18, item 3); nothing otherwise.

import { pipelineMetric, pipelineTrackedMetric } from "../../metrics/pipeline";
import { formatCount } from "../../model/format";
import { type Pipeline, withoutStageSentence } from "../../model/pipeline";
import { useQuery } from "../../queries/useQuery";
import { lostPart, lostText, rateData, rateText } from "./rateText";

/** Why this table's totals need not match the funnel step it opens (an audit found them compared). */
const PER_DEAL_NOTE =
  "This table counts deals, and calls one stalled when it is open at a stage longer than that stage's own " +
  "stall line; the funnel counts leads (one per lead, however many deals it has) and calls one stalled " +
  "after the stalled threshold without activity, so the totals can differ.";

export function PipelineBrief(props: { title: string }) {
  // Asked only when the data holds stage history: the screens showing it never pay for it otherwise.
  const tracked = useQuery(pipelineTrackedMetric, undefined);
  const hasHistory = tracked.status === "ready" && tracked.data;
  const state = useQuery(pipelineMetric, undefined, { enabled: hasHistory });
  if (!hasHistory) return null;
  // Nothing to open the step into when no deal of the selection is in a stage.
  if (state.status !== "ready" || state.data.deals.placed === 0) return null;
  return <PipelineBriefTable pipeline={state.data} title={props.title} stale={state.stale} />;
}

export function PipelineBriefTable(props: { pipeline: Pipeline; title: string; stale?: boolean }) {
  const { pipeline } = props;
  const open = pipeline.stages.filter((s) => s.kind === "open");
  return (
    <details className="pipeline-brief" data-query-state={props.stale ? "stale" : "ready"}>
      <summary>{props.title}</summary>
      <table className="data-table">
        <caption>
          {formatCount(pipeline.deals.placed)} deals in the stage history for these filters:{" "}
          {formatCount(pipeline.deals.won)} won, {lostPart(pipeline.deals.lost, pipeline.lostRecorded)},{" "}
          {formatCount(pipeline.deals.open)} open. Each deal that did not win is counted once, at the furthest
          stage it reached. {withoutStageSentence(pipeline.withoutStage, pipeline.lostRecorded)}{" "}
          {PER_DEAL_NOTE}
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Reached</th>
            <th scope="col">Lost here</th>
            <th scope="col">Open here (stalled)</th>
            <th scope="col">Conversion from the stage before</th>
          </tr>
        </thead>
        <tbody>
          {open.map((s) => (
            <tr key={s.position} data-brief-stage={s.stage}>
              <th scope="row">{s.stage}</th>
              <td className="number">{formatCount(s.reached)}</td>
              <td className="number" data-metric="lost" data-value={pipeline.lostRecorded ? s.lost : ""}>
                {lostText(s.lost, pipeline.lostRecorded, formatCount)}
              </td>
              <td className="number">
                {formatCount(s.open)}
                {s.stalled !== null && s.stalled > 0 ? ` (${formatCount(s.stalled)} stalled)` : ""}
              </td>
              <td className="number" data-value={rateData(s.stepConversion)}>
                {rateText(s.stepConversion)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
