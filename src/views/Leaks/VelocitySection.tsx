// Stage velocity: median and 75th-percentile days per step, time to convert against the 18-day reference.

import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleAbove, niceAxis, TITLE_ROOM, wrappedTick } from "../../charts/chartParts";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "../../charts/palette";
import { PROSPECT_TO_SALE_REFERENCE_DAYS, type Velocity, velocityMetric } from "../../metrics/velocity";
import { formatCount, formatHours } from "../../model/format";
import { TOO_FEW_TO_JUDGE, tooFewToJudge } from "../../model/smallNumbers";
import { STAGE_LABELS } from "../../model/stages";
import { useQuery } from "../../queries/useQuery";
import { QueryState } from "../../ui/QueryState";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { rateCell } from "./LeakCharts";

const days = (value: number | null) => (value === null ? "—" : formatHours(value * 24));

export function timeToConvertTitle(velocity: Velocity): string {
  const leadToDeal = velocity.intervals.find((i) => i.from === "lead" && i.to === "deal");
  if (!leadToDeal || leadToDeal.medianDays === null) return "No won deal with a lead date to time";
  return (
    `Lead to deal takes ${days(leadToDeal.medianDays)} (median of ${formatCount(leadToDeal.leads)} deals) ` +
    `against the ${PROSPECT_TO_SALE_REFERENCE_DAYS}-day prospect → sale reference; ` +
    `${rateCell(velocity.dealsWithinReference, velocity.deals)} closed within it`
  );
}

export function VelocitySection() {
  const state = useQuery(velocityMetric, undefined);
  return (
    <QueryState state={state} inline loading="Timing the stages…" failed="Velocity could not be shown">
      {(velocity) => <VelocityReport velocity={velocity} />}
    </QueryState>
  );
}

function VelocityReport({ velocity }: { velocity: Velocity }) {
  const table = useRef<HTMLTableElement>(null);
  const height = 260;
  return (
    <section className="velocity" aria-labelledby="velocity-title">
      <h3 id="velocity-title">Stage velocity</h3>
      <TableCsvButton table={table} label="stage velocity" />
      <table ref={table} className="data-table">
        <caption>
          Days between consecutive stages, from leads with their own date for both (a lead that skipped a
          stage adds nothing to the steps around it)
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Leads timed</th>
            <th scope="col" data-csv="Median (days)">
              Median
            </th>
            <th scope="col" data-csv="75th percentile (days)">
              75th percentile
            </th>
          </tr>
        </thead>
        <tbody>
          {velocity.intervals.map((i) => (
            <tr key={`${i.from}-${i.to}`} data-step={`${i.from}-${i.to}`}>
              <th scope="row">
                {STAGE_LABELS[i.from]} → {STAGE_LABELS[i.to]}
              </th>
              <td className="number" data-csv={i.leads}>
                {formatCount(i.leads)}
                {tooFewToJudge(i.leads) ? " (too few to judge)" : ""}
              </td>
              <td className="number" data-csv={i.medianDays ?? ""}>
                {days(i.medianDays)}
              </td>
              <td className="number" data-csv={i.p75Days ?? ""}>
                {days(i.p75Days)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChartFrame
        title={timeToConvertTitle(velocity)}
        height={height}
        plot={(width) => (
          <BarChart
            width={width}
            height={height}
            data={velocity.histogram}
            margin={{ top: TITLE_ROOM + 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid vertical={false} stroke={CHART_GRID} />
            <XAxis
              dataKey="label"
              tick={wrappedTick((width - 80) / Math.max(1, velocity.histogram.length))}
              interval={0}
              height={44}
            />
            <YAxis
              {...niceAxis(Math.max(1, ...velocity.histogram.map((b) => b.deals)))}
              tickFormatter={(v: number) => formatCount(v)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={axisTitleAbove("Won deals (count)")}
            />
            <Bar dataKey="deals" name="Won deals" fill={OKABE_ITO.blue} isAnimationActive={false}>
              {/* Each bucket's count above its bar; empty buckets are named under the chart. */}
              <LabelList
                dataKey="deals"
                position="top"
                fill={CHART_INK}
                fontSize={CHART_FONT_SIZE - 2}
                formatter={(value: unknown) => (Number(value) > 0 ? formatCount(Number(value)) : "")}
              />
            </Bar>
          </BarChart>
        )}
        notes={
          <>
            {tooFewToJudge(velocity.deals) && velocity.deals > 0 && (
              <p className="chart-notes small-sample-note">{TOO_FEW_TO_JUDGE}.</p>
            )}
            {/* Recharts draws no bar (and no label) for 0, so an empty bucket is said in words. */}
            {velocity.deals > 0 && velocity.histogram.some((b) => b.deals === 0) && (
              <p className="chart-empty-note" data-empty-buckets="true">
                No won deal took{" "}
                {velocity.histogram
                  .filter((b) => b.deals === 0)
                  .map((b) => b.label)
                  .join(", ")}
                .
              </p>
            )}
          </>
        }
        textAlternative={
          <table className="data-table">
            <caption>Won deals by days from lead to deal</caption>
            <thead>
              <tr>
                <th scope="col">Lead → deal</th>
                <th scope="col">Won deals</th>
              </tr>
            </thead>
            <tbody>
              {velocity.histogram.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td className="number">{formatCount(b.deals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <p
        className="view-note"
        data-stalled-by-stage={velocity.stalledByStage.map((s) => s.stalled).join(",")}
      >
        Stalled now (no activity past the stalled setting, not closed), by the stage they stopped at:{" "}
        {velocity.stalledByStage.map((s) => `${STAGE_LABELS[s.stage]} ${formatCount(s.stalled)}`).join(", ")}.
      </p>
    </section>
  );
}
