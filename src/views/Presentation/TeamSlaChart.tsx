// The alignment slide's chart: each team's share of hand-offs within the SLA and accepted by sales, with intervals.

import { IntervalBarChart, type IntervalSeries } from "../../charts/IntervalBarChart";
import { OKABE_ITO } from "../../charts/palette";
import type { HandoffGroup } from "../../metrics/alignment";
import { ACCEPTANCE_GOAL, type Rate } from "../../model/alignment";
import { formatPercent, formatRateWithCounts } from "../../model/format";

const SERIES: IntervalSeries[] = [
  { id: "sla", name: "Hand-offs within SLA", color: OKABE_ITO.blue },
  { id: "accepted", name: "Accepted by sales", color: OKABE_ITO.bluishGreen },
];

const cell = (rate: Rate) =>
  `${formatRateWithCounts(rate.successes, rate.trials)}${rate.tooFew ? " (too few to judge)" : ""}`;

export function TeamSlaChart(props: { teams: readonly HandoffGroup[]; slaGoal: number }) {
  const { teams, slaGoal } = props;
  return (
    <IntervalBarChart
      title={`Hand-offs within SLA (goal ${formatPercent(slaGoal)}) and accepted by sales (goal ≥ ${formatPercent(ACCEPTANCE_GOAL)}), by team`}
      yLabel="Share of hand-offs"
      series={SERIES}
      categories={teams.map((t) => ({
        label: t.key,
        points: { sla: t.slaCompliance, accepted: t.acceptance },
      }))}
      height={320}
      textAlternative={
        <table className="data-table">
          <caption>Hand-offs within SLA and accepted by sales, by team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Within SLA</th>
              <th scope="col">Accepted by sales</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.key}>
                <th scope="row">{t.key}</th>
                <td className="number">{cell(t.slaCompliance)}</td>
                <td className="number">{cell(t.acceptance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
