// `tsx test/bench/importSteps.ts [size] [repeats]`: the app's import of one cached activity log in
// DuckDB-WASM (Node), each statement timed in wall-clock and in this process's CPU time, repeated in
// fresh engines; medians per step. The Node build runs every statement synchronously on this thread,
// so the process's CPU time is the statement's: on a shared machine it is steadier than wall time
// (at load 10–17 on 2 cores the raw read took 11–15 s wall against 4.4–4.9 s CPU), though not immune
// to contention — compare medians of repeated runs, before and after, in the same conditions.

import { readFile } from "node:fs/promises";
import type { SqlEngine } from "../../src/db/engine";
import { importActivityLog } from "../../src/import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";
import { ensureDataset, type SizeLabel } from "./datasets";
import { stepName } from "./timedEngine";

interface Timing {
  step: string;
  wallMs: number;
  cpuMs: number;
}

function cpuTimed(engine: SqlEngine, timings: Timing[]): SqlEngine {
  const time = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    try {
      return await work();
    } finally {
      const used = process.cpuUsage(cpu);
      timings.push({
        step: stepName(sql),
        wallMs: performance.now() - wall,
        cpuMs: (used.user + used.system) / 1000,
      });
    }
  };
  return {
    ...engine,
    query: (sql, params) => time(sql, () => engine.query(sql, params)),
    exec: (sql, params) => time(sql, () => engine.exec(sql, params)),
    registerFile: (name, source) => time("register file", () => engine.registerFile(name, source)),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const label = (process.argv[2] ?? "1m") as SizeLabel;
const repeats = Number(process.argv[3] ?? "3");
const dataset = ensureDataset(label);
const data = new Uint8Array(await readFile(dataset.path));
const runs: { total: Timing; steps: Timing[] }[] = [];
for (let i = 0; i < repeats; i++) {
  const steps: Timing[] = [];
  const engine = cpuTimed(await createNodeEngine(), steps);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await importActivityLog(engine, { name: dataset.fileName, data }, DEFAULT_DERIVE_SETTINGS);
  const used = process.cpuUsage(cpu);
  runs.push({
    total: {
      step: "import total",
      wallMs: performance.now() - wall,
      cpuMs: (used.user + used.system) / 1000,
    },
    steps,
  });
}
const sum = (steps: Timing[], name: string, pick: (t: Timing) => number) =>
  steps.filter((s) => s.step === name).reduce((total, s) => total + pick(s), 0);
const names = [...new Set(runs.flatMap((r) => r.steps.map((s) => s.step)))];
const line = (name: string, wall: number[], cpu: number[]) =>
  `${name.padEnd(34)} cpu ${median(cpu).toFixed(0).padStart(6)} (${cpu.map((t) => t.toFixed(0)).join(", ")})   wall ${median(wall).toFixed(0).padStart(6)}\n`;
process.stdout.write(
  `${dataset.fileName}, ${repeats} runs in fresh DuckDB-WASM (Node) engines; ms, median (each run)\n`,
);
for (const name of names) {
  const cpu = runs.map((r) => sum(r.steps, name, (s) => s.cpuMs));
  if (median(cpu) < 20) continue;
  process.stdout.write(
    line(
      name,
      runs.map((r) => sum(r.steps, name, (s) => s.wallMs)),
      cpu,
    ),
  );
}
process.stdout.write(
  line(
    "import total",
    runs.map((r) => r.total.wallMs),
    runs.map((r) => r.total.cpuMs),
  ),
);
