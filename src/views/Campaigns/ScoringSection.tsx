// Lead scoring on the Campaigns screen: the editable model (saved with the workspace settings), the score
// distribution, conversion by band, the threshold-tuning chart, and where the model and recorded MQLs differ.

import { type RefObject, useEffect, useRef, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Line,
  ReferenceLine,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleAbove, axisTitleBelow, niceAxis, TITLE_ROOM } from "../../charts/chartParts";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "../../charts/palette";
import { type AgreementGroup, type ScoringReport, scoringMetric } from "../../metrics/scoring";
import { UNTRACKED_REASONS } from "../../model/campaigns";
import { formatCount, formatPercent, formatRateWithCounts } from "../../model/format";
import {
  BEHAVIOUR_LABELS,
  bandComparisonTitle,
  FIT_CRITERIA,
  FIT_LABELS,
  MAX_POINTS,
  normaliseScoring,
  SCORED_BEHAVIOURS,
  type ScoringModel,
  type ScoringTargets,
  scoreBandLabel,
  tuningTitle,
} from "../../model/scoring";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { QueryState } from "../../ui/QueryState";
import { TableCsvButton } from "../../ui/TableCsvButton";

/** A number input that keeps what is typed until it is a valid number, then commits it. */
function PointsField(props: { label: string; value: number; onChange: (value: number) => void }) {
  const [draft, setDraft] = useState(String(props.value));
  useEffect(() => setDraft(String(props.value)), [props.value]);
  return (
    <label className="filter">
      {props.label}
      <input
        type="number"
        step={5}
        min={-MAX_POINTS}
        max={MAX_POINTS}
        value={draft}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          const value = e.currentTarget.valueAsNumber;
          if (Number.isFinite(value) && Math.abs(value) <= MAX_POINTS) props.onChange(value);
        }}
        onBlur={() => setDraft(String(props.value))}
      />
    </label>
  );
}

const TARGET_LABELS: Record<keyof ScoringTargets, string> = {
  roles: "C-level roles",
  industries: "Target industries",
  companySizes: "Target company sizes",
  regions: "Target regions",
};

function TargetsField(props: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const [draft, setDraft] = useState(props.values.join(", "));
  return (
    <label className="filter">
      {props.label} (comma-separated)
      <input
        type="text"
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() =>
          props.onChange(
            draft
              .split(",")
              .map((v) => v.trim())
              .filter((v) => v !== ""),
          )
        }
      />
    </label>
  );
}

function ModelEditor(props: { model: ScoringModel; onChange: (model: ScoringModel) => void }) {
  const { model, onChange } = props;
  const set = (change: Partial<ScoringModel>) => onChange(normaliseScoring({ ...model, ...change }));
  return (
    <form className="scoring-model" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="filter-bar">
        <legend>Thresholds</legend>
        <PointsField
          label="MQL threshold"
          value={model.mqlThreshold}
          onChange={(v) => set({ mqlThreshold: v })}
        />
        <PointsField
          label="SQL-ready above"
          value={model.sqlReadyThreshold}
          onChange={(v) => set({ sqlReadyThreshold: v })}
        />
      </fieldset>
      <fieldset className="filter-bar">
        <legend>Behaviour points (per occurrence)</legend>
        {SCORED_BEHAVIOURS.map((b) => (
          <PointsField
            key={b}
            label={`${BEHAVIOUR_LABELS[b]} points`}
            value={model.behaviour[b]}
            onChange={(v) => set({ behaviour: { ...model.behaviour, [b]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="filter-bar">
        <legend>Fit points</legend>
        {FIT_CRITERIA.map((f) => (
          <PointsField
            key={f}
            label={`${FIT_LABELS[f]} points`}
            value={model.fit[f]}
            onChange={(v) => set({ fit: { ...model.fit, [f]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="filter-bar">
        <legend>What counts as a fit</legend>
        {(Object.keys(TARGET_LABELS) as (keyof ScoringTargets)[]).map((key) => (
          <TargetsField
            key={key}
            label={TARGET_LABELS[key]}
            values={model.targets[key]}
            onChange={(values) => set({ targets: { ...model.targets, [key]: values } })}
          />
        ))}
      </fieldset>
      <button type="button" className="button" onClick={() => onChange(normaliseScoring(undefined))}>
        Reset scoring to defaults
      </button>
    </form>
  );
}

/** A count through a stage the data may not record. */
const countOrNotTracked = (value: number | null) => (value === null ? "not tracked" : formatCount(value));
const rateOrNotTracked = (numerator: number | null, denominator: number) =>
  numerator === null ? "not tracked" : formatRateWithCounts(numerator, denominator);

/**
 * The scoring headline: would-be MQLs under the model, and — only where the data records them — the
 * recorded MQLs they are compared with and the SQLs they became.
 */
export function scoringSummary(report: ScoringReport): string {
  const { model, agreement } = report;
  const wouldBe = `At ${formatCount(model.mqlThreshold)} points, ${formatCount(report.wouldBeMqls)} of ${formatCount(report.leads)} leads would be MQLs`;
  const recorded =
    agreement === null
      ? ` (recorded as MQL: not tracked, ${UNTRACKED_REASONS.mql}).`
      : ` (${formatCount(report.recordedMqls)} are recorded as MQL; ${formatCount(agreement.both.leads)} in both).`;
  const wouldBeSqls = agreement ? (agreement.both.sqls ?? 0) + (agreement.model_only.sqls ?? 0) : null;
  const reachedSql = !report.tracked.sql
    ? ` Whether the would-be MQLs reached SQL is not tracked: ${UNTRACKED_REASONS.sql};`
    : wouldBeSqls === null
      ? ""
      : ` ${formatRateWithCounts(wouldBeSqls, report.wouldBeMqls)} of the would-be MQLs reached SQL;`;
  const sqlReady = ` ${formatCount(report.sqlReady)} score above ${formatCount(model.sqlReadyThreshold)} (SQL-ready).`;
  const disagree = agreement
    ? ` ${formatCount(agreement.model_only.leads)} pass the model but never became MQL; ${formatCount(agreement.recorded_only.leads)} are MQLs scoring below the threshold.`
    : "";
  return `${wouldBe}${recorded}${reachedSql}${sqlReady}${disagree}`;
}

function Summary(props: { report: ScoringReport }) {
  const { report } = props;
  return (
    <p className="headline" data-would-be-mqls={report.wouldBeMqls}>
      {scoringSummary(report)}
    </p>
  );
}

function AgreementTable(props: {
  agreement: NonNullable<ScoringReport["agreement"]>;
  tableRef: RefObject<HTMLTableElement | null>;
}) {
  const { agreement } = props;
  const groups: { label: string; group: AgreementGroup }[] = [
    { label: "Model MQL and recorded MQL", group: agreement.both },
    { label: "Model passes, never recorded MQL", group: agreement.model_only },
    { label: "Recorded MQL, below the threshold", group: agreement.recorded_only },
    { label: "Neither", group: agreement.neither },
  ];
  return (
    <table ref={props.tableRef} className="data-table">
      <caption>Where the model and the recorded MQL dates disagree, and what became of those leads</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Leads</th>
          <th scope="col">Reached SQL</th>
          <th scope="col">Won</th>
          <th scope="col">Lost</th>
          <th scope="col">Rejected by sales</th>
          <th scope="col">Never contacted</th>
          <th scope="col">Stalled</th>
          <th scope="col">In progress</th>
          <th scope="col">Model crossed first</th>
        </tr>
      </thead>
      <tbody>
        {groups.map(({ label, group }) => (
          <tr key={group.agreement} data-agreement={group.agreement}>
            <th scope="row">{label}</th>
            <td className="number">{formatCount(group.leads)}</td>
            <td className="number">{rateOrNotTracked(group.sqls, group.leads)}</td>
            <td className="number">{countOrNotTracked(group.won)}</td>
            <td className="number">{countOrNotTracked(group.lost)}</td>
            <td className="number">{formatCount(group.rejected)}</td>
            <td className="number">{formatCount(group.neverContacted)}</td>
            <td className="number">{formatCount(group.stalled)}</td>
            <td className="number">{formatCount(group.inProgress)}</td>
            <td className="number">{group.agreement === "both" ? formatCount(group.modelFirst) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const axisTick = { fontSize: CHART_FONT_SIZE, fill: CHART_INK };

function ScoringCharts(props: { report: ScoringReport }) {
  const { report } = props;
  // A band without a rate (SQL not tracked) draws no bar, rather than a bar at 0 %.
  const bands = report.bands.map((b) => ({
    band: scoreBandLabel(b.start),
    sqlRate: b.sqlRate,
    error:
      b.sqlRate === null || b.sqlInterval === null
        ? [0, 0]
        : [b.sqlRate - b.sqlInterval.low, b.sqlInterval.high - b.sqlRate],
  }));
  const sqlTracked = report.tracked.sql;
  return (
    <div className="chart-grid">
      <ChartFrame
        title={`Scores of ${formatCount(report.leads)} leads, in 10-point bins`}
        height={260}
        plot={(width) => (
          <BarChart
            width={width}
            height={260}
            data={report.distribution}
            margin={{ top: TITLE_ROOM, right: 16, bottom: 28, left: 8 }}
          >
            <CartesianGrid vertical={false} stroke={CHART_GRID} />
            <XAxis dataKey="binStart" tick={axisTick} label={axisTitleBelow("Score (points)")} />
            <YAxis
              tick={axisTick}
              tickFormatter={(v: number) => formatCount(v)}
              {...niceAxis(Math.max(1, ...report.distribution.map((d) => d.leads)))}
              label={axisTitleAbove("Leads")}
            />
            <ReferenceLine
              x={Math.floor(report.model.mqlThreshold / 10) * 10}
              stroke={OKABE_ITO.vermillion}
            />
            <Bar dataKey="leads" name="Leads" fill={OKABE_ITO.blue} isAnimationActive={false} />
          </BarChart>
        )}
        textAlternative={
          <table className="data-table">
            <caption>Leads per score bin</caption>
            <thead>
              <tr>
                <th scope="col">Score from</th>
                <th scope="col">Leads</th>
              </tr>
            </thead>
            <tbody>
              {report.distribution.map((d) => (
                <tr key={d.binStart}>
                  <th scope="row">{d.binStart}</th>
                  <td className="number">{formatCount(d.leads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFrame
        title={bandComparisonTitle(report.bands, sqlTracked)}
        height={260}
        plot={(width) => (
          <BarChart
            width={width}
            height={260}
            data={bands}
            margin={{ top: TITLE_ROOM, right: 16, bottom: 28, left: 8 }}
          >
            <CartesianGrid vertical={false} stroke={CHART_GRID} />
            <XAxis dataKey="band" tick={axisTick} label={axisTitleBelow("Score band")} />
            <YAxis
              tick={axisTick}
              domain={[0, 1]}
              ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
              tickFormatter={(v: number) => formatPercent(v)}
              label={axisTitleAbove("Reached SQL (% of the band's leads)")}
            />
            <Bar dataKey="sqlRate" name="Reached SQL" fill={OKABE_ITO.bluishGreen} isAnimationActive={false}>
              <ErrorBar dataKey="error" direction="y" width={6} stroke={CHART_INK} />
            </Bar>
          </BarChart>
        )}
        textAlternative={
          <table className="data-table">
            <caption>Conversion by score band</caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">Leads</th>
                <th scope="col">Became MQL</th>
                <th scope="col">Reached SQL</th>
                <th scope="col">Won</th>
              </tr>
            </thead>
            <tbody>
              {report.bands.map((b) => (
                <tr key={b.start}>
                  <th scope="row">{scoreBandLabel(b.start)}</th>
                  <td className="number">{formatCount(b.leads)}</td>
                  <td className="number">{rateOrNotTracked(b.mqls, b.leads)}</td>
                  <td className="number">{rateOrNotTracked(b.sqls, b.leads)}</td>
                  <td className="number">{rateOrNotTracked(b.deals, b.leads)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartFrame
        title={tuningTitle(report.tuning, report.model.mqlThreshold, report.highestScore, sqlTracked)}
        height={280}
        plot={(width) => (
          <ComposedChart
            width={width}
            height={280}
            data={report.tuning}
            margin={{ top: TITLE_ROOM, right: 16, bottom: 28, left: 8 }}
          >
            <CartesianGrid vertical={false} stroke={CHART_GRID} />
            <XAxis dataKey="threshold" tick={axisTick} label={axisTitleBelow("MQL threshold (points)")} />
            <YAxis
              yAxisId="leads"
              tick={axisTick}
              tickFormatter={(v: number) => formatCount(v)}
              {...niceAxis(Math.max(1, ...report.tuning.map((t) => t.wouldBeMqls)))}
              label={axisTitleAbove("Would-be MQLs (bars)")}
            />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 1]}
              ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
              tick={axisTick}
              tickFormatter={(v: number) => formatPercent(v)}
              label={sqlTracked ? axisTitleAbove("Reached SQL (line)", "right") : undefined}
            />
            <ReferenceLine
              yAxisId="leads"
              x={report.model.mqlThreshold}
              stroke={OKABE_ITO.vermillion}
              label={{
                value: "current",
                fill: CHART_INK,
                fontSize: CHART_FONT_SIZE - 2,
                position: "insideTopRight",
              }}
            />
            <Bar
              yAxisId="leads"
              dataKey="wouldBeMqls"
              name="Would-be MQLs"
              fill={OKABE_ITO.skyBlue}
              isAnimationActive={false}
            />
            {sqlTracked && (
              <Line
                yAxisId="share"
                dataKey="sqlShare"
                name="Share that reached SQL"
                stroke={OKABE_ITO.orange}
                dot={false}
                isAnimationActive={false}
              />
            )}
          </ComposedChart>
        )}
        notes={
          <p className="chart-notes">
            Bars: leads that would be MQLs at each threshold, up to the highest score (above it no lead would
            be an MQL); line: the share of them that reached SQL
            {sqlTracked ? "" : ` (not tracked: ${UNTRACKED_REASONS.sql})`}. A lower threshold fills a thin
            pipeline; a higher one hands sales fewer, better leads.
          </p>
        }
        textAlternative={
          <table className="data-table">
            <caption>Threshold tuning</caption>
            <thead>
              <tr>
                <th scope="col">Threshold</th>
                <th scope="col">Would-be MQLs</th>
                <th scope="col">Reached SQL</th>
              </tr>
            </thead>
            <tbody>
              {report.tuning.map((t) => (
                <tr key={t.threshold}>
                  <th scope="row">{t.threshold}</th>
                  <td className="number">{formatCount(t.wouldBeMqls)}</td>
                  <td className="number">{rateOrNotTracked(t.becameSql, t.wouldBeMqls)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}

export function ScoringSection() {
  const stored = useAppStore((s) => s.scoring);
  const setScoring = useAppStore((s) => s.setScoring);
  const model = normaliseScoring(stored);
  const state = useQuery(scoringMetric, model);
  const agreementTable = useRef<HTMLTableElement>(null);
  return (
    <section className="scoring" aria-labelledby="scoring-title">
      <h2 id="scoring-title">Lead scoring</h2>
      <p className="view-note">
        A lead's score is its fit points plus the points of every scored behaviour up to the as-of date (an
        exact duplicate row counts once). Outcomes use the reached rule: an MQL or SQL date, or any later
        stage. Changes are saved with your workspace settings.
      </p>
      <ModelEditor model={model} onChange={setScoring} />
      <QueryState state={state} loading="Scoring leads…" failed="The leads could not be scored">
        {(report) => (
          <>
            <Summary report={report} />
            {report.agreement ? (
              <>
                <TableCsvButton table={agreementTable} label="model and recorded MQL agreement" />
                <AgreementTable agreement={report.agreement} tableRef={agreementTable} />
              </>
            ) : (
              <p className="view-note" data-not-tracked="recorded-mql">
                Where the model and the recorded MQL dates disagree is not tracked: {UNTRACKED_REASONS.mql}.
              </p>
            )}
            <ScoringCharts report={report} />
          </>
        )}
      </QueryState>
    </section>
  );
}
