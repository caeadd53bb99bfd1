// The same import and funnel SQL in native DuckDB (and, for the step breakdown, DuckDB-WASM in Node).

import { readFile } from "node:fs/promises";
import { createNativeEngine, openFileBlob } from "../../build/nativeEngine";
import type { SqlEngine } from "../../src/db/engine";
import { importActivityLog } from "../../src/import/load";
import { queryFunnel } from "../../src/metrics/funnel";
import { querySegmentOptions } from "../../src/metrics/segments";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { type FunnelFilters, NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";
import type { Dataset } from "./datasets";
import { applyStep, filterSteps } from "./filterSteps";
import { type NativePlainReference, nativePlainReference } from "./nativeReference";
import { type Spread, spread } from "./stats";
import { type StepTime, sumSteps, timed } from "./timedEngine";

export interface NativeSizeResult {
  ok: boolean;
  error?: string;
  duckdb?: string;
  threads?: number;
  /** importActivityLog: read_csv + validation + derived tables + swap. */
  importMs?: number;
  steps?: StepTime[];
  rowsLoaded?: number;
  leads?: number;
  /** queryFunnel for each filter state the 20 browser changes go through. */
  funnelQueryMs?: number[];
  funnelQuery?: Spread;
  /**
   * The import target's reference: a plain `read_csv` of the same file plus a reached-stage funnel,
   * in a fresh native instance (no validation, row numbers or derived tables).
   */
  plainReference?: NativePlainReference;
}

export interface WasmNodeSteps {
  importMs: number;
  steps: StepTime[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function timeFunnelQueries(engine: SqlEngine): Promise<number[]> {
  const options = await querySegmentOptions(engine);
  const values = (list: { value: string }[]) => list.map((o) => o.value);
  let filters: FunnelFilters = NO_FILTERS;
  await queryFunnel(engine, { filters, windowDays: null }, DEFAULT_BENCHMARKS); // warm-up, not timed
  const times: number[] = [];
  for (const step of filterSteps(values(options.campaign), values(options.team))) {
    filters = applyStep(filters, step);
    const started = performance.now();
    await queryFunnel(engine, { filters, windowDays: null }, DEFAULT_BENCHMARKS);
    times.push(performance.now() - started);
  }
  return times;
}

export async function benchNativeSize(dataset: Dataset): Promise<NativeSizeResult> {
  const native = await createNativeEngine();
  try {
    const engine = timed(native);
    const data = await openFileBlob(dataset.path);
    const started = performance.now();
    // Native DuckDB is the physical reference: no browser memory limit.
    const summary = await importActivityLog(
      engine,
      { name: dataset.fileName, data },
      DEFAULT_DERIVE_SETTINGS,
      {
        maxBytes: Number.POSITIVE_INFINITY,
      },
    );
    const importMs = performance.now() - started;
    const steps = sumSteps(engine.steps);
    const funnelQueryMs = await timeFunnelQueries(native);
    const plainReference = await nativePlainReference(dataset);
    return {
      ok: true,
      duckdb: native.version,
      threads: native.threads,
      importMs,
      steps,
      rowsLoaded: summary.rowsLoaded,
      leads: summary.leads,
      funnelQueryMs,
      funnelQuery: spread(funnelQueryMs),
      plainReference,
    };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  } finally {
    await native.close();
  }
}

/**
 * The import's statements timed in DuckDB-WASM's Node build (the app's engine, single-threaded, in
 * Node rather than a browser worker; the file is copied in as a buffer): where the wasm time goes.
 */
export async function wasmNodeSteps(dataset: Dataset): Promise<WasmNodeSteps> {
  const engine = timed(await createNodeEngine());
  const data = new Uint8Array(await readFile(dataset.path));
  const started = performance.now();
  await importActivityLog(engine, { name: dataset.fileName, data }, DEFAULT_DERIVE_SETTINGS);
  return { importMs: performance.now() - started, steps: sumSteps(engine.steps) };
}
