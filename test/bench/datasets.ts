// The benchmark's activity logs: generated once with the seeded sample generator, cached on disk.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";

export const SIZES = [
  { label: "100k", events: 100_000 },
  { label: "1m", events: 1_000_000 },
  { label: "5m", events: 5_000_000 },
  { label: "10m", events: 10_000_000 },
] as const;

export type SizeLabel = (typeof SIZES)[number]["label"];

export const CACHE_DIR = path.resolve("test/bench/cache");

export interface Dataset {
  label: SizeLabel;
  events: number;
  path: string;
  /** Name the browser sees: the app shows it in `.dataset-label`. */
  fileName: string;
  bytes: number;
}

function eventsFor(label: SizeLabel): number {
  const size = SIZES.find((s) => s.label === label);
  if (!size) throw new Error(`Unknown size ${label}`);
  return size.events;
}

/** Returns the cached file for `label`, generating it (to a temp name, then renamed) when missing. */
export function ensureDataset(label: SizeLabel): Dataset {
  const events = eventsFor(label);
  const fileName = `events-${label}.csv`;
  const file = path.join(CACHE_DIR, fileName);
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    process.stderr.write(`generating ${fileName} (${events.toLocaleString("en-US")} events)…\n`);
    const tmp = `${file}.tmp`;
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "sample-data/generate.ts", "--events", String(events), "--out", tmp],
      { stdio: "inherit" },
    );
    if (result.status !== 0) throw new Error(`generating ${fileName} failed (exit ${result.status})`);
    renameSync(tmp, file);
  }
  return { label, events, path: file, fileName, bytes: statSync(file).size };
}
