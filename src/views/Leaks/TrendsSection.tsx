// Trends: a step's monthly cohort conversion against its benchmark band and best quarter, and monthly stage volumes.

import { useId, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleAbove, inkLegend, niceAxis, TITLE_ROOM } from "../../charts/chartParts";
import {
  BAND_FILL,
  CHART_FONT_SIZE,
  CHART_GRID,
  CHART_INK,
  CHART_MUTED_INK,
  OKABE_ITO,
} from "../../charts/palette";
import { type MonthStatus, type StepTrend, type Trends, trendsMetric } from "../../metrics/trends";
import { type Benchmark, formatBand } from "../../model/benchmarks";
import { formatCount, formatPercent } from "../../model/format";
import { formatDayText, monthsBetween, type Period, previousPeriod, shiftMonthKey } from "../../model/period";
import { MIN_LEADS_TO_JUDGE, tooFewToJudge } from "../../model/smallNumbers";
import { STAGE_LABELS, STAGE_PLURALS, type Stage } from "../../model/stages";
import { useAsOf } from "../../queries/useAsOf";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { QueryState } from "../../ui/QueryState";
import { CohortOnlyNote } from "../Filters/CohortOnlyNote";
import { rateCell } from "./LeakCharts";

/** The previous period's trends when comparing (null when not comparing or there is no previous period). */
function usePreviousTrends(): { trends: Trends; shiftMonths: number } | null {
  const compare = useAppStore((s) => s.compare);
  const filters = useAppStore((s) => s.filters);
  const asOf = useAsOf();
  const previous: Period | null = compare ? previousPeriod(filters, asOf ?? null) : null;
  const previousFilters = previous === null ? undefined : { ...filters, ...previous };
  const state = useQuery(trendsMetric, undefined, { filters: previousFilters, enabled: previous !== null });
  if (previous === null || state.status !== "ready" || state.stale) return null;
  return { trends: state.data, shiftMonths: monthsBetween(previous.from as string, filters.from as string) };
}

const STAGE_COLORS: Record<Stage, string> = {
  lead: OKABE_ITO.skyBlue,
  mql: OKABE_ITO.blue,
  sal: OKABE_ITO.bluishGreen,
  sql: OKABE_ITO.orange,
  opportunity: OKABE_ITO.reddishPurple,
  deal: OKABE_ITO.vermillion,
};

const STATUS_WORDS: Record<MonthStatus, string> = {
  complete: "",
  incomplete: "incomplete",
  maturing: "still maturing",
};

const stepKey = (step: Pick<StepTrend, "from" | "to">) => `${step.from}>${step.to}`;
const stepName = (step: Pick<StepTrend, "from" | "to">) =>
  `${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]}`;

/**
 * The finding: the monthly range over the complete months with at least 20 leads, and the best quarter.
 * When no month has 20, no range is given: it would be read from a handful of leads a month.
 */
export function trendTitle(step: StepTrend): string {
  const complete = step.months.filter((m) => m.status === "complete");
  if (complete.length === 0) return `${stepName(step)}: no complete month yet`;
  const judged = complete.filter((m) => !tooFewToJudge(m.entered));
  const best = step.best
    ? `best quarter ${formatPercent(step.best.rate)} (${step.best.quarter})`
    : `no quarter yet with ${MIN_LEADS_TO_JUDGE}+ ${STAGE_PLURALS[step.from]}`;
  if (judged.length === 0)
    return (
      `${stepName(step)}: every complete month has fewer than ${MIN_LEADS_TO_JUDGE} ` +
      `${STAGE_PLURALS[step.from]}, too few to judge a monthly rate; ${best}`
    );
  const rates = judged.map((m) => m.rate);
  const [low, high] = [Math.min(...rates), Math.max(...rates)];
  const range =
    formatPercent(low) === formatPercent(high)
      ? formatPercent(low)
      : `${formatPercent(low).replace(" %", "")}–${formatPercent(high)}`;
  return `${stepName(step)} ran ${range} a month; ${best}`;
}

interface TrendPoint {
  month: string;
  complete: number | null;
  /** A complete month with fewer than 20 leads: drawn as a faint hollow dot, off the line. */
  few: number | null;
  open: number | null;
  openLabel: string | undefined;
  previous?: number | null;
}

/** The previous period's trend, its months moved onto the current period's axis. */
export interface PreviousTrend {
  step: StepTrend;
  /** Calendar months from the previous period's start to the current one's. */
  shiftMonths: number;
}

function trendPoints(step: StepTrend, previous?: PreviousTrend | null): TrendPoint[] {
  const before = new Map(
    (previous?.step.months ?? []).map((m) => [shiftMonthKey(m.month, previous?.shiftMonths ?? 0), m.rate]),
  );
  return step.months.map((m) => ({
    month: m.month,
    complete: m.status === "complete" && !tooFewToJudge(m.entered) ? m.rate : null,
    few: m.status === "complete" && tooFewToJudge(m.entered) ? m.rate : null,
    open: m.status === "complete" ? null : m.rate,
    openLabel: m.status === "complete" ? undefined : STATUS_WORDS[m.status],
    ...(previous ? { previous: before.get(m.month) ?? null } : {}),
  }));
}

function yMaxFor(step: StepTrend, benchmark: Benchmark | undefined): number {
  const values = [
    ...step.months.map((m) => m.rate),
    step.best?.rate ?? 0,
    benchmark?.high ?? benchmark?.low ?? 0,
  ];
  return Math.min(1, Math.ceil((Math.max(...values) + 0.05) * 10) / 10);
}

function windowNote(trends: Trends, step: StepTrend): string {
  const from = STAGE_PLURALS[step.from];
  const entry = `Cohorts are ${from} grouped by the month they entered ${STAGE_LABELS[step.from]}`;
  if (trends.windowDays === null)
    return (
      `${entry}; every later ${STAGE_LABELS[step.to]} counts, as in the CRM. The latest month is still maturing: ` +
      `its leads have had the least time to convert, so it is drawn hollow and dashed and is not read as a drop.`
    );
  return (
    `${entry}; a conversion counts within ${formatCount(trends.windowDays)} days of entering. A month is ` +
    `incomplete (hollow, dashed) while its last day's window is still open at the as-of date ` +
    `${trends.asOf === null ? "—" : formatDayText(trends.asOf)}; it is not read as a drop.`
  );
}

export function StepChart(props: {
  trends: Trends;
  step: StepTrend;
  benchmark: Benchmark | undefined;
  /** The previous period's trend of the same step, drawn as a ghost line. */
  previous?: PreviousTrend | null;
  /** The plot's height when a slide sizes it (else 300 px). */
  height?: number;
}) {
  const { trends, step, benchmark, previous } = props;
  const height = props.height ?? 300;
  const yMax = Math.max(yMaxFor(step, benchmark), previous ? yMaxFor(previous.step, benchmark) : 0);
  const small = step.months.filter((m) => tooFewToJudge(m.entered)).length;
  return (
    <ChartFrame
      title={trendTitle(step)}
      height={height}
      plot={(width) => (
        <LineChart
          width={width}
          height={height}
          data={trendPoints(step, previous)}
          margin={{ top: TITLE_ROOM + 4, right: 24, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke={CHART_GRID} />
          {/* Padding keeps the first month's label clear of the 0 % tick. */}
          <XAxis
            dataKey="month"
            padding={{ left: 32, right: 32 }}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
          />
          <YAxis
            width={76}
            {...niceAxis(yMax)}
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={axisTitleAbove(`${stepName(step)} conversion`)}
          />
          {benchmark && benchmark.kind === "band" ? (
            <ReferenceArea
              y1={benchmark.low}
              y2={benchmark.high ?? yMax}
              fill={BAND_FILL}
              fillOpacity={0.2}
              stroke="none"
            />
          ) : null}
          {benchmark && benchmark.kind === "reference" ? (
            <ReferenceLine y={benchmark.low} stroke={CHART_MUTED_INK} strokeDasharray="2 4" />
          ) : null}
          {step.best ? (
            <ReferenceLine y={step.best.rate} stroke={OKABE_ITO.bluishGreen} strokeDasharray="6 3" />
          ) : null}
          {previous && (
            <Line
              dataKey="previous"
              name="Previous period"
              stroke={CHART_MUTED_INK}
              strokeWidth={2}
              strokeDasharray="2 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          )}
          <Line
            dataKey="complete"
            name="Complete month"
            stroke={OKABE_ITO.blue}
            strokeWidth={2}
            dot={{ r: 4, fill: OKABE_ITO.blue }}
            isAnimationActive={false}
          />
          {small > 0 && (
            <Line
              dataKey="few"
              name={`Fewer than ${MIN_LEADS_TO_JUDGE} ${STAGE_PLURALS[step.from]}: too few to judge`}
              stroke="none"
              dot={{ r: 4, fill: "var(--chart-surface)", stroke: CHART_MUTED_INK, strokeWidth: 1.5 }}
              isAnimationActive={false}
            />
          )}
          <Line
            dataKey="open"
            name={trends.windowDays === null ? "Still maturing" : "Incomplete month"}
            stroke={OKABE_ITO.blue}
            strokeWidth={2}
            strokeDasharray="5 5"
            dot={{ r: 5, fill: "var(--chart-surface)", stroke: OKABE_ITO.blue, strokeWidth: 2 }}
            isAnimationActive={false}
          >
            <LabelList dataKey="openLabel" position="top" fill={CHART_INK} fontSize={CHART_FONT_SIZE - 2} />
          </Line>
        </LineChart>
      )}
      notes={
        <div className="chart-notes">
          <p>{windowNote(trends, step)}</p>
          {previous && (
            <p>
              Dotted grey line: the previous period, each month placed under the month{" "}
              {formatCount(previous.shiftMonths)} {previous.shiftMonths === 1 ? "month" : "months"} later.
            </p>
          )}
          <p>
            {benchmark
              ? `Shaded: the ${benchmark.label} benchmark, ${formatBand(benchmark)} (${benchmark.source}). `
              : ""}
            The dashed green line is the best quarter: your own highest quarterly rate among quarters with at
            least {MIN_LEADS_TO_JUDGE} {STAGE_PLURALS[step.from]} and no incomplete month
            {step.best
              ? `: you have done ${formatPercent(step.best.rate)} before (${step.best.quarter})`
              : ""}
            .
          </p>
          {small > 0 ? (
            <p className="small-sample-note">
              {formatCount(small)} of {formatCount(step.months.length)} months rest on fewer than{" "}
              {MIN_LEADS_TO_JUDGE} {STAGE_PLURALS[step.from]}: too few to judge. They are drawn as faint grey
              rings off the line and flagged in the table.
            </p>
          ) : null}
        </div>
      }
      textAlternative={
        <table className="data-table">
          <caption>{stepName(step)} conversion by cohort month</caption>
          <thead>
            <tr>
              <th scope="col">Month entered {STAGE_LABELS[step.from]}</th>
              <th scope="col">Conversion (converted of entered)</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {step.months.map((m) => (
              <tr key={m.month} data-status={m.status}>
                <th scope="row">{m.month}</th>
                <td className="number">{rateCell(m.converted, m.entered)}</td>
                <td>{STATUS_WORDS[m.status] || "complete"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** "MQLs peaked at 412 in 2025-03" — the period view's finding. */
export function volumesTitle(trends: Trends): string {
  const stage = trends.stages.includes("mql") ? "mql" : trends.stages[0];
  if (!stage || trends.volumes.length === 0) return "No stage dates to count by month";
  const peak = trends.volumes.reduce((a, b) => ((b.counts[stage] ?? 0) > (a.counts[stage] ?? 0) ? b : a));
  return `${STAGE_PLURALS[stage].replace(/^./, (c) => c.toUpperCase())} per month peaked at ${formatCount(
    peak.counts[stage] ?? 0,
  )} in ${peak.month}`;
}

function VolumesChart(props: { trends: Trends }) {
  const { trends } = props;
  const height = 280;
  const data = trends.volumes.map((v) => ({ month: v.month, ...v.counts }));
  return (
    <ChartFrame
      title={volumesTitle(trends)}
      height={height}
      plot={(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          margin={{ top: TITLE_ROOM, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid vertical={false} stroke={CHART_GRID} />
          <XAxis dataKey="month" tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }} />
          <YAxis
            {...niceAxis(
              Math.max(1, ...data.flatMap((d) => trends.stages.map((stage) => Number(d[stage] ?? 0)))),
            )}
            tickFormatter={(v: number) => formatCount(v)}
            tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            label={axisTitleAbove("Leads (count)")}
          />
          <Legend {...inkLegend} />
          {trends.stages.map((stage) => (
            <Bar
              key={stage}
              dataKey={stage}
              name={STAGE_LABELS[stage]}
              fill={STAGE_COLORS[stage]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
      notes={
        <p className="chart-notes">
          Period view: leads reaching each stage in the calendar month of their own stage date (a skipped
          stage has no date and is not counted). The last month runs only to the as-of date{" "}
          {trends.asOf ?? "—"}.
        </p>
      }
      textAlternative={
        <table className="data-table">
          <caption>Leads reaching each stage per calendar month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {trends.stages.map((stage) => (
                <th key={stage} scope="col">
                  {STAGE_LABELS[stage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trends.volumes.map((v) => (
              <tr key={v.month}>
                <th scope="row">{v.month}</th>
                {trends.stages.map((stage) => (
                  <td key={stage} className="number">
                    {formatCount(v.counts[stage] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function previousStep(
  before: { trends: Trends; shiftMonths: number } | null,
  step: StepTrend,
): PreviousTrend | null {
  const match = before?.trends.steps.find((s) => stepKey(s) === stepKey(step));
  return before && match ? { step: match, shiftMonths: before.shiftMonths } : null;
}

export function TrendsSection() {
  const selectId = useId();
  const benchmarks = useAppStore((s) => s.benchmarks);
  const state = useQuery(trendsMetric, undefined);
  const before = usePreviousTrends();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <QueryState state={state} inline loading="Drawing the monthly trends…" failed="Trends could not be shown">
      {(trends) => (
        <TrendsReport
          trends={trends}
          before={before}
          chosen={chosen}
          onChoose={setChosen}
          selectId={selectId}
          benchmarks={benchmarks}
        />
      )}
    </QueryState>
  );
}

function TrendsReport({
  trends,
  before,
  chosen,
  onChoose: setChosen,
  selectId,
  benchmarks,
}: {
  trends: Trends;
  before: { trends: Trends; shiftMonths: number } | null;
  chosen: string | null;
  onChoose: (key: string) => void;
  selectId: string;
  benchmarks: readonly Benchmark[];
}) {
  const step =
    trends.steps.find((s) => stepKey(s) === chosen) ??
    trends.steps.find((s) => s.from === "mql" && s.to === "sql") ??
    trends.steps[0];
  const benchmark = step ? benchmarks.find((b) => b.from === step.from && b.to === step.to) : undefined;
  return (
    <section className="trends" aria-labelledby="trends-title">
      <h3 id="trends-title">Trends</h3>
      <CohortOnlyNote />
      {step ? (
        <>
          <div className="filter-bar">
            <label className="filter" htmlFor={selectId}>
              Trend of step
              <select id={selectId} value={stepKey(step)} onChange={(e) => setChosen(e.target.value)}>
                {trends.steps.map((s) => (
                  <option key={stepKey(s)} value={stepKey(s)}>
                    {stepName(s)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <StepChart
            trends={trends}
            step={step}
            benchmark={benchmark}
            previous={previousStep(before, step)}
          />
        </>
      ) : (
        <p className="view-note">
          Fewer than two stages are tracked, so there is no step to follow over time.
        </p>
      )}
      <VolumesChart trends={trends} />
    </section>
  );
}
