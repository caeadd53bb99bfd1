// The Campaigns screen's two charts: MQL yield with its interval, and volume against yield by quadrant.

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
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
import { formatPercent } from "../../model/format";

const ROW_HEIGHT = 34;

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
  return `${best.name} has the best MQL yield of the ${noun}s with enough leads to judge: ${formatPercent(best.mqlYield)}`;
}

export function YieldChart(props: { report: CampaignReport }) {
  const { report } = props;
  const noun = CAMPAIGN_DIMENSION_LABELS[report.dimension];
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
  const height = Math.max(160, data.length * ROW_HEIGHT + 60);
  return (
    <ChartFrame
      title={yieldChartTitle(report)}
      height={height}
      plot={(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 8, right: Math.min(200, Math.round(width * 0.25)), bottom: 28, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={CHART_GRID} />
          <XAxis
            type="number"
            domain={[0, 1]}
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={{ value: "MQL yield (% of leads), 95 % interval", position: "insideBottom", offset: -16 }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={Math.min(240, Math.round(width * 0.35))}
            tick={{ fontSize: CHART_FONT_SIZE - 2, fill: CHART_INK }}
          />
          <Bar
            dataKey="mqlYield"
            name="MQL yield"
            fill={OKABE_ITO.blue}
            barSize={16}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="error" direction="x" width={6} stroke={CHART_INK} />
            <LabelList dataKey="label" position="right" fill={CHART_INK} fontSize={CHART_FONT_SIZE - 2} />
          </Bar>
        </BarChart>
      )}
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
                <th scope="row">{r.name}</th>
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
  const medianLeads = median(report.rows.map((r) => r.leads));
  const overall = overallYield(report);
  const maxLeads = Math.max(1, ...report.rows.map((r) => r.leads)) * 1.1;
  const points = report.rows
    .filter((r) => r.mqlYield !== null)
    .map((r) => ({
      name: r.name,
      leads: r.leads,
      mqlYield: r.mqlYield ?? 0,
      // A row too small to judge is drawn but never placed in a quadrant: that would compare it.
      quadrant: r.tooSmallToJudge ? "too small to judge" : quadrantOf(r, medianLeads, overall),
    }));
  const troubled = points.filter((p) => p.quadrant === "high volume, low yield").map((p) => p.name);
  const judged = judgedRows(report).length;
  const height = 360;
  const corner = (
    value: string,
    position: "insideTopLeft" | "insideTopRight" | "insideBottomLeft" | "insideBottomRight",
  ) => ({
    value,
    position,
    fill: CHART_MUTED_INK,
    fontSize: CHART_FONT_SIZE - 2,
  });
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
      plot={(width) => (
        <ScatterChart width={width} height={height} margin={{ top: 16, right: 24, bottom: 36, left: 16 }}>
          <CartesianGrid stroke={CHART_GRID} />
          <XAxis
            type="number"
            dataKey="leads"
            name="Leads"
            domain={[0, maxLeads]}
            tickFormatter={(v: number) => formatCredit(Math.round(v))}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={{ value: "Leads (volume)", position: "insideBottom", offset: -20 }}
          />
          <YAxis
            type="number"
            dataKey="mqlYield"
            name="MQL yield"
            domain={[0, 1]}
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={{ value: "MQL yield", angle: -90, position: "insideLeft" }}
          />
          <ReferenceArea
            x1={medianLeads}
            x2={maxLeads}
            y1={overall}
            y2={1}
            fillOpacity={0}
            label={corner("high volume, high yield", "insideTopRight")}
          />
          <ReferenceArea
            x1={0}
            x2={medianLeads}
            y1={overall}
            y2={1}
            fillOpacity={0}
            label={corner("low volume, high yield", "insideTopLeft")}
          />
          <ReferenceArea
            x1={medianLeads}
            x2={maxLeads}
            y1={0}
            y2={overall}
            fillOpacity={0}
            label={corner("high volume, low yield", "insideBottomRight")}
          />
          <ReferenceArea
            x1={0}
            x2={medianLeads}
            y1={0}
            y2={overall}
            fillOpacity={0}
            label={corner("low volume, low yield", "insideBottomLeft")}
          />
          <ReferenceLine x={medianLeads} stroke={CHART_MUTED_INK} strokeDasharray="4 4" />
          <ReferenceLine y={overall} stroke={CHART_MUTED_INK} strokeDasharray="4 4" />
          <Scatter data={points} fill={OKABE_ITO.vermillion} isAnimationActive={false}>
            <LabelList dataKey="name" position="top" fill={CHART_INK} fontSize={CHART_FONT_SIZE - 3} />
          </Scatter>
        </ScatterChart>
      )}
      notes={
        <p className="chart-notes">
          Dashed lines: the median {noun}'s leads ({formatCredit(medianLeads)}) and the overall MQL yield (
          {formatPercent(overall)}).
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
                <th scope="row">{p.name}</th>
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
