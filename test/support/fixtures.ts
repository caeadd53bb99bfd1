// Loads fixture files into a SqlEngine through the real importer.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlEngine } from "../../src/db/engine";
import { recogniseDealStageHistory } from "../../src/import/dealStageImport";
import { applyImport, importActivityLog, planFor, prepareFiles } from "../../src/import/load";
import { DEFAULT_DERIVE_SETTINGS, type DeriveSettings } from "../../src/warehouse/derive";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export function importFixture(
  engine: SqlEngine,
  name: string,
  settings: DeriveSettings = DEFAULT_DERIVE_SETTINGS,
) {
  return importActivityLog(engine, { name, data: fixtureBytes(name) }, settings);
}

export function importText(engine: SqlEngine, name: string, csv: string, settings = DEFAULT_DERIVE_SETTINGS) {
  return importActivityLog(engine, { name, data: new TextEncoder().encode(csv) }, settings);
}

/** Imports several fixture files at once with the proposed kinds and mappings (the mapping step's defaults). */
export async function importFixtures(
  engine: SqlEngine,
  names: readonly string[],
  settings = DEFAULT_DERIVE_SETTINGS,
) {
  const prepared = await prepareFiles(
    engine,
    names.map((name) => ({ name: path.basename(name), data: fixtureBytes(name) })),
  );
  return { prepared, summary: await applyImport(engine, prepared, prepared.map(planFor), settings) };
}

/**
 * Imports CSV texts (in this order) as the mapping step would with its defaults: proposed kinds and
 * mappings, the deal stage history recognised (`now` fixed, so a date's plausibility never depends on
 * the day the test runs).
 */
export async function importWithStageHistory(
  engine: SqlEngine,
  files: readonly { name: string; csv: string }[],
  settings = DEFAULT_DERIVE_SETTINGS,
) {
  const prepared = await prepareFiles(
    engine,
    files.map((f) => ({ name: f.name, data: new TextEncoder().encode(f.csv) })),
    { now: new Date("2025-06-01T00:00:00Z") },
  );
  const plans = prepared.map(planFor);
  const history = await recogniseDealStageHistory(engine, prepared);
  const summary = await applyImport(engine, prepared, plans, settings, { dealStageHistory: history });
  return { plans, history, summary };
}
