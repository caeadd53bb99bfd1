// The two calls the import makes for deal stage history: recognise it while preparing (sources and the
// proposed stage plan for the mapping step), and stage its tables while applying.

import type { SqlEngine } from "../db/engine";
import type { DealStagePlan } from "../model/pipeline";
import {
  columnsSql,
  DEAL_STAGE_SOURCE_TABLES,
  type DealStageTables,
  dealStagePlanSql,
} from "../warehouse/dealStages";
import type { DateColumnProfile } from "./dateProfile";
import type { DateFormat } from "./dates";
import { confirmDealStageSource, proposeDealStagePlan } from "./dealStageOrder";
import { type DealStageSource, dealFactsSource, dealStageSource } from "./dealStageShapes";
import {
  DEAL_COLUMNS,
  DEAL_STAGE_ENTRY_COLUMNS,
  dealFactsSql,
  dealStageEntriesSql,
  dealsByFileSql,
  entriesByFileSql,
  mergedDealsSql,
  mergedEntriesSql,
  otherFieldChangesSql,
} from "./dealStages";
import type { FileKind, KindMapping } from "./fields";
import type { DealLinkTables } from "./toEvents";

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
  const found: (DealStageSource | null)[] = [];
  for (const file of files) {
    const candidate = dealStageSource(file, file.kind, file.mapping, file.dateFormats, file.dateProfiles);
    found.push(await confirmDealStageSource(engine, candidate));
  }
  if (!found.some((s) => s !== null)) return { sources: [], plan: null };
  // Beside a stage history, a deals file without one still tells its deals' dates, amounts and outcomes.
  const sources = files.flatMap((file, i) => {
    const source =
      found[i] ??
      (file.kind === "deals"
        ? dealFactsSource(file, file.mapping, file.dateFormats, file.dateProfiles)
        : null);
    return source ? [source] : [];
  });
  return { sources, plan: await proposeDealStagePlan(engine, sources) };
}

/**
 * Creates the history tables of `t` (entries, deals, plan) and fills them from the sources; with no
 * history they are created empty, so every analysis can read them. `links`: the import's link tables
 * (toEvents' DEAL_LINK_TABLES), or null.
 */
export async function stageDealStageHistory(
  engine: SqlEngine,
  history: DealStageHistory,
  t: DealStageTables,
  links: DealLinkTables | null,
): Promise<void> {
  await engine.exec(`CREATE OR REPLACE TABLE ${t.entries} ${DEAL_STAGE_ENTRY_COLUMNS}`);
  await engine.exec(`CREATE OR REPLACE TABLE ${t.deals} ${DEAL_COLUMNS}`);
  await engine.exec(`CREATE OR REPLACE TABLE ${t.notes} ${NOTE_COLUMNS}`);
  const [only] = history.sources;
  if (history.sources.length === 1 && only) {
    // One file: nothing to merge (its own rows already give one row per deal, its own created dates).
    await engine.exec(`INSERT INTO ${t.entries} ${dealStageEntriesSql(only)}`);
    await engine.exec(`INSERT INTO ${t.deals} ${dealFactsSql(only, links)}`);
    const other = otherFieldChangesSql(only);
    if (other) await engine.exec(`INSERT INTO ${t.notes} ${other}`);
  } else if (history.sources.length > 1) {
    const byFile = `deal_stage_import_${++imports}`;
    try {
      await engine.exec(`CREATE TEMP TABLE ${byFile}_entries AS ${entriesByFileSql(history.sources)}`);
      await engine.exec(`CREATE TEMP TABLE ${byFile}_deals AS ${dealsByFileSql(history.sources, links)}`);
      await engine.exec(`INSERT INTO ${t.deals} ${mergedDealsSql(`${byFile}_deals`, `${byFile}_entries`)}`);
      await engine.exec(`INSERT INTO ${t.entries} ${mergedEntriesSql(`${byFile}_entries`, t.deals)}`);
      await engine.exec(
        `INSERT INTO ${t.notes} SELECT 'deals_in_several_files', NULL, count(*)::INTEGER FROM (
           SELECT deal_id FROM ${byFile}_deals GROUP BY deal_id HAVING count(DISTINCT file_index) > 1)`,
      );
      for (const source of history.sources) {
        const other = otherFieldChangesSql(source);
        if (other) await engine.exec(`INSERT INTO ${t.notes} ${other}`);
      }
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${byFile}_entries`);
      await engine.exec(`DROP TABLE IF EXISTS ${byFile}_deals`);
    }
  }
  for (const statement of dealStagePlanSql(t.plan, history.plan)) await engine.exec(statement);
}

const NOTE_COLUMNS = columnsSql(DEAL_STAGE_SOURCE_TABLES.deal_stage_notes);

let imports = 0;
