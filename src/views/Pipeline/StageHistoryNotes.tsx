// What the stage history could not place, counted and said: never silently dropped.

import { formatCount } from "../../model/format";
import type { DealStageAudit } from "../../model/pipeline";

/** One sentence per finding; empty when the history is clean. */
export function stageHistoryFindings(audit: DealStageAudit): string[] {
  const found: string[] = [];
  const deals = (n: number) => `${formatCount(n)} ${n === 1 ? "deal" : "deals"}`;
  for (const other of audit.otherPipelines)
    found.push(`${deals(other.deals)} in another pipeline (${other.pipeline}) are left out.`);
  const { won, lost } = audit.closedWithoutHistory;
  if (won + lost > 0)
    found.push(
      `${deals(won + lost)} closed (${formatCount(won)} won, ${formatCount(lost)} lost) with no stage date: ` +
        "they count in the win rate, not in any stage.",
    );
  if (audit.openWithoutHistory > 0)
    found.push(`${deals(audit.openWithoutHistory)} open with no stage date are not placed in a stage.`);
  if (audit.datesBackwards > 0)
    found.push(`${deals(audit.datesBackwards)} have a later stage dated before an earlier one.`);
  if (audit.reentries > 0)
    found.push(
      `${deals(audit.reenteredDeals)} entered a stage again (${formatCount(audit.reentries)} re-entries); ` +
        "the first entry counts.",
    );
  if (audit.stagesWithoutDates.length > 0)
    found.push(`No deal has a date for: ${audit.stagesWithoutDates.join(", ")}.`);
  if (audit.undatedEntries > 0)
    found.push(
      `${formatCount(audit.undatedEntries)} stage entries have no readable date and are not counted.`,
    );
  if (audit.excludedEntries > 0)
    found.push(`${formatCount(audit.excludedEntries)} stage dates are in stages you excluded.`);
  return found;
}

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
