// SLA compliance per step for a breakdown of hand-offs (by owner, by month of MQL); untracked steps say so.

import { useRef } from "react";
import type { Alignment, HandoffGroup } from "../../metrics/alignment";
import { NOT_TRACKED_REASONS, SLA_NOT_TRACKED_REASON, slaTracked } from "../../model/alignment";
import { formatCount } from "../../model/format";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { RateCell } from "./cells";

export function SlaBreakdown(props: {
  caption: string;
  groups: readonly HandoffGroup[];
  tracking: Alignment["tracking"];
  label: (g: HandoffGroup) => string;
}) {
  const table = useRef<HTMLTableElement>(null);
  const { tracking } = props;
  const reason = (step: "review" | "contact" | "feedback") =>
    tracking[step] ? null : NOT_TRACKED_REASONS[step];
  return (
    <details className="chart-data">
      <summary>{props.caption}</summary>
      <TableCsvButton table={table} label={props.caption} />
      <table ref={table} className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Hand-offs</th>
            <th scope="col">Review within SLA</th>
            <th scope="col">Contact within SLA</th>
            <th scope="col">Feedback within SLA</th>
            <th scope="col">Whole SLA met</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={`${g.key}>${g.subKey ?? ""}`}>
              <th scope="row">{props.label(g)}</th>
              <td className="number">{formatCount(g.handoffs)}</td>
              <RateCell rate={g.reviewSla} notTracked={reason("review")} empty="none due yet" />
              <RateCell rate={g.contactSla} notTracked={reason("contact")} empty="none due yet" />
              <RateCell rate={g.feedbackSla} notTracked={reason("feedback")} empty="none due yet" />
              <RateCell
                rate={g.slaCompliance}
                notTracked={slaTracked(tracking) ? null : SLA_NOT_TRACKED_REASON}
                empty="none due yet"
              />
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
