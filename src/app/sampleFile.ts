// The bundled sample, already normalised into canonical events (sample-data/normalise.ts).

import sampleEventsUrl from "../../sample-data/sample.events.csv?url";

let sample: Promise<ArrayBuffer> | null = null;

/**
 * Starts downloading the bundled sample (same origin) while DuckDB compiles; later calls share it.
 * It is sample.csv already normalised into canonical events (sample-data/normalise.ts), so opening
 * it is a restore plus the per-lead tables, not a full import (≈ 2 s less on a first visit).
 */
export async function prefetchSample(): Promise<Uint8Array> {
  sample ??= fetch(sampleEventsUrl).then((response) => response.arrayBuffer());
  // A fresh copy every time: the engine transfers the bytes to its worker, which detaches them, and
  // "Clear workspace" opens the sample again ("Cannot perform Construct on a detached ArrayBuffer").
  return new Uint8Array((await sample).slice(0));
}
