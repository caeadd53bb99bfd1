// The stage funnel: leads reached per tracked stage as horizontal bars, with step and cumulative rates;
// a step from fewer than MIN_LEADS_TO_JUDGE leads is shown as counts and said to be too few to judge.

import { useId } from "react";
import { definitionFor, type StageDefinitions } from "../model/definitions";
import { formatCount, formatPercent, formatRateWithCounts } from "../model/format";
import { type Funnel, type FunnelStageRow, type FunnelStep, funnelUnit } from "../model/funnel";
import { formatCountOf, TOO_FEW_TO_JUDGE, tooFewToJudge } from "../model/smallNumbers";
import { STAGE_LABELS, STAGE_PLURALS, type Stage, unitNoun } from "../model/stages";
import { ChartFrame } from "./ChartFrame";
import { HorizontalBarPlot } from "./HorizontalBarPlot";
import { OKABE_ITO } from "./palette";
import { niceTicks } from "./scale";

interface FunnelBar {
  stage: Stage;
  label: string;
  reached: number;
  barLabel: string;
  /** Leads that reached the stage in the previous period, when comparing. */
  previousReached?: number;
}

const ROW_HEIGHT = 56;

function stageNoun(stage: Stage, count: number): string {
  if (count !== 1) return STAGE_PLURALS[stage];
  const label = STAGE_LABELS[stage];
  return label === label.toUpperCase() ? label : label.toLowerCase();
}

/** The step into a stage, when the stage is tracked and not the first. */
function stepInto(funnel: Funnel, stage: Stage): FunnelStep | undefined {
  return funnel.steps.find((step) => step.to === stage);
}

/** Steps whose starting stage holds fewer than MIN_LEADS_TO_JUDGE leads. */
export function smallSampleSteps(funnel: Funnel): FunnelStep[] {
  return funnel.steps.filter((step) => tooFewToJudge(step.entered));
}

/**
 * "1,000 · 20.0 % step · 20.0 % cumulative"; the first tracked stage shows its count only. A step from
 * too few leads shows its counts instead: "8 of 10 step · too few to judge" (and the count reached
 * first when a conversion window makes it differ from the converted count). With a conversion window the
 * counts the rate divides are shown beside it: "1,175 · 1,080 of 3,000 in 30 d = 36.0 % step".
 */
function barLabel(
  row: FunnelStageRow,
  step: FunnelStep | undefined,
  windowDays: number | null,
  flow: boolean,
): string {
  const crm = step?.setByCrm != null ? " · set by the CRM" : "";
  if (step && tooFewToJudge(step.entered)) {
    const counts = `${formatCountOf(step.converted, step.entered)} step · too few to judge`;
    return (row.reached === step.converted ? counts : `${formatCount(row.reached)} · ${counts}`) + crm;
  }
  if (step && windowDays !== null) {
    return (
      `${formatCount(row.reached)} · ${formatCountOf(step.converted, step.entered)} in ` +
      `${formatCount(windowDays)} d = ${formatPercent(step.rate)} step${crm}`
    );
  }
  const parts = [formatCount(row.reached)];
  // In period a step's rate is a flow ratio (entered later ÷ entered earlier in the period): named so.
  if (row.stepConversion !== null)
    parts.push(`${formatPercent(row.stepConversion)} ${flow ? "flow" : "step"}`);
  if (row.cumulativeConversion !== null) parts.push(`${formatPercent(row.cumulativeConversion)} cumulative`);
  return parts.join(" · ") + crm;
}

export function funnelBars(funnel: Funnel, previous?: Funnel | null): FunnelBar[] {
  return funnel.stages
    .filter((row) => row.tracked && row.reached !== null)
    .map((row) => {
      const before = previous?.stages.find((p) => p.stage === row.stage);
      return {
        stage: row.stage,
        label: row.label,
        reached: row.reached ?? 0,
        barLabel: barLabel(row, stepInto(funnel, row.stage), funnel.windowDays, funnel.count === "period"),
        ...(previous ? { previousReached: before?.reached ?? 0 } : {}),
      };
    });
}

/**
 * "5,000 leads became 9 deals: 0.2 % overall" — the finding the chart shows; in period, what entered the
 * first and the last stage ("4 leads and 2 deals in the period").
 */
export function funnelChartTitle(funnel: Funnel): string {
  const tracked = funnel.stages.filter((row) => row.tracked);
  const first = tracked[0];
  const last = tracked[tracked.length - 1];
  if (!first || first.reached === null) return "No funnel stage is tracked in this data";
  if (!last || last === first || last.reached === null) {
    return `Only ${first.label} is tracked: ${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)}`;
  }
  if (funnel.count === "period") {
    // Different leads enter each stage in a period: no lead "became" anything here, so none is claimed.
    return (
      `${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)} and ` +
      `${formatCount(last.reached)} ${stageNoun(last.stage, last.reached)} in the period`
    );
  }
  if (funnel.windowDays !== null && !tooFewToJudge(first.reached)) {
    // The rate counts conversions within the window: the count beside it must be the same one.
    const within = last.cumulativeConverted ?? 0;
    return (
      `${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)} became ${formatCount(within)} ` +
      `${stageNoun(last.stage, within)} within ${formatCount(funnel.windowDays)} days: ` +
      `${formatPercent(last.cumulativeConversion)} overall (${formatCount(last.reached)} in all)`
    );
  }
  const overall = tooFewToJudge(first.reached)
    ? ` — ${TOO_FEW_TO_JUDGE.toLowerCase()}`
    : last.cumulativeConversion === null
      ? ""
      : `: ${formatPercent(last.cumulativeConversion)} overall`;
  return (
    `${formatCount(first.reached)} ${stageNoun(first.stage, first.reached)} became ` +
    `${formatCount(last.reached)} ${stageNoun(last.stage, last.reached)}${overall}`
  );
}

/** "Too few to judge (fewer than 20 leads): SQL → Opportunity starts from 5 SQLs, …" */
export function smallSampleNote(steps: readonly FunnelStep[]): string {
  const list = steps
    .map(
      (step) =>
        `${STAGE_LABELS[step.from]} → ${STAGE_LABELS[step.to]} starts from ${formatCount(step.entered)} ${stageNoun(step.from, step.entered)}`,
    )
    .join(", ");
  const they = steps.length === 1 ? "It is" : "They are";
  return `${TOO_FEW_TO_JUDGE}: ${list}. ${they} shown as counts (n of m), because a rate from so few leads swings widely with one lead more or less.`;
}

function FunnelNotes(props: { funnel: Funnel }) {
  const skipped = props.funnel.stages.filter((row) => row.tracked && row.skipped > 0);
  const untracked = props.funnel.stages.filter((row) => !row.tracked);
  const small = smallSampleSteps(props.funnel);
  if (skipped.length === 0 && untracked.length === 0 && small.length === 0) return null;
  return (
    <div className="chart-notes">
      {small.length > 0 && (
        <p className="small-sample-note" data-small-sample="true">
          {smallSampleNote(small)}
        </p>
      )}
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

/** A step rate cell: the percentage, or for a step from too few leads "80.0 % · 8 of 10". */
function stepCell(step: FunnelStep | undefined, rate: number | null): string {
  return step && tooFewToJudge(step.entered)
    ? formatRateWithCounts(step.converted, step.entered)
    : formatPercent(rate);
}

/**
 * A cumulative rate cell, with counts when the first stage holds too few leads. The row carries no
 * numerator, so it is read back from the rate: exact, as the rate is a ratio of two whole counts.
 */
function cumulativeCell(first: FunnelStageRow | undefined, rate: number | null): string {
  const base = first?.reached ?? null;
  if (rate === null || base === null || !tooFewToJudge(base)) return formatPercent(rate);
  return formatRateWithCounts(Math.round(rate * base), base);
}

/** The counts a windowed step rate divides: "1,080 of 3,000". */
function windowCell(step: FunnelStep | undefined): string {
  return step ? formatCountOf(step.converted, step.entered) : "—";
}

function FunnelTable(props: { funnel: Funnel; definitions?: StageDefinitions; previous?: Funnel | null }) {
  const first = props.funnel.stages.find((row) => row.tracked);
  const { windowDays } = props.funnel;
  const definitions = props.definitions;
  const idBase = useId();
  const definitionOf = (stage: Stage) => (definitions ? definitionFor(stage, definitions) : null);
  return (
    <>
      <table className="data-table">
        <caption>{unitNoun(funnelUnit(props.funnel), 2, true)} reached per stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Reached</th>
            <th scope="col">Skipped</th>
            <th scope="col">Step conversion</th>
            <th scope="col">Cumulative conversion</th>
            {windowDays !== null && (
              <th scope="col">Converted within {formatCount(windowDays)} days (of entered)</th>
            )}
            {props.previous && <th scope="col">Reached, previous period</th>}
          </tr>
        </thead>
        <tbody>
          {props.funnel.stages.map((row) => (
            <tr key={row.stage} data-stage={row.stage}>
              <th
                scope="row"
                title={definitionOf(row.stage) ?? undefined}
                aria-describedby={definitionOf(row.stage) === null ? undefined : `${idBase}-${row.stage}`}
              >
                {row.label}
              </th>
              {row.tracked ? (
                <>
                  <td className="number">{formatCount(row.reached)}</td>
                  <td className="number">{formatCount(row.skipped)}</td>
                  <td className="number">
                    {stepCell(stepInto(props.funnel, row.stage), row.stepConversion)}
                  </td>
                  <td className="number">{cumulativeCell(first, row.cumulativeConversion)}</td>
                  {windowDays !== null && (
                    <td className="number">{windowCell(stepInto(props.funnel, row.stage))}</td>
                  )}
                  {props.previous && (
                    <td className="number">
                      {formatCount(props.previous.stages.find((p) => p.stage === row.stage)?.reached ?? null)}
                    </td>
                  )}
                </>
              ) : (
                <td colSpan={4 + (props.previous ? 1 : 0) + (windowDays !== null ? 1 : 0)}>Not tracked</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {/* Each stage's definition: the row headers' descriptions, kept out of their names. */}
      {props.funnel.stages.map((row) => {
        const definition = definitionOf(row.stage);
        return (
          definition !== null && (
            <span key={row.stage} id={`${idBase}-${row.stage}`} hidden>
              {definition}
            </span>
          )
        );
      })}
    </>
  );
}

/** `definitions` (the team's stage wording) become the stage labels' tooltips when given. */
export function FunnelChart(props: {
  funnel: Funnel;
  definitions?: StageDefinitions;
  /** The previous period's funnel: drawn as outlined ghost bars beside this period's. */
  previous?: Funnel | null;
  width?: number;
  height?: number;
}) {
  const bars = funnelBars(props.funnel, props.previous);
  const height = props.height ?? Math.max(160, bars.length * ROW_HEIGHT + 64);
  return (
    <ChartFrame
      className="funnel-chart"
      title={funnelChartTitle(props.funnel)}
      width={props.width}
      height={height}
      plot={(width) =>
        bars.length > 0 && (
          <HorizontalBarPlot
            width={width}
            height={height}
            rows={bars.map((bar) => ({
              key: bar.stage,
              label: bar.label,
              labelTitle: props.definitions ? definitionFor(bar.stage, props.definitions) : null,
              value: bar.reached,
              fill: OKABE_ITO.blue,
              endLabel: bar.barLabel,
              ghost: bar.previousReached ?? null,
            }))}
            ticks={niceTicks(Math.max(1, ...bars.map((b) => Math.max(b.reached, b.previousReached ?? 0))))}
            formatTick={formatCount}
            axisTitle={`${unitNoun(funnelUnit(props.funnel), 2, true)} reached (count)`}
            categoryWidth={Math.min(112, Math.round(width * 0.25))}
            endLabelWidth={Math.min(240, Math.round(width * 0.42))}
            barSize={28}
            withGhosts={Boolean(props.previous)}
          />
        )
      }
      notes={
        <>
          {props.previous && (
            <p className="chart-legend">
              <span className="legend-ghost" aria-hidden="true" /> Dashed outline: the previous period
            </p>
          )}
          <FunnelNotes funnel={props.funnel} />
        </>
      }
      textAlternative={
        <FunnelTable funnel={props.funnel} definitions={props.definitions} previous={props.previous} />
      }
    />
  );
}
