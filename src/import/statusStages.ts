// Stage and status values (HubSpot lifecycle stages, Salesforce lead statuses, deal stages) → stage.

import { vocabularyKeySql } from "../model/vocabulary";

export type StatusStage = "lead" | "mql" | "sal" | "sql" | "opportunity" | "won" | "lost" | "rejected";

/** Keys as vocabularyKey makes them: lower case, letters and digits only. */
export const STATUS_STAGES: Record<string, StatusStage> = {
  subscriber: "lead",
  lead: "lead",
  new: "lead",
  open: "lead",
  opennotcontacted: "lead",
  attemptingtocontact: "lead",
  attempted: "lead",
  nurturing: "lead",
  marketingqualifiedlead: "mql",
  mql: "mql",
  marketingqualified: "mql",
  salesacceptedlead: "sal",
  sal: "sal",
  accepted: "sal",
  workingcontacted: "sal",
  working: "sal",
  connected: "sal",
  inprogress: "sal",
  salesqualifiedlead: "sql",
  sql: "sql",
  qualified: "sql",
  converted: "sql",
  closedconverted: "sql",
  opportunity: "opportunity",
  customer: "won",
  evangelist: "won",
  closedwon: "won",
  won: "won",
  closedlost: "lost",
  lost: "lost",
  unqualified: "rejected",
  disqualified: "rejected",
  rejected: "rejected",
  recycled: "rejected",
  closednotconverted: "rejected",
  badtiming: "rejected",
};

/** SQL CASE turning a status column into a stage name (NULL when unknown, e.g. HubSpot's "other"). */
export function statusStageSql(columnSql: string): string {
  const key = vocabularyKeySql(columnSql);
  const branches = Object.entries(STATUS_STAGES)
    .map(([value, stage]) => `WHEN '${value}' THEN '${stage}'`)
    .join(" ");
  return `(CASE ${key} ${branches} ELSE NULL END)`;
}

/** Deal stages: closed won / closed lost by name, any other stage is an open opportunity. */
export function dealOutcomeSql(stageSql: string): string {
  const key = vocabularyKeySql(stageSql);
  return `(CASE WHEN ${key} IN ('closedwon', 'won', 'customer') THEN 'won'
    WHEN ${key} IN ('closedlost', 'lost', 'closeddisqualified') THEN 'lost'
    ELSE NULL END)`;
}

/** Yes-like flag values ("1", "true", "yes", "x"). */
export function flagSql(columnSql: string): string {
  return `(lower(trim(${columnSql})) IN ('1', 'true', 'yes', 'y', 'x', 't'))`;
}
