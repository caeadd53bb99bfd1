// The lifecycle stages of the funnel, in order, and their labels.

export const STAGES = ["lead", "mql", "sal", "sql", "opportunity", "deal"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  lead: "Lead",
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "Opportunity",
  deal: "Deal",
};

/** Plural nouns for sentences ("1,204 MQLs did not reach SAL"). */
export const STAGE_PLURALS: Record<Stage, string> = {
  lead: "leads",
  mql: "MQLs",
  sal: "SALs",
  sql: "SQLs",
  opportunity: "opportunities",
  deal: "deals",
};

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/**
 * What the funnel's units are: opportunities when its first tracked stage is opportunity (a deals export
 * linked to no lead: each deal is an opportunity), else leads. The one rule every screen, slide, CSV and
 * the import summary word their counts by.
 */
export type FunnelUnit = "lead" | "opportunity";

export function funnelUnitOf(firstTrackedStage: Stage | undefined): FunnelUnit {
  return firstTrackedStage === "opportunity" ? "opportunity" : "lead";
}

/** "lead" / "leads", "opportunity" / "opportunities"; capitalised for an axis or a caption. */
export function unitNoun(unit: FunnelUnit, count: number, capital = false): string {
  const noun = count === 1 ? unit : STAGE_PLURALS[unit];
  return capital ? `${noun.charAt(0).toUpperCase()}${noun.slice(1)}` : noun;
}

/** How a lead that did not advance past its furthest stage is classified (SPEC "in progress"). */
export const LEAD_STATUSES = [
  "won",
  "lost",
  "rejected",
  "never_contacted",
  "in_progress",
  "stalled",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
