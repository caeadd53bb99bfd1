// The activity → AIDA stage mapping (DATA.md): the vocabulary's standard mapping plus the user's edits.

import { ACTIVITY_VOCABULARY, type AidaStage } from "./vocabulary";

export type { AidaStage };

export const AIDA_STAGES = [
  "awareness",
  "interest",
  "decision",
  "action",
] as const satisfies readonly AidaStage[];

export const AIDA_LABELS: Record<AidaStage, string> = {
  awareness: "Awareness",
  interest: "Interest",
  decision: "Decision",
  action: "Action",
};

/** Canonical activity → AIDA stage, or null when the activity is not an AIDA behaviour. */
export type AidaMapping = Record<string, AidaStage | null>;

/** The canonical activities, in vocabulary order (the editor's rows). */
export const AIDA_ACTIVITIES: readonly string[] = ACTIVITY_VOCABULARY.map((d) => d.activity);

export function isAidaStage(value: unknown): value is AidaStage {
  return typeof value === "string" && (AIDA_STAGES as readonly string[]).includes(value);
}

/** The standard mapping from the vocabulary (deal_won is Action). */
export function defaultAidaMapping(): AidaMapping {
  return Object.fromEntries(ACTIVITY_VOCABULARY.map((d) => [d.activity, d.aida]));
}

/**
 * The defaults overlaid with the user's edits. Edits for activities outside the vocabulary and values
 * that are neither a stage nor null (e.g. a stale or hand-edited localStorage entry) are ignored.
 */
export function resolveAidaMapping(edits: Partial<AidaMapping>): AidaMapping {
  const mapping = defaultAidaMapping();
  for (const activity of AIDA_ACTIVITIES) {
    if (!Object.hasOwn(edits, activity)) continue;
    const stage = edits[activity];
    if (stage === null || isAidaStage(stage)) mapping[activity] = stage;
  }
  return mapping;
}

/** One AIDA bar: the leads that reached the stage, and the base its rate divides by. */
export interface AidaStep {
  stage: AidaStage;
  /** Null when the stage is not tracked. */
  reached: number | null;
  /** The nearest earlier tracked stage (or "leads" for the selection); null when there is none. */
  from: AidaStage | "leads" | null;
  /** That base's count; null when there is no tracked base. */
  fromCount: number | null;
}

/**
 * Each stage's rate base: the previous stage, or — when that is not tracked — the nearest earlier
 * tracked one (as the funnel runs between the nearest tracked stages). An untracked stage has no rate,
 * and the leads themselves are a base only when the data holds lead records.
 */
export function aidaSteps(
  leads: number,
  leadsTracked: boolean,
  stages: readonly { stage: AidaStage; reached: number | null }[],
): AidaStep[] {
  let from: AidaStage | "leads" | null = leadsTracked ? "leads" : null;
  let fromCount: number | null = leadsTracked ? leads : null;
  return stages.map((s) => {
    const step: AidaStep =
      s.reached === null
        ? { stage: s.stage, reached: null, from: null, fromCount: null }
        : { stage: s.stage, reached: s.reached, from, fromCount };
    if (s.reached !== null) {
      from = s.stage;
      fromCount = s.reached;
    }
    return step;
  });
}
