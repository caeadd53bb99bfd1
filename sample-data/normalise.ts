// Writes sample.events.csv: the bundled sample as the importer's canonical events (the snapshot format
// a kept workspace uses), so the app opens the sample without re-running the import on every visit.
// Run after changing sample.csv or the importer: `npm run sample:events`. A unit test checks it is current.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { snapshotEvents } from "../src/app/workspaceSnapshot";
import type { SqlEngine } from "../src/db/engine";
import { importActivityLog } from "../src/import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../src/warehouse/derive";
import { createNodeEngine } from "../test/support/nodeEngine";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLE_CSV = path.join(HERE, "sample.csv");
export const SAMPLE_EVENTS_CSV = path.join(HERE, "sample.events.csv");

/** The canonical events the importer makes of sample.csv, as snapshot CSV bytes. */
export async function normaliseSample(engine: SqlEngine): Promise<Uint8Array> {
  const data = new Uint8Array(readFileSync(SAMPLE_CSV));
  await importActivityLog(engine, { name: "sample.csv", data }, DEFAULT_DERIVE_SETTINGS);
  return snapshotEvents(engine);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = await normaliseSample(await createNodeEngine());
  writeFileSync(SAMPLE_EVENTS_CSV, bytes);
  console.log(
    `wrote ${path.relative(process.cwd(), SAMPLE_EVENTS_CSV)} (${(bytes.length / 1e6).toFixed(1)} MB)`,
  );
}
