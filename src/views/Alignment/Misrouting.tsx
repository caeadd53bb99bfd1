// Mis-routed hand-offs (the team against the team the company size calls for) and what became of them.

import { useRef } from "react";
import type { Alignment, HandoffGroup } from "../../metrics/alignment";
import {
  NOT_TRACKED_REASONS,
  OUTCOME_NOT_TRACKED_REASONS,
  rate,
  tooFewToCompare,
} from "../../model/alignment";
import { type CategoryText, categoryLabeller } from "../../model/categoryText";
import { formatCount, formatPercent } from "../../model/format";
import { formatCountOf, MIN_LEADS_TO_JUDGE } from "../../model/smallNumbers";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { OutcomeTable } from "./Outcomes";

const ROUTING_LABELS: Record<string, string> = {
  as_routed: "Routed as size calls for",
  misrouted: "Mis-routed",
  unknown: "Size or team unknown",
};

/** How many hand-offs went to the wrong team, their acceptance against the rest (when it can be judged). */
export function misroutingSentence(alignment: Alignment): string {
  const { byRouting, total, tracking, outcomeTracking } = alignment;
  const wrong = byRouting.find((g) => g.key === "misrouted");
  const count = wrong?.handoffs ?? 0;
  if (!wrong || count === 0)
    return "Every hand-off with a known company size went to the team its size calls for.";
  const right = byRouting.find((g) => g.key === "as_routed")?.acceptance ?? rate(0, 0);
  const accepted = wrong.acceptance;
  const acceptance = !tracking.acceptance
    ? `whether sales accepted them is not tracked (${NOT_TRACKED_REASONS.acceptance})`
    : tooFewToCompare(accepted, right)
      ? `their acceptance against those routed right is too few to judge (${formatCountOf(accepted.successes, accepted.trials)} accepted, against ${formatCountOf(right.successes, right.trials)}; fewer than ${MIN_LEADS_TO_JUDGE} on a side)`
      : `${formatPercent(accepted.value)} were accepted (${formatPercent(right.value)} when routed right)`;
  const customers = outcomeTracking.deal
    ? `${formatCount(wrong.won)} became customers`
    : `whether they became customers is not tracked (${OUTCOME_NOT_TRACKED_REASONS.deal})`;
  return `${formatCount(count)} of ${formatCount(total?.handoffs ?? 0)} hand-offs went to another team than their company size calls for; ${acceptance}, and ${customers}.`;
}

/** A team name as shown (TEAM_CODE tidied), the stored name in its tooltip and in the table's CSV. */
function TeamCell(props: { team: string | null; label: (team: string) => CategoryText }) {
  const shown = props.label(props.team ?? "");
  return (
    <td title={shown.title ?? undefined} data-csv={shown.title ?? undefined}>
      {shown.text}
    </td>
  );
}

export function Misrouting(props: { alignment: Alignment }) {
  const { byRouting, misrouted, tracking, outcomeTracking } = props.alignment;
  const count = byRouting.find((g) => g.key === "misrouted")?.handoffs ?? 0;
  const routingTable = useRef<HTMLTableElement>(null);
  const misroutedTable = useRef<HTMLTableElement>(null);
  const accepted = (g: HandoffGroup) =>
    tracking.acceptance ? formatCount(g.acceptance.successes) : "not tracked";
  const countIf = (ok: boolean, n: number) => (ok ? formatCount(n) : "not tracked");
  const teamText = categoryLabeller(misrouted.flatMap((g) => [g.key, g.subKey ?? ""]));
  return (
    <section aria-labelledby="misrouting-title">
      <h3 id="misrouting-title" className="chart-title" data-misrouted={count}>
        {misroutingSentence(props.alignment)}
      </h3>
      <TableCsvButton table={routingTable} label="outcomes by routing" />
      <OutcomeTable
        caption="Outcomes by routing"
        groups={byRouting.map((g) => ({ label: ROUTING_LABELS[g.key] ?? g.key, group: g }))}
        tableRef={routingTable}
        tracking={outcomeTracking}
      />
      {misrouted.length > 0 && <TableCsvButton table={misroutedTable} label="mis-routed hand-offs" />}
      {misrouted.length > 0 && (
        <table ref={misroutedTable} className="data-table">
          <caption>Mis-routed hand-offs: the team their size calls for and the team they went to</caption>
          <thead>
            <tr>
              <th scope="col">Size calls for</th>
              <th scope="col">Went to</th>
              <th scope="col">Hand-offs</th>
              <th scope="col">Accepted</th>
              <th scope="col">Rejected</th>
              <th scope="col">Became SQL</th>
              <th scope="col">Won</th>
            </tr>
          </thead>
          <tbody>
            {misrouted.map((g) => (
              <tr key={`${g.key}>${g.subKey}`}>
                <TeamCell team={g.key} label={teamText} />
                <TeamCell team={g.subKey} label={teamText} />
                <td className="number">{formatCount(g.handoffs)}</td>
                <td className="number">{accepted(g)}</td>
                <td className="number">{formatCount(g.rejected)}</td>
                <td className="number">{countIf(outcomeTracking.sql, g.mqlToSql.successes)}</td>
                <td className="number">{countIf(outcomeTracking.deal, g.won)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
