// The activity → AIDA stage mapping (DATA.md): the vocabulary's standard mapping plus the user's edits.

import { ACTIVITY_VOCABULARY, type AidaStage } from "../import/vocabulary";

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
