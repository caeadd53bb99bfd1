// A cancelled import never changes the workspace, whatever phase it was in (issue 16 item 1).
//
// The workspace holds funnel-basic.csv (10 leads, 46 events). Each case then imports
// alignment-handoff.csv (12 leads) and cancels it at one phase: reading, mapping columns, checking
// rows, building the funnel, and inside the swap's transaction. Every case must end with
// ImportCancelled, the same 10 leads and 46 events live, and no staging table left behind.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import { ImportCancelled } from "../../src/warehouse/cancel";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { fixtureBytes, importFixture } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;
let eventsBefore: number;

beforeAll(async () => {
  engine = await createNodeEngine();
  await importFixture(engine, "funnel-basic.csv");
  const [row] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM events");
  eventsBefore = row?.n ?? -1;
});

async function live(): Promise<{ leads: number; events: number; staging: string[] }> {
  const [leads] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM lead_stages");
  const [events] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM events");
  const staging = await engine.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'next\\_%' ESCAPE '\\'",
  );
  return { leads: leads?.n ?? -1, events: events?.n ?? -1, staging: staging.map((t) => t.name) };
}

/** An engine that calls `onExec` before each statement it runs (to cancel mid-transaction). */
function watched(onExec: (sql: string) => void): SqlEngine {
  return {
    query: (sql, params) => engine.query(sql, params),
    exec: (sql, params) => {
      onExec(sql);
      return engine.exec(sql, params);
    },
    registerFile: (name, source) => engine.registerFile(name, source),
    dropFile: (name) => engine.dropFile(name),
    readFile: (name) => engine.readFile(name),
    cancel: () => engine.cancel(),
  };
}

async function importCancelledAt(step: string | "reading" | "swap"): Promise<unknown> {
  const run = new AbortController();
  const target = step === "swap" ? watched((sql) => sql === "BEGIN TRANSACTION" && run.abort()) : engine;
  try {
    if (step === "reading") run.abort();
    const files = await prepareFiles(
      target,
      [{ name: "alignment-handoff.csv", data: fixtureBytes("alignment-handoff.csv") }],
      { signal: run.signal },
    );
    await applyImport(target, files, files.map(planFor), DEFAULT_DERIVE_SETTINGS, {
      signal: run.signal,
      onProgress: (p) => {
        if (p.step === step) run.abort();
      },
    });
    return "finished";
  } catch (error) {
    return error;
  }
}

describe("a cancelled import keeps the previous workspace", () => {
  it.each([
    ["reading", "reading"],
    ["mapping columns", "Mapping columns"],
    ["checking rows", "Checking rows"],
    ["building the funnel", "Building the funnel"],
    ["the swap, after BEGIN and before COMMIT", "swap"],
  ])("when cancelled while %s", async (_phase, step) => {
    expect(await importCancelledAt(step)).toBeInstanceOf(ImportCancelled);
    expect(await live()).toEqual({ leads: 10, events: eventsBefore, staging: [] });
  });

  it("imports the same file when nobody cancels (the cases above cancel a working import)", async () => {
    const local = await createNodeEngine();
    const files = await prepareFiles(local, [
      { name: "alignment-handoff.csv", data: fixtureBytes("alignment-handoff.csv") },
    ]);
    const summary = await applyImport(local, files, files.map(planFor), DEFAULT_DERIVE_SETTINGS);
    expect(summary.leads).toBe(12);
  });
});
