// The mapping step's deal stages: the stages found in the file's stage history, in the order most deals
// moved through them, with closed won / closed lost recognised. The user can pick the pipeline,
// reorder, rename, merge, exclude a stage or say what it is (open, won, lost).

import { useId } from "react";
import { formatCount } from "../../model/format";
import {
  chooseDealPipeline,
  type DealStageKind,
  type DealStagePlan,
  excludeDealStage,
  mergeDealStage,
  moveDealStage,
  renameDealStage,
  setDealStageKind,
} from "../../model/pipeline";

const KIND_LABELS: Record<DealStageKind, string> = {
  open: "Open stage",
  won: "Closed won",
  lost: "Closed lost",
};
const NO_PIPELINE = "";

export function DealStagePlanEditor(props: { plan: DealStagePlan; onChange: (plan: DealStagePlan) => void }) {
  const { plan, onChange } = props;
  const pipelineId = useId();
  return (
    <section className="deal-stage-plan" aria-labelledby={`${pipelineId}-title`}>
      <h3 id={`${pipelineId}-title`}>Deal stages</h3>
      <p className="view-note">
        Stage history found: these stages feed the Pipeline screen, in the order most deals moved through
        them. Reorder, rename, merge or exclude stages if your pipeline says otherwise.
      </p>
      {plan.pipelines.length > 1 && (
        <label className="mapping-field" htmlFor={pipelineId}>
          <span>Pipeline</span>
          <select
            id={pipelineId}
            value={plan.pipeline ?? NO_PIPELINE}
            onChange={(e) => onChange(chooseDealPipeline(plan, e.currentTarget.value || null))}
          >
            {plan.pipelines.map((p) => (
              <option key={p.pipeline ?? NO_PIPELINE} value={p.pipeline ?? NO_PIPELINE}>
                {p.pipeline ?? "(no pipeline named)"} ({formatCount(p.deals)} deals)
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="data-table deal-stage-table">
        <caption className="visually-hidden">Deal stages in order</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Stage in the file</th>
            <th scope="col">Shown as</th>
            <th scope="col">Kind</th>
            <th scope="col">Merge into</th>
            <th scope="col">Exclude</th>
            <th scope="col">Deals</th>
          </tr>
        </thead>
        <tbody>
          {plan.stages.map((stage, i) => (
            <tr key={stage.source} data-stage-source={stage.source}>
              <td>
                <button
                  type="button"
                  className="button"
                  aria-label={`Move ${stage.source} up`}
                  disabled={i === 0}
                  onClick={() => onChange(moveDealStage(plan, stage.source, i - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button"
                  aria-label={`Move ${stage.source} down`}
                  disabled={i === plan.stages.length - 1}
                  onClick={() => onChange(moveDealStage(plan, stage.source, i + 1))}
                >
                  ↓
                </button>
              </td>
              <th scope="row">{stage.source}</th>
              <td>
                <input
                  type="text"
                  aria-label={`Name shown for ${stage.source}`}
                  defaultValue={stage.name}
                  key={stage.name}
                  onBlur={(e) => onChange(renameDealStage(plan, stage.source, e.currentTarget.value))}
                />
              </td>
              <td>
                <select
                  aria-label={`Kind of ${stage.source}`}
                  value={stage.kind}
                  onChange={(e) =>
                    onChange(setDealStageKind(plan, stage.source, e.currentTarget.value as DealStageKind))
                  }
                >
                  {(Object.keys(KIND_LABELS) as DealStageKind[]).map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`Merge ${stage.source} into`}
                  value=""
                  onChange={(e) => {
                    const into = e.currentTarget.value;
                    if (into) onChange(mergeDealStage(plan, stage.source, into));
                  }}
                >
                  <option value="">—</option>
                  {plan.stages
                    .filter((other) => other.source !== stage.source)
                    .map((other) => (
                      <option key={other.source} value={other.source}>
                        {other.name}
                      </option>
                    ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Exclude ${stage.source}`}
                  checked={stage.excluded}
                  onChange={(e) => onChange(excludeDealStage(plan, stage.source, e.currentTarget.checked))}
                />
              </td>
              <td className="number">
                {formatCount(stage.deals)}
                {stage.entries === 0 ? " (no dates)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
