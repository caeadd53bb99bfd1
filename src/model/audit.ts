// The data-quality audit's result and the pure rules that turn it into a short trust verdict.

import { formatCount, formatPercent } from "./format";
import { formatDayText } from "./period";
import { type DealStageAudit, stageHistoryFindings } from "./pipeline";
import { STAGE_LABELS, STAGE_PLURALS, STAGES, type Stage } from "./stages";

/** What the audit query counts in the live workspace (src/metrics/audit.ts). */
export interface DataAudit {
  /** Rows in `events`. */
  eventRows: number;
  /** Rows in `lead_stages`. */
  leads: number;
  /** The workspace's as-of date as YYYY-MM-DD (formatted in SQL, never in the viewer's time zone). */
  asOf: string | null;
  /** The wall-clock day the audit ran, YYYY-MM-DD in UTC: what "in the future" is judged against. */
  checkedOn: string;
  /** Rows repeating another row's lead, time, activity and campaign: the extra copies only. */
  duplicates: { extraRows: number; exampleLeadId: string | null };
  /** Leads whose first date for a later stage comes before their first date for an earlier one. */
  outOfOrder: { leads: number; exampleLeadId: string | null };
  /** Leads whose stage events, in time order, go down the stage order at least once. */
  movedBackwards: { leads: number; exampleLeadId: string | null };
  /** Stage-change rows dated after `checkedOn`'s moment, out of all stage-change rows; allRows: any activity. */
  futureDates: { stageRows: number; stageRowsTotal: number; allRows: number; exampleLeadId: string | null };
  /**
   * Rows dated before 1970 (`early`) or after `lateAfter`, a year after `checkedOn` (`late`): a
   * mis-read format or a placeholder, kept but never silently. `earliest`/`latest`: YYYY-MM-DD.
   */
  implausibleDates: {
    early: number;
    late: number;
    earliest: string | null;
    latest: string | null;
    lateAfter: string;
    exampleLeadId: string | null;
  };
  /** Leads with stage changes only: no touch (page view, email, download, webinar, demo …). */
  noActivity: { leads: number; exampleLeadId: string | null };
  /** Rows with an amount that could not be read as a number, out of rows with any amount. */
  amountsAsText: {
    rows: number;
    amountRows: number;
    example: { value: string; file: string; row: number } | null;
  };
  /** Rows whose activity is not in the vocabulary, with the most frequent values. */
  unknownActivities: { rows: number; top: { activity: string; rows: number }[] };
  /** Which funnel stages any lead has a date for (the `tracked_stages` table). */
  trackedStages: Record<Stage, boolean>;
  /** The deal stage history's own audit; null (or absent) when the data holds no stage history. */
  dealStages?: DealStageAudit | null;
}

export type AuditLevel = "good" | "caveats" | "poor";
export type AuditSeverity = "ok" | "warn" | "bad";
export type AuditCheckId =
  | "tracked_stages"
  | "out_of_order"
  | "moved_backwards"
  | "future_dates"
  | "implausible_dates"
  | "duplicates"
  | "amounts_as_text"
  | "unknown_activities"
  | "no_activity"
  | "deal_stage_history";

export interface AuditDetail {
  id: AuditCheckId;
  label: string;
  /** The check's number, formatted ("2 leads (16.7 %)"). */
  value: string;
  severity: AuditSeverity;
  /** What was checked, why it matters, and an example when there is one. */
  explanation: string;
}

export interface AuditVerdict {
  level: AuditLevel;
  headline: string;
  details: AuditDetail[];
}

/** A share above `warn` is a caveat; above `bad` the data is poor (null: never poor on its own). */
export interface ShareLimits {
  warn: number;
  bad: number | null;
}

/**
 * Thresholds, each a share of the check's own base (rows, leads, stage rows or amounts); a share
 * must be strictly above a limit to reach it. Any check above 20 % makes the data poor, as does a
 * workspace without MQL dates; anything above a warn limit makes it usable with caveats.
 */
export const AUDIT_THRESHOLDS = {
  /** Out-of-order stage dates are never legitimate; a few (≤ 2 %) are the usual CRM back-filling. */
  outOfOrderLeads: { warn: 0.02, bad: 0.2 },
  /** Moving back is sometimes real (recycled leads, HubSpot lets stages move back), so 5 %. */
  movedBackwardsLeads: { warn: 0.05, bad: 0.2 },
  /** Any future stage date moves the as-of date (the latest timestamp) and with it stalled vs in progress. */
  futureStageRows: { warn: 0, bad: 0.2 },
  /** A date before 1970 or a year ahead is never accepted silently; many of them mean a mis-read format. */
  implausibleDateRows: { warn: 0, bad: 0.2 },
  /** Copies do not change stage dates (first date wins) but inflate activity counts and scores. */
  duplicateRows: { warn: 0.01, bad: 0.2 },
  /** Every unreadable amount is revenue left out of totals. */
  amountsAsText: { warn: 0, bad: 0.2 },
  /** The issue's own figure: above 5 % the AIDA and scoring views miss a visible share of touches. */
  unknownActivityRows: { warn: 0.05, bad: 0.2 },
  /** Normal in a lead-table export and harmless to the stage funnel, so never poor on its own. */
  noActivityLeads: { warn: 0.1, bad: null },
} as const satisfies Record<string, ShareLimits>;

export const AUDIT_LEVEL_LABELS: Record<AuditLevel, string> = {
  good: "Good",
  caveats: "Usable with caveats",
  poor: "Poor",
};

export const AUDIT_SEVERITY_LABELS: Record<AuditSeverity, string> = {
  ok: "OK",
  warn: "Caveat",
  bad: "Problem",
};

const HEADLINE_PREFIX: Record<AuditLevel, string> = {
  good: "Good to use",
  caveats: "Usable with caveats",
  poor: "Not reliable as it is",
};

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

function severityOf(fraction: number, limits: ShareLimits): AuditSeverity {
  if (limits.bad !== null && fraction > limits.bad) return "bad";
  return fraction > limits.warn ? "warn" : "ok";
}

function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "2 leads (16.7 %)". */
function partOf(count: number, whole: number, one: string, many: string): string {
  return `${plural(count, one, many)} (${formatPercent(share(count, whole))})`;
}

const exampleLead = (leadId: string | null): string => (leadId === null ? "" : ` Example: lead ${leadId}.`);

/** A check's detail plus the short finding the headline uses when this check is the worst. */
interface Check extends AuditDetail {
  finding: string;
}

/**
 * Where the funnel starts: the first tracked stage. A file of deals alone starts it at opportunity
 * (derive.ts: a record known only from deals is not a tracked lead). Null when nothing is tracked.
 */
export function funnelStart(audit: DataAudit): Stage | null {
  return STAGES.find((stage) => audit.trackedStages[stage]) ?? null;
}

/** What one record of the workspace is: a lead, or (when the funnel starts later) that stage's record. */
export function auditRecordNoun(audit: DataAudit, count: number): string {
  const start = funnelStart(audit);
  if (start === null || start === "lead") return count === 1 ? "lead" : "leads";
  return count === 1 ? STAGE_LABELS[start].toLowerCase() : STAGE_PLURALS[start];
}

/** "The funnel starts at opportunity: …" when it starts after the lead stage, else null. */
function funnelStartSentence(audit: DataAudit): string | null {
  const start = funnelStart(audit);
  if (start === null || start === "lead") return null;
  const before = STAGES.slice(0, STAGES.indexOf(start)).map((stage) => STAGE_LABELS[stage]);
  const list = `${before.slice(0, -1).join(", ")} and ${before.at(-1)}`;
  const holds =
    start === "opportunity" ? "the data holds deals / opportunities only" : "no record has an earlier stage";
  return (
    `The funnel starts at ${STAGE_LABELS[start].toLowerCase()}: ${holds}, so ${list} are not tracked ` +
    "(import a lead or contact file with it to see them)."
  );
}

function trackedStagesCheck(audit: DataAudit): Check {
  const start = funnelStart(audit);
  const untracked = STAGES.filter((stage) => !audit.trackedStages[stage]);
  const names = untracked.map((stage) => STAGE_LABELS[stage]).join(", ");
  const value =
    untracked.length === 0
      ? `All ${STAGES.length}`
      : `${STAGES.length - untracked.length} of ${STAGES.length} (not tracked: ${names})`;
  const explanation =
    "A stage is tracked when at least one lead has a date for it. The funnel skips untracked stages " +
    "and shows no rate through them; without MQL dates the hand-off to sales cannot be reviewed at all.";
  if (start !== null && start !== "lead") {
    // A deals-only export is a supported shape: the stages before its start are untracked by design.
    const missing = STAGES.slice(STAGES.indexOf(start)).filter((stage) => !audit.trackedStages[stage]);
    const missingNames = missing.map((stage) => STAGE_LABELS[stage]).join(", ");
    return {
      id: "tracked_stages",
      label: "Funnel stages tracked",
      value,
      severity: missing.length > 0 ? "warn" : "ok",
      finding:
        missing.length > 0
          ? `${missingNames} ${missing.length === 1 ? "is" : "are"} not tracked either, so no rate through ${missing.length === 1 ? "it" : "them"} is shown`
          : `the funnel starts at ${STAGE_LABELS[start].toLowerCase()}`,
      explanation: `${funnelStartSentence(audit) ?? ""} ${explanation}`,
    };
  }
  const noMql = untracked.includes("mql");
  return {
    id: "tracked_stages",
    label: "Funnel stages tracked",
    value,
    severity: noMql ? "bad" : untracked.length > 0 ? "warn" : "ok",
    finding: noMql
      ? "no lead has an MQL date, so MQL → SQL and sales acceptance cannot be measured"
      : `${names} ${untracked.length === 1 ? "is" : "are"} not tracked, so no rate through ${untracked.length === 1 ? "it" : "them"} is shown`,
    explanation,
  };
}

function outOfOrderCheck(audit: DataAudit): Check {
  const { leads, exampleLeadId } = audit.outOfOrder;
  const fraction = share(leads, audit.leads);
  return {
    id: "out_of_order",
    label: "Stage dates out of order",
    value: partOf(leads, audit.leads, "lead", "leads"),
    severity: severityOf(fraction, AUDIT_THRESHOLDS.outOfOrderLeads),
    finding: `${formatPercent(fraction)} of leads have a later stage dated before an earlier one`,
    explanation:
      "Leads whose first date for a later stage comes before their first date for an earlier one " +
      "(say SQL before MQL). They still count as having reached both stages, but times between stages " +
      `and the conversion window are wrong for them.${exampleLead(exampleLeadId)}`,
  };
}

function movedBackwardsCheck(audit: DataAudit): Check {
  const { leads, exampleLeadId } = audit.movedBackwards;
  const fraction = share(leads, audit.leads);
  return {
    id: "moved_backwards",
    label: "Stages that moved backwards",
    value: partOf(leads, audit.leads, "lead", "leads"),
    severity: severityOf(fraction, AUDIT_THRESHOLDS.movedBackwardsLeads),
    finding: `${formatPercent(fraction)} of leads moved backwards through the stages`,
    explanation:
      "Leads whose stage changes, in time order, go back down Lead → MQL → SAL → SQL → Opportunity → Deal " +
      "(say SQL, then MQL again), as when a lead is recycled. The funnel counts each stage from its first " +
      `date, so a lead that comes back is not counted twice.${exampleLead(exampleLeadId)}`,
  };
}

function futureDatesCheck(audit: DataAudit): Check {
  const { stageRows, stageRowsTotal, allRows, exampleLeadId } = audit.futureDates;
  const otherRows = allRows - stageRows;
  const asOf = audit.asOf === null ? "" : ` (now ${formatDayText(audit.asOf)})`;
  return {
    id: "future_dates",
    label: "Stage dates in the future",
    value: plural(stageRows, "row", "rows"),
    severity: severityOf(share(stageRows, stageRowsTotal), AUDIT_THRESHOLDS.futureStageRows),
    finding: `${plural(stageRows, "stage change is", "stage changes are")} dated after today`,
    explanation:
      `Stage changes dated later than this check (run on ${audit.checkedOn})` +
      (otherRows > 0 ? `, and ${plural(otherRows, "other row", "other rows")} of any activity` : "") +
      `. The as-of date is the latest date in the data${asOf}, so a future date moves it forward and ` +
      `changes which leads count as stalled.${exampleLead(exampleLeadId)}`,
  };
}

function implausibleDatesCheck(audit: DataAudit): Check {
  const { early, late, earliest, latest, lateAfter, exampleLeadId } = audit.implausibleDates;
  const rows = early + late;
  const parts = [
    early > 0
      ? `${formatCount(early)} before 1970${earliest === null ? "" : `, earliest ${earliest}`}`
      : null,
    late > 0 ? `${formatCount(late)} after ${lateAfter}${latest === null ? "" : `, latest ${latest}`}` : null,
  ].filter((part) => part !== null);
  return {
    id: "implausible_dates",
    label: "Dates before 1970 or more than a year ahead",
    value: `${plural(rows, "row", "rows")}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`,
    severity: severityOf(share(rows, audit.eventRows), AUDIT_THRESHOLDS.implausibleDateRows),
    finding: `${plural(rows, "row is", "rows are")} dated before 1970 or more than a year ahead (${parts.join("; ")})`,
    explanation:
      `Rows dated before 1970 or after ${lateAfter} (a year after this check). Such dates are usually a ` +
      "date format read the wrong way (a two-digit year, day and month swapped) or a placeholder such as " +
      "2099-12-31. They are kept and counted here, and never become the as-of date; check the column's " +
      `date format under Edit mapping.${exampleLead(exampleLeadId)}`,
  };
}

function duplicatesCheck(audit: DataAudit): Check {
  const { extraRows, exampleLeadId } = audit.duplicates;
  const fraction = share(extraRows, audit.eventRows);
  return {
    id: "duplicates",
    label: "Duplicate rows",
    value: `${plural(extraRows, "extra copy", "extra copies")} (${formatPercent(fraction)} of rows)`,
    severity: severityOf(fraction, AUDIT_THRESHOLDS.duplicateRows),
    finding: `${formatPercent(fraction)} of rows are duplicates`,
    explanation:
      "Rows with the same lead, time, activity and campaign as another row; the count is of the extra " +
      "copies. Stage dates are unaffected (the first date counts), but activity counts and lead scores " +
      `include every copy.${exampleLead(exampleLeadId)}`,
  };
}

function amountsAsTextCheck(audit: DataAudit): Check {
  const { rows, amountRows, example } = audit.amountsAsText;
  const fraction = share(rows, amountRows);
  const shown = example === null ? "" : ` (e.g. '${example.value}')`;
  return {
    id: "amounts_as_text",
    label: "Amounts stored as text",
    value: `${plural(rows, "row", "rows")} (${formatPercent(fraction)} of amounts)`,
    severity: severityOf(fraction, AUDIT_THRESHOLDS.amountsAsText),
    finding: `${plural(rows, "amount is", "amounts are")} text, not a number${shown}`,
    explanation:
      "Amounts that could not be read as numbers, so revenue totals leave them out" +
      (example === null ? "" : `, e.g. row ${formatCount(example.row)}: '${example.value}'`) +
      ". Export amounts as plain numbers (no currency words or suffixes like k) and import again.",
  };
}

function unknownActivitiesCheck(audit: DataAudit): Check {
  const { rows, top } = audit.unknownActivities;
  const fraction = share(rows, audit.eventRows);
  const listed = top.map((a) => `'${a.activity}' (${formatCount(a.rows)})`).join(", ");
  return {
    id: "unknown_activities",
    label: "Unrecognised activities",
    value: `${formatPercent(fraction)} of rows (${formatCount(rows)} of ${formatCount(audit.eventRows)})`,
    severity: severityOf(fraction, AUDIT_THRESHOLDS.unknownActivityRows),
    finding: `${formatPercent(fraction)} of rows have activities we don't recognise`,
    explanation:
      "Activities that are not in the vocabulary are kept as written but belong to no AIDA stage and " +
      `score nothing.${listed === "" ? "" : ` Most frequent: ${listed}.`}`,
  };
}

function noActivityCheck(audit: DataAudit): Check {
  const { leads, exampleLeadId } = audit.noActivity;
  const fraction = share(leads, audit.leads);
  // A deals-only workspace records no touches by its nature: nothing to flag.
  const leadsTracked = funnelStart(audit) === "lead";
  return {
    id: "no_activity",
    label: "Leads with no activity",
    value: partOf(leads, audit.leads, "lead", "leads"),
    severity: leadsTracked ? severityOf(fraction, AUDIT_THRESHOLDS.noActivityLeads) : "ok",
    finding: `${formatPercent(fraction)} of leads have stage changes but no recorded activity`,
    explanation:
      "Leads with only stage changes and hand-off records: no page view, email, download, webinar, demo " +
      "or other touch. Normal for a lead-table export and harmless to the stage funnel, but the AIDA and " +
      `scoring views cannot place these leads.${exampleLead(exampleLeadId)}`,
  };
}

/** Deal stage history (the Pipeline screen's input): what could not be placed, said in words. */
function dealStageCheck(history: DealStageAudit): Check {
  const findings = stageHistoryFindings(history);
  return {
    id: "deal_stage_history",
    label: "Deal stage history",
    value:
      findings.length === 0
        ? `${plural(history.placed, "deal", "deals")} placed in the stages`
        : `${plural(findings.length, "finding", "findings")} in ${plural(history.deals, "deal", "deals")}`,
    severity: findings.length === 0 ? "ok" : "warn",
    finding: `the deal stage history has ${plural(findings.length, "finding", "findings")}`,
    explanation:
      findings.length === 0
        ? "Every deal's stage dates are readable and in order; the Pipeline screen uses them all."
        : findings.join(" "),
  };
}

/** Checks in the order the headline prefers among equally severe ones: what skews the funnel first. */
function checks(audit: DataAudit): Check[] {
  const history = audit.dealStages && audit.dealStages.deals > 0 ? [dealStageCheck(audit.dealStages)] : [];
  return [
    trackedStagesCheck(audit),
    outOfOrderCheck(audit),
    movedBackwardsCheck(audit),
    futureDatesCheck(audit),
    implausibleDatesCheck(audit),
    duplicatesCheck(audit),
    amountsAsTextCheck(audit),
    unknownActivitiesCheck(audit),
    noActivityCheck(audit),
    ...history,
  ];
}

/**
 * The trust verdict: the worst check sets the level, and the headline names it. When the funnel
 * starts after the lead stage (a deals-only export) the headline first says where it starts.
 */
export function auditVerdict(audit: DataAudit): AuditVerdict {
  const all = checks(audit);
  const details = all.map(({ finding: _finding, ...detail }) => detail);
  if (audit.eventRows === 0) {
    return { level: "poor", headline: `${HEADLINE_PREFIX.poor}: no rows are loaded.`, details };
  }
  const opening = funnelStartSentence(audit);
  const withOpening = (text: string) => (opening === null ? text : `${opening} ${text}`);
  const worst = all.find((c) => c.severity === "bad") ?? all.find((c) => c.severity === "warn");
  if (!worst) {
    return {
      level: "good",
      headline: withOpening(
        `${HEADLINE_PREFIX.good}: no problems found in ${plural(audit.eventRows, "row", "rows")} ` +
          `from ${formatCount(audit.leads)} ${auditRecordNoun(audit, audit.leads)}.`,
      ),
      details,
    };
  }
  const level: AuditLevel = worst.severity === "bad" ? "poor" : "caveats";
  const others = all.filter((c) => c !== worst && c.severity !== "ok").length;
  const more =
    others === 0
      ? ""
      : ` ${formatCount(others)} more ${others === 1 ? "check needs" : "checks need"} attention.`;
  return { level, headline: withOpening(`${HEADLINE_PREFIX[level]}: ${worst.finding}.${more}`), details };
}
