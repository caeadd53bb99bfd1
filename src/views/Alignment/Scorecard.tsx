// The team scorecard: hand-offs, median hours to each step, SLA compliance, acceptance, the alignment
// score and win rate per team. Every cell carries data-team, data-metric and data-value (empty when not
// tracked); an untracked part says "not tracked" and why.

import { useRef } from "react";
import type { Alignment, HandoffGroup } from "../../metrics/alignment";
import {
  ACCEPTANCE_GOAL,
  type AlignmentSettings,
  type HandoffTracking,
  listParts,
  NOT_TRACKED_REASONS,
  outcomeNotTracked,
  SCORE_PARTS,
  SLA_NOT_TRACKED_REASON,
  SLA_STEPS,
  scoreFormula,
  slaTracked,
} from "../../model/alignment";
import { categoryLabeller } from "../../model/categoryText";
import { formatCount, formatHours, formatPercent } from "../../model/format";
import { MIN_LEADS_TO_JUDGE, TOO_FEW_TO_JUDGE } from "../../model/smallNumbers";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { HoursCell, NotTracked, RateCell, Status } from "./cells";
import "./alignment.css";

/** The caption names the best- and least-aligned teams only when each score rests on enough leads. */
export function scorecardCaption(teams: readonly HandoffGroup[]): string {
  const scored = teams.filter((t) => t.alignmentScore !== null);
  const judged = scored
    .filter((t) => !t.scoreTooFew)
    .sort((a, b) => (b.alignmentScore ?? 0) - (a.alignmentScore ?? 0));
  const best = judged[0];
  const least = judged[judged.length - 1];
  if (best && least && best !== least)
    return `${best.key} is the best-aligned team (score ${formatPercent(best.alignmentScore)}), ${least.key} the least (${formatPercent(least.alignmentScore)})`;
  if (scored.length > 1)
    return `Hand-off scorecard by team: which team is best aligned is too few to judge (a score resting on fewer than ${MIN_LEADS_TO_JUDGE} leads is not compared)`;
  return "Hand-off scorecard by team";
}

function ScoreCell(props: { team: HandoffGroup; tracking: HandoffTracking }) {
  const { team: t, tracking } = props;
  const anyTracked = SCORE_PARTS.some((p) => tracking[p]);
  const allFour = t.scoreParts.length === SCORE_PARTS.length;
  return (
    <td
      className="number"
      data-team={t.key}
      data-metric="alignment_score"
      data-value={t.alignmentScore ?? ""}
      data-score-parts={t.scoreParts.join(" ")}
      data-small-sample={t.scoreTooFew ? "true" : undefined}
    >
      {!anyTracked ? (
        <NotTracked reason="none of its parts (review, contact and feedback SLA, acceptance) is tracked" />
      ) : (
        <>
          {formatPercent(t.alignmentScore)}
          {t.alignmentScore === null ? (
            <>
              <br />
              <span className="kpi-counts">no part has hand-offs due yet</span>
            </>
          ) : (
            !allFour && (
              <>
                <br />
                <span className="kpi-counts">mean of {listParts(t.scoreParts)} only</span>
              </>
            )
          )}
          {t.scoreTooFew && (
            <>
              <br />
              <span className="small-sample-status">{TOO_FEW_TO_JUDGE}</span>
            </>
          )}
        </>
      )}
    </td>
  );
}

/** What the note under the table says about the SLA: its steps, and those not tracked with the reason. */
function slaNote(settings: AlignmentSettings, tracking: HandoffTracking): string {
  const { targets } = settings;
  if (!slaTracked(tracking)) return `No hand-off SLA: ${SLA_NOT_TRACKED_REASON}.`;
  const targetOf = {
    review: targets.reviewHours,
    contact: targets.contactHours,
    feedback: targets.feedbackHours,
  };
  const tracked = SLA_STEPS.filter((s) => tracking[s]).map((s) => `${s} ≤ ${formatHours(targetOf[s])}`);
  const untracked = SLA_STEPS.filter((s) => !tracking[s]);
  const within = `Within SLA: ${tracked.join(", ")} ${tracked.length > 1 ? "all met" : "met"}${tracking.contact ? " (contact is not required of a lead sales rejected)" : ""}; hand-offs whose deadline has not passed yet are left out.`;
  if (untracked.length === 0) return within;
  const reasons = untracked.map((s) => `${s} (${NOT_TRACKED_REASONS[s]})`).join(", ");
  return `${within} Not tracked, so neither met nor missed and left out of the SLA: ${reasons}.`;
}

export function Scorecard(props: { alignment: Alignment; settings: AlignmentSettings }) {
  const { teams, tracking } = props.alignment;
  const { targets, slaGoal } = props.settings;
  const table = useRef<HTMLTableElement>(null);
  // TEAM_CODE names read tidied; the stored name stays in the tooltip and the CSV.
  const teamText = categoryLabeller(teams.map((t) => t.key));
  const stepReason = (step: "review" | "contact" | "feedback") =>
    tracking[step] ? null : NOT_TRACKED_REASONS[step];
  const slaReason = slaTracked(tracking) ? null : SLA_NOT_TRACKED_REASON;
  const acceptanceReason = tracking.acceptance ? null : NOT_TRACKED_REASONS.acceptance;
  return (
    <section className="alignment-scorecard" aria-label="Team scorecard">
      <TableCsvButton table={table} label="team scorecard" />
      {/* A wide scorecard scrolls inside its own box instead of widening the page (a filter's long
          numbers once made the screen 1,450 px wide at 1,440). */}
      <div className="alignment-table-scroll">
        <table ref={table} className="data-table">
          <caption>{scorecardCaption(teams)}</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Leads handed off</th>
              <th scope="col">Median to review</th>
              <th scope="col">Median to first contact</th>
              <th scope="col">Median to feedback</th>
              <th scope="col">Within SLA (goal {formatPercent(slaGoal)})</th>
              <th scope="col">Accepted by sales, MQL → SAL (goal ≥ {formatPercent(ACCEPTANCE_GOAL)})</th>
              <th scope="col">Alignment score</th>
              <th scope="col">Win rate (opportunity → deal)</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.key} data-team={t.key}>
                <th
                  scope="row"
                  title={teamText(t.key).title ?? undefined}
                  data-csv={teamText(t.key).title ?? undefined}
                >
                  {teamText(t.key).text}
                </th>
                <td className="number" data-team={t.key} data-metric="handoffs" data-value={t.handoffs}>
                  {formatCount(t.handoffs)}
                </td>
                <HoursCell
                  hours={t.medianReviewHours}
                  target={targets.reviewHours}
                  team={t.key}
                  metric="median_review_hours"
                  notTracked={stepReason("review")}
                />
                <HoursCell
                  hours={t.medianContactHours}
                  target={targets.contactHours}
                  team={t.key}
                  metric="median_contact_hours"
                  notTracked={stepReason("contact")}
                />
                <HoursCell
                  hours={t.medianFeedbackHours}
                  target={targets.feedbackHours}
                  team={t.key}
                  metric="median_feedback_hours"
                  notTracked={stepReason("feedback")}
                />
                <RateCell
                  rate={t.slaCompliance}
                  team={t.key}
                  metric="sla_compliance"
                  notTracked={slaReason}
                  empty="no hand-off due yet"
                  status={
                    <Status
                      ok={(t.slaCompliance.value ?? 0) >= slaGoal}
                      okText="meets goal"
                      badText="below goal"
                    />
                  }
                />
                <RateCell
                  rate={t.acceptance}
                  team={t.key}
                  metric="acceptance"
                  notTracked={acceptanceReason}
                  empty="no hand-offs"
                  status={
                    <Status
                      ok={(t.acceptance.value ?? 0) >= ACCEPTANCE_GOAL}
                      okText="meets benchmark"
                      badText="below benchmark"
                    />
                  }
                />
                <ScoreCell team={t} tracking={tracking} />
                <RateCell
                  rate={t.winRate}
                  team={t.key}
                  metric="opportunity_win_rate"
                  empty="no opportunities"
                  notTracked={outcomeNotTracked(props.alignment.outcomeTracking, ["opportunity", "deal"])}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="view-note">
        {scoreFormula(tracking)} Hours are elapsed calendar hours from MQL (not business hours) to the first
        review, contact and feedback at or after it; touches before MQL do not count.{" "}
        {slaNote(props.settings, tracking)}
      </p>
    </section>
  );
}
