// Turns the loaded `events` table into CSV bytes and back, so a workspace can be saved and reopened.

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier, quoteLiteral } from "../db/sql";
import type { FunnelUnit } from "../model/stages";
import { DEAL_STAGE_SOURCE_TABLES } from "../warehouse/dealStages";
import { type DeriveSettings, LIVE_TABLES } from "../warehouse/derive";
import {
  commitStagedEvents,
  dropStaging,
  EVENT_COLUMNS,
  STAGED,
  STAGING_PREFIX,
} from "../warehouse/workspace";
import { joinSlices } from "./joinBytes";

/** The header line a snapshot starts with; DuckDB writes these plain names unquoted. */
const SNAPSHOT_HEADER = EVENT_COLUMNS.map((c) => c.name).join(",");

const COLUMN_LIST = EVENT_COLUMNS.map((c) => quoteIdentifier(c.name)).join(", ");

/**
 * Explicit types and dialect, no sniffing. `allow_quoted_nulls = false` keeps an empty string
 * (written as "") apart from NULL (written as nothing), as COPY … TO wrote them.
 */
const READ_OPTIONS = [
  "header = true",
  "auto_detect = false",
  "delim = ','",
  "quote = '\"'",
  "escape = '\"'",
  "allow_quoted_nulls = false",
  `columns = {${EVENT_COLUMNS.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(", ")}}`,
].join(", ");

/** Tables kept beside the events: campaign spend, the last import's rejected rows, deal stage history. */
export const SIDE_TABLES = {
  spend: [
    { name: "campaign", type: "VARCHAR" },
    { name: "spend", type: "DOUBLE" },
    { name: "period", type: "VARCHAR" },
  ],
  import_rejects: [
    { name: "source_file", type: "VARCHAR" },
    { name: "source_row", type: "INTEGER" },
    { name: "column_name", type: "VARCHAR" },
    { name: "problem", type: "VARCHAR" },
    { name: "value", type: "VARCHAR" },
    { name: "raw_row", type: "VARCHAR" },
  ],
  // The deal stage history as imported (entries, per-deal facts, the stage plan); the pipeline's
  // tables are rebuilt from them when the workspace reopens.
  ...DEAL_STAGE_SOURCE_TABLES,
} as const;

export type SideTable = keyof typeof SIDE_TABLES;
export type SideSnapshots = Partial<Record<SideTable, Uint8Array>>;

function sideReadOptions(table: SideTable): string {
  const columns = SIDE_TABLES[table]
    .map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`)
    .join(", ");
  return `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${columns}}`;
}

let files = 0;

/** A name per call, so a save and a restore running close together never share a file. */
function fileName(kind: string): string {
  return `workspace-events-${kind}-${++files}.csv`;
}

/**
 * Rows per COPY statement. The save runs beside the screens (through the coordinator, as upkeep), and a
 * screen's question waits for the one COPY running: kept short, it waits tens of milliseconds, where one
 * COPY of a 200,000-deal import's 1.4 million stage entries held the worker for 1.5 s (2.2 s with reading
 * it back).
 */
export const ROWS_PER_COPY = 50_000;

/** One COPY of `select` into a registered in-memory file, read back. */
async function copyCsv(engine: SqlEngine, select: string, header: boolean): Promise<Uint8Array> {
  const name = fileName("snapshot");
  // Registering an empty buffer first keeps the COPY in memory (unregistered, DuckDB-WASM's Node
  // build writes into the working directory), and USE_TMP_FILE false writes straight into that buffer
  // instead of into a temporary file renamed afterwards, a rename the Node build does not carry out.
  await engine.registerFile(name, new Uint8Array(0));
  try {
    await engine.exec(
      `COPY (${select}) TO ${quoteLiteral(name)} (HEADER ${header}, DELIMITER ',', USE_TMP_FILE false)`,
    );
    return await engine.readFile(name);
  } finally {
    await engine.dropFile(name);
  }
}

/** A save stopped as soon as its snapshot passed `maxBytes`, having written `written` bytes by then. */
export class SnapshotTooLarge extends Error {
  constructor(
    readonly written: number,
    readonly maxBytes: number,
  ) {
    super(`The workspace snapshot passed ${maxBytes} bytes (${written} written when it stopped)`);
    this.name = "SnapshotTooLarge";
  }
}

/**
 * What one snapshot (events and side tables together) may write. tableCsv counts every slice against it
 * and stops at the first one that passes it, so a workspace too large to keep costs the slices up to the
 * limit and no join, instead of the whole snapshot thrown away afterwards.
 */
export class SnapshotBudget {
  written = 0;
  constructor(readonly maxBytes: number) {}

  spend(bytes: number): void {
    this.written += bytes;
    if (this.written > this.maxBytes) throw new SnapshotTooLarge(this.written, this.maxBytes);
  }
}

/**
 * `columns` of every row of `table` as CSV with one header line, in the table's own row order, written
 * ROWS_PER_COPY rows at a time (by row id) and joined (joinSlices: off the page's thread in a browser).
 */
async function tableCsv(
  engine: SqlEngine,
  table: string,
  columns: string,
  budget: SnapshotBudget,
): Promise<Uint8Array> {
  const [extent] = await engine.query<{ end: number | null }>(
    `SELECT (max(rowid) + 1)::DOUBLE AS end FROM ${table}`,
  );
  const end = Math.max(1, extent?.end ?? 0);
  const slices: Uint8Array[] = [];
  for (let from = 0; from < end; from += ROWS_PER_COPY) {
    const rows = `rowid >= ${from} AND rowid < ${from + ROWS_PER_COPY}`;
    const slice = await copyCsv(engine, `SELECT ${columns} FROM ${table} WHERE ${rows}`, from === 0);
    budget.spend(slice.byteLength);
    slices.push(slice);
  }
  return joinSlices(slices);
}

/** The live events as CSV (header + one row per event, in the table's order). */
export function snapshotEvents(
  engine: SqlEngine,
  budget = new SnapshotBudget(Number.POSITIVE_INFINITY),
): Promise<Uint8Array> {
  return tableCsv(engine, LIVE_TABLES.events, COLUMN_LIST, budget);
}

/** The side tables that exist, each as CSV with its columns in order (one query finds which exist). */
export async function snapshotSideTables(
  engine: SqlEngine,
  budget = new SnapshotBudget(Number.POSITIVE_INFINITY),
): Promise<SideSnapshots> {
  const names = Object.keys(SIDE_TABLES) as SideTable[];
  const existing = new Set(
    (
      await engine.query<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM duckdb_tables() WHERE table_name IN (${names.map(quoteLiteral).join(", ")})`,
      )
    ).map((t) => t.table_name),
  );
  const sides: SideSnapshots = {};
  for (const table of names) {
    if (!existing.has(table)) continue;
    const columns = SIDE_TABLES[table].map((c) => quoteIdentifier(c.name)).join(", ");
    sides[table] = await tableCsv(engine, quoteIdentifier(table), columns, budget);
  }
  return sides;
}

/** Stages side tables from their snapshots so commitStagedEvents swaps them in with the events. */
async function stageSideTables(engine: SqlEngine, sides: SideSnapshots): Promise<void> {
  for (const table of Object.keys(SIDE_TABLES) as SideTable[]) {
    const bytes = sides[table];
    if (!bytes) continue;
    const name = fileName(`${table}-restore`);
    await engine.registerFile(name, bytes);
    try {
      await engine.exec(
        `CREATE OR REPLACE TABLE ${quoteIdentifier(`${STAGING_PREFIX}${table}`)} AS
         SELECT * FROM read_csv(${quoteLiteral(name)}, ${sideReadOptions(table)})`,
      );
    } finally {
      await engine.dropFile(name);
    }
  }
}

function headerLine(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 64 * 1024);
  const end = head.indexOf(0x0a);
  return new TextDecoder().decode(end === -1 ? head : head.subarray(0, end)).replace(/\r$/, "");
}

/**
 * Replaces the loaded workspace with a snapshot's events and re-derives the per-lead tables.
 * Refuses a snapshot whose columns differ from this version's: read_csv would otherwise pair
 * columns by position. A failure leaves the previous data loaded.
 */
export async function restoreEvents(
  engine: SqlEngine,
  bytes: Uint8Array,
  settings: DeriveSettings,
  sides: SideSnapshots = {},
): Promise<{ leads: number; unit: FunnelUnit }> {
  const header = headerLine(bytes);
  if (header !== SNAPSHOT_HEADER) {
    throw new Error(
      `The saved workspace has different columns than this version of Funnel Lens expects ` +
        `(saved: ${header.slice(0, 200) || "nothing"}). Import the file again.`,
    );
  }
  const name = fileName("restore");
  await engine.registerFile(name, bytes);
  try {
    await engine.exec(
      `CREATE OR REPLACE TABLE ${STAGED.events} AS SELECT * FROM read_csv(${quoteLiteral(name)}, ${READ_OPTIONS})`,
    );
    await stageSideTables(engine, sides);
    return await commitStagedEvents(engine, settings);
  } catch (error) {
    // Cleanup must not hide why the restore failed.
    await dropStaging(engine).catch(() => undefined);
    throw error;
  } finally {
    await engine.dropFile(name);
  }
}
