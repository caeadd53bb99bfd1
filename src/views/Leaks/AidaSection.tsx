// The AIDA view: leads reaching each AIDA stage from their behaviour, and where it disagrees with the funnel,
// with an editor for the activity → AIDA stage mapping (DATA.md).

import { useId, useMemo } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { ChartFrame } from "../../charts/ChartFrame";
import { axisTitleBelow, niceAxis } from "../../charts/chartParts";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "../../charts/palette";
import { type Aida, aidaMetric } from "../../metrics/aida";
import {
  AIDA_ACTIVITIES,
  AIDA_LABELS,
  AIDA_STAGES,
  type AidaMapping,
  type AidaStage,
  type AidaStep,
  aidaSteps,
  isAidaStage,
  resolveAidaMapping,
} from "../../model/aida";
import { formatCount } from "../../model/format";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { QueryState } from "../../ui/QueryState";
import { rateCell } from "./LeakCharts";

/** The select's value for "Not an AIDA behaviour". */
const NO_STAGE = "none";

/** One labelled select per canonical activity, and a reset to the standard mapping. */
export function AidaMappingEditor({ mapping }: { mapping: AidaMapping }) {
  const setAidaStage = useAppStore((s) => s.setAidaStage);
  const resetAidaMapping = useAppStore((s) => s.resetAidaMapping);
  const edited = useAppStore((s) => Object.keys(s.aidaMapping).length > 0);
  const idPrefix = useId();
  return (
    <details className="aida-mapping">
      <summary>Activity → AIDA stage</summary>
      <p>Which AIDA stage each activity counts as. Changes apply at once and are kept in this browser.</p>
      <ul className="aida-mapping-list">
        {AIDA_ACTIVITIES.map((activity) => {
          const id = `${idPrefix}-${activity}`;
          return (
            <li key={activity}>
              <label htmlFor={id}>{activity}</label>{" "}
              <select
                id={id}
                value={mapping[activity] ?? NO_STAGE}
                onChange={(e) => {
                  const value = e.target.value;
                  setAidaStage(activity, isAidaStage(value) ? value : null);
                }}
              >
                {AIDA_STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {AIDA_LABELS[stage]}
                  </option>
                ))}
                <option value={NO_STAGE}>Not an AIDA behaviour</option>
              </select>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={resetAidaMapping} disabled={!edited}>
        Reset to standard mapping
      </button>
    </details>
  );
}

/** The activities the mapping counts as Decision or Action, for the "marketing missed them" line. */
export function decisionActivities(mapping: AidaMapping): string {
  const names = AIDA_ACTIVITIES.filter((a) => mapping[a] === "decision" || mapping[a] === "action");
  return names.length > 0 ? names.join(", ").replaceAll("_", " ") : "none mapped";
}

/** Why an AIDA stage shows no count: nothing in the data counts as it. */
const stageNotTracked = (label: string) =>
  `${label} is not tracked: no activity in this data counts as ${label}`;

export function aidaTitle(aida: Aida): string {
  const first = aida.stages[0];
  const last = aida.stages[aida.stages.length - 1];
  if (!first || !last || aida.stages.every((s) => s.reached === null || s.reached === 0))
    return "No lead shows behaviour the AIDA mapping knows";
  if (first.reached === null) return `Leads reaching each AIDA stage; ${stageNotTracked("Awareness")}`;
  const aware = `${formatCount(first.reached)} leads showed Awareness behaviour`;
  if (last.reached === null) return `${aware}; ${stageNotTracked("Action")}`;
  return `${aware}; ${formatCount(last.reached)} reached Action (${rateCell(last.reached, first.reached)})`;
}

/** "62.0 % · 31 of 50", naming the base when it is not the stage just before; "not tracked" without a count. */
export function aidaStepLabel(step: AidaStep, previous: AidaStage | "leads"): string {
  if (step.reached === null) return "not tracked";
  if (step.fromCount === null || step.from === null)
    return `${formatCount(step.reached)} (no rate: the data holds no lead records)`;
  const rate = rateCell(step.reached, step.fromCount);
  if (step.from === previous || step.from === "leads") return rate;
  return `${rate} of ${AIDA_LABELS[step.from]}`;
}

export function AidaSection() {
  const edits = useAppStore((s) => s.aidaMapping);
  const mapping = useMemo(() => resolveAidaMapping(edits), [edits]);
  const state = useQuery(aidaMetric, mapping);
  if (state.status === "error")
    return (
      <>
        <p role="alert">AIDA could not be shown: {state.message}</p>
        <AidaMappingEditor mapping={mapping} />
      </>
    );
  return (
    <QueryState
      state={state}
      inline
      loading="Placing the leads on the AIDA stages…"
      failed="AIDA could not be shown"
    >
      {(aida) => <AidaReport aida={aida} mapping={mapping} />}
    </QueryState>
  );
}

function AidaReport({ aida, mapping }: { aida: Aida; mapping: AidaMapping }) {
  const steps = aidaSteps(aida.leads, aida.tracked.lead, aida.stages);
  const bars = steps.map((s, i) => ({
    label: AIDA_LABELS[s.stage],
    reached: s.reached,
    barLabel: aidaStepLabel(s, i === 0 ? "leads" : (AIDA_STAGES[i - 1] ?? "leads")),
  }));
  const notTracked = aida.disagreementsNotTracked;
  const height = 240;
  return (
    <section className="aida" aria-labelledby="aida-title">
      <h3 id="aida-title">AIDA stages and the MQL funnel</h3>
      <ChartFrame
        title={aidaTitle(aida)}
        height={height}
        plot={(width) => (
          <BarChart
            width={width}
            height={height}
            data={bars}
            layout="vertical"
            margin={{ top: 8, right: Math.min(260, Math.round(width * 0.45)), bottom: 32, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={CHART_GRID} />
            <XAxis
              type="number"
              tickFormatter={(v: number) => formatCount(v)}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
              {...niceAxis(Math.max(1, ...bars.map((b) => b.reached ?? 0)))}
              label={axisTitleBelow("Leads reached (count)")}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={100}
              tick={{ fontSize: CHART_FONT_SIZE, fill: CHART_INK }}
            />
            <Bar
              dataKey="reached"
              name="Leads reached"
              fill={OKABE_ITO.bluishGreen}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="barLabel"
                position="right"
                fill={CHART_INK}
                fontSize={CHART_FONT_SIZE - 2}
              />
            </Bar>
          </BarChart>
        )}
        notes={
          <p className="chart-notes">
            A lead reached an AIDA stage when it shows behaviour of that stage or a later one (a demo request
            counts as Interest and Awareness too); in the standard mapping Action is a won deal. A lead's
            first page view counts as Awareness, a later one (a repeat visit) as Interest. A stage nothing in
            the data counts as is not tracked: no count, and the next stage's rate runs from the nearest
            tracked stage before it. The mapping can be changed below.
          </p>
        }
        textAlternative={
          <table className="data-table">
            <caption>Leads reaching each AIDA stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Reached</th>
                <th scope="col">From the previous stage</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td className="number">{b.reached === null ? "not tracked" : formatCount(b.reached)}</td>
                  <td className="number">{b.barLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {notTracked !== null || aida.decisionNeverMql === null || aida.mqlAwarenessOnly === null ? (
        <ul className="aida-disagreements">
          <li data-aida="decision-never-mql" data-not-tracked="true">
            <strong>Marketing missed them:</strong> not tracked: {notTracked}.
          </li>
          <li data-aida="mql-awareness-only" data-not-tracked="true">
            <strong>Declared too early:</strong> not tracked: {notTracked}.
          </li>
        </ul>
      ) : (
        <AidaDisagreements aida={aida} mapping={mapping} />
      )}
      <AidaMappingEditor mapping={mapping} />
    </section>
  );
}

/** Where AIDA and the MQL funnel disagree, when the data records both. */
function AidaDisagreements(props: { aida: Aida; mapping: AidaMapping }) {
  const { aida, mapping } = props;
  const mqls = aida.mqls ?? 0;
  const missed = aida.decisionNeverMql ?? 0;
  const tooEarly = aida.mqlAwarenessOnly ?? 0;
  const withoutBehaviour = aida.mqlWithoutBehaviour ?? 0;
  return (
    <ul className="aida-disagreements">
      <li data-aida="decision-never-mql" data-value={missed}>
        <strong>Marketing missed them:</strong> {formatCount(missed)} {missed === 1 ? "lead" : "leads"} showed
        Decision or Action behaviour ({decisionActivities(mapping)}) but never became MQL.
      </li>
      <li data-aida="mql-awareness-only" data-value={tooEarly}>
        <strong>Declared too early:</strong> {rateCell(tooEarly, mqls)} MQLs showed only Awareness behaviour
        by the day they became MQL.
      </li>
      {withoutBehaviour > 0 && (
        <li data-aida="mql-without-behaviour" data-value={withoutBehaviour}>
          {rateCell(withoutBehaviour, mqls)} MQLs had no recorded behaviour before becoming MQL (often
          imported lists or manual qualification).
        </li>
      )}
    </ul>
  );
}
