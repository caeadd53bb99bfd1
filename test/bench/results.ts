// The shape of results.json, the machine/version facts it records, and merging with earlier runs.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserSizeResult } from "./appImport";
import type { SizeLabel } from "./datasets";
import type { StartupResult } from "./firstRender";
import type { NativeSizeResult, WasmNodeSteps } from "./native";
import type { PeerResult } from "./papaPeer";
import type { PipelineBenchResult } from "./pipelineBench";

export const SCHEMA = 1;

export interface SizeResult {
  label: SizeLabel;
  events: number;
  bytes: number;
  measuredAt: string;
  /** The app revision measured (`git describe --always --dirty`). */
  app: string;
  native: NativeSizeResult;
  wasmNode?: WasmNodeSteps;
  browser: BrowserSizeResult;
  /** Share of the CPU (0–1) other processes used while each part ran: high values spoil the figures. */
  otherCpu: { native: number; browser: number };
}

export interface Environment {
  measuredAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    platform: string;
    loadavgStart: number[];
    loadavgEnd?: number[];
  };
  /** The app's source revision (`git describe --always --dirty`) that was built and measured. */
  app: string;
  node: string;
  chromium: string;
  packages: Record<string, string>;
}

export interface Results {
  schema: number;
  /** The run that wrote the file last; each size, start-up and peer figure carries its own date. */
  environment: Environment;
  startup?: StartupResult & { measuredAt: string; app: string };
  papaparse?: PeerResult & { file: string; measuredAt: string; app: string; otherCpu: number };
  sizes: Partial<Record<SizeLabel, SizeResult>>;
  /** `--pipeline`: deals export vs lead table import, Pipeline vs Overview filter changes (issue #18). */
  pipeline?: PipelineBenchResult & { measuredAt: string; app: string; otherCpu: number };
}

const PACKAGES = [
  "@duckdb/duckdb-wasm",
  "@duckdb/node-api",
  "@duckdb/node-bindings",
  "playwright-core",
  "papaparse",
  "vite",
  "react",
];

function packageVersion(name: string): string {
  try {
    // Read the file directly: some packages' `exports` do not expose package.json.
    const json: unknown = JSON.parse(
      readFileSync(path.resolve("node_modules", name, "package.json"), "utf8"),
    );
    const version = typeof json === "object" && json !== null && "version" in json ? json.version : null;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}

export function appRevision(): string {
  const git = spawnSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" });
  return git.status === 0 ? git.stdout.trim() : "unknown";
}

export function environment(chromium: string): Environment {
  const cpus = os.cpus();
  return {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      platform: `${os.platform()} ${os.release()}`,
      loadavgStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    app: appRevision(),
    node: process.version,
    chromium,
    packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
  };
}

function isResults(value: unknown): value is Results {
  return typeof value === "object" && value !== null && "schema" in value && value.schema === SCHEMA;
}

/** The previous results, so a run of some sizes keeps the figures of the others. */
export function loadResults(file: string): Results | null {
  if (!existsSync(file)) return null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    return isResults(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveResults(file: string, results: Results): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
