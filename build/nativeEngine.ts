// A SqlEngine over native DuckDB (@duckdb/node-api), so the benchmark runs the app's own SQL natively.

import { openAsBlob } from "node:fs";
import { mkdtemp, readFile, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { SqlEngine, SqlValue } from "../src/db/engine";
import { quoteLiteral } from "../src/db/sql";

/** Blobs opened with `openFileBlob` remember their path, so registerFile can link the real file. */
const blobPaths = new WeakMap<Blob, string>();

/** A lazily read Blob over a local file that the native engine reads in place (no copy). */
export async function openFileBlob(file: string): Promise<Blob> {
  const blob = await openAsBlob(file);
  blobPaths.set(blob, path.resolve(file));
  return blob;
}

/** Like the wasm engine with castBigIntToDouble: BIGINT → number, TIMESTAMP/DATE → epoch ms. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

export interface NativeEngine extends SqlEngine {
  version: string;
  threads: number;
  close(): Promise<void>;
}

export async function createNativeEngine(): Promise<NativeEngine> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn: DuckDBConnection = await instance.connect();
  // registerFile links names here; read_csv('name') finds them through file_search_path.
  const files = await mkdtemp(path.join(tmpdir(), "funnel-lens-native-"));
  await conn.run(`SET file_search_path = ${quoteLiteral(files)}`);
  await conn.run("SET autoinstall_known_extensions = false");

  const run = async <T>(sql: string, params: readonly SqlValue[]): Promise<T[]> => {
    const statement = await conn.prepare(sql);
    try {
      statement.bind([...params]);
      const reader = await statement.runAndReadAll();
      return reader
        .getRowObjectsJS()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
    } finally {
      statement.destroySync();
    }
  };

  const [info] = await run<{ version: string; threads: number }>(
    "SELECT version() AS version, current_setting('threads')::INTEGER AS threads",
    [],
  );

  return {
    version: info?.version ?? "unknown",
    threads: info?.threads ?? 0,
    query: async <T extends object>(sql: string, params: readonly SqlValue[] = []) => run<T>(sql, params),
    exec: async (sql, params = []) => {
      await run(sql, params);
    },
    registerFile: async (name, source) => {
      const target = path.join(files, name);
      const real = source instanceof Blob ? blobPaths.get(source) : undefined;
      if (real) await symlink(real, target);
      else
        await writeFile(
          target,
          source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer()),
        );
    },
    dropFile: async (name) => {
      await unlink(path.join(files, name)).catch(() => {});
    },
    // COPY … TO 'name' writes relative to the working directory, as DuckDB resolves it.
    readFile: async (name) => new Uint8Array(await readFile(path.resolve(name))),
    cancel: async () => {
      conn.interrupt();
    },
    close: async () => {
      conn.closeSync();
      instance.closeSync();
      await rm(files, { recursive: true, force: true });
    },
  };
}
