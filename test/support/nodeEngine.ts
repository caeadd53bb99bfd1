// A SqlEngine over DuckDB-WASM's Node build, so SQL tests run the same engine the app ships.

import { createRequire } from "node:module";
import path from "node:path";
import type { QueryOptions, SqlEngine, SqlValue } from "../../src/db/engine";
import { placeholdersToVariables, setParamsSql } from "../../src/db/variables";

const require = createRequire(import.meta.url);

interface ArrowTable {
  toArray(): { toJSON(): Record<string, unknown> }[];
}
interface BlockingConnection {
  query(sql: string): ArrowTable;
  prepare(sql: string): { query(...params: SqlValue[]): ArrowTable; close(): void };
}
interface BlockingDb {
  instantiate(): Promise<unknown>;
  open(config: object): void;
  connect(): BlockingConnection;
  registerFileBuffer(name: string, buffer: Uint8Array): void;
  dropFile(name: string): void;
  copyFileToBuffer(name: string): Uint8Array;
}
interface NodeBlockingModule {
  createDuckDB(bundles: object, logger: unknown, runtime: unknown): Promise<BlockingDb>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
}

/**
 * `everyQueryInterruptible`: run every query the way the app runs the coordinator's (values in a
 * session variable, db/variables.ts), so a test can prove each metric's SQL answers the same that way.
 */
export async function createNodeEngine(
  options: { everyQueryInterruptible?: boolean } = {},
): Promise<SqlEngine> {
  const entry = require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const duckdb = require(entry) as NodeBlockingModule;
  const dist = path.dirname(entry);
  const bundles = {
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castTimestampToDate: false } });
  const conn = db.connect();
  conn.query("SET autoinstall_known_extensions = false");
  conn.query("SET autoload_known_extensions = false");

  const run = <T>(sql: string, params: readonly SqlValue[]): T[] => {
    if (params.length === 0)
      return conn
        .query(sql)
        .toArray()
        .map((r) => r.toJSON() as T);
    const statement = conn.prepare(sql);
    try {
      return statement
        .query(...params)
        .toArray()
        .map((r) => r.toJSON() as T);
    } finally {
      statement.close();
    }
  };

  return {
    query: async <T extends object>(
      sql: string,
      params: readonly SqlValue[] = [],
      query: QueryOptions = {},
    ) => {
      const interruptible =
        query.interruptible ||
        (options.everyQueryInterruptible ?? process.env.FUNNEL_LENS_INTERRUPTIBLE === "1");
      if (!interruptible || params.length === 0) return run<T>(sql, params);
      run(setParamsSql(params.length), params);
      return run<T>(placeholdersToVariables(sql, params), []);
    },
    exec: async (sql, params = []) => {
      run(sql, params);
    },
    registerFile: async (name, source) => {
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      db.registerFileBuffer(name, bytes);
    },
    dropFile: async (name) => {
      db.dropFile(name);
    },
    readFile: async (name) => db.copyFileToBuffer(name),
    // Queries here are synchronous: there is never one running to interrupt.
    cancel: async () => {},
  };
}
