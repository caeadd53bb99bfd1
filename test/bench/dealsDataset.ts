// The pipeline bench's files (issue #18): a seeded HubSpot deals export with eight `Date entered`
// stage columns, and a HubSpot contacts export (a lead table) with the same number of rows for the
// reference import. Generated once and cached in test/bench/cache/ (git-ignored), like datasets.ts.

import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR } from "./datasets";

/** Deals in the export (and leads in the reference lead table) unless `--pipeline-rows` says otherwise. */
export const PIPELINE_ROWS = 200_000;

/** Bump when the generator's output changes, so stale cached files are not measured. */
const VERSION = 1;
const SEED = 18;

export const PIPELINE_NAME = "Sales Pipeline";
/** Six open stages (HubSpot's defaults plus a custom Negotiation), then the two closed ones. */
export const OPEN_STAGES = [
  "Appointment Scheduled",
  "Qualified To Buy",
  "Presentation Scheduled",
  "Decision Maker Bought-In",
  "Contract Sent",
  "Negotiation",
] as const;
export const WON = "Closed Won";
export const LOST = "Closed Lost";

const CAMPAIGNS = [
  ["Webinar Series", 0.24],
  ["Paid Search", 0.2],
  ["Partner Referrals", 0.16],
  ["LinkedIn Ads", 0.15],
  ["Trade Show", 0.13],
  ["Outbound SDR", 0.12],
] as const;
const TEAMS = [
  ["Enterprise", 0.25],
  ["Mid-Market", 0.35],
  ["SMB", 0.4],
] as const;
/** The Campaign and Team menus' values after either import. */
export const CAMPAIGN_NAMES: readonly string[] = CAMPAIGNS.map(([name]) => name);
export const TEAM_NAMES: readonly string[] = TEAMS.map(([name]) => name);
const SOURCES = [
  ["Paid Search", 0.22],
  ["Organic Search", 0.24],
  ["Referrals", 0.14],
  ["Social Media", 0.14],
  ["Email Marketing", 0.12],
  ["Direct Traffic", 0.08],
  ["Offline Sources", 0.06],
] as const;
const OWNERS = [
  "Avery Brooks",
  "Jordan Lee",
  "Sam Patel",
  "Riley Chen",
  "Morgan Diaz",
  "Casey Nguyen",
  "Taylor Kim",
  "Jamie Rossi",
  "Drew Okafor",
  "Quinn Larsen",
  "Reese Tanaka",
  "Alex Moreau",
];

/** Share of deals at each open stage that move on (the last open stage's move is the win). */
const MOVE_ON = [0.78, 0.72, 0.66, 0.7, 0.76, 0.62];
/** Of those that do not move on, the share closed lost there (the rest stay open: stalled). */
const LOST_SHARE = 0.86;
/** Chance a stage a deal moved through has no date (HubSpot skips it when a rep jumps ahead). */
const SKIP = 0.07;
/** Median days in each open stage. */
const MEDIAN_DAYS = [4, 9, 12, 10, 8, 14];

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 6, 1);
/** Deals are created over this many days; the data runs to about FIRST_DAY + SPAN + a few weeks. */
const SPAN_DAYS = 700;
const AS_OF = FIRST_DAY + (SPAN_DAYS + 20) * DAY;

/** mulberry32: small, fast and deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<T extends string>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  let r = rnd();
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

/** Days in a stage: log-normal around `median`, at least a few hours. */
function daysIn(rnd: () => number, median: number): number {
  const normal = Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
  return Math.max(0.1, median * Math.exp(0.8 * normal));
}

const pad = (n: number) => String(n).padStart(2, "0");
/** HubSpot's export format: `2025-03-04 14:07`. */
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export interface PipelineFile {
  kind: "deals" | "leads";
  rows: number;
  path: string;
  /** Name the browser sees: the app shows it in `.dataset-label`. */
  fileName: string;
  bytes: number;
}

const dealHeader = (): string[] => [
  "Record ID",
  "Deal Name",
  "Deal Stage",
  "Pipeline",
  "Amount",
  "Create Date",
  "Close Date",
  "Campaign",
  "Deal owner",
  "HubSpot Team",
  ...[...OPEN_STAGES, WON, LOST].map((stage) => `Date entered "${stage} (${PIPELINE_NAME})"`),
];

/** The deals export as text: one row per deal, dates of the stages it entered, losses and skips. */
export function dealsCsv(rows: number, seed = SEED): string {
  const rnd = random(seed);
  const lines: string[] = [dealHeader().map(csvCell).join(",")];
  for (let i = 0; i < rows; i++) {
    const id = 9_000_000_000 + i * 7;
    const team = weighted(rnd, TEAMS);
    const campaign = weighted(rnd, CAMPAIGNS);
    const owner = OWNERS[Math.floor(rnd() * OWNERS.length)] as string;
    const created = FIRST_DAY + Math.floor(rnd() * SPAN_DAYS * DAY);
    const dates: string[] = new Array(OPEN_STAGES.length + 2).fill("");
    // Some deals are created straight into a later stage (the first one or two have no date).
    let stage = rnd() < 0.06 ? 1 + Math.floor(rnd() * 2) : 0;
    let at = created;
    let end: "won" | "lost" | "open" = "open";
    const teamBoost = team === "Enterprise" ? -0.05 : team === "SMB" ? 0.03 : 0;
    for (;;) {
      dates[stage] = stamp(at);
      const leaveAt = at + daysIn(rnd, MEDIAN_DAYS[stage] ?? 10) * DAY;
      if (leaveAt > AS_OF) break; // still in this stage when the export was taken
      const r = rnd();
      const moveOn = (MOVE_ON[stage] ?? 0.7) + teamBoost;
      if (r < moveOn) {
        at = leaveAt;
        if (stage === OPEN_STAGES.length - 1) {
          dates[OPEN_STAGES.length] = stamp(at);
          end = "won";
          break;
        }
        // A rep may jump a stage: the skipped one keeps no date.
        stage += rnd() < SKIP && stage < OPEN_STAGES.length - 2 ? 2 : 1;
        continue;
      }
      if ((r - moveOn) / (1 - moveOn) < LOST_SHARE) {
        dates[OPEN_STAGES.length + 1] = stamp(leaveAt);
        at = leaveAt;
        end = "lost";
      }
      break; // lost, or stalled open here
    }
    const amount = Math.round(
      (team === "Enterprise" ? 42_000 : team === "Mid-Market" ? 16_000 : 6_000) *
        Math.exp(0.6 * (rnd() - 0.5)),
    );
    const currentStage = end === "won" ? WON : end === "lost" ? LOST : (OPEN_STAGES[stage] as string);
    lines.push(
      [
        String(id),
        csvCell(`${campaign} deal ${i + 1}`),
        currentStage,
        PIPELINE_NAME,
        String(amount),
        stamp(created),
        end === "open" ? "" : stamp(at),
        campaign,
        owner,
        team,
        ...dates,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The lifecycle stages of HubSpot's contacts export with their `Became a … Date` columns. */
const LIFECYCLE = [
  ["Lead", "Became a Lead Date", 0.62],
  ["Marketing Qualified Lead", "Became a Marketing Qualified Lead Date", 0.55],
  ["Sales Qualified Lead", "Became a Sales Qualified Lead Date", 0.6],
  ["Opportunity", "Became an Opportunity Date", 0.35],
  ["Customer", "Became a Customer Date", 0],
] as const;

/** The reference lead table: HubSpot contacts, one row per contact, its lifecycle dates. */
export function leadsCsv(rows: number, seed = SEED + 1): string {
  const rnd = random(seed);
  const header = [
    "Record ID",
    "Email",
    "Create Date",
    "Lifecycle Stage",
    ...LIFECYCLE.map(([, column]) => column),
    "Original Source",
    "First Touch Converting Campaign",
    "Contact owner",
    "HubSpot Team",
  ];
  const lines: string[] = [header.join(",")];
  for (let i = 0; i < rows; i++) {
    const id = 5_000_000 + i * 3;
    const team = weighted(rnd, TEAMS);
    const campaign = weighted(rnd, CAMPAIGNS);
    const source = weighted(rnd, SOURCES);
    const owner = OWNERS[Math.floor(rnd() * OWNERS.length)] as string;
    const created = FIRST_DAY + Math.floor(rnd() * SPAN_DAYS * DAY);
    const dates: string[] = new Array(LIFECYCLE.length).fill("");
    let stage = 0;
    let at = created;
    for (;;) {
      dates[stage] = stamp(at);
      const next = at + daysIn(rnd, 6 + stage * 5) * DAY;
      const advance = LIFECYCLE[stage]?.[2] ?? 0;
      if (next > AS_OF || rnd() >= advance) break;
      at = next;
      stage++;
    }
    lines.push(
      [
        String(id),
        `contact${i + 1}@example-${i % 997}.com`,
        stamp(created),
        LIFECYCLE[stage]?.[0] ?? "Lead",
        ...dates,
        source,
        campaign,
        owner,
        team,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

function rowsLabel(rows: number): string {
  return rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
}

function ensure(kind: PipelineFile["kind"], rows: number): PipelineFile {
  const fileName = `hubspot-${kind === "deals" ? "deals" : "contacts"}-${rowsLabel(rows)}-v${VERSION}.csv`;
  const file = path.join(CACHE_DIR, fileName);
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    process.stderr.write(`generating ${fileName} (${rows.toLocaleString("en-US")} rows)…\n`);
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, kind === "deals" ? dealsCsv(rows) : leadsCsv(rows));
    renameSync(tmp, file);
  }
  return { kind, rows, path: file, fileName, bytes: statSync(file).size };
}

/** The deals export and the same-sized lead table, generated when missing. */
export function ensurePipelineFiles(rows = PIPELINE_ROWS): { deals: PipelineFile; leads: PipelineFile } {
  return { deals: ensure("deals", rows), leads: ensure("leads", rows) };
}
