// Each benchmarked rate as a bar over its shaded benchmark band, with its status in words beside it; a
// rate from fewer than MIN_LEADS_TO_JUDGE leads shows its counts and is not judged.

import { type Benchmark, type BenchmarkStatus, formatBand } from "../model/benchmarks";
import { formatCount, formatPercent } from "../model/format";
import type { Funnel } from "../model/funnel";
import { formatCountOf, MIN_LEADS_TO_JUDGE, TOO_FEW_TO_JUDGE, tooFewToJudge } from "../model/smallNumbers";
import { BenchmarkStatusBadge, benchmarkStatusText } from "../ui/BenchmarkStatusBadge";
import { ChartFrame } from "./ChartFrame";
import { HorizontalBarPlot } from "./HorizontalBarPlot";
import { CHART_MUTED_INK, STATUS_COLORS } from "./palette";
import { niceTicks } from "./scale";

export interface BenchmarkedRate {
  /** The benchmark's id; one entry per benchmark. */
  id: string;
  label: string;
  rate: number;
  numerator: number;
  denominator: number;
  benchmark: Benchmark;
  status: BenchmarkStatus;
  /** The denominator is below MIN_LEADS_TO_JUDGE: show counts, and do not claim a status. */
  tooFewToJudge: boolean;
}

const ROW_HEIGHT = 60;
const MIN_LEADS = formatCount(MIN_LEADS_TO_JUDGE);

/** A judged rate takes its status colour; an unjudged one a neutral dark grey (its label says why). */
function barFill(rate: BenchmarkedRate | undefined): string {
  if (!rate || rate.tooFewToJudge) return CHART_MUTED_INK;
  return STATUS_COLORS[rate.status];
}

/** "27.7 % · within band", or the counts for a rate from too few leads. */
function barEndLabel(r: BenchmarkedRate): string {
  return r.tooFewToJudge
    ? `${formatCountOf(r.numerator, r.denominator)} · too few to judge`
    : `${formatPercent(r.rate)} · ${benchmarkStatusText(r.status, r.benchmark.kind).toLowerCase()}`;
}

/** The KPIs with a benchmark and a value, then any other benchmarked funnel step, once per benchmark. */
export function benchmarkedRates(funnel: Funnel): BenchmarkedRate[] {
  const rates: BenchmarkedRate[] = [];
  const seen = new Set<string>();
  for (const kpi of funnel.kpis) {
    const { benchmark, value, status, numerator, denominator } = kpi;
    if (!benchmark || value === null || !status || numerator === null || denominator === null) continue;
    if (seen.has(benchmark.id)) continue;
    seen.add(benchmark.id);
    rates.push({
      id: benchmark.id,
      label: kpi.label,
      rate: value,
      numerator,
      denominator,
      benchmark,
      status,
      tooFewToJudge: tooFewToJudge(denominator),
    });
  }
  for (const step of funnel.steps) {
    const { benchmark, rate, status } = step;
    if (!benchmark || rate === null || !status || seen.has(benchmark.id)) continue;
    seen.add(benchmark.id);
    rates.push({
      id: benchmark.id,
      label: benchmark.label,
      rate,
      numerator: step.converted,
      denominator: step.entered,
      benchmark,
      status,
      tooFewToJudge: tooFewToJudge(step.entered),
    });
  }
  return rates;
}

/**
 * "1 of 4 benchmarked rates is below its benchmark: SQL → opportunity". Rates from too few leads are
 * left out of the judgement and counted at the end: "…; 1 more has too few leads to judge".
 */
export function benchmarkChartTitle(rates: readonly BenchmarkedRate[]): string {
  if (rates.length === 0) return "No benchmarked rate can be measured with this data";
  const judged = rates.filter((r) => !r.tooFewToJudge);
  const unjudged = rates.length - judged.length;
  if (judged.length === 0) {
    return rates.length === 1
      ? `The benchmarked rate rests on too few leads to judge (fewer than ${MIN_LEADS})`
      : `None of the ${rates.length} benchmarked rates has enough leads to judge (fewer than ${MIN_LEADS} each)`;
  }
  const more =
    unjudged === 0 ? "" : `; ${unjudged} more ${unjudged === 1 ? "has" : "have"} too few leads to judge`;
  const below = judged.filter((r) => r.status === "below");
  if (below.length === 0) {
    return judged.length === 1
      ? `1 benchmarked rate meets or beats its benchmark${more}`
      : `All ${judged.length} benchmarked rates meet or beat their benchmark${more}`;
  }
  const verb = below.length === 1 ? "is below its benchmark" : "are below their benchmarks";
  return `${below.length} of ${judged.length} benchmarked rates ${verb}: ${below.map((r) => r.label).join(", ")}${more}`;
}

/** Where the axis ends: a little past the largest rate or band edge, in steps of 10 %, at most 100 %. */
function axisMax(rates: readonly BenchmarkedRate[]): number {
  const largest = Math.max(
    ...rates.flatMap((r) => [r.rate, r.benchmark.low, r.benchmark.high ?? r.benchmark.low]),
  );
  return Math.min(1, Math.ceil((largest * 1.15) / 0.1) * 0.1);
}

function BenchmarkTable(props: {
  rates: readonly BenchmarkedRate[];
  previous: Map<string, BenchmarkedRate> | null;
}) {
  return (
    <table className="data-table">
      <caption>Benchmarked rates against their benchmarks</caption>
      <thead>
        <tr>
          <th scope="col">Rate</th>
          <th scope="col">Value</th>
          <th scope="col">Leads</th>
          <th scope="col">Benchmark</th>
          <th scope="col">Status</th>
          {props.previous && <th scope="col">Previous period</th>}
        </tr>
      </thead>
      <tbody>
        {props.rates.map((r) => (
          <tr key={r.id} data-benchmark={r.id}>
            <th scope="row">{r.label}</th>
            <td className="number">{formatPercent(r.rate)}</td>
            <td className="number">
              {formatCount(r.numerator)} of {formatCount(r.denominator)}
            </td>
            <td>{formatBand(r.benchmark)}</td>
            <td>
              {r.tooFewToJudge ? (
                <span className="small-sample-status" data-small-sample="true">
                  {TOO_FEW_TO_JUDGE}
                </span>
              ) : (
                <BenchmarkStatusBadge status={r.status} kind={r.benchmark.kind} />
              )}
            </td>
            {props.previous && (
              <td className="number">{formatPercent(props.previous.get(r.id)?.rate ?? null)}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `previous` (the previous period's funnel) adds an outlined ghost bar per rate. */
export function BenchmarkChart(props: {
  funnel: Funnel;
  previous?: Funnel | null;
  width?: number;
  height?: number;
}) {
  const rates = benchmarkedRates(props.funnel);
  const previous = props.previous ? new Map(benchmarkedRates(props.previous).map((r) => [r.id, r])) : null;
  const height = props.height ?? Math.max(140, rates.length * ROW_HEIGHT + 64);
  const max = rates.length > 0 ? axisMax(rates) : 1;
  // A reference is a single published figure: draw it as a thin band so it still reads as a range.
  const referenceHalfWidth = max * 0.004;
  const small = rates.filter((r) => r.tooFewToJudge);
  const setByCrm = props.funnel.steps.filter((step) => step.setByCrm !== null && step.benchmark);
  return (
    <ChartFrame
      className="benchmark-chart"
      title={benchmarkChartTitle(rates)}
      width={props.width}
      height={height}
      plot={(width) =>
        rates.length > 0 && (
          <HorizontalBarPlot
            width={width}
            height={height}
            rows={rates.map((r) => ({
              key: r.id,
              label: r.label,
              value: r.rate,
              fill: barFill(r),
              endLabel: barEndLabel(r),
              ghost: previous?.get(r.id)?.rate ?? null,
              band:
                r.benchmark.kind === "reference"
                  ? {
                      from: r.benchmark.low - referenceHalfWidth,
                      to: r.benchmark.low + referenceHalfWidth,
                      opacity: 0.9,
                    }
                  : { from: r.benchmark.low, to: Math.min(max, r.benchmark.high ?? max), opacity: 0.3 },
            }))}
            ticks={niceTicks(max)}
            formatTick={(value) => `${Math.round(value * 100)} %`}
            axisTitle="Conversion (% of leads entering the step)"
            categoryWidth={Math.min(190, Math.round(width * 0.32))}
            endLabelWidth={Math.min(220, Math.round(width * 0.3))}
            barSize={18}
            withGhosts={Boolean(previous)}
          />
        )
      }
      notes={
        (rates.length > 0 || setByCrm.length > 0) && (
          <div className="chart-notes">
            {setByCrm.length > 0 && (
              <p data-set-by-crm="true">
                Not compared with a benchmark, because the CRM sets {setByCrm.length === 1 ? "it" : "them"}:{" "}
                {setByCrm
                  .map(
                    (step) =>
                      `${step.benchmark?.label ?? `${step.from} → ${step.to}`} (both dates fall on the same day for ${formatPercent(step.setByCrm)} of its leads, e.g. lead conversion creates the opportunity)`,
                  )
                  .join(", ")}
                .
              </p>
            )}
            {small.length > 0 && (
              <p className="small-sample-note" data-small-sample="true">
                {TOO_FEW_TO_JUDGE}:{" "}
                {small.map((r) => `${r.label} (${formatCountOf(r.numerator, r.denominator)})`).join(", ")}.
                Shown as counts in a dark grey bar, with no status: a rate from so few leads swings widely
                with one lead more or less.
              </p>
            )}
            {rates.length > 0 && (
              <p>Grey shading is the benchmark band; a thin grey bar marks a published reference figure.</p>
            )}
            {previous && <p>Dashed outline: the same rate in the previous period.</p>}
          </div>
        )
      }
      textAlternative={<BenchmarkTable rates={rates} previous={previous} />}
    />
  );
}
