// Each step's conversion by the quarter deals reached it; quarters whose deals may still move on are
// marked incomplete and never priced as "best".

import { useRef } from "react";
import type { Pipeline } from "../../model/pipeline";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { rateData, rateText } from "./rateText";
import "./pipelineTables.css";

export function QuarterRates({ pipeline }: { pipeline: Pipeline }) {
  const table = useRef<HTMLTableElement>(null);
  const quarters = [...new Set(pipeline.steps.flatMap((s) => s.quarters.map((q) => q.quarter)))].sort();
  if (quarters.length === 0) return null;
  return (
    <section aria-labelledby="pipeline-quarters-title">
      <h3 id="pipeline-quarters-title">Step conversion by quarter</h3>
      <TableCsvButton table={table} label="pipeline step conversion by quarter" />
      <div className="table-scroll">
        <table ref={table} className="data-table pipeline-quarter-table">
          <caption>
            Deals by the quarter they reached the step's first stage, and the share that moved on. A quarter
            marked "incomplete" is recent enough that its deals may still move on.
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              {quarters.map((q) => (
                <th key={q} scope="col">
                  {q}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pipeline.steps.map((step) => (
              <tr key={step.fromPosition} data-pipeline-step={`${step.from} → ${step.to}`}>
                <th scope="row">
                  {step.from} → {step.to}
                </th>
                {quarters.map((q) => {
                  const cell = step.quarters.find((c) => c.quarter === q);
                  if (!cell) return <td key={q}>—</td>;
                  return (
                    <td
                      key={q}
                      className="number"
                      data-quarter={q}
                      data-complete={cell.complete}
                      data-value={rateData(cell.rate)}
                      data-csv={rateData(cell.rate)}
                    >
                      {rateText(cell.rate)}
                      {cell.complete ? "" : " (incomplete)"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
