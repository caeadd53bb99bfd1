// The leaked leads of one step and reason, for follow-up: choose both, sort by any column, download CSV.

import { useId, useState } from "react";
import { downloadAllLeakedLeads } from "../../app/downloads";
import type { LeakedLead } from "../../metrics/leaks";
import { toCsv } from "../../model/csv";
import { formatCount } from "../../model/format";
import {
  isStage,
  isStopReason,
  type Leaks,
  STOP_REASON_LABELS,
  STOP_REASONS,
  type StopReason,
} from "../../model/leaks";
import type { Stage } from "../../model/stages";
import type { QueryView } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { downloadText } from "../../ui/download";
import { stepLabel, stopCount } from "./LeakCharts";

/** Rows shown on screen; the download always holds every leaked lead. */
export const SHOWN_ROWS = 25;

type SortKey = keyof LeakedLead;
export interface Sort {
  key: SortKey;
  direction: "ascending" | "descending";
}

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "lead_id", label: "Lead", numeric: false },
  { key: "campaign", label: "Campaign", numeric: false },
  { key: "team", label: "Team", numeric: false },
  { key: "last_activity_day", label: "Last activity", numeric: false },
  { key: "days_since_activity", label: "Days inactive (to as-of date)", numeric: true },
];

export function sortLeads(leads: readonly LeakedLead[], sort: Sort): LeakedLead[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...leads].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.lead_id.localeCompare(b.lead_id);
  });
}

export function leakedLeadsCsv(leads: readonly LeakedLead[], step: Stage, reason: StopReason): string {
  return toCsv([
    ["lead_id", "campaign", "team", "last_activity", "days_since_activity", "stopped_at", "reason"],
    ...leads.map((l) => [
      l.lead_id,
      l.campaign,
      l.team,
      l.last_activity_day,
      l.days_since_activity,
      step,
      reason,
    ]),
  ]);
}

export interface LeakedLeadsProps {
  leaks: Leaks;
  step: Stage;
  reason: StopReason;
  onChoose: (step: Stage, reason: StopReason) => void;
  list: QueryView<LeakedLead[]>;
}

export function LeakedLeads(props: LeakedLeadsProps) {
  const stepId = useId();
  const reasonId = useId();
  const [sort, setSort] = useState<Sort>({ key: "days_since_activity", direction: "descending" });
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const filters = useAppStore((s) => s.filters);
  const totalLeaked = props.leaks.steps.reduce((sum, step) => sum + step.leaked, 0);
  const current = props.leaks.steps.find((s) => s.from === props.step);
  const leads = props.list.status === "ready" ? sortLeads(props.list.data, sort) : [];
  const onSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === "ascending" ? "descending" : "ascending" }
        : { key, direction: key === "days_since_activity" ? "descending" : "ascending" },
    );

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
          disabled={props.list.status !== "ready" || leads.length === 0}
          onClick={() =>
            downloadText(
              `leaked-leads-${props.step}-${props.reason}.csv`,
              leakedLeadsCsv(leads, props.step, props.reason),
              "text/csv;charset=utf-8",
            )
          }
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
          <p className="view-note" data-leaked-count={leads.length}>
            {formatCount(leads.length)} {leads.length === 1 ? "lead" : "leads"} stopped at{" "}
            {current ? stepLabel(current) : props.step}: {STOP_REASON_LABELS[props.reason].toLowerCase()}
            {leads.length > SHOWN_ROWS
              ? `; the first ${formatCount(SHOWN_ROWS)} are shown, the download holds all.`
              : "."}
          </p>
          {leads.length > 0 && (
            <table className="data-table">
              <caption>
                Leads that stopped at {current ? stepLabel(current) : props.step}:{" "}
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
                {leads.slice(0, SHOWN_ROWS).map((l) => (
                  <tr key={l.lead_id}>
                    <th scope="row">{l.lead_id}</th>
                    <td>{l.campaign}</td>
                    <td>{l.team}</td>
                    <td>{l.last_activity_day}</td>
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
