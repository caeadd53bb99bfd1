// Downloads built from the workspace: the last import's rejected rows, every leaked lead. The leaked-lead
// lists lead every row with the view's context (about_… columns); the rejected rows are about an
// import, not a view, and name their file on every row already.

import { userMessage } from "../db/errors";
import { queryRejectedRows } from "../import/rejects";
import {
  type LeakedLead,
  type LeakedLeadSort,
  type LeakQueryContext,
  queryAllLeakedLeads,
  queryLeakedLeads,
  type StepLeakedLead,
} from "../metrics/leaks";
import { type CsvCell, toCsv } from "../model/csv";
import type { StopReason } from "../model/leaks";
import { type ContextField, outputContextFields, withAboutColumns } from "../model/outputContext";
import type { Stage } from "../model/stages";
import { appEngine } from "../queries/engine";
import { downloadText } from "../ui/download";
import { whenDataLoaded } from "./dataLoaded";
import { currentOutputContext } from "./outputContext";

/** The engine once the data is in: not while a saved workspace is still reopening. */
async function loadedEngine() {
  await whenDataLoaded();
  return appEngine();
}

export async function downloadRejectedRows(): Promise<void> {
  const rows = await queryRejectedRows(await loadedEngine());
  const csv = toCsv([
    ["file", "row", "column", "problem", "value", "original_row"],
    ...rows.map((r) => [r.file, r.row, r.column, r.problem, r.value, r.original_row]),
  ]);
  downloadText("rejected-rows.csv", csv, "text/csv;charset=utf-8");
}

export const ALL_LEAKED_LEADS_FILE = "leaked-leads.csv";

/** Rows with the view's context in leading about_… columns (model/outputContext), when given. */
function withAbout(rows: CsvCell[][], about: readonly ContextField[]): CsvCell[][] {
  return about.length > 0 ? withAboutColumns(rows, about) : rows;
}

async function aboutTheView(): Promise<ContextField[]> {
  return outputContextFields(await currentOutputContext());
}

export function allLeakedLeadsCsv(
  leads: readonly StepLeakedLead[],
  about: readonly ContextField[] = [],
): string {
  return toCsv(
    withAbout(
      [
        ["lead_id", "step", "reason", "campaign", "team", "last_activity", "days_since_activity"],
        ...leads.map((l) => [
          l.lead_id,
          l.step,
          l.reason,
          l.campaign,
          l.team,
          l.last_activity_day,
          l.days_since_activity,
        ]),
      ],
      about,
    ),
  );
}

/** Every leaked lead of the selection with its step and reason (the Leaks screen's main download). */
/** Null when saved; otherwise the sentence to show (the screen never sees the engine's errors). */
export async function downloadAllLeakedLeads(ctx: LeakQueryContext): Promise<string | null> {
  try {
    const leads = await queryAllLeakedLeads(await loadedEngine(), ctx);
    downloadText(
      ALL_LEAKED_LEADS_FILE,
      allLeakedLeadsCsv(leads, await aboutTheView()),
      "text/csv;charset=utf-8",
    );
    return null;
  } catch (error) {
    return `The leaked leads could not be saved: ${userMessage(error)}`;
  }
}

export function leakedLeadsCsv(
  leads: readonly LeakedLead[],
  step: Stage,
  reason: StopReason,
  about: readonly ContextField[] = [],
): string {
  return toCsv(
    withAbout(
      [
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
      ],
      about,
    ),
  );
}

/** Every lead of one step and reason, in the order shown ("Download this list"); null when saved. */
export async function downloadLeakedLeadsList(
  ctx: LeakQueryContext,
  step: Stage,
  reason: StopReason,
  sort: LeakedLeadSort,
): Promise<string | null> {
  try {
    const leads = await queryLeakedLeads(await loadedEngine(), ctx, step, reason, sort);
    downloadText(
      `leaked-leads-${step}-${reason}.csv`,
      leakedLeadsCsv(leads, step, reason, await aboutTheView()),
      "text/csv;charset=utf-8",
    );
    return null;
  } catch (error) {
    return `The list could not be saved: ${userMessage(error)}`;
  }
}
