// The Pipeline screen (issue #18): the sales side of the funnel stage by stage from the CRM's own
// stage history — where deals stall or are lost, how long each stage takes, and what fixing the
// biggest leak is worth. Follows the shared filters and period.

import { useState } from "react";
import { pipelineMetric } from "../../metrics/pipeline";
import { formatCount } from "../../model/format";
import {
  fixWorthSentence,
  type Pipeline,
  pipelineHasDeals,
  pipelineLeakSentence,
  withoutStageSentence,
} from "../../model/pipeline";
import { useQuery } from "../../queries/useQuery";
import { QueryState } from "../../ui/QueryState";
import { CohortOnlyNote } from "../Filters/CohortOnlyNote";
import { QuarterRates } from "./QuarterRates";
import { lostPart, rateData, rateText } from "./rateText";
import { type PipelineMeasure, StageChart } from "./StageChart";
import { StageHistoryNotes } from "./StageHistoryNotes";
import { StageTable } from "./StageTable";
import { StallEffect } from "./StallEffect";

/** The Pipeline counts deals by their lead's cohort, or their created date: never entries in the period. */
export const PIPELINE_COHORT_NOTE =
  "Counted by cohort: the deals whose lead became a lead in the period (a deal without a lead: created " +
  "in it), with every later stage they reached — not the stage entries dated in the period.";

export const NO_STAGE_HISTORY =
  "No deal stage history is loaded. Import a HubSpot deals export with its “Date entered …” columns, a " +
  "Salesforce opportunity (stage) history report, or an activity log with deal stage changes to see " +
  "where deals stall and are lost.";

const NO_DEALS_SELECTED =
  "No deal of the pipeline matches these filters and period. Clear a filter or widen the period to see its stages.";

/** What the screen says instead of the report: no stage history at all, or none in the selection. */
export function pipelineEmptyMessage(pipeline: Pipeline): string | null {
  if (pipeline.stages.length === 0) return NO_STAGE_HISTORY;
  return pipelineHasDeals(pipeline) ? null : NO_DEALS_SELECTED;
}

export function PipelineView() {
  const state = useQuery(pipelineMetric, undefined);
  return (
    <QueryState
      state={state}
      loading="Following the deals through the stages…"
      failed="The pipeline could not be shown"
      empty={pipelineEmptyMessage}
    >
      {(pipeline) => <PipelineReport pipeline={pipeline} />}
    </QueryState>
  );
}

export function PipelineReport({ pipeline }: { pipeline: Pipeline }) {
  const [measure, setMeasure] = useState<PipelineMeasure>("deals");
  const { deals } = pipeline;
  // Value needs amounts: without any, the chart stays on deals (a sum of nothing is not 0 in value).
  const shown: PipelineMeasure = pipeline.amountRecorded ? measure : "deals";
  return (
    <div className="pipeline-view">
      <h2>Deal pipeline</h2>
      <CohortOnlyNote text={PIPELINE_COHORT_NOTE} />
      <p className="headline" data-biggest-pipeline-leak={pipeline.biggestLeak?.stage ?? ""}>
        {pipelineLeakSentence(pipeline.biggestLeak, pipeline.lostRecorded)}
      </p>
      <p
        className="view-note"
        data-fix-worth={pipeline.fixWorth.kind === "worth" ? pipeline.fixWorth.verdict : "none"}
      >
        {fixWorthSentence(pipeline.fixWorth)}
      </p>
      <p className="view-note" data-pipeline-deals={deals.placed}>
        {formatCount(deals.placed)} deals in the stages: {formatCount(deals.won)} won,{" "}
        {lostPart(deals.lost, pipeline.lostRecorded)}, {formatCount(deals.open)} open.{" "}
        {withoutStageSentence(pipeline.withoutStage, pipeline.lostRecorded)} Closed win rate (won ÷ won and
        lost):{" "}
        <span data-metric="closed_win_rate" data-value={rateData(pipeline.closedWinRate)}>
          {rateText(pipeline.closedWinRate)}
        </span>
        .
      </p>
      <fieldset className="segmented">
        <legend>Measure</legend>
        {(["deals", "value"] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="pipeline-measure"
              value={m}
              checked={shown === m}
              disabled={m === "value" && !pipeline.amountRecorded}
              onChange={() => setMeasure(m)}
            />
            {m === "deals" ? "Deals" : "Pipeline value"}
            {m === "value" && !pipeline.amountRecorded ? " (not tracked: no deal has an amount)" : null}
          </label>
        ))}
      </fieldset>
      <StageChart pipeline={pipeline} measure={shown} />
      <StageTable pipeline={pipeline} />
      <StallEffect pipeline={pipeline} />
      <QuarterRates pipeline={pipeline} />
      <StageHistoryNotes audit={pipeline.audit} />
    </div>
  );
}
