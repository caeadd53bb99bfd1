// The bundled sample's first screen is computed at build time on native DuckDB (build/sampleAnswers.ts)
// and drawn before DuckDB-WASM has loaded the sample. Those numbers must be exactly what the app's own
// engine then computes, or the first screen would change under the user's eyes.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivedIdentity } from "../../src/app/dataIdentity";
import { SAMPLE_ANSWERS, SAMPLE_IDENTITY } from "../../src/app/sampleAnswers";
import { restoreEvents } from "../../src/app/workspaceSnapshot";
import { QueryCoordinator } from "../../src/queries/coordinator";
import { FIRST_SCREEN, FIRST_VISIT_CONTEXT } from "../../src/queries/firstScreen";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";

const SAMPLE = new URL("../../sample-data/sample.events.csv", import.meta.url);

describe("the sample's build-time answers", () => {
  it("are about the bundled sample file as it is now", () => {
    const digest = createHash("sha256").update(readFileSync(SAMPLE)).digest("hex");
    expect(SAMPLE_IDENTITY).toBe(`sample-${digest.slice(0, 16)}`);
    expect(SAMPLE_ANSWERS.identity).toBe(
      derivedIdentity(SAMPLE_IDENTITY, DEFAULT_DERIVE_SETTINGS.stalledDays),
    );
  });

  it("equal what DuckDB-WASM computes for the first screen, question by question", async () => {
    const engine = await createNodeEngine({ everyQueryInterruptible: true });
    await restoreEvents(engine, new Uint8Array(readFileSync(SAMPLE)), DEFAULT_DERIVE_SETTINGS);
    const coordinator = new QueryCoordinator(async () => engine);
    coordinator.setDataVersion(SAMPLE_ANSWERS.identity);
    for (const { metric, params } of FIRST_SCREEN) await coordinator.ask(metric, FIRST_VISIT_CONTEXT, params);
    const computed = new Map(coordinator.confirmedAnswers());
    expect(SAMPLE_ANSWERS.entries).toHaveLength(FIRST_SCREEN.length);
    for (const [key, value] of SAMPLE_ANSWERS.entries) expect(computed.get(key), key).toEqual(value);
    // Sanity: the sample's funnel has leads (an empty answer would match an empty answer).
    const funnel = SAMPLE_ANSWERS.entries.find(([key]) => key.startsWith("funnel|"))?.[1] as {
      stages: { reached: number }[];
    };
    expect(funnel.stages[0]?.reached).toBeGreaterThan(1_000);
  });
});
