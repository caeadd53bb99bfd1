// DuckDB-WASM in a Web Worker, served from the app's own bundle; opened once, lazily.

import * as duckdb from "@duckdb/duckdb-wasm";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import type { QueryOptions, SqlEngine, SqlValue } from "./engine";
import { QueryCancelled, QueryError, withTimeout } from "./errors";
import { placeholdersToVariables, setParamsSql } from "./variables";
import { startDuckdbWorker } from "./worker";

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

const START_TIMEOUT_MS = 60_000;

type Row = Record<string, unknown>;

function toRows<T>(table: { toArray(): { toJSON(): Row }[] }): T[] {
  return table.toArray().map((row) => row.toJSON() as T);
}

/** A tiny module using wasm exception handling (the probe wasm-feature-detect uses, as DuckDB does). */
const EXCEPTIONS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

/**
 * The exception-handling bundle where the browser has wasm exceptions, else the MVP one. Decided
 * synchronously (duckdb.selectBundle awaits, and its continuation waits behind the app's first
 * render), so the worker starts downloading the 34 MB wasm the moment the page's script runs.
 */
function pickBundle(): { mainModule: string; mainWorker: string } {
  return WebAssembly.validate(EXCEPTIONS_PROBE) ? (BUNDLES.eh ?? BUNDLES.mvp) : BUNDLES.mvp;
}

async function start(): Promise<SqlEngine> {
  const bundle = pickBundle();
  // The worker runs from a blob: URL, so its URLs must be absolute.
  const wasmUrl = new URL(bundle.mainModule, location.href).href;
  const worker = startDuckdbWorker(new URL(bundle.mainWorker, location.href).href, wasmUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // instantiate() posts its message to the worker before its first await.
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
  const conn = await db.connect();
  // Extensions would be fetched from the network; everything we need is built in.
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");
  // Interruptible queries have a connection of their own. A sent query is polled in slices, and any
  // other statement on its connection between two polls ends it early with no rows (seen: the import's
  // audit and save running beside the first screen's queries). On its own connection it also reads only
  // committed data, never the middle of the import's swap transaction.
  const sentConn = await db.connect();
  await sentConn.query("SET autoinstall_known_extensions = false");
  await sentConn.query("SET autoload_known_extensions = false");

  async function run<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    try {
      if (params.length === 0) return toRows<T>(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return toRows<T>(await statement.query(...params));
      } finally {
        // Not awaited: the worker handles messages in order, so the close runs after this answer and
        // the caller does not wait a third round trip for it.
        statement.close().catch(() => undefined);
      }
    } catch (error) {
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, error);
    }
  }

  // Interruptible queries run one at a time (their parameters share one session variable), and
  // `cancel()` stops the one running: the worker polls a sent query in slices, so the interrupt lands
  // between slices instead of after the whole query. A cancelled query can come back with no rows
  // instead of an error, so whether it was cancelled is decided here, by its number.
  let interruptibleChain: Promise<unknown> = Promise.resolve();
  let queries = 0;
  let running: number | null = null;
  let cancelled: number | null = null;
  /** The values the parameters variable holds now (as JSON), when known. */
  let variableHolds: string | null = null;
  async function runInterruptible<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    const text = params.length === 0 ? sql : placeholdersToVariables(sql, params);
    const id = ++queries;
    running = id;
    try {
      // A filter change's statements mostly share their values: set the variable only when they differ
      // (each set is three messages to the worker, and each waits its turn behind the page's rendering).
      const values = JSON.stringify(params);
      if (params.length > 0 && values !== variableHolds) {
        variableHolds = null;
        const set = await sentConn.prepare(setParamsSql(params.length));
        try {
          await set.query(...params);
          variableHolds = values;
        } finally {
          set.close().catch(() => undefined);
        }
      }
      if (cancelled === id) throw new QueryCancelled();
      const reader = await sentConn.send(text);
      const rows: T[] = [];
      for await (const batch of reader) for (const row of batch.toArray()) rows.push(row.toJSON() as T);
      if (cancelled === id) throw new QueryCancelled();
      return rows;
    } catch (error) {
      if (cancelled === id || error instanceof QueryCancelled) throw new QueryCancelled();
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, error);
    } finally {
      running = null;
    }
  }

  return {
    query: <T extends object>(sql: string, params: readonly SqlValue[] = [], options: QueryOptions = {}) => {
      if (!options.interruptible) return run<T>(sql, params);
      const answer = interruptibleChain.then(() => runInterruptible<T>(sql, params));
      interruptibleChain = answer.catch(() => undefined);
      return answer;
    },
    exec: async (sql, params = []) => {
      await run(sql, params);
    },
    registerFile: async (name, source) => {
      if (source instanceof Uint8Array) await db.registerFileBuffer(name, source);
      else await db.registerFileHandle(name, source, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    readFile: (name) => db.copyFileToBuffer(name),
    cancel: async () => {
      // Only an interruptible query can be stopped; the importer's statements run to their end.
      if (running === null) return;
      cancelled = running;
      await sentConn.cancelSent();
    },
  };
}

let engine: Promise<SqlEngine> | null = null;

/** The app's engine; the first call starts DuckDB, later calls share the same start-up. */
export function browserEngine(): Promise<SqlEngine> {
  engine ??= withTimeout(start(), START_TIMEOUT_MS, "The DuckDB engine");
  return engine;
}
