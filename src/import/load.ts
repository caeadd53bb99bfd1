// The import pipeline: read files into raw tables, propose a kind and mapping for each (prepare),
// then build canonical events from every file, reject unusable rows, derive and swap in (apply).

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier, quoteLiteral } from "../db/sql";
import type { DealStagePlan } from "../model/pipeline";
import type { FunnelUnit } from "../model/stages";
import { activityAliases, vocabularyKey, vocabularyKeySql } from "../model/vocabulary";
import { checkCancelled, ImportCancelled } from "../warehouse/cancel";
import { stagedDealTables } from "../warehouse/dealStages";
import type { DeriveSettings } from "../warehouse/derive";
import {
  commitStagedEvents,
  dropStaging,
  EVENT_COLUMNS,
  STAGED,
  STAGING_PREFIX,
} from "../warehouse/workspace";
import { type MergedSpelling, mergeCaseVariants } from "./caseVariants";
import { type DateColumnProfile, profileDateColumns } from "./dateProfile";
import type { DateFormat } from "./dates";
import {
  type DealStageFile,
  type DealStageHistory,
  recogniseDealStageHistory,
  stageDealStageHistory,
} from "./dealStageImport";
import {
  detectFields,
  FIELDS,
  FILE_KIND_NOUNS,
  type FileKind,
  type KindMapping,
  missingFields,
  proposeKind,
} from "./fields";
import {
  dropRawFile,
  ImportError,
  type ImportSource,
  type RawFile,
  READ_REJECTS,
  REJECT_COLUMNS,
  readRawFile,
  sizeOf,
} from "./read";
import { groupRejects, type RejectCount, type RejectGroup } from "./rejects";
import {
  activityMapSql,
  activityRejectsSql,
  DEAL_LINK_TABLES,
  eventsSql,
  type FilePlan,
  LEAD_KEYS,
  leadKeysSql,
  OPPORTUNITY_LINKS,
  opportunityLinksSql,
  rejectsSql,
  spendSql,
} from "./toEvents";

export { type FilePlan, ImportError, type ImportSource };

export interface PreparedFile extends RawFile {
  kind: FileKind;
  mapping: KindMapping;
  dateFormats: Record<string, DateFormat>;
  /** How each column reads as dates (header → profile): the mapping step detects and warns from it. */
  dateProfiles: Record<string, DateColumnProfile>;
  /** Activity logs: values not in the vocabulary, most frequent first. */
  unknownActivities: { value: string; key: string; rows: number }[];
}

export interface FileSummary {
  fileName: string;
  kind: FileKind;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  notes: string[];
}

export interface ImportSummary {
  /** The files' names, joined. */
  fileName: string;
  files: FileSummary[];
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rejectGroups: RejectGroup[];
  leads: number;
  /** Whether `leads` counts leads or opportunities (a deals export linked to no lead). */
  unit: FunnelUnit;
  /** The first file's mapping (field → header), for the summary line. */
  mapping: KindMapping;
  /** Activity values not in the vocabulary: kept as written, listed for the user. */
  unknownActivities: { activity: string; rows: number }[];
  spendRows: number;
  /** Category values merged because they differ only in case (import/caseVariants.ts). */
  mergedSpellings: MergedSpelling[];
}

export interface ImportProgress {
  step: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Most bytes of files one import may bring (MAX_IMPORT_BYTES: DuckDB-WASM's heap). */
  maxBytes?: number;
  /** Today, for "more than a year ahead" in the date checks (tests pin it; default: the clock). */
  now?: Date;
  /** The deal stage plan as the user arranged it; without it, the proposed one (dealStageOrder.ts). */
  dealStagePlan?: DealStagePlan;
  /**
   * The stage history already recognised for these very plans (the mapping step did it): used as is
   * instead of reading the files for it again.
   */
  dealStageHistory?: DealStageHistory;
}

/** What recognising deal stage history needs of each mapped file (its read table, headers and plan). */
function dealStageFiles(files: readonly RawFile[], plans: readonly FilePlan[]): DealStageFile[] {
  return plans.flatMap((plan) => {
    const file = files.find((f) => f.table === plan.table);
    if (!file || plan.kind === "spend") return [];
    const profiles = "dateProfiles" in file ? (file as PreparedFile).dateProfiles : {};
    return [
      {
        name: plan.fileName,
        table: plan.table,
        headers: file.headers,
        kind: plan.kind,
        mapping: plan.mapping,
        dateFormats: plan.dateFormats,
        dateProfiles: profiles,
      },
    ];
  });
}

export { ImportCancelled };

/** The vocabulary is constant for the page's life: built once per engine, not on every import step. */
async function ensureVocabulary(engine: SqlEngine): Promise<void> {
  const rows = activityAliases()
    .map(({ key, activity }) => `(${quoteLiteral(key)}, ${quoteLiteral(activity)})`)
    .join(", ");
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS activity_vocabulary AS SELECT * FROM (VALUES ${rows}) v(key, activity)`,
  );
}

/** Each mapped date field's format: the one its column's values support (see chooseDateFormat). */
function detectDateFormats(
  kind: FileKind,
  mapping: KindMapping,
  profiles: Record<string, DateColumnProfile>,
): Record<string, DateFormat> {
  const formats: Record<string, DateFormat> = {};
  for (const field of FIELDS[kind]) {
    const header = mapping[field.id];
    if (field.kind !== "date" || header === undefined) continue;
    formats[field.id] = profiles[header]?.detected ?? "iso";
  }
  return formats;
}

async function unknownActivities(engine: SqlEngine, file: RawFile, mapping: KindMapping) {
  const header = mapping.activity;
  if (header === undefined) return [];
  const column = quoteIdentifier(header);
  // Normalise the few distinct values, not every row: the regex key is costly at millions of rows.
  return engine.query<{ value: string; key: string; rows: number }>(
    `WITH distinct_values AS (
       SELECT ${column} AS raw, count(*) AS rows FROM ${file.table}
       WHERE ${column} IS NOT NULL GROUP BY ${column}
       HAVING nullif(trim(${column}), '') IS NOT NULL
     )
     SELECT lower(trim(any_value(raw))) AS value, ${vocabularyKeySql("raw")} AS key, sum(rows)::INTEGER AS rows
     FROM distinct_values
     WHERE ${vocabularyKeySql("raw")} NOT IN (SELECT key FROM activity_vocabulary)
     GROUP BY key ORDER BY rows DESC, key LIMIT 50`,
  );
}

/**
 * Proposes a mapping for a file as if it were of `kind` (the mapping step calls this on a change).
 * The date profiles are read once per file and reused when the file already has them.
 */
export async function proposeMapping(
  engine: SqlEngine,
  file: RawFile & { dateProfiles?: Record<string, DateColumnProfile> },
  kind: FileKind,
  now: Date = new Date(),
): Promise<Omit<PreparedFile, keyof RawFile>> {
  const mapping = detectFields(kind, file.headers);
  const dateProfiles = file.dateProfiles ?? (await profileDateColumns(engine, file, now));
  return {
    kind,
    mapping,
    dateFormats: detectDateFormats(kind, mapping, dateProfiles),
    dateProfiles,
    unknownActivities: kind === "activity" ? await unknownActivities(engine, file, mapping) : [],
  };
}

/**
 * The most CSV one import may bring. DuckDB-WASM's heap stops at 4 GB (3.1 GiB for data): the
 * benchmark's 739 MB log (5M events) peaked at 3.2 GB, its 1.49 GB log (10M) ran out of memory after
 * minutes. Refusing up front says so at once, before the tab's memory is at risk.
 */
export const MAX_IMPORT_BYTES = 1_000_000_000;

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

function refuseTooLarge(sources: readonly ImportSource[], maxBytes: number): void {
  const total = sources.reduce((sum, source) => sum + sizeOf(source.data), 0);
  if (total <= maxBytes) return;
  const names = sources.map((s) => s.name).join(", ");
  const what =
    sources.length === 1 ? `${names} is ${gigabytes(total)}` : `${names} are ${gigabytes(total)} together`;
  throw new ImportError(
    names,
    `${what}: more than the ${gigabytes(maxBytes)} this browser tab can analyse in its memory ` +
      `(about 6 million activity rows). Export a shorter date range or fewer columns and import that.`,
  );
}

/**
 * Each file's name as the import shows and keys it: the name itself, or with its position when
 * another file of the import has the same name (two `leads.csv` from different folders become
 * "leads.csv (file 1)" and "leads.csv (file 2)"). Rows and rejects are matched by file and row,
 * so two files under one name would take each other's rows with them.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const labels = names.map((name, i) =>
    names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (file ${i + 1})`,
  );
  // A file may itself be called "leads.csv (file 2)": add positions until every label is unique.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, label] of labels.entries()) {
      if (labels.indexOf(label) !== i) {
        labels[i] = `${label} (file ${i + 1})`;
        changed = true;
      }
    }
  }
  return labels;
}

/** Reads every file and proposes what it is and how its columns map. Nothing live changes yet. */
export async function prepareFiles(
  engine: SqlEngine,
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<PreparedFile[]> {
  refuseTooLarge(sources, options.maxBytes ?? MAX_IMPORT_BYTES);
  await ensureVocabulary(engine);
  await engine.exec(`DROP TABLE IF EXISTS ${READ_REJECTS}`);
  const prepared: PreparedFile[] = [];
  const names = uniqueFileNames(sources.map((s) => s.name));
  try {
    for (const [i, source] of sources.entries()) {
      checkCancelled(options.signal);
      const name = names[i] ?? source.name;
      options.onProgress?.({ step: `Reading ${name}`, done: i, total: sources.length });
      const file = await readRawFile(engine, { name, data: source.data });
      const proposal = await proposeMapping(engine, file, proposeKind(file.headers), options.now);
      prepared.push({ ...file, ...proposal });
    }
  } catch (error) {
    for (const file of prepared) await dropRawFile(engine, file);
    throw error;
  }
  return prepared;
}

export function planFor(file: PreparedFile): FilePlan {
  return {
    fileName: file.name,
    table: file.table,
    kind: file.kind,
    mapping: file.mapping,
    dateFormats: file.dateFormats,
    activityMap: {},
  };
}

const REJECTS = quoteIdentifier(`${STAGING_PREFIX}import_rejects`);
const SPEND = quoteIdentifier(`${STAGING_PREFIX}spend`);
const OVERRIDES = "import_activity_overrides";
const ACTIVITY_MAP = "import_activity_map";

async function stageOverrides(engine: SqlEngine, plan: FilePlan): Promise<void> {
  const rows = Object.entries(plan.activityMap).map(
    ([key, activity]) => `(${quoteLiteral(vocabularyKey(key))}, ${quoteLiteral(activity)})`,
  );
  await engine.exec(`CREATE OR REPLACE TABLE ${OVERRIDES} (key VARCHAR, activity VARCHAR)`);
  if (rows.length > 0) await engine.exec(`INSERT INTO ${OVERRIDES} VALUES ${rows.join(", ")}`);
}

function refuseIncomplete(files: readonly RawFile[], plans: readonly FilePlan[]): void {
  for (const plan of plans) {
    const missing = missingFields(plan.kind, plan.mapping);
    const headers = files.find((f) => f.table === plan.table)?.headers ?? [];
    if (missing.length > 0) {
      throw new ImportError(
        plan.fileName,
        `${plan.fileName}: no column found for ${missing.map((f) => f.label).join(", ")} ` +
          `(needed for ${FILE_KIND_NOUNS[plan.kind]}). The file has the columns ${headers.map((h) => `"${h}"`).join(", ")}.`,
      );
    }
  }
  if (!plans.some((p) => p.kind !== "spend")) {
    throw new ImportError(
      plans[0]?.fileName ?? "",
      "A campaign spend file needs an activity log, lead table or deals file beside it.",
    );
  }
}

/** Builds the workspace from mapped files; the live tables change only if everything succeeds. */
export async function applyImport(
  engine: SqlEngine,
  files: readonly RawFile[],
  givenPlans: readonly FilePlan[],
  settings: DeriveSettings,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // prepareFiles already gives every file its own name; plans made elsewhere are keyed here too.
  const fileNames = uniqueFileNames(givenPlans.map((p) => p.fileName));
  const plans = givenPlans.map((plan, i) => ({ ...plan, fileName: fileNames[i] ?? plan.fileName }));
  const progress = (step: string, done: number) => options.onProgress?.({ step, done, total: 4 });
  try {
    refuseIncomplete(files, plans);
    await ensureVocabulary(engine);
    progress("Mapping columns", 0);
    const columns = EVENT_COLUMNS.map((c) => `${c.name} ${c.type}`).join(", ");
    await engine.exec(`CREATE OR REPLACE TABLE ${STAGED.events} (${columns})`);
    await engine.exec(`CREATE OR REPLACE TABLE ${REJECTS} ${REJECT_COLUMNS}`);
    for (const plan of plans) {
      // Rows rejected while reading are kept by raw table, so they follow the file, whatever its name.
      await engine.exec(
        `INSERT INTO ${REJECTS} SELECT ${quoteLiteral(plan.fileName)}, source_row, column_name, problem, value, raw_row
         FROM ${READ_REJECTS} WHERE raw_table = ${quoteLiteral(plan.table)}`,
      );
    }
    await engine.exec(`CREATE OR REPLACE TABLE ${SPEND} (campaign VARCHAR, spend DOUBLE, period VARCHAR)`);
    const links = plans.map(opportunityLinksSql).filter((sql): sql is string => sql !== null);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${OPPORTUNITY_LINKS} AS ${links.length > 0 ? links.join("\nUNION\n") : "SELECT NULL::VARCHAR AS opportunity_id, NULL::VARCHAR AS lead_id WHERE FALSE"}`,
    );
    const keys = plans.map(leadKeysSql).filter((sql): sql is string => sql !== null);
    // One lead per email (the first id in order): two leads sharing an email must not double a deal's events.
    await engine.exec(
      `CREATE OR REPLACE TABLE ${LEAD_KEYS} AS ${
        keys.length > 0
          ? `SELECT lead_key, min(lead_id) AS lead_id FROM (${keys.join("\nUNION ALL\n")}) GROUP BY lead_key`
          : "SELECT NULL::VARCHAR AS lead_key, NULL::VARCHAR AS lead_id WHERE FALSE"
      }`,
    );
    // Deal stage history (HubSpot "Date entered" columns, Salesforce stage history, stage-change rows):
    // staged beside the events, built into the pipeline tables when they are swapped in.
    const history =
      options.dealStageHistory ?? (await recogniseDealStageHistory(engine, dealStageFiles(files, plans)));
    if (options.dealStagePlan && history.plan) history.plan = options.dealStagePlan;
    const dealTables = stagedDealTables(STAGING_PREFIX, STAGED.leadStages);
    await stageDealStageHistory(engine, history, dealTables, DEAL_LINK_TABLES);
    for (const plan of plans) {
      checkCancelled(options.signal);
      if (plan.kind === "spend") {
        await engine.exec(`INSERT INTO ${SPEND} ${spendSql(plan)}`);
        continue;
      }
      await stageOverrides(engine, plan);
      if (plan.kind === "activity") {
        await engine.exec(`CREATE OR REPLACE TABLE ${ACTIVITY_MAP} AS ${activityMapSql(plan, OVERRIDES)}`);
      }
      await engine.exec(`INSERT INTO ${STAGED.events} ${eventsSql(plan, ACTIVITY_MAP, dealTables.deals)}`);
      const headers = files.find((f) => f.table === plan.table)?.headers ?? [];
      const rejects =
        plan.kind === "activity"
          ? activityRejectsSql(plan, headers, STAGED.events)
          : rejectsSql(plan, headers);
      if (rejects) await engine.exec(`INSERT INTO ${REJECTS} ${rejects}`);
    }
    checkCancelled(options.signal);
    progress("Checking rows", 1);
    await engine.exec(
      `DELETE FROM ${STAGED.events} WHERE (source_file, source_row) IN (SELECT source_file, source_row FROM ${REJECTS})`,
    );
    const mergedSpellings = await mergeCaseVariants(engine, STAGED.events, SPEND);
    const fileSummaries = await summariseFiles(engine, files, plans);
    const rowsRead = fileSummaries.reduce((sum, f) => sum + f.rowsRead, 0);
    const rowsRejected = fileSummaries.reduce((sum, f) => sum + f.rowsRejected, 0);
    const rejectGroups = groupRejects(
      await engine.query<RejectCount>(
        `SELECT source_file, column_name, problem, count(*)::INTEGER AS rows, min(source_row)::INTEGER AS example_row,
           arg_min(value, source_row) AS example_value
         FROM ${REJECTS} GROUP BY source_file, column_name, problem ORDER BY rows DESC, example_row`,
      ),
      plans.length > 1,
    );
    const [events] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${STAGED.events}`);
    if (!events || events.n === 0) {
      const names = plans.map((p) => p.fileName).join(", ");
      const first = rejectGroups[0];
      throw new ImportError(
        names,
        `${names}: none of the ${rowsRead} rows could be used${first ? ` — ${first.message}` : ""}.`,
      );
    }
    const unknown = await engine.query<{ activity: string; rows: number }>(
      `SELECT activity, count(*)::INTEGER AS rows FROM ${STAGED.events} WHERE unknown_activity
       GROUP BY activity ORDER BY rows DESC, activity LIMIT 50`,
    );
    const [spend] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${SPEND}`);
    checkCancelled(options.signal);
    progress("Building the funnel", 2);
    const { leads, unit } = await commitStagedEvents(engine, settings, options.signal);
    progress("Done", 4);
    return {
      fileName: plans.map((p) => p.fileName).join(", "),
      files: fileSummaries,
      rowsRead,
      rowsLoaded: rowsRead - rowsRejected,
      rowsRejected,
      rejectGroups,
      leads,
      unit,
      mapping: plans[0]?.mapping ?? {},
      unknownActivities: unknown,
      spendRows: spend?.n ?? 0,
      mergedSpellings,
    };
  } catch (error) {
    await dropStaging(engine);
    if (error instanceof ImportError || error instanceof ImportCancelled) throw error;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const names = plans.map((p) => p.fileName).join(", ");
    throw new ImportError(names, `${names} could not be imported: ${reason}`, error);
  } finally {
    for (const file of files) await dropRawFile(engine, file);
  }
}

async function summariseFiles(engine: SqlEngine, files: readonly RawFile[], plans: readonly FilePlan[]) {
  const rejected = await engine.query<{ source_file: string; n: number }>(
    `SELECT source_file, count(DISTINCT source_row)::INTEGER AS n FROM ${REJECTS} GROUP BY source_file`,
  );
  return plans.map((plan): FileSummary => {
    const file = files.find((f) => f.table === plan.table);
    // Ragged rows were taken out of the raw table while reading, but they are rows of the file.
    const rowsRead = (file?.rows ?? 0) + (file?.raggedRows ?? 0);
    const rowsRejected = rejected.find((r) => r.source_file === plan.fileName)?.n ?? 0;
    return {
      fileName: plan.fileName,
      kind: plan.kind,
      rowsRead,
      rowsLoaded: rowsRead - rowsRejected,
      rowsRejected,
      notes: file?.notes ?? [],
    };
  });
}

/** An activity log (or any single file) imported with the auto-detected mapping: sample and tests. */
export async function importActivityLog(
  engine: SqlEngine,
  source: ImportSource,
  settings: DeriveSettings,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const [file] = await prepareFiles(engine, [source], options);
  if (!file) throw new ImportError(source.name, `${source.name} could not be read.`);
  return applyImport(engine, [file], [planFor(file)], settings, options);
}
