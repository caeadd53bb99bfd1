// Deals (or pipeline value) reaching each stage, with what was lost at each: a bar per stage.

import { ChartFrame } from "../../charts/ChartFrame";
import { HorizontalBarPlot } from "../../charts/HorizontalBarPlot";
import { OKABE_ITO } from "../../charts/palette";
import { niceTicks } from "../../charts/scale";
import { formatCount, formatMoney } from "../../model/format";
import type { Pipeline } from "../../model/pipeline";

export type PipelineMeasure = "deals" | "value";

/** `height`: the plot's height when a slide sizes it (else from the number of stages). */
export function StageChart(props: { pipeline: Pipeline; measure: PipelineMeasure; height?: number }) {
  const { pipeline, measure } = props;
  const byValue = measure === "value";
  const bars = pipeline.stages.map((s) => ({
    stage: s.stage,
    reached: byValue ? s.reachedValue : s.reached,
    lost: byValue ? s.lostValue : s.lost,
  }));
  const format = byValue ? formatMoney : formatCount;
  const first = bars[0];
  const last = bars[bars.length - 1];
  const title =
    first && last && first !== last
      ? `${format(first.reached)} ${byValue ? "in pipeline value" : "deals"} entered ${first.stage}; ` +
        `${format(last.reached)} reached ${last.stage}`
      : "Deals by stage";
  const height = props.height ?? 56 + bars.length * 44;
  return (
    <ChartFrame
      title={title}
      height={height}
      plot={(width) => (
        <HorizontalBarPlot
          width={width}
          height={height}
          rows={bars.map((bar) => ({
            key: bar.stage,
            label: bar.stage,
            value: bar.reached,
            fill: OKABE_ITO.blue,
            endLabel:
              bar.lost > 0 ? `${format(bar.reached)} · lost ${format(bar.lost)}` : format(bar.reached),
          }))}
          ticks={niceTicks(Math.max(1, ...bars.map((b) => b.reached)))}
          formatTick={format}
          axisTitle={
            byValue ? "Pipeline value reaching the stage (sum of deal amounts)" : "Deals reaching the stage"
          }
          categoryWidth={150}
          endLabelWidth={150}
          barSize={24}
          withGhosts={false}
        />
      )}
      notes={
        byValue && pipeline.stages.some((s) => s.reachedWithAmount < s.reached) ? (
          <p className="chart-notes">
            Deals without an amount add nothing to the value:{" "}
            {pipeline.stages
              .filter((s) => s.reachedWithAmount < s.reached)
              .map((s) => `${s.stage} ${formatCount(s.reached - s.reachedWithAmount)}`)
              .join(", ")}
            .
          </p>
        ) : undefined
      }
      textAlternative={
        <table className="data-table">
          <caption>{byValue ? "Pipeline value by stage" : "Deals by stage"}</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Reached</th>
              <th scope="col">Lost here</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.stage}>
                <th scope="row">{b.stage}</th>
                <td className="number">{format(b.reached)}</td>
                <td className="number">{format(b.lost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
