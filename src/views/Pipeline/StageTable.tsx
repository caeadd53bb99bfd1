// The pipeline stage by stage: reached, moved on, lost, open, stalled, conversion and days in stage.
// Contract (README): each row carries data-deal-stage, each figure data-metric and data-value.

import { useRef } from "react";
import { formatCount, formatMoney } from "../../model/format";
import type { Pipeline, PipelineStageRow } from "../../model/pipeline";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { daysText, lostText, NOT_TRACKED, rateData, rateText } from "./rateText";

/** A count cell; `notTracked`: the data does not record what it counts (empty data-value, said in words). */
function Count(props: { metric: string; value: number | null; note?: string; notTracked?: boolean }) {
  const value = props.notTracked ? null : props.value;
  return (
    <td className="number" data-metric={props.metric} data-value={value ?? ""} data-csv={value ?? ""}>
      {props.notTracked ? NOT_TRACKED : formatCount(value)}
      {props.note ? <span className="cell-note"> {props.note}</span> : null}
    </td>
  );
}

function Row(props: { row: PipelineStageRow; lostRecorded: boolean; amountRecorded: boolean }) {
  const { row, lostRecorded, amountRecorded } = props;
  const won = row.kind === "won";
  return (
    <tr data-deal-stage={row.stage}>
      <th scope="row">{row.stage}</th>
      <Count
        metric="reached"
        value={row.reached}
        note={row.skipped > 0 ? `(${formatCount(row.skipped)} skipped through)` : undefined}
      />
      <Count metric="moved_on" value={won ? null : row.movedOn} />
      <Count metric="lost" value={won ? null : row.lost} notTracked={!won && !lostRecorded} />
      <Count metric="open" value={won ? null : row.open} />
      <Count metric="stalled" value={won ? null : row.stalled} />
      <td
        className="number"
        data-metric="step_conversion"
        data-value={rateData(row.stepConversion)}
        data-csv={rateData(row.stepConversion)}
      >
        {rateText(row.stepConversion)}
      </td>
      <td
        className="number"
        data-metric="cumulative_conversion"
        data-value={rateData(row.cumulativeConversion)}
      >
        {rateText(row.cumulativeConversion)}
      </td>
      <td
        className="number"
        data-metric="median_days"
        data-value={row.days.median ?? ""}
        data-csv={row.days.median ?? ""}
      >
        {won ? "—" : daysText(row.days.median)}
      </td>
      <td className="number" data-csv={row.days.p75 ?? ""}>
        {won ? "—" : daysText(row.days.p75)}
      </td>
      <td className="number" data-csv={row.days.p90 ?? ""}>
        {won ? "—" : daysText(row.days.p90)}
      </td>
      <td className="number" data-metric="stall_line_days" data-value={row.stallLineDays ?? ""}>
        {won ? "—" : daysText(row.stallLineDays)}
      </td>
      <td className="number" data-metric="reached_value" data-value={amountRecorded ? row.reachedValue : ""}>
        {amountRecorded ? formatMoney(row.reachedValue) : NOT_TRACKED}
      </td>
      <td
        className="number"
        data-metric="lost_value"
        data-value={won || !lostRecorded || !amountRecorded ? "" : row.lostValue}
      >
        {won ? "—" : amountRecorded ? lostText(row.lostValue, lostRecorded, formatMoney) : NOT_TRACKED}
      </td>
    </tr>
  );
}

export function StageTable({ pipeline }: { pipeline: Pipeline }) {
  const table = useRef<HTMLTableElement>(null);
  return (
    <section aria-labelledby="pipeline-stages-title">
      <h3 id="pipeline-stages-title">Stage by stage</h3>
      <TableCsvButton table={table} label="pipeline stages" />
      <div className="table-scroll">
        <table ref={table} className="data-table pipeline-stages">
          <caption>
            A deal reached a stage if it has a date for it or for any later stage (a stage passed without a
            date counts as skipped through). Lost: closed lost while this was its furthest stage. Stalled:
            open here longer than the stage's own 75th-percentile days in stage (the stall line).
          </caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Reached</th>
              <th scope="col">Moved on</th>
              <th scope="col">Lost here</th>
              <th scope="col">Open here</th>
              <th scope="col">Stalled now</th>
              <th scope="col">Conversion from the stage before</th>
              <th scope="col">From the first stage</th>
              <th scope="col" data-csv="Median days in stage">
                Median days
              </th>
              <th scope="col" data-csv="75th percentile days in stage">
                p75 days
              </th>
              <th scope="col" data-csv="90th percentile days in stage">
                p90 days
              </th>
              <th scope="col" data-csv="Stall line (days)">
                Stall line
              </th>
              <th scope="col">Pipeline value reached</th>
              <th scope="col">Value lost here</th>
            </tr>
          </thead>
          <tbody>
            {pipeline.stages.map((row) => (
              <Row
                key={row.position}
                row={row}
                lostRecorded={pipeline.lostRecorded}
                amountRecorded={pipeline.amountRecorded}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
