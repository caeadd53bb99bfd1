// The AIDA view: leads reaching each AIDA stage from their behaviour, and where it disagrees with the funnel,
// with an editor for the activity → AIDA stage mapping (DATA.md).

import { useCallback, useId, useMemo } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { type MetricContext, useMetric } from "../../app/useMetric";
import { ChartFrame } from "../../charts/ChartFrame";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "../../charts/palette";
import type { SqlEngine } from "../../db/engine";
import { type Aida, queryAida } from "../../metrics/aida";
import {
  AIDA_ACTIVITIES,
  AIDA_LABELS,
  AIDA_STAGES,
  type AidaMapping,
  isAidaStage,
  resolveAidaMapping,
} from "../../model/aida";
import { formatCount, formatPercent } from "../../model/format";
import { useAppStore } from "../../store";
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

export function aidaTitle(aida: Aida): string {
  const first = aida.stages[0];
  const last = aida.stages[aida.stages.length - 1];
  if (!first || !last || first.reached === 0) return "No lead shows behaviour the AIDA mapping knows";
  return `${formatCount(first.reached)} leads showed Awareness behaviour; ${formatCount(last.reached)} reached Action (${formatPercent(last.reached / first.reached)})`;
}

export function AidaSection() {
  const edits = useAppStore((s) => s.aidaMapping);
  const mapping = useMemo(() => resolveAidaMapping(edits), [edits]);
  const runAida = useCallback(
    (engine: SqlEngine, ctx: MetricContext) => queryAida(engine, { ...ctx, aidaMapping: mapping }),
    [mapping],
  );
  const state = useMetric(runAida, [mapping]);
  if (state.status !== "ready")
    return state.status === "error" ? (
      <>
        <p role="alert">AIDA could not be shown: {state.message}</p>
        <AidaMappingEditor mapping={mapping} />
      </>
    ) : null;
  const aida = state.data;
  const bars = aida.stages.map((s, i) => {
    const previous = i === 0 ? aida.leads : (aida.stages[i - 1]?.reached ?? 0);
    return { label: AIDA_LABELS[s.stage], reached: s.reached, barLabel: rateCell(s.reached, previous) };
  });
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
              label={{
                value: "Leads reached (count)",
                position: "insideBottom",
                offset: -20,
                fill: CHART_INK,
              }}
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
            counts as Interest and Awareness too); in the standard mapping Action is a won deal. The mapping
            can be changed below.
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
                  <td className="number">{formatCount(b.reached)}</td>
                  <td className="number">{b.barLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ul className="aida-disagreements">
        <li data-aida="decision-never-mql" data-value={aida.decisionNeverMql}>
          <strong>Marketing missed them:</strong> {formatCount(aida.decisionNeverMql)}{" "}
          {aida.decisionNeverMql === 1 ? "lead" : "leads"} showed Decision or Action behaviour (
          {decisionActivities(mapping)}) but never became MQL.
        </li>
        <li data-aida="mql-awareness-only" data-value={aida.mqlAwarenessOnly}>
          <strong>Declared too early:</strong> {rateCell(aida.mqlAwarenessOnly, aida.mqls)} MQLs showed only
          Awareness behaviour by the day they became MQL.
        </li>
        {aida.mqlWithoutBehaviour > 0 && (
          <li data-aida="mql-without-behaviour" data-value={aida.mqlWithoutBehaviour}>
            {rateCell(aida.mqlWithoutBehaviour, aida.mqls)} MQLs had no recorded behaviour before becoming MQL
            (often imported lists or manual qualification).
          </li>
        )}
      </ul>
      <AidaMappingEditor mapping={mapping} />
    </section>
  );
}
