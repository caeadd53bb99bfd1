// The bundled sample's first screen, computed at build time (and when the dev server or a unit test
// first asks for it) by the app's own metric SQL on native DuckDB, so a first visit draws its numbers
// before DuckDB-WASM has loaded the sample; the engine then confirms them (README: "Opening the app").

import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Plugin } from "vite";

export const SAMPLE_ANSWERS_MODULE = "virtual:funnel-lens/sample-answers";
const RESOLVED = `\0${SAMPLE_ANSWERS_MODULE}`;
const COMPUTE = fileURLToPath(new URL("./computeSampleAnswers.ts", import.meta.url));
const SAMPLE_EVENTS = fileURLToPath(new URL("../sample-data/sample.events.csv", import.meta.url));

async function compute(): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, COMPUTE], {
    maxBuffer: 16_000_000,
  });
  JSON.parse(stdout); // fail here, not in the bundle, if the script printed anything else
  return `export default ${stdout};`;
}

/** Serves `virtual:funnel-lens/sample-answers`, computed once per build or server start. */
export function sampleAnswers(): Plugin {
  let computed: Promise<string> | null = null;
  return {
    name: "funnel-lens:sample-answers",
    resolveId: (source) => (source === SAMPLE_ANSWERS_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(SAMPLE_EVENTS);
      computed ??= compute();
      return computed;
    },
  };
}
