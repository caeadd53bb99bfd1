// What the stage history could not place, counted and said: never silently dropped.

import { formatCount } from "../../model/format";
import { type DealStageAudit, stageHistoryFindings } from "../../model/pipeline";

export function StageHistoryNotes({ audit }: { audit: DealStageAudit }) {
  const findings = stageHistoryFindings(audit);
  return (
    <section aria-labelledby="pipeline-history-title" data-stage-history-findings={findings.length}>
      <h3 id="pipeline-history-title">Stage history quality</h3>
      {findings.length === 0 ? (
        <p className="view-note">
          Every one of the {formatCount(audit.deals)} deals has a readable stage history in this pipeline.
        </p>
      ) : (
        <ul className="view-note">
          {findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
