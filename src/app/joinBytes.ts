// Joins a snapshot's CSV slices into one array off the page's thread: joining the 100+ MB of a large
// import's save on the page held a filter change for 267 ms (a trace of the Pipeline bench's flow).

/** The worker's script (run from a blob: URL, as the DuckDB worker is, within the page's CSP). */
const JOIN_SOURCE = `"use strict";
self.onmessage = (event) => {
  const slices = event.data;
  let size = 0;
  for (const slice of slices) size += slice.byteLength;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const slice of slices) {
    whole.set(slice, at);
    at += slice.byteLength;
  }
  self.postMessage(whole, [whole.buffer]);
};`;

/** The slices joined, on this thread. */
export function joinHere(slices: readonly Uint8Array[]): Uint8Array {
  if (slices.length === 1 && slices[0]) return slices[0];
  const whole = new Uint8Array(slices.reduce((sum, slice) => sum + slice.byteLength, 0));
  let at = 0;
  for (const slice of slices) {
    whole.set(slice, at);
    at += slice.byteLength;
  }
  return whole;
}

/** `bytes` as a view of its own whole buffer (never a shared one), copied only when it is not already. */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : bytes.slice();
}

/**
 * The slices joined into one array, in a short-lived worker where the browser has workers: the slices'
 * buffers are handed over and the result handed back, so the page copies nothing. `slices` must not be
 * used afterwards (their buffers move). Joined here where there is no Worker (Node, the unit tests).
 */
export async function joinSlices(slices: readonly Uint8Array[]): Promise<Uint8Array> {
  if (slices.length <= 1 || typeof Worker === "undefined") return joinHere(slices);
  const url = URL.createObjectURL(new Blob([JOIN_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url);
  try {
    // A slice that does not own its whole buffer is copied first, so only its own bytes move.
    const owned = slices.map(ownBytes);
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<Uint8Array>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(`joining the snapshot failed: ${event.message}`));
      worker.postMessage(
        owned,
        owned.map((slice) => slice.buffer as ArrayBuffer),
      );
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}
