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
