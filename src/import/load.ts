// Loads an activity log into DuckDB: read the file, map its columns, validate rows, derive the
// per-lead tables, then swap them in at once — a failed import leaves the previous data untouched.

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier, quoteLiteral } from "../db/sql";
import type { DeriveSettings } from "../metrics/derive";
import { chooseDateFormat, type DateColumnStats, type DateFormat, dateStatsSql, timestampSql } from "./dates";
import {
  type ColumnMapping,
  detectEventColumns,
  type EventField,
  FIELD_LABELS,
  missingRequiredFields,
} from "./detect";
import { groupRejects, type RejectGroup, rejectsSql } from "./rejects";
import { activityAliases, vocabularyKeySql } from "./vocabulary";
import { commitStagedEvents, dropStaging, STAGED, STAGING_PREFIX } from "./workspace";

export interface ImportSource {
  name: string;
  data: Blob | Uint8Array;
}

export interface ImportSummary {
  fileName: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rejectGroups: RejectGroup[];
  leads: number;
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  /** Activity values not in the vocabulary: kept as written, listed for the user. */
  unknownActivities: { activity: string; rows: number }[];
}

/** An import that cannot go ahead; the message names the file and what was expected. */
export class ImportError extends Error {
  readonly fileName: string;
  constructor(fileName: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "ImportError";
    this.fileName = fileName;
  }
}

const RAW = "import_raw";
const ROW = "__source_row";
let uploads = 0;

async function headBytes(data: Blob | Uint8Array, count: number): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(0, count);
  return new Uint8Array(await data.slice(0, count).arrayBuffer());
}

function size(data: Blob | Uint8Array): number {
  return data instanceof Uint8Array ? data.byteLength : data.size;
}

/** Catches files that are not text tables before DuckDB gives a cryptic answer. */
async function checkLooksTabular(source: ImportSource): Promise<void> {
  if (size(source.data) === 0) throw new ImportError(source.name, `${source.name} is empty (0 bytes).`);
  const head = await headBytes(source.data, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) {
    const kind =
      head[0] === 0x50 && head[1] === 0x4b ? " It looks like a spreadsheet or zip archive (.xlsx)." : "";
    throw new ImportError(
      source.name,
      `${source.name} is not a text table (CSV or TSV).${kind} Export it as CSV and import that file.`,
    );
  }
}

function mappedColumn(mapping: ColumnMapping, field: EventField): string {
  const header = mapping[field];
  return header === undefined ? "NULL" : `r.${quoteIdentifier(header)}`;
}

function text(mapping: ColumnMapping, field: EventField): string {
  return mapping[field] === undefined ? "NULL::VARCHAR" : `nullif(trim(${mappedColumn(mapping, field)}), '')`;
}

function stagingEventsSql(
  table: string,
  fileName: string,
  mapping: ColumnMapping,
  dateFormat: DateFormat,
): string {
  const activity = mappedColumn(mapping, "activity");
  const number = (field: EventField) =>
    mapping[field] === undefined
      ? "NULL::DOUBLE"
      : `TRY_CAST(replace(${text(mapping, field)}, ',', '') AS DOUBLE)`;
  return `CREATE OR REPLACE TABLE ${table} AS
SELECT
  ${quoteLiteral(fileName)} AS source_file,
  (r.${ROW} + 1)::INTEGER AS source_row,
  ${text(mapping, "lead_id")} AS lead_id,
  ${timestampSql(mappedColumn(mapping, "occurred_at"), dateFormat)} AS occurred_at,
  coalesce(v.activity, lower(${text(mapping, "activity")})) AS activity,
  v.activity IS NULL AS unknown_activity,
  ${text(mapping, "campaign")} AS campaign,
  ${text(mapping, "channel")} AS channel,
  ${text(mapping, "source")} AS source,
  ${text(mapping, "owner")} AS owner,
  ${text(mapping, "team")} AS team,
  ${number("amount")} AS amount,
  ${text(mapping, "amount")} AS raw_amount,
  ${number("duration_s")} AS duration_s,
  ${text(mapping, "company")} AS company,
  ${text(mapping, "company_size")} AS company_size,
  ${text(mapping, "industry")} AS industry,
  ${text(mapping, "region")} AS region,
  ${text(mapping, "role")} AS role,
  ${text(mapping, "occurred_at")} AS raw_occurred_at
FROM ${RAW} r
LEFT JOIN activity_vocabulary v ON v.key = ${vocabularyKeySql(activity)}`;
}

async function ensureVocabulary(engine: SqlEngine): Promise<void> {
  const rows = activityAliases()
    .map(({ key, activity }) => `(${quoteLiteral(key)}, ${quoteLiteral(activity)})`)
    .join(", ");
  await engine.exec(
    `CREATE OR REPLACE TABLE activity_vocabulary AS SELECT * FROM (VALUES ${rows}) v(key, activity)`,
  );
}

export async function importActivityLog(
  engine: SqlEngine,
  source: ImportSource,
  settings: DeriveSettings,
): Promise<ImportSummary> {
  await checkLooksTabular(source);
  const fileName = `upload_${++uploads}.csv`;
  const staging = STAGED;
  const rejectsTable = quoteIdentifier(`${STAGING_PREFIX}import_rejects`);
  await engine.registerFile(fileName, source.data);
  try {
    try {
      await engine.exec(
        `CREATE OR REPLACE TABLE ${RAW} AS SELECT row_number() OVER () AS ${ROW}, *
         FROM read_csv(${quoteLiteral(fileName)}, header = true, all_varchar = true, null_padding = true)`,
      );
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      throw new ImportError(source.name, `${source.name} could not be read as a CSV table: ${reason}`, error);
    }
    const columns = await engine.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${RAW})`);
    const headers = columns.map((c) => c.column_name).filter((c) => c !== ROW);
    const rowsRead =
      (await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${RAW}`))[0]?.n ?? 0;
    if (rowsRead === 0) throw new ImportError(source.name, `${source.name} has a header but no data rows.`);

    const mapping = detectEventColumns(headers);
    const missing = missingRequiredFields(mapping);
    if (missing.length > 0) {
      throw new ImportError(
        source.name,
        `${source.name}: no column found for ${missing.map((f) => FIELD_LABELS[f]).join(", ")}. ` +
          `The file has the columns ${headers.map((h) => `"${h}"`).join(", ")}. ` +
          `An activity log needs a lead id, a timestamp and an activity per row.`,
      );
    }
    const [stats] = await engine.query<DateColumnStats>(
      dateStatsSql(quoteIdentifier(mapping.occurred_at ?? ""), RAW),
    );
    const dateFormat = stats ? chooseDateFormat(stats) : "iso";

    await ensureVocabulary(engine);
    await engine.exec(stagingEventsSql(staging.events, source.name, mapping, dateFormat));
    await engine.exec(rejectsSql(staging.events, rejectsTable, mapping));
    await engine.exec(
      `DELETE FROM ${staging.events} WHERE source_row IN (SELECT source_row FROM ${rejectsTable})`,
    );

    const rejectRows = await engine.query<{
      column_name: string;
      problem: string;
      rows: number;
      example_row: number;
      example_value: string | null;
    }>(
      `SELECT column_name, problem, count(*)::INTEGER AS rows, min(source_row)::INTEGER AS example_row,
         arg_min(value, source_row) AS example_value
       FROM ${rejectsTable} GROUP BY column_name, problem ORDER BY rows DESC`,
    );
    const rejectGroups = groupRejects(rejectRows);
    const rowsRejected =
      (
        await engine.query<{ n: number }>(
          `SELECT count(DISTINCT source_row)::INTEGER AS n FROM ${rejectsTable}`,
        )
      )[0]?.n ?? 0;
    const rowsLoaded = rowsRead - rowsRejected;
    if (rowsLoaded === 0) {
      const first = rejectGroups[0];
      throw new ImportError(
        source.name,
        `${source.name}: none of the ${rowsRead} rows could be used${first ? ` — ${first.message}` : ""}.`,
      );
    }

    const unknownActivities = await engine.query<{ activity: string; rows: number }>(
      `SELECT activity, count(*)::INTEGER AS rows FROM ${staging.events} WHERE unknown_activity
       GROUP BY activity ORDER BY rows DESC, activity LIMIT 50`,
    );
    const { leads } = await commitStagedEvents(engine, settings);
    return {
      fileName: source.name,
      rowsRead,
      rowsLoaded,
      rowsRejected,
      rejectGroups,
      leads,
      mapping,
      dateFormat,
      unknownActivities,
    };
  } catch (error) {
    await dropStaging(engine);
    if (error instanceof ImportError) throw error;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new ImportError(source.name, `${source.name} could not be imported: ${reason}`, error);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${RAW}`);
    await engine.dropFile(fileName);
  }
}
