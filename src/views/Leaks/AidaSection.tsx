// The AIDA view: leads reaching each AIDA stage from their behaviour, and where it disagrees with the funnel.

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { type MetricContext, useMetric } from "../../app/useMetric";
import { ChartFrame } from "../../charts/ChartFrame";
import { CHART_FONT_SIZE, CHART_GRID, CHART_INK, OKABE_ITO } from "../../charts/palette";
import type { SqlEngine } from "../../db/engine";
import { AIDA_LABELS, type Aida, queryAida } from "../../metrics/aida";
import { formatCount, formatPercent } from "../../model/format";
import { rateCell } from "./LeakCharts";

const runAida = (engine: SqlEngine, ctx: MetricContext) => queryAida(engine, ctx);

export function aidaTitle(aida: Aida): string {
  const first = aida.stages[0];
  const last = aida.stages[aida.stages.length - 1];
  if (!first || !last || first.reached === 0) return "No lead shows behaviour the AIDA mapping knows";
  return `${formatCount(first.reached)} leads showed Awareness behaviour; ${formatCount(last.reached)} reached Action (${formatPercent(last.reached / first.reached)})`;
}

export function AidaSection() {
  const state = useMetric(runAida);
  if (state.status !== "ready")
    return state.status === "error" ? <p role="alert">AIDA could not be shown: {state.message}</p> : null;
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
            counts as Interest and Awareness too); Action is a won deal.
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
          {aida.decisionNeverMql === 1 ? "lead" : "leads"} showed Decision behaviour (pricing, demo, trial,
          chat, quote, sales meeting) but never became MQL.
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
    </section>
  );
}
