// DuckDB-WASM in a Web Worker, served from the app's own bundle; opened once, lazily.

import * as duckdb from "@duckdb/duckdb-wasm";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import type { SqlEngine, SqlValue } from "./engine";
import { QueryError, withTimeout } from "./errors";

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

const START_TIMEOUT_MS = 60_000;

type Row = Record<string, unknown>;

function toRows<T>(table: { toArray(): { toJSON(): Row }[] }): T[] {
  return table.toArray().map((row) => row.toJSON() as T);
}

async function start(): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error("No DuckDB worker bundle fits this browser");
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
  const conn = await db.connect();
  // Extensions would be fetched from the network; everything we need is built in.
  await conn.query("SET autoinstall_known_extensions = false");
  await conn.query("SET autoload_known_extensions = false");

  async function run<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    try {
      if (params.length === 0) return toRows<T>(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return toRows<T>(await statement.query(...params));
      } finally {
        await statement.close();
      }
    } catch (error) {
      throw new QueryError(error instanceof Error ? error.message : String(error), sql, error);
    }
  }

  return {
    query: <T extends object>(sql: string, params: readonly SqlValue[] = []) => run<T>(sql, params),
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
      await conn.cancelSent();
    },
  };
}

let engine: Promise<SqlEngine> | null = null;

/** The app's engine; the first call starts DuckDB, later calls share the same start-up. */
export function browserEngine(): Promise<SqlEngine> {
  engine ??= withTimeout(start(), START_TIMEOUT_MS, "The DuckDB engine");
  return engine;
}
