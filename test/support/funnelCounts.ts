// Builds the FunnelCounts a query would return from where each lead stopped, for hand-made model tests.

import type { FunnelCounts, StatusCount } from "../../src/model/funnel";
import { STAGES, type Stage } from "../../src/model/stages";

/** Reached = leads whose furthest stage is at or after the stage; every other field empty or default. */
export function funnelCountsFrom(tracked: readonly Stage[], statuses: readonly StatusCount[]): FunnelCounts {
  const index = (stage: Stage) => STAGES.indexOf(stage);
  return {
    stages: STAGES.map((stage) => ({
      stage,
      tracked: tracked.includes(stage),
      reached: statuses.filter((s) => index(s.stage) >= index(stage)).reduce((sum, s) => sum + s.leads, 0),
      skipped: 0,
    })),
    conversions: [],
    statuses: [...statuses],
    windowDays: null,
    incompleteLeads: 0,
    lostRecorded: true,
    sameDay: [],
  };
}
