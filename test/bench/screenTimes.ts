// Times each analysis screen's queries for the bench's 20 filter changes in DuckDB-WASM's Node build
// (the app's engine, single-threaded, no worker round trip), statement by statement, and writes every
// answer to a JSON file so two versions of the metrics can be compared number for number.
//
//   TZ=America/New_York npx tsx test/bench/screenTimes.ts [--size 1m] [--reps 3] [--screens leaks,campaigns,alignment]
//     [--answers out.json] [--compare earlier.json]
//
// A screen's time for one change is what its views ask of the engine for that change (as the views
// do today: Leaks = leak counts, leaked leads, AIDA, velocity, trends; Campaigns = campaign table and
// scoring; Alignment = the hand-off report). Each change's time is the median over the repetitions,
// as wall-clock time and as this process's CPU time (the engine is single-threaded: CPU time is the
// work done, and stays comparable when other processes share the machine).

import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { SqlEngine } from "../../src/db/engine";
import { importActivityLog } from "../../src/import/load";
import { queryAida } from "../../src/metrics/aida";
import { queryAlignment } from "../../src/metrics/alignment";
import { queryCampaigns } from "../../src/metrics/campaigns";
import { queryLeakCounts, queryLeakedLeads } from "../../src/metrics/leaks";
import { queryScoring } from "../../src/metrics/scoring";
import { querySegmentOptions } from "../../src/metrics/segments";
import { queryTrends } from "../../src/metrics/trends";
import { queryVelocity } from "../../src/metrics/velocity";
import { defaultAidaMapping } from "../../src/model/aida";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { type FunnelFilters, NO_FILTERS } from "../../src/model/filters";
import { buildLeaks, LEAK_REASONS, type Leaks, type StopReason } from "../../src/model/leaks";
import { DEFAULT_SCORING } from "../../src/model/scoring";
import type { Stage } from "../../src/model/stages";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { rederive } from "../../src/warehouse/workspace";
import { createNodeEngine } from "../support/nodeEngine";
import { ensureDataset, type SizeLabel } from "./datasets";
import { applyStep, filterSteps } from "./filterSteps";
import { median, percentile, round } from "./stats";
import { sumSteps, timed } from "./timedEngine";

/** The Leaks screen's list opens on the biggest leak and its largest reason (views/Leaks/LeaksView.tsx). */
function defaultChoice(leaks: Leaks): { step: Stage; reason: StopReason } | null {
  const step = leaks.biggest?.step ?? leaks.steps[0];
  if (!step) return null;
  const reason = [...LEAK_REASONS].sort((a, b) => step.reasons[b] - step.reasons[a])[0] ?? "stalled";
  return { step: step.from, reason };
}

/** A short name for a statement: a temp table's name, else the first table it reads, with its CTE count. */
function statementName(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  const temp = /^CREATE (?:TEMP |OR REPLACE )*TABLE ("?\w+"?)/i.exec(text);
  if (temp) return `create ${(temp[1] ?? "").replace(/_\d+$/, "_N")}`;
  if (/^DROP/i.test(text)) return "drop";
  const body = text.replace(/^WITH .*?\) SELECT /i, "SELECT ");
  const from = /FROM ("?\w+"?)/i.exec(body) ?? /FROM ("?\w+"?)/i.exec(text);
  return `read ${(from?.[1] ?? "?").replace(/_\d+$/, "_N")}`;
}

/** Times every statement, named by statementName. */
const timedByStatement = (engine: SqlEngine) => timed(engine, statementName);

type Screen = "leaks" | "campaigns" | "alignment";

const SCREENS: Record<Screen, (engine: SqlEngine, filters: FunnelFilters) => Promise<unknown>> = {
  leaks: async (engine, filters) => {
    const ctx = { filters, stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays, windowDays: null };
    const counts = await queryLeakCounts(engine, ctx);
    const choice = defaultChoice(buildLeaks(counts, DEFAULT_BENCHMARKS));
    const list = choice ? await queryLeakedLeads(engine, ctx, choice.step, choice.reason) : null;
    const aida = await queryAida(engine, { filters, aidaMapping: defaultAidaMapping() });
    const velocity = await queryVelocity(engine, ctx);
    const trends = await queryTrends(engine, { filters, windowDays: null });
    return { counts, list, aida, velocity, trends };
  },
  campaigns: async (engine, filters) => ({
    campaigns: await queryCampaigns(engine, {
      filters,
      dimension: "campaign",
      attribution: "first_touch",
      windowDays: null,
    }),
    scoring: await queryScoring(engine, filters, DEFAULT_SCORING),
  }),
  alignment: async (engine, filters) => queryAlignment(engine, { filters }, DEFAULT_ALIGNMENT),
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/** Numbers compared to 1e-9 relative (a sum in another order may differ in its last bits). */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 20) return;
  if (typeof a === "number" && typeof b === "number") {
    if (a !== b && Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))
      out.push(`${path}: ${a} ≠ ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} ≠ ${b.length}`);
    else for (const [i, x] of a.entries()) differences(x, b[i], `${path}[${i}]`, out);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
      differences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
        out,
      );
    return;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
}

async function main(): Promise<void> {
  const size = (arg("size") ?? "1m") as SizeLabel;
  const reps = Number(arg("reps") ?? "3");
  const screens = (arg("screens") ?? "leaks,campaigns,alignment").split(",") as Screen[];
  const dataset = ensureDataset(size);
  const engine = timedByStatement(await createNodeEngine());
  const data = new Uint8Array(await readFile(dataset.path));
  let started = performance.now();
  await importActivityLog(engine, { name: dataset.fileName, data }, DEFAULT_DERIVE_SETTINGS);
  const importMs = performance.now() - started;
  engine.reset();
  started = performance.now();
  await rederive(engine, DEFAULT_DERIVE_SETTINGS);
  const deriveMs = performance.now() - started;
  console.log(`import ${round(importMs / 1000, 2)} s; derive ${round(deriveMs)} ms:`);
  for (const s of engine.steps)
    console.log(`  ${s.step.padEnd(40)} ${round(s.ms).toString().padStart(8)} ms`);

  const options = await querySegmentOptions(engine);
  const values = (list: { value: string }[]) => list.map((o) => o.value);
  const steps = filterSteps(values(options.campaign), values(options.team)).slice(
    0,
    Number(arg("changes") ?? "20"),
  );
  const answers: Record<string, unknown[]> = {};
  for (const screen of screens) {
    const run = SCREENS[screen];
    await run(engine, NO_FILTERS); // warm-up, not timed
    const perChange: number[][] = steps.map(() => []);
    const perChangeCpu: number[][] = steps.map(() => []);
    const statements: Record<string, number> = {};
    let queries = 0;
    answers[screen] = [];
    for (let rep = 0; rep < reps; rep++) {
      let filters: FunnelFilters = NO_FILTERS;
      for (const [i, step] of steps.entries()) {
        filters = applyStep(filters, step);
        engine.reset();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const answer = await run(engine, filters);
        const cpu = process.cpuUsage(cpu0);
        const ms = performance.now() - t0;
        const cpuMs = (cpu.user + cpu.system) / 1000;
        perChange[i]?.push(ms);
        perChangeCpu[i]?.push(cpuMs);
        process.stderr.write(
          `${screen} ${rep}.${i} ${step.kind} ${round(ms)} ms wall, ${round(cpuMs)} ms CPU\n`,
        );
        queries += engine.steps.length;
        for (const s of sumSteps(engine.steps)) statements[s.step] = (statements[s.step] ?? 0) + s.ms;
        if (rep === 0) answers[screen]?.push(answer);
      }
    }
    const times = perChange.map(median);
    const cpuTimes = perChangeCpu.map(median);
    console.log(
      `\n${screen}: per change wall p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(Math.max(...times))} ms; CPU p50 ${round(percentile(cpuTimes, 50))} ms, p95 ${round(percentile(cpuTimes, 95))} ms; ${round(queries / reps / steps.length)} statements per change`,
    );
    const perChangeMs = Object.entries(statements)
      .map(([step, ms]) => ({ step, ms: ms / reps / steps.length }))
      .sort((a, b) => b.ms - a.ms);
    for (const s of perChangeMs)
      console.log(`  ${s.step.padEnd(40)} ${round(s.ms).toString().padStart(8)} ms`);
  }

  const out = arg("answers");
  if (out) writeFileSync(out, JSON.stringify(answers));
  const earlier = arg("compare");
  if (earlier) {
    const before = JSON.parse(readFileSync(earlier, "utf8")) as Record<string, unknown[]>;
    for (const screen of screens) {
      const found: string[] = [];
      differences(before[screen], JSON.parse(JSON.stringify(answers[screen])), screen, found);
      console.log(
        found.length === 0
          ? `${screen}: same answers as ${earlier}`
          : `${screen}: DIFFERS\n  ${found.join("\n  ")}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
