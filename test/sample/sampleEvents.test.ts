// The app opens the sample from sample-data/sample.events.csv; it must be exactly what the importer makes
// of sample.csv today (else: `npm run sample:events`).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseSample, SAMPLE_EVENTS_CSV } from "../../sample-data/normalise";
import { createNodeEngine } from "../support/nodeEngine";

describe("pre-normalised sample", () => {
  it("equals the importer's canonical events for sample.csv, byte for byte", async () => {
    const fresh = await normaliseSample(await createNodeEngine());
    const committed = new Uint8Array(readFileSync(SAMPLE_EVENTS_CSV));
    expect(committed.length, "sample.events.csv is stale: run `npm run sample:events`").toBe(fresh.length);
    expect(
      Buffer.from(committed).equals(Buffer.from(fresh)),
      "sample.events.csv is stale: run `npm run sample:events`",
    ).toBe(true);
  }, 60_000);
});
