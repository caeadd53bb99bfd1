// The wrapper DuckDB's worker runs behind: early compile from fetch()'s own response (code-cacheable).

import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { workerWrapperSource } from "../../src/db/worker";

const WORKER = "http://app.test/assets/duckdb-browser-eh.worker.js";
const WASM = "http://app.test/assets/duckdb-eh.wasm";

interface FakeResponse {
  url: string;
}

const response = (url: string): FakeResponse => ({ url });

/** Runs the wrapper in a sandbox standing in for a worker; records what it did. */
function runWrapper(options: { compileFails?: boolean } = {}) {
  const fetched: string[] = [];
  const compiledFrom: FakeResponse[] = [];
  const imported: string[] = [];
  const delegated: FakeResponse[] = [];
  const earlyModule = { name: "early module" };
  const WebAssembly = {
    compileStreaming: async (source: Promise<FakeResponse>) => {
      compiledFrom.push(await source);
      if (options.compileFails) throw new Error("bad wasm");
      return earlyModule;
    },
    instantiateStreaming: async (source: FakeResponse | Promise<FakeResponse>, _imports?: unknown) => {
      delegated.push(await source);
      return { module: "duckdb's own", instance: "duckdb's own" };
    },
    instantiate: async (module: unknown, imports: unknown) => ({ module, imports, fresh: true }),
  };
  const self: Record<string, unknown> = { TransformStream: class {} };
  runInNewContext(workerWrapperSource(WORKER, WASM), {
    self,
    WebAssembly,
    Response: class {
      url = "";
    },
    fetch: async (input: string | { url: string }) => {
      const url = typeof input === "string" ? input : input.url;
      fetched.push(url);
      return response(url);
    },
    importScripts: (url: string) => imported.push(url),
  });
  /** DuckDB's worker fetching the wasm with a Request, as it does. */
  const duckdbFetch = (url: string) =>
    (self.fetch as (input: { url: string }) => Promise<FakeResponse>)({ url });
  return { fetched, compiledFrom, imported, delegated, earlyModule, self, WebAssembly, duckdbFetch };
}

describe("DuckDB worker wrapper", () => {
  it("starts compiling the wasm from fetch()'s own response before DuckDB's worker asks", async () => {
    const run = runWrapper();
    expect(run.fetched).toEqual([WASM]);
    await Promise.resolve();
    expect(run.compiledFrom.map((r) => r.url)).toEqual([WASM]);
    expect(run.imported).toEqual([WORKER]);
  });

  it("hides TransformStream so DuckDB does not wrap the response in an uncacheable one", () => {
    expect(runWrapper().self.TransformStream).toBeUndefined();
  });

  it("answers DuckDB's own fetch of the wasm without a second download, with the early module", async () => {
    const run = runWrapper();
    const result = await run.WebAssembly.instantiateStreaming(run.duckdbFetch(WASM), { env: 1 });
    expect(result).toEqual({
      module: run.earlyModule,
      instance: { module: run.earlyModule, imports: { env: 1 }, fresh: true },
    });
    // One request for the wasm in all: the early compile's.
    expect(run.fetched).toEqual([WASM]);
    expect(run.delegated).toEqual([]);
  });

  it("leaves any other request and module to DuckDB, and fetches the wasm again if the early compile failed", async () => {
    const other = runWrapper();
    const elsewhere = await other.duckdbFetch("http://app.test/other.wasm");
    await other.WebAssembly.instantiateStreaming(Promise.resolve(elsewhere), {});
    expect(other.delegated).toEqual([elsewhere]);
    expect(other.fetched).toEqual([WASM, "http://app.test/other.wasm"]);

    const failed = runWrapper({ compileFails: true });
    const result = await failed.WebAssembly.instantiateStreaming(failed.duckdbFetch(WASM), {});
    expect(result.module).toBe("duckdb's own");
    expect(failed.fetched).toEqual([WASM, WASM]);
    expect(failed.delegated.map((r) => r.url)).toEqual([WASM]);
  });
});
