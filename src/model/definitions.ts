// The team's agreed wording for lead, MQL, SAL, SQL and opportunity: standard defaults plus the user's edits.

import { toCsv } from "./csv";
import type { KpiId } from "./funnel";
import type { ScoringModel } from "./scoring";
import { STAGE_LABELS, type Stage } from "./stages";

/** The stages the team defines; a deal (closed won) needs no argument. */
export const DEFINED_STAGES = ["lead", "mql", "sal", "sql", "opportunity"] as const;
export type DefinedStage = (typeof DEFINED_STAGES)[number];

export type StageDefinitions = Record<DefinedStage, string>;

/** The file name of the "Download definitions" export. */
export const DEFINITIONS_FILE = "stage-definitions.csv";

function points(value: number): string {
  return `${value} ${value === 1 ? "point" : "points"}`;
}

/** Standard wording (SPEC "The funnel and its vocabulary") with the scoring thresholds in force. */
export function defaultDefinitions(
  scoring: Pick<ScoringModel, "mqlThreshold" | "sqlReadyThreshold">,
): StageDefinitions {
  return {
    lead: "A known contact that engaged with us at least once (its lead date is its created date or its first dated activity).",
    mql:
      `Marketing judges the lead ready for sales: lead score of ${points(scoring.mqlThreshold)} or more, ` +
      "or a recorded MQL date.",
    sal: "Sales has accepted the hand-off from marketing. A rejected hand-off is a leak that points at misalignment.",
    sql:
      "Sales has spoken with the lead and qualified it (budget, authority, need, timeline); " +
      `a lead score above ${points(scoring.sqlReadyThreshold)} marks it SQL-ready.`,
    opportunity: "A forecasted deal in the sales pipeline.",
  };
}

/** The defaults overlaid with the team's edits; a blank edit falls back to the standard wording. */
export function resolveDefinitions(
  edits: Partial<StageDefinitions>,
  scoring: Pick<ScoringModel, "mqlThreshold" | "sqlReadyThreshold">,
): StageDefinitions {
  const defaults = defaultDefinitions(scoring);
  const resolved = { ...defaults };
  for (const stage of DEFINED_STAGES) {
    const edit = edits[stage];
    if (edit !== undefined && edit.trim() !== "") resolved[stage] = edit;
  }
  return resolved;
}

function isDefinedStage(stage: Stage): stage is DefinedStage {
  return (DEFINED_STAGES as readonly Stage[]).includes(stage);
}

/** The definition of a stage, or null for a stage the team does not define (deal). */
export function definitionFor(stage: Stage, definitions: StageDefinitions): string | null {
  return isDefinedStage(stage) ? definitions[stage] : null;
}

/** The stage a count KPI counts; rates have none. */
const KPI_STAGES: Partial<Record<KpiId, DefinedStage>> = {
  leads: "lead",
  mqls: "mql",
  sals: "sal",
  sqls: "sql",
  opportunities: "opportunity",
};

/** The definition shown on a KPI tile: its stage's wording for a stage count, else null. */
export function definitionForKpi(id: KpiId, definitions: StageDefinitions): string | null {
  const stage = KPI_STAGES[id];
  return stage === undefined ? null : definitions[stage];
}

/** "stage,label,definition" rows (stage ids as in the funnel table) for the "Download definitions" export. */
export function definitionsCsv(definitions: StageDefinitions): string {
  return toCsv([
    ["stage", "label", "definition"],
    ...DEFINED_STAGES.map((stage) => [stage, STAGE_LABELS[stage], definitions[stage]]),
  ]);
}
