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

/** `show`: the series the workspace tracks (an SLA step, SAL dates); an untracked one is not drawn. */
export function TeamSlaChart(props: {
  teams: readonly HandoffGroup[];
  slaGoal: number;
  show?: { sla: boolean; accepted: boolean };
  /** The plot's height (a slide gives the room it has); 320 px otherwise. */
  height?: number;
}) {
  const { teams, slaGoal } = props;
  const show = props.show ?? { sla: true, accepted: true };
  const titles = [
    show.sla ? `Hand-offs within SLA (goal ${formatPercent(slaGoal)})` : null,
    show.accepted ? `accepted by sales (goal ≥ ${formatPercent(ACCEPTANCE_GOAL)})` : null,
  ].filter((t) => t !== null);
  const title = titles.join(" and ");
  return (
    <IntervalBarChart
      title={`${title.charAt(0).toUpperCase()}${title.slice(1)}, by team`}
      yLabel="Share of hand-offs"
      series={SERIES.filter((s) => (s.id === "sla" ? show.sla : show.accepted))}
      categories={teams.map((t) => ({
        label: t.key,
        points: { sla: t.slaCompliance, accepted: t.acceptance },
      }))}
      height={props.height ?? 320}
      textAlternative={
        <table className="data-table">
          <caption>Hand-offs within SLA and accepted by sales, by team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {show.sla && <th scope="col">Within SLA</th>}
              {show.accepted && <th scope="col">Accepted by sales</th>}
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.key}>
                <th scope="row">{t.key}</th>
                {show.sla && <td className="number">{cell(t.slaCompliance)}</td>}
                {show.accepted && <td className="number">{cell(t.acceptance)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
