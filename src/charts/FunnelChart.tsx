// The stage funnel: leads reached per tracked stage as horizontal bars, with step and cumulative rates.

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "../model/format";
import type { Funnel, FunnelStageRow } from "../model/funnel";
import { STAGE_LABELS, STAGE_PLURALS, type Stage } from "../model/stages";
import { ChartFrame } from "./ChartFrame";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "./palette";

interface FunnelBar {
  label: string;
  reached: number;
  barLabel: string;
}

const ROW_HEIGHT = 56;

function stageNoun(stage: Stage, count: number): string {
  if (count !== 1) return STAGE_PLURALS[stage];
  const label = STAGE_LABELS[stage];
  return label === label.toUpperCase() ? label : label.toLowerCase();
}

/** "1,000 · 20.0 % step · 20.0 % cumulative"; the first tracked stage shows its count only. */
function barLabel(row: FunnelStageRow): string {
  const parts = [formatCount(row.reached)];
  if (row.stepConversion !== null) parts.push(`${formatPercent(row.stepConversion)} step`);
  if (row.cumulativeConversion !== null) parts.push(`${formatPercent(row.cumulativeConversion)} cumulative`);
  return parts.join(" · ");
}

export function funnelBars(funnel: Funnel): FunnelBar[] {
  return funnel.stages
    .filter((row) => row.tracked && row.reached !== null)
    .map((row) => ({ label: row.label, reached: row.reached ?? 0, barLabel: barLabel(row) }));
}

/** "5,000 leads became 9 deals: 0.2 % overall" — the finding the chart shows. */
export function funnelChartTitle(funnel: Funnel): string {
  const tracked = funnel.stages.filter((row) => row.tracked);
  const first = tracked[0];
  const last = tracked[tracked.length - 1];
  if (!first || first.reached === null) return "No funnel stage is tracked in this data";
  if (!last || last === first || last.reached === null) {
    return `Only ${first.label} is tracked: ${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)}`;
  }
  const overall =
    last.cumulativeConversion === null ? "" : `: ${formatPercent(last.cumulativeConversion)} overall`;
  return (
    `${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)} became ` +
    `${formatCount(last.reached)} ${stageNoun(last.stage, last.reached)}${overall}`
  );
}

function FunnelNotes(props: { funnel: Funnel }) {
  const skipped = props.funnel.stages.filter((row) => row.tracked && row.skipped > 0);
  const untracked = props.funnel.stages.filter((row) => !row.tracked);
  if (skipped.length === 0 && untracked.length === 0) return null;
  return (
    <div className="chart-notes">
      {skipped.length > 0 && (
        <p>
          Skipped stages count as passed:{" "}
          {skipped.map((row) => `${formatCount(row.skipped)} skipped ${row.label}`).join(", ")}.
        </p>
      )}
      {untracked.length > 0 && (
        <p>
          Not tracked: {untracked.map((row) => row.label).join(", ")}. No lead in this data has a date for{" "}
          {untracked.length === 1 ? "this stage" : "these stages"}, so the funnel skips{" "}
          {untracked.length === 1 ? "it" : "them"} and shows no rate through{" "}
          {untracked.length === 1 ? "it" : "them"}.
        </p>
      )}
    </div>
  );
}

function FunnelTable(props: { funnel: Funnel }) {
  return (
    <table className="data-table">
      <caption>Leads reached per stage</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Reached</th>
          <th scope="col">Skipped</th>
          <th scope="col">Step conversion</th>
          <th scope="col">Cumulative conversion</th>
        </tr>
      </thead>
      <tbody>
        {props.funnel.stages.map((row) => (
          <tr key={row.stage} data-stage={row.stage}>
            <th scope="row">{row.label}</th>
            {row.tracked ? (
              <>
                <td className="number">{formatCount(row.reached)}</td>
                <td className="number">{formatCount(row.skipped)}</td>
                <td className="number">{formatPercent(row.stepConversion)}</td>
                <td className="number">{formatPercent(row.cumulativeConversion)}</td>
              </>
            ) : (
              <td colSpan={4}>Not tracked</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FunnelChart(props: { funnel: Funnel; width?: number; height?: number }) {
  const bars = funnelBars(props.funnel);
  const height = props.height ?? Math.max(160, bars.length * ROW_HEIGHT + 64);
  return (
    <ChartFrame
      className="funnel-chart"
      title={funnelChartTitle(props.funnel)}
      width={props.width}
      height={height}
      plot={(width) =>
        bars.length > 0 && (
          <BarChart
            width={width}
            height={height}
            data={bars}
            layout="vertical"
            margin={{ top: 8, right: Math.min(240, Math.round(width * 0.42)), bottom: 32, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={CHART_GRID} />
            <XAxis
              type="number"
              tickFormatter={(value: number) => formatCount(value)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={{
                value: "Leads reached (count)",
                position: "insideBottom",
                offset: -20,
                fill: CHART_INK,
                fontSize: CHART_FONT_SIZE,
              }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={Math.min(112, Math.round(width * 0.25))}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            />
            <Bar dataKey="reached" name="Leads reached" fill={OKABE_ITO.blue} isAnimationActive={false}>
              <LabelList dataKey="barLabel" position="right" fill={CHART_INK} fontSize={CHART_FONT_SIZE} />
            </Bar>
          </BarChart>
        )
      }
      notes={<FunnelNotes funnel={props.funnel} />}
      textAlternative={<FunnelTable funnel={props.funnel} />}
    />
  );
}
