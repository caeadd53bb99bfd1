// Plain-TS funnel statistics over generated sample leads, used to check the world's built-in patterns.
import { type Activity, behaviourScore, fitScore, type Lead, WORLD_END } from "../../sample-data/world";

const STAGES = [
  "became_lead",
  "became_mql",
  "sales_accepted",
  "became_sql",
  "opportunity_created",
  "deal_won",
] as const;
export type Stage = "lead" | "mql" | "sal" | "sql" | "opportunity" | "won";
const STAGE_NAMES: readonly Stage[] = ["lead", "mql", "sal", "sql", "opportunity", "won"];

export interface Counts {
  leads: number;
  reached: Record<Stage, number>;
}

export interface Rates {
  leadToMql: number;
  mqlToSal: number;
  mqlToSql: number;
  sqlToOpp: number;
  oppToWon: number;
}

const DAY = 86400;

function firstAt(lead: Lead, activity: Activity): number | undefined {
  for (const e of lead.events) if (e.activity === activity) return e.at;
  return undefined;
}

function has(lead: Lead, activity: Activity): boolean {
  return lead.events.some((e) => e.activity === activity);
}

/** Index of the furthest stage a lead reached (a later stage counts as passing the earlier ones). */
export function furthestStage(lead: Lead): number {
  let furthest = -1;
  for (const e of lead.events) {
    const i = (STAGES as readonly string[]).indexOf(e.activity);
    if (i > furthest) furthest = i;
  }
  return furthest;
}

export function countReached(leads: readonly Lead[]): Counts {
  const reached: Record<Stage, number> = { lead: 0, mql: 0, sal: 0, sql: 0, opportunity: 0, won: 0 };
  for (const lead of leads) {
    const f = furthestStage(lead);
    for (let i = 0; i <= f; i++) {
      const name = STAGE_NAMES[i];
      if (name !== undefined) reached[name]++;
    }
  }
  return { leads: leads.length, reached };
}

export function rates(leads: readonly Lead[]): Rates {
  const { reached: r } = countReached(leads);
  return {
    leadToMql: r.mql / r.lead,
    mqlToSal: r.sal / r.mql,
    mqlToSql: r.sql / r.mql,
    sqlToOpp: r.opportunity / r.sql,
    oppToWon: r.won / r.opportunity,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  const lo = sorted[mid - 1] ?? hi;
  return sorted.length % 2 === 1 ? hi : (lo + hi) / 2;
}

/** Hours from became_mql to the first row of `activity`, for leads that have both. */
export function handoffHours(leads: readonly Lead[], activity: Activity): number[] {
  const out: number[] = [];
  for (const lead of leads) {
    const mql = firstAt(lead, "became_mql");
    const at = firstAt(lead, activity);
    if (mql !== undefined && at !== undefined) out.push((at - mql) / 3600);
  }
  return out;
}

export function groupBy<K extends string>(leads: readonly Lead[], key: (lead: Lead) => K): Map<K, Lead[]> {
  const groups = new Map<K, Lead[]>();
  for (const lead of leads) {
    const k = key(lead);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [lead]);
    else list.push(lead);
  }
  return groups;
}

export function mqlYield(leads: readonly Lead[]): number {
  return leads.filter((l) => furthestStage(l) >= 1).length / leads.length;
}

/** Total SPEC.md default score (behaviour + fit) at the lead's MQL moment, or over all rows if never MQL. */
export function leadScore(lead: Lead): number {
  const mql = firstAt(lead, "became_mql");
  return fitScore(lead) + behaviourScore(lead.events, mql);
}

export function closedWinRate(leads: readonly Lead[]): { won: number; lost: number; open: number } {
  let won = 0;
  let lost = 0;
  let open = 0;
  for (const lead of leads) {
    if (!has(lead, "opportunity_created")) continue;
    if (has(lead, "deal_won")) won++;
    else if (has(lead, "deal_lost")) lost++;
    else open++;
  }
  return { won, lost, open };
}

/** Open (not won/lost) leads split by whether their last row is within 30 days of the as-of date. */
export function progressSplit(leads: readonly Lead[], asOf: number): { inProgress: number; stalled: number } {
  let inProgress = 0;
  let stalled = 0;
  for (const lead of leads) {
    if (has(lead, "deal_won") || has(lead, "deal_lost")) continue;
    const last = lead.events[lead.events.length - 1];
    if (last === undefined) continue;
    if (asOf - last.at <= 30 * DAY) inProgress++;
    else stalled++;
  }
  return { inProgress, stalled };
}

const AFTER_MQL: readonly Activity[] = [
  "sales_review",
  "sales_accepted",
  "sales_rejected",
  "sales_feedback",
  "became_sql",
  "opportunity_created",
  "deal_won",
  "deal_lost",
];

/** Rows of stage/sales activities stamped before the lead's became_mql. */
export function outOfOrderRows(leads: readonly Lead[]): number {
  let n = 0;
  for (const lead of leads) {
    const mql = firstAt(lead, "became_mql");
    if (mql === undefined) continue;
    for (const e of lead.events) if (AFTER_MQL.includes(e.activity) && e.at < mql) n++;
  }
  return n;
}

/** Rows identical to the previous row of the same lead. */
export function duplicateRows(leads: readonly Lead[]): number {
  let n = 0;
  for (const lead of leads) {
    for (let i = 1; i < lead.events.length; i++) {
      const a = lead.events[i - 1];
      const b = lead.events[i];
      if (
        a !== undefined &&
        b !== undefined &&
        a.at === b.at &&
        a.activity === b.activity &&
        a.amount === b.amount &&
        a.durationS === b.durationS
      )
        n++;
    }
  }
  return n;
}

export function totalRows(leads: readonly Lead[]): number {
  let n = 0;
  for (const lead of leads) n += lead.events.length;
  return n;
}

export function latestAt(leads: readonly Lead[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const lead of leads) for (const e of lead.events) if (e.at > latest) latest = e.at;
  return Math.min(latest, WORLD_END);
}

export { firstAt, has };
