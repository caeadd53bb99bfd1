// The Campaigns screen's two charts: MQL yield with its interval, and volume against yield by quadrant.

import {
  Bar,
  BarChart,
  CartesianGrid,
  Customized,
  ErrorBar,
  LabelList,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Text,
  type TextProps,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleAbove, axisTitleBelow, niceAxis, TITLE_ROOM } from "../../charts/chartParts";
import { type LabelBox, placePointLabels, textWidth } from "../../charts/labelLayout";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, CHART_MUTED_INK, OKABE_ITO } from "../../charts/palette";
import {
  CAMPAIGN_DIMENSION_LABELS,
  type CampaignReport,
  formatCredit,
  formatCreditRate,
  judgedRows,
  median,
  mqlYieldNotTracked,
  overallYield,
  quadrantOf,
} from "../../model/campaigns";
import { type CategoryText, categoryLabeller } from "../../model/categoryText";
import { formatPercent } from "../../model/format";

const ROW_HEIGHT = 34;

/** The report's names as shown (tidied over the whole report, so the table and both charts agree). */
function reportLabeller(report: CampaignReport): (name: string) => CategoryText {
  return categoryLabeller(report.rows.map((r) => r.name));
}

/** A table's row header: the shown name, the stored one in its tooltip and the chart's CSV when they differ. */
function NameHeader(props: { shown: CategoryText }) {
  return (
    <th scope="row" title={props.shown.title ?? undefined} data-csv={props.shown.title ?? undefined}>
      {props.shown.text}
    </th>
  );
}

/**
 * A category axis tick drawn as Recharts draws it (same Text, same wrapping) with the shown name, and
 * the stored name in an SVG <title> (the tooltip) when it was tidied.
 */
function categoryTick(label: (name: string) => CategoryText, fontSize: number) {
  return (props: TextProps & { payload?: { value?: unknown } }) => {
    const { payload, ...textProps } = props;
    const shown = label(String(payload?.value ?? ""));
    return (
      <g className="chart-category-tick">
        {shown.title !== null && <title>{shown.title}</title>}
        <Text {...textProps} fontSize={fontSize} fill={CHART_INK}>
          {shown.text}
        </Text>
      </g>
    );
  };
}

function intervalText(low: number, high: number): string {
  return `${formatPercent(low)}–${formatPercent(high)}`;
}

/**
 * The yield chart's finding: the best yield among the rows with enough leads to judge, only when at
 * least two such rows are compared (one row with enough leads is best of nothing).
 */
export function yieldChartTitle(report: CampaignReport): string {
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension].toLowerCase();
  if (!report.tracked.mql) return mqlYieldNotTracked(report.dimension);
  const judged = judgedRows(report);
  const best = judged[0];
  if (!best || judged.length < 2)
    return `MQL yield by ${noun}: too few to judge (fewer than two ${noun}s with enough leads to compare)`;
  return `${reportLabeller(report)(best.name).text} has the best MQL yield of the ${noun}s with enough leads to judge: ${formatPercent(best.mqlYield)}`;
}

/** `height`: the plot's height when a slide sizes it (else from the number of rows). */
export function YieldChart(props: { report: CampaignReport; height?: number }) {
  const { report } = props;
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension];
  const label = reportLabeller(report);
  const rows = [...report.rows]
    .filter((r) => r.mqlYield !== null)
    .sort((a, b) => (b.mqlYield ?? 0) - (a.mqlYield ?? 0));
  const data = rows.map((r) => ({
    name: r.name,
    mqlYield: r.mqlYield ?? 0,
    // ErrorBar takes the distance below and above the value.
    error: [
      (r.mqlYield ?? 0) - (r.mqlYieldInterval?.low ?? 0),
      (r.mqlYieldInterval?.high ?? 0) - (r.mqlYield ?? 0),
    ],
    label: `${formatPercent(r.mqlYield)}${r.tooSmallToJudge ? " · too small to judge" : ""}`,
    small: r.tooSmallToJudge,
  }));
  const height = props.height ?? Math.max(160, data.length * ROW_HEIGHT + 60);
  const labelSize = CHART_FONT_SIZE - 2;
  const labelRoom = Math.max(40, ...data.map((d) => textWidth(d.label, labelSize))) + 12;
  const percentAxis = niceAxis(1);
  return (
    <ChartFrame
      title={yieldChartTitle(report)}
      height={height}
      plot={(width) => {
        // The plot's geometry, so each label starts after its whisker's end (never under it).
        const margin = {
          top: 8,
          right: Math.min(Math.round(labelRoom), Math.round(width * 0.4)),
          bottom: 28,
          left: 8,
        };
        const categoryWidth = Math.min(240, Math.round(width * 0.35));
        const plotLeft = margin.left + categoryWidth;
        const plotWidth = Math.max(10, width - plotLeft - margin.right);
        const xOf = (value: number) => plotLeft + Math.min(1, Math.max(0, value)) * plotWidth;
        return (
          <BarChart width={width} height={height} data={data} layout="vertical" margin={margin}>
            <CartesianGrid horizontal={false} stroke={CHART_GRID} />
            <XAxis
              type="number"
              domain={percentAxis.domain}
              ticks={percentAxis.ticks}
              tickFormatter={(v: number) => formatPercent(v)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={axisTitleBelow("MQL yield (% of leads), 95 % interval")}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={categoryWidth}
              tick={categoryTick(label, CHART_FONT_SIZE - 2)}
            />
            <Bar
              dataKey="mqlYield"
              name="MQL yield"
              fill={OKABE_ITO.blue}
              barSize={16}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="error" direction="x" width={6} stroke={CHART_INK} />
              <LabelList
                dataKey="label"
                content={(label) => {
                  const row = data[Number(label.index)];
                  if (!row) return null;
                  const end = Math.max(row.mqlYield, row.mqlYield + (row.error[1] ?? 0));
                  return (
                    <text
                      className="chart-bar-label"
                      x={xOf(end) + 8}
                      y={Number(label.y ?? 0) + Number(label.height ?? 0) / 2}
                      dy={4}
                      fontSize={labelSize}
                      fill={CHART_INK}
                    >
                      {row.label}
                    </text>
                  );
                }}
              />
            </Bar>
          </BarChart>
        );
      }}
      notes={
        <p className="chart-notes">
          Whiskers show the 95 % Wilson interval. A {noun.toLowerCase()} with fewer than 20 leads or an
          interval wider than 20 points is marked too small to judge and never named as best or worst.
        </p>
      }
      textAlternative={
        <table className="data-table">
          <caption>MQL yield by {noun.toLowerCase()}, best first</caption>
          <thead>
            <tr>
              <th scope="col">{noun}</th>
              <th scope="col">MQL yield</th>
              <th scope="col">95 % interval</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <NameHeader shown={label(r.name)} />
                <td className="number">{formatCreditRate(r.mqls, r.leads)}</td>
                <td className="number">
                  {r.mqlYieldInterval ? intervalText(r.mqlYieldInterval.low, r.mqlYieldInterval.high) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function VolumeYieldChart(props: { report: CampaignReport }) {
  const { report } = props;
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension].toLowerCase();
  const label = reportLabeller(report);
  // A point label's tooltip: the stored name, when the label shows it tidied.
  const labelTitle = (name: string) => {
    const stored = label(name).title;
    return stored === null ? null : <title>{stored}</title>;
  };
  const medianLeads = median(report.rows.map((r) => r.leads));
  const overall = overallYield(report);
  const leadsAxis = niceAxis(Math.max(1, ...report.rows.map((r) => r.leads)) * 1.05);
  const maxLeads = leadsAxis.domain[1];
  const points = report.rows
    .filter((r) => r.mqlYield !== null)
    .map((r) => ({
      name: r.name,
      shown: label(r.name),
      leads: r.leads,
      mqlYield: r.mqlYield ?? 0,
      // A row too small to judge is drawn but never placed in a quadrant: that would compare it.
      quadrant: r.tooSmallToJudge ? "too small to judge" : quadrantOf(r, medianLeads, overall),
    }));
  const troubled = points.filter((p) => p.quadrant === "high volume, low yield").map((p) => p.shown.text);
  const judged = judgedRows(report).length;
  const height = 380;
  const percentAxis = niceAxis(1);
  const margin = { top: TITLE_ROOM + 6, right: 24, bottom: 40, left: 8 };
  const yAxisWidth = 64;
  const xAxisHeight = 30;
  return (
    <ChartFrame
      title={
        judged < 2
          ? `Volume against MQL yield: too few to judge (fewer than two ${noun}s with enough leads to compare)`
          : troubled.length > 0
            ? `High volume, low yield: ${troubled.join(", ")}`
            : `No ${noun} with enough leads combines above-median volume with below-average yield`
      }
      height={height}
      plot={(width) => {
        // The plot area in px, as Recharts lays it out from these margins and axis sizes: the labels
        // are placed here, measured, so none overlaps another, a marker or a quadrant's name.
        const plot = {
          x: margin.left + yAxisWidth,
          y: margin.top,
          width: Math.max(10, width - margin.left - yAxisWidth - margin.right),
          height: Math.max(10, height - margin.top - margin.bottom - xAxisHeight),
        };
        const xOf = (leads: number) => plot.x + (leads / maxLeads) * plot.width;
        const yOf = (value: number) => plot.y + (1 - value) * plot.height;
        const cornerSize = CHART_FONT_SIZE - 2;
        const corners = [
          { text: "low volume, high yield", anchor: "start" as const, x: plot.x + 6, y: plot.y + 4 },
          {
            text: "high volume, high yield",
            anchor: "end" as const,
            x: plot.x + plot.width - 6,
            y: plot.y + 4,
          },
          {
            text: "low volume, low yield",
            anchor: "start" as const,
            x: plot.x + 6,
            y: plot.y + plot.height - 20,
          },
          {
            text: "high volume, low yield",
            anchor: "end" as const,
            x: plot.x + plot.width - 6,
            y: plot.y + plot.height - 20,
          },
        ].map((c) => {
          const w = textWidth(c.text, cornerSize);
          const box: LabelBox = { x: c.anchor === "end" ? c.x - w : c.x, y: c.y, width: w, height: 16 };
          return { ...c, box };
        });
        const labelSize = CHART_FONT_SIZE - 2;
        const placed = placePointLabels(
          points.map((p) => ({
            id: p.name,
            x: xOf(p.leads),
            y: yOf(p.mqlYield),
            text: p.shown.text,
            // The quadrant the title names first, then the biggest campaigns.
            priority: (p.quadrant === "high volume, low yield" ? 1e9 : 0) + p.leads,
          })),
          {
            fontSize: labelSize,
            bounds: plot,
            radius: 6,
            limit: 8,
            taken: corners.map((c) => c.box),
          },
        );
        return (
          <ScatterChart width={width} height={height} margin={margin}>
            <CartesianGrid stroke={CHART_GRID} />
            <XAxis
              type="number"
              dataKey="leads"
              name="Leads"
              domain={leadsAxis.domain}
              ticks={leadsAxis.ticks}
              height={xAxisHeight}
              tickFormatter={(v: number) => formatCredit(Math.round(v))}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={axisTitleBelow("Leads (volume)")}
            />
            <YAxis
              type="number"
              dataKey="mqlYield"
              name="MQL yield"
              domain={percentAxis.domain}
              ticks={percentAxis.ticks}
              width={yAxisWidth}
              tickFormatter={(v: number) => formatPercent(v)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              label={axisTitleAbove("MQL yield (% of leads)")}
            />
            <ReferenceLine x={medianLeads} stroke={CHART_MUTED_INK} strokeDasharray="4 4" />
            <ReferenceLine y={overall} stroke={CHART_MUTED_INK} strokeDasharray="4 4" />
            <Scatter data={points} fill={OKABE_ITO.vermillion} isAnimationActive={false} />
            <Tooltip
              cursor={false}
              content={({ active, payload }) => {
                const point = payload?.[0]?.payload as (typeof points)[number] | undefined;
                if (!active || !point) return null;
                return (
                  <div className="chart-tooltip">
                    <strong>{point.shown.text}</strong>
                    {point.shown.title !== null && ` (${point.shown.title})`}
                    <br />
                    {formatCredit(point.leads)} leads · MQL yield {formatPercent(point.mqlYield)} ·{" "}
                    {point.quadrant}
                  </div>
                );
              }}
            />
            <Customized
              component={() => (
                <g className="chart-point-labels">
                  {corners.map((c) => (
                    <text
                      key={c.text}
                      className="chart-corner-label"
                      x={c.x}
                      y={c.y + 12}
                      textAnchor={c.anchor}
                      fontSize={cornerSize}
                      fill={CHART_MUTED_INK}
                    >
                      {c.text}
                    </text>
                  ))}
                  {placed.map((label) => (
                    <text
                      key={label.id}
                      className="chart-point-label"
                      x={label.x}
                      y={label.baseline}
                      fontSize={labelSize}
                      fill={CHART_INK}
                    >
                      {label.text}
                      {labelTitle(label.id)}
                    </text>
                  ))}
                </g>
              )}
            />
          </ScatterChart>
        );
      }}
      notes={
        <p className="chart-notes">
          Dashed lines: the median {noun}'s leads ({formatCredit(medianLeads)}) and the overall MQL yield (
          {formatPercent(overall)}). The largest {noun}s are named on the chart; hover a dot for the others,
          or open the table.
        </p>
      }
      textAlternative={
        <table className="data-table">
          <caption>Volume against MQL yield by {noun}</caption>
          <thead>
            <tr>
              <th scope="col">{CAMPAIGN_DIMENSION_LABELS[report.dimension]}</th>
              <th scope="col">Leads</th>
              <th scope="col">MQL yield</th>
              <th scope="col">Quadrant</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.name}>
                <NameHeader shown={p.shown} />
                <td className="number">{formatCredit(p.leads)}</td>
                <td className="number">{formatPercent(p.mqlYield)}</td>
                <td>{p.quadrant}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
