// The leaked leads of one step and reason, for follow-up: choose both, sort by any column, download CSV.

import { useId, useState } from "react";
import { downloadAllLeakedLeads, downloadLeakedLeadsList } from "../../app/downloads";
import type { LeakedLead, LeakedLeadPage, LeakedLeadSort } from "../../metrics/leaks";
import { type CategoryText, categoryLabeller } from "../../model/categoryText";
import { formatCount } from "../../model/format";
import {
  isStage,
  isStopReason,
  type Leaks,
  leaksUnit,
  STOP_REASON_LABELS,
  STOP_REASONS,
  type StopReason,
} from "../../model/leaks";
import { formatDayText } from "../../model/period";
import { type Stage, unitNoun } from "../../model/stages";
import type { QueryView } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { stepLabel, stopCount } from "./LeakCharts";

type SortKey = keyof LeakedLead;

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "lead_id", label: "Lead", numeric: false },
  { key: "campaign", label: "Campaign", numeric: false },
  { key: "team", label: "Team", numeric: false },
  { key: "last_activity_day", label: "Last activity", numeric: false },
  { key: "days_since_activity", label: "Days inactive (to as-of date)", numeric: true },
];

/** A click on a column's header: the other direction on the same column, else that column's natural one. */
export function nextSort(sort: LeakedLeadSort, key: SortKey): LeakedLeadSort {
  if (sort.key === key)
    return { key, direction: sort.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: key === "days_since_activity" ? "descending" : "ascending" };
}

export interface LeakedLeadsProps {
  leaks: Leaks;
  step: Stage;
  reason: StopReason;
  onChoose: (step: Stage, reason: StopReason) => void;
  /** The list is sorted by the engine: a page of it comes back in this order. */
  sort: LeakedLeadSort;
  onSort: (sort: LeakedLeadSort) => void;
  list: QueryView<LeakedLeadPage>;
}

/** A campaign or team as shown (ENUM_CODE tidied), the stored value in its tooltip; the CSVs come from SQL. */
function CategoryCell(props: { value: string; label: (value: string) => CategoryText }) {
  const shown = props.label(props.value);
  return <td title={shown.title ?? undefined}>{shown.text}</td>;
}

export function LeakedLeads(props: LeakedLeadsProps) {
  const stepId = useId();
  const reasonId = useId();
  const { sort } = props;
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const filters = useAppStore((s) => s.filters);
  const totalLeaked = props.leaks.steps.reduce((sum, step) => sum + step.leaked, 0);
  const current = props.leaks.steps.find((s) => s.from === props.step);
  const unit = leaksUnit(props.leaks);
  const leads = props.list.status === "ready" ? props.list.data.leads : [];
  const campaignText = categoryLabeller(leads.map((l) => l.campaign));
  const teamText = categoryLabeller(leads.map((l) => l.team));
  const total = props.list.status === "ready" ? props.list.data.total : 0;
  const onSort = (key: SortKey) => props.onSort(nextSort(sort, key));

  return (
    <section className="leaked-leads" aria-labelledby="leaked-leads-title">
      <h3 id="leaked-leads-title">Leaked leads to follow up</h3>
      <div className="filter-bar">
        <label className="filter" htmlFor={stepId}>
          Step
          <select
            id={stepId}
            value={props.step}
            onChange={(e) => isStage(e.target.value) && props.onChoose(e.target.value, props.reason)}
          >
            {props.leaks.steps.map((s) => (
              <option key={s.from} value={s.from}>
                {stepLabel(s)} ({formatCount(s.leaked)} leaked)
              </option>
            ))}
          </select>
        </label>
        <label className="filter" htmlFor={reasonId}>
          Reason
          <select
            id={reasonId}
            value={props.reason}
            onChange={(e) => isStopReason(e.target.value) && props.onChoose(props.step, e.target.value)}
          >
            {STOP_REASONS.map((r) => (
              <option key={r} value={r}>
                {STOP_REASON_LABELS[r]}
                {current ? ` (${formatCount(stopCount(current, r))})` : ""}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={totalLeaked === 0}
          onClick={() => {
            setDownloadProblem(null);
            void downloadAllLeakedLeads({ filters, stalledDays: props.leaks.stalledDays }).then(
              setDownloadProblem,
            );
          }}
        >
          Download leaked leads
        </button>
        <button
          type="button"
          className="button"
          disabled={props.list.status !== "ready" || total === 0}
          onClick={() => {
            setDownloadProblem(null);
            void downloadLeakedLeadsList(
              { filters, stalledDays: props.leaks.stalledDays },
              props.step,
              props.reason,
              sort,
            ).then(setDownloadProblem);
          }}
        >
          Download this list
        </button>
      </div>
      <p className="view-note">
        Download leaked leads saves all {formatCount(totalLeaked)} leaked leads of every step, each with its
        step and reason; Download this list saves the step and reason chosen above.
      </p>
      {downloadProblem && <p role="alert">{downloadProblem}</p>}
      {props.list.status === "loading" && <p role="status">Loading the leads…</p>}
      {props.list.status === "error" && <p role="alert">{props.list.message}</p>}
      {props.list.status === "ready" && (
        <>
          <p className="view-note" data-leaked-count={total}>
            {formatCount(total)} {unitNoun(unit, total)} stopped at{" "}
            {current ? stepLabel(current) : props.step}: {STOP_REASON_LABELS[props.reason].toLowerCase()}
            {total > leads.length
              ? `; the first ${formatCount(leads.length)} are shown, the download holds all.`
              : "."}
          </p>
          {leads.length > 0 && (
            <table className="data-table">
              <caption>
                {unitNoun(unit, 2, true)} that stopped at {current ? stepLabel(current) : props.step}:{" "}
                {STOP_REASON_LABELS[props.reason].toLowerCase()}
              </caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      aria-sort={sort.key === c.key ? sort.direction : "none"}
                      className={c.numeric ? "number" : undefined}
                    >
                      <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                        {c.label}
                        <span aria-hidden="true">
                          {sort.key === c.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {leads.map((l) => (
                  <tr key={l.lead_id}>
                    <th scope="row">{l.lead_id}</th>
                    <CategoryCell value={l.campaign} label={campaignText} />
                    <CategoryCell value={l.team} label={teamText} />
                    <td>{formatDayText(l.last_activity_day)}</td>
                    <td className="number">{formatCount(l.days_since_activity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
