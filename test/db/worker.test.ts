// The wrapper DuckDB's worker runs behind: early compile from fetch()'s own response (code-cacheable).

import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { workerWrapperSource } from "../../src/db/worker";

const WORKER = "http://app.test/assets/duckdb-browser-eh.worker.js";
const WASM = "http://app.test/assets/duckdb-eh.wasm";

interface FakeResponse {
  url: string;
  cancelled: boolean;
  body: { cancel(): Promise<void> };
}

function response(url: string): FakeResponse {
  const r: FakeResponse = {
    url,
    cancelled: false,
    body: {
      cancel: async () => {
        r.cancelled = true;
      },
    },
  };
  return r;
}

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
    fetch: async (url: string) => {
      fetched.push(url);
      return response(url);
    },
    importScripts: (url: string) => imported.push(url),
  });
  return { fetched, compiledFrom, imported, delegated, earlyModule, self, WebAssembly };
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

  it("answers DuckDB's instantiateStreaming for the wasm with the early module", async () => {
    const run = runWrapper();
    const duplicate = response(WASM);
    const result = await run.WebAssembly.instantiateStreaming(Promise.resolve(duplicate), { env: 1 });
    expect(result).toEqual({
      module: run.earlyModule,
      instance: { module: run.earlyModule, imports: { env: 1 }, fresh: true },
    });
    expect(duplicate.cancelled).toBe(true);
    expect(run.delegated).toEqual([]);
  });

  it("leaves any other module, and a failed early compile, to DuckDB's own path", async () => {
    const other = runWrapper();
    const elsewhere = response("http://app.test/other.wasm");
    await other.WebAssembly.instantiateStreaming(Promise.resolve(elsewhere), {});
    expect(other.delegated).toEqual([elsewhere]);

    const failed = runWrapper({ compileFails: true });
    const retry = response(WASM);
    const result = await failed.WebAssembly.instantiateStreaming(Promise.resolve(retry), {});
    expect(result.module).toBe("duckdb's own");
    expect(failed.delegated).toEqual([retry]);
    expect(retry.cancelled).toBe(false);
  });
});
