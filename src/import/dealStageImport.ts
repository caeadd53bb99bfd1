// The two calls the import makes for deal stage history: recognise it while preparing (sources and the
// proposed stage plan for the mapping step), and stage its tables while applying.

import type { SqlEngine } from "../db/engine";
import type { DealStagePlan } from "../model/pipeline";
import { type DealStageTables, dealStagePlanSql } from "../warehouse/dealStages";
import type { DateColumnProfile } from "./dateProfile";
import type { DateFormat } from "./dates";
import { confirmDealStageSource, proposeDealStagePlan } from "./dealStageOrder";
import { type DealStageSource, dealStageSource } from "./dealStageShapes";
import { DEAL_COLUMNS, DEAL_STAGE_ENTRY_COLUMNS, dealFactsSql, dealStageEntriesSql } from "./dealStages";
import type { FileKind, KindMapping } from "./fields";

/** What recognising needs of a prepared file (load.ts's PreparedFile has all of it). */
export interface DealStageFile {
  name: string;
  table: string;
  headers: string[];
  kind: FileKind;
  mapping: KindMapping;
  dateFormats: Record<string, DateFormat>;
  dateProfiles: Record<string, DateColumnProfile>;
}

export interface DealStageHistory {
  /** One per file that holds stage history, in file order. */
  sources: DealStageSource[];
  /** Null when no file holds any. */
  plan: DealStagePlan | null;
}

/**
 * Finds the stage history in an import's files and proposes one stage plan for all of them. Call it
 * after the files are prepared and again when the user changes a file's kind or mapping.
 */
export async function recogniseDealStageHistory(
  engine: SqlEngine,
  files: readonly DealStageFile[],
): Promise<DealStageHistory> {
  const sources: DealStageSource[] = [];
  for (const file of files) {
    const candidate = dealStageSource(file, file.kind, file.mapping, file.dateFormats, file.dateProfiles);
    const source = await confirmDealStageSource(engine, candidate);
    if (source) sources.push(source);
  }
  return { sources, plan: sources.length > 0 ? await proposeDealStagePlan(engine, sources) : null };
}

/**
 * Creates the history tables of `t` (entries, deals, plan) and fills them from the sources; with no
 * history they are created empty, so every analysis can read them. `links`: the (opportunity_id,
 * lead_id) table of the import (toEvents' OPPORTUNITY_LINKS), or null.
 */
export async function stageDealStageHistory(
  engine: SqlEngine,
  history: DealStageHistory,
  t: DealStageTables,
  links: string | null,
): Promise<void> {
  await engine.exec(`CREATE OR REPLACE TABLE ${t.entries} ${DEAL_STAGE_ENTRY_COLUMNS}`);
  await engine.exec(`CREATE OR REPLACE TABLE ${t.deals} ${DEAL_COLUMNS}`);
  for (const source of history.sources) {
    await engine.exec(`INSERT INTO ${t.entries} ${dealStageEntriesSql(source)}`);
    await engine.exec(`INSERT INTO ${t.deals} ${dealFactsSql(source, links)}`);
  }
  for (const statement of dealStagePlanSql(t.plan, history.plan)) await engine.exec(statement);
}
