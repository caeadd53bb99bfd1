// Computes the bundled sample's first-screen answers on native DuckDB and prints them as JSON
// (run by build/sampleAnswers.ts in its own process, so loading the Vite config never loads DuckDB).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { derivedIdentity } from "../src/app/dataIdentity";
import { restoreEvents } from "../src/app/workspaceSnapshot";
import { QueryCoordinator } from "../src/queries/coordinator";
import { FIRST_SCREEN, FIRST_VISIT_CONTEXT } from "../src/queries/firstScreen";
import { DEFAULT_DERIVE_SETTINGS } from "../src/warehouse/derive";
import { createNativeEngine } from "./nativeEngine";

const SAMPLE_EVENTS = new URL("../sample-data/sample.events.csv", import.meta.url);

const bytes = readFileSync(SAMPLE_EVENTS);
const base = `sample-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}`;
const identity = derivedIdentity(base, DEFAULT_DERIVE_SETTINGS.stalledDays);
const engine = await createNativeEngine();
try {
  await restoreEvents(engine, new Uint8Array(bytes), DEFAULT_DERIVE_SETTINGS);
  const coordinator = new QueryCoordinator(async () => engine);
  coordinator.setDataVersion(identity);
  for (const { metric, params } of FIRST_SCREEN) await coordinator.ask(metric, FIRST_VISIT_CONTEXT, params);
  process.stdout.write(JSON.stringify({ base, identity, entries: coordinator.confirmedAnswers() }));
} finally {
  await engine.close();
}
