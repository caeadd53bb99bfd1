// The leak chart (stacked bars per step by reason) and the same numbers as a flow (Sankey).

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Sankey,
  type SankeyNodeProps,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleAbove, inkLegend, niceAxis, TITLE_ROOM, wrappedTick } from "../../charts/chartParts";
import { textWidth } from "../../charts/labelLayout";
import {
  BAND_FILL,
  CHART_FONT_SIZE,
  CHART_GRID,
  CHART_INK,
  CHART_MUTED_INK,
  OKABE_ITO,
} from "../../charts/palette";
import { formatCount, formatRateWithCounts } from "../../model/format";
import {
  type LeakStep,
  type Leaks,
  leaksUnit,
  STOP_REASON_LABELS,
  STOP_REASONS,
  type StopReason,
} from "../../model/leaks";
import { TOO_FEW_TO_JUDGE, tooFewToJudge } from "../../model/smallNumbers";
import { STAGE_LABELS, STAGE_PLURALS, unitNoun } from "../../model/stages";

export const REASON_COLORS: Record<StopReason, string> = {
  lost: OKABE_ITO.vermillion,
  rejected: OKABE_ITO.reddishPurple,
  never_contacted: OKABE_ITO.orange,
  stalled: OKABE_ITO.blue,
  in_progress: BAND_FILL,
};

export const stepLabel = (step: Pick<LeakStep, "from" | "to">): string =>
  `${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]}`;

/** How many stopped at a step for a reason (in progress included, as its own segment). */
export function stopCount(step: LeakStep, reason: StopReason): number {
  return reason === "in_progress" ? step.inProgress : step.reasons[reason];
}

export type LeakBar = { step: string } & Record<StopReason, number>;

export function leakBars(leaks: Leaks): LeakBar[] {
  return leaks.steps.map((step) => {
    const bar = { step: stepLabel(step) } as LeakBar;
    for (const reason of STOP_REASONS) bar[reason] = stopCount(step, reason);
    return bar;
  });
}

/** "12 leads leaked in all; the most at SQL → Opportunity: 2 of 5 SQLs" — what the chart shows. */
export function leakChartTitle(leaks: Leaks): string {
  const total = leaks.steps.reduce((sum, s) => sum + s.leaked, 0);
  const most = [...leaks.steps].sort((a, b) => b.leaked - a.leaked)[0];
  if (!most || total === 0) return "No lead has leaked: every lead advanced or is still in progress";
  return (
    `${formatCount(total)} ${total === 1 ? "lead" : "leads"} leaked in all; the most at ${stepLabel(most)}: ` +
    `${formatCount(most.leaked)} of ${formatCount(most.entered)} ${STAGE_PLURALS[most.from]}`
  );
}

/** A rate with its counts, flagged when it rests on fewer than 20 leads. */
export function rateCell(numerator: number, denominator: number): string {
  const text = formatRateWithCounts(numerator, denominator);
  return tooFewToJudge(denominator) ? `${text} (too few to judge)` : text;
}

export function LeakTable(props: { leaks: Leaks }) {
  return (
    <table className="data-table leak-table">
      <caption>{unitNoun(leaksUnit(props.leaks), 2, true)} that stopped at each step, by reason</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Entered</th>
          <th scope="col">Converted</th>
          {STOP_REASONS.map((reason) => (
            <th key={reason} scope="col">
              {STOP_REASON_LABELS[reason]}
            </th>
          ))}
          <th scope="col">Leaked</th>
        </tr>
      </thead>
      <tbody>
        {props.leaks.steps.map((step) => (
          <tr key={step.from} data-step={step.from} data-leaked={step.leaked}>
            <th scope="row">{stepLabel(step)}</th>
            <td className="number">{formatCount(step.entered)}</td>
            <td className="number">{rateCell(step.converted, step.entered)}</td>
            {STOP_REASONS.map((reason) => (
              <td key={reason} className="number" data-reason={reason} data-value={stopCount(step, reason)}>
                {formatCount(stopCount(step, reason))}
              </td>
            ))}
            <td className="number">{rateCell(step.leaked, step.entered)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `height`: the plot's height when a slide sizes it (else 320 px). */
export function LeakChart(props: { leaks: Leaks; height?: number }) {
  const bars = leakBars(props.leaks);
  const small = props.leaks.steps.filter((s) => tooFewToJudge(s.entered));
  const height = props.height ?? 320;
  return (
    <ChartFrame
      className="leak-chart"
      title={leakChartTitle(props.leaks)}
      height={height}
      plot={(width) => (
        <BarChart
          width={width}
          height={height}
          data={bars}
          margin={{ top: TITLE_ROOM, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke={CHART_GRID} />
          <XAxis
            dataKey="step"
            tick={wrappedTick((width - 80) / Math.max(1, bars.length))}
            interval={0}
            height={44}
          />
          <YAxis
            {...niceAxis(Math.max(1, ...bars.map((b) => STOP_REASONS.reduce((n, r) => n + b[r], 0))))}
            tickFormatter={(value: number) => formatCount(value)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={axisTitleAbove(`${unitNoun(leaksUnit(props.leaks), 2, true)} that stopped (count)`)}
          />
          <Tooltip formatter={(value) => formatCount(Number(value))} />
          <Legend verticalAlign="bottom" {...inkLegend} />
          {STOP_REASONS.map((reason) => (
            <Bar
              key={reason}
              dataKey={reason}
              name={STOP_REASON_LABELS[reason]}
              stackId="stopped"
              fill={REASON_COLORS[reason]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
      notes={
        <div className="chart-notes">
          <p>Still in progress (grey) is shown for context and never counted as leaked.</p>
          {small.length > 0 && (
            <p className="small-sample-note" data-small-sample="true">
              {TOO_FEW_TO_JUDGE}:{" "}
              {small.map((s) => `${stepLabel(s)} starts from ${formatCount(s.entered)}`).join(", ")}.
            </p>
          )}
        </div>
      }
      textAlternative={<LeakTable leaks={props.leaks} />}
    />
  );
}

interface FlowNode {
  name: string;
}
interface FlowLink {
  source: number;
  target: number;
  value: number;
}

/** Stage nodes in order, then one exit node per reason; links with no leads are left out. */
export function leakFlow(leaks: Leaks): { nodes: FlowNode[]; links: FlowLink[] } {
  const stages = leaks.steps.length > 0 ? [leaks.steps[0]?.from, ...leaks.steps.map((s) => s.to)] : [];
  const nodes: FlowNode[] = stages.map((stage) => ({ name: stage ? STAGE_LABELS[stage] : "" }));
  const links: FlowLink[] = [];
  const exitIndex = new Map<StopReason, number>();
  leaks.steps.forEach((step, i) => {
    if (step.converted > 0) links.push({ source: i, target: i + 1, value: step.converted });
    for (const reason of STOP_REASONS) {
      const value = stopCount(step, reason);
      if (value === 0) continue;
      let target = exitIndex.get(reason);
      if (target === undefined) {
        target = nodes.length;
        nodes.push({ name: STOP_REASON_LABELS[reason] });
        exitIndex.set(reason, target);
      }
      links.push({ source: i, target, value });
    }
  });
  return { nodes, links };
}

function FlowNodeShape(props: SankeyNodeProps) {
  const { x, y, width, height, payload } = props;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={OKABE_ITO.blue} />
      <text
        x={x + width + 6}
        y={y + height / 2}
        dominantBaseline="middle"
        fontSize={CHART_FONT_SIZE - 2}
        fill={CHART_INK}
      >
        {`${String(payload.name)} · ${formatCount(Number(payload.value))}`}
      </text>
    </g>
  );
}

export function LeakFlow(props: { leaks: Leaks }) {
  const flow = leakFlow(props.leaks);
  const height = 360;
  const labelRoom =
    Math.ceil(
      Math.max(60, ...flow.nodes.map((n) => textWidth(`${n.name} · 0,000,000`, CHART_FONT_SIZE - 2))),
    ) + 12;
  const first = props.leaks.steps[0];
  const last = props.leaks.steps[props.leaks.steps.length - 1];
  const title =
    first && last
      ? `Of ${formatCount(first.entered)} ${STAGE_PLURALS[first.from]}, ${formatCount(last.converted)} reached ${STAGE_LABELS[last.to]}; the rest left the funnel by these routes`
      : "No funnel steps are tracked in this data";
  return (
    <ChartFrame
      className="leak-flow"
      title={title}
      height={height}
      plot={(width) =>
        flow.links.length > 0 && (
          <Sankey
            width={width}
            height={height}
            data={flow}
            nodePadding={24}
            // Room on the right for the widest exit label, measured, so none is cut at the edge.
            margin={{ top: 16, right: labelRoom, bottom: 16, left: 16 }}
            // Muted ink at 0.7 keeps every ribbon at 3:1 or more against the card in both themes.
            link={{ stroke: CHART_MUTED_INK, strokeOpacity: 0.7 }}
            node={FlowNodeShape}
          >
            <Tooltip formatter={(value) => formatCount(Number(value))} />
          </Sankey>
        )
      }
      textAlternative={
        <table className="data-table">
          <caption>Flows between stages and out of the funnel</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Leads</th>
            </tr>
          </thead>
          <tbody>
            {flow.links.map((link) => (
              <tr key={`${link.source}-${link.target}`}>
                <td>{flow.nodes[link.source]?.name}</td>
                <td>{flow.nodes[link.target]?.name}</td>
                <td className="number">{formatCount(link.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
