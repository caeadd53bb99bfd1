// The loaded workspace's tables: the canonical `events` schema, and how a staged import replaces
// the live tables in one transaction (a failure before the swap leaves the previous data untouched).

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier } from "../db/sql";
import { type FunnelUnit, funnelUnitOf, STAGES, type Stage } from "../model/stages";
import { checkCancelled } from "./cancel";
import {
  buildDealStages,
  DEAL_STAGE_TABLE_NAMES,
  ensureDealStageSources,
  LIVE_DEAL_TABLES,
  stagedDealTables,
} from "./dealStages";
import { type DeriveSettings, deriveTables, LIVE_TABLES, stagingTables } from "./derive";

/** Every import, whatever its shape, ends as rows of this table. */
export const EVENT_COLUMNS = [
  { name: "source_file", type: "VARCHAR" },
  { name: "source_row", type: "INTEGER" },
  { name: "lead_id", type: "VARCHAR" },
  { name: "occurred_at", type: "TIMESTAMP" },
  { name: "activity", type: "VARCHAR" },
  { name: "unknown_activity", type: "BOOLEAN" },
  { name: "campaign", type: "VARCHAR" },
  { name: "channel", type: "VARCHAR" },
  { name: "source", type: "VARCHAR" },
  { name: "owner", type: "VARCHAR" },
  { name: "team", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
  { name: "raw_amount", type: "VARCHAR" },
  { name: "duration_s", type: "DOUBLE" },
  { name: "company", type: "VARCHAR" },
  { name: "company_size", type: "VARCHAR" },
  { name: "industry", type: "VARCHAR" },
  { name: "region", type: "VARCHAR" },
  { name: "role", type: "VARCHAR" },
  { name: "raw_occurred_at", type: "VARCHAR" },
] as const;

export type EventColumn = (typeof EVENT_COLUMNS)[number]["name"];

export const STAGING_PREFIX = "next_";
export const STAGED = stagingTables(STAGING_PREFIX);

/**
 * Live tables an import replaces; `import_rejects` holds the last import's rejected rows, `spend` the
 * campaign spend (empty when no spend file came with the import), and the deal stage tables the
 * pipeline (empty without stage history).
 */
const SWAPPED = [...Object.values(LIVE_TABLES), "import_rejects", "spend", ...DEAL_STAGE_TABLE_NAMES];

export async function dropStaging(engine: SqlEngine): Promise<void> {
  for (const name of SWAPPED)
    await engine.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(`${STAGING_PREFIX}${name}`)}`);
}

/**
 * Derives the per-lead tables from the staged events (STAGED.events) and swaps everything in.
 * The staged rejects and spend tables are optional; without them the live ones are emptied.
 * A cancel (`signal`) is honoured up to the COMMIT: before it, the swap is rolled back and nothing
 * changes; once committed, the new data is the workspace.
 */
export async function commitStagedEvents(
  engine: SqlEngine,
  settings: DeriveSettings,
  signal?: AbortSignal,
): Promise<{ leads: number; unit: FunnelUnit }> {
  const dealTables = stagedDealTables(STAGING_PREFIX, STAGED.leadStages);
  // The stage history's dates count for the as-of date: its tables exist (empty without one) first.
  await ensureDealStageSources(engine, dealTables);
  await deriveTables(engine, STAGED, dealTables, settings);
  // The pipeline's tables from the staged stage history.
  await buildDealStages(engine, dealTables);
  checkCancelled(signal);
  const rejects = quoteIdentifier(`${STAGING_PREFIX}import_rejects`);
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${rejects} (source_file VARCHAR, source_row INTEGER, column_name VARCHAR, problem VARCHAR, value VARCHAR, raw_row VARCHAR)`,
  );
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(`${STAGING_PREFIX}spend`)} (campaign VARCHAR, spend DOUBLE, period VARCHAR)`,
  );
  // The funnel's units, by the rule every screen uses (model/stages.ts): its first tracked stage.
  const [row] = await engine.query<{ n: number } & Record<Stage, boolean>>(
    `SELECT (SELECT count(*)::INTEGER FROM ${STAGED.leadStages}) AS n, ${STAGES.map((s) => `t.${s}`).join(", ")}
     FROM ${STAGED.trackedStages} t`,
  );
  checkCancelled(signal);
  await engine.exec("BEGIN TRANSACTION");
  try {
    for (const name of SWAPPED) {
      await engine.exec(`DROP TABLE IF EXISTS ${name}`);
      await engine.exec(`ALTER TABLE ${quoteIdentifier(`${STAGING_PREFIX}${name}`)} RENAME TO ${name}`);
      checkCancelled(signal);
    }
    await engine.exec("COMMIT");
  } catch (error) {
    await engine.exec("ROLLBACK");
    throw error;
  }
  return { leads: row?.n ?? 0, unit: funnelUnitOf(STAGES.find((stage) => row?.[stage])) };
}

/** Re-derives the live per-lead tables after a settings change (as-of date, stalled threshold). */
export async function rederive(engine: SqlEngine, settings: DeriveSettings): Promise<void> {
  await ensureDealStageSources(engine, LIVE_DEAL_TABLES);
  await deriveTables(engine, LIVE_TABLES, LIVE_DEAL_TABLES, settings);
}
