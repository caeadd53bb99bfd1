// Does stalling cost wins? Closed deals' win rate when their stay in a stage ran over its stall line
// against when it did not — shown only where lost deals are recorded and there are enough to judge.

import { useRef } from "react";
import type { Pipeline } from "../../model/pipeline";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { daysText, rateData, rateText } from "./rateText";

export function StallEffect({ pipeline }: { pipeline: Pipeline }) {
  const table = useRef<HTMLTableElement>(null);
  const rows = pipeline.stages.filter((s) => s.kind === "open");
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="pipeline-stall-title">
      <h3 id="pipeline-stall-title">Win rate over and under each stall line</h3>
      <TableCsvButton table={table} label="win rate over and under the stall line" />
      <table ref={table} className="data-table">
        <caption>
          Closed deals, won ÷ (won + lost), split by whether their time in the stage ran over the stage's
          stall line.
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Stall line</th>
            <th scope="col">Over the line</th>
            <th scope="col">Under the line</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.position} data-stall-stage={s.stage}>
              <th scope="row">{s.stage}</th>
              <td className="number">{daysText(s.stallLineDays)}</td>
              <td
                className="number"
                data-metric="win_rate_over_stall"
                data-value={rateData(s.stallEffect.over)}
              >
                {rateText(s.stallEffect.over)}
              </td>
              <td
                className="number"
                data-metric="win_rate_under_stall"
                data-value={rateData(s.stallEffect.under)}
              >
                {rateText(s.stallEffect.under)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
