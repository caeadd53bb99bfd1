// What the Alignment screen shows once the hand-offs are measured: the headline, what is not tracked, the
// scorecard, outcomes, routing and SLA breakdowns. No engine or store, so tests render it from data.

import type { Alignment } from "../../metrics/alignment";
import {
  type AlignmentSettings,
  NOT_TRACKED_REASONS,
  SCORE_PART_LABELS,
  SCORE_PARTS,
  SLA_NOT_TRACKED_HEADLINE,
  slaHeadline,
  slaTracked,
} from "../../model/alignment";
import { formatCount } from "../../model/format";
import { CohortOnlyNote } from "../Filters/CohortOnlyNote";
import { Misrouting } from "./Misrouting";
import { ContactBuckets, SlaOutcomes } from "./Outcomes";
import { Scorecard } from "./Scorecard";
import { SlaBreakdown } from "./SlaBreakdown";

/** The screen's headline: no hand-off, no SLA tracked, or the team that misses the SLA. */
export function alignmentScreenHeadline(alignment: Alignment, settings: AlignmentSettings): string {
  if (alignment.teams.length === 0)
    return "No lead in this selection has an MQL date, so there is no hand-off to measure.";
  if (!slaTracked(alignment.tracking)) return `${SLA_NOT_TRACKED_HEADLINE}.`;
  return slaHeadline(
    alignment.teams.map((t) => ({ team: t.key, slaCompliance: t.slaCompliance, winRate: t.winRate })),
    settings.slaGoal,
  );
}

/** Everything the screen shows once the hand-offs are measured (no engine: tests render it from data). */
export function AlignmentReport(props: { alignment: Alignment; settings: AlignmentSettings }) {
  const { alignment, settings } = props;
  const untracked = SCORE_PARTS.filter((p) => !alignment.tracking[p]);
  return (
    <>
      <header className="view-header">
        <h2 className="headline" data-headline="alignment">
          {alignmentScreenHeadline(alignment, settings)}
        </h2>
        <CohortOnlyNote />
        {untracked.length > 0 && (
          <p className="view-note" data-not-tracked={untracked.join(" ")}>
            Not tracked in this data, so neither met nor missed and left out of the SLA and the alignment
            score: {untracked.map((p) => `${SCORE_PART_LABELS[p]} (${NOT_TRACKED_REASONS[p]})`).join("; ")}.
          </p>
        )}
        {alignment.skippedMql > 0 && (
          <p className="view-note">
            {formatCount(alignment.skippedMql)} leads reached MQL only by skipping it (no MQL date), so they
            have no hand-off to time and are left out here.
          </p>
        )}
      </header>
      {alignment.teams.length > 0 && (
        <>
          <Scorecard alignment={alignment} settings={settings} />
          <div className="chart-grid">
            <SlaOutcomes alignment={alignment} />
            <ContactBuckets alignment={alignment} />
          </div>
          <Misrouting alignment={alignment} />
          {slaTracked(alignment.tracking) && (
            <>
              <SlaBreakdown
                caption="SLA compliance by owner"
                groups={alignment.owners}
                tracking={alignment.tracking}
                label={(g) => `${g.subKey ?? ""} (${g.key})`}
              />
              <SlaBreakdown
                caption="SLA compliance by month of MQL"
                groups={alignment.months}
                tracking={alignment.tracking}
                label={(g) => g.key}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
