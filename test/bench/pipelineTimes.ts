// Times the Pipeline screen's queries for the bench's 20 filter changes in DuckDB-WASM's Node build, on
// the pipeline bench's HubSpot deals export (dealsDataset.ts), beside the Overview's funnel for the same
// changes, and writes every answer to a JSON file so two versions can be compared number for number.
//
//   TZ=America/New_York FUNNEL_LENS_INTERRUPTIBLE=1 npx tsx test/bench/pipelineTimes.ts [--rows 200000]
//     [--reps 3] [--answers out.json] [--compare earlier.json]
//
// A change's time is the median over the repetitions, as wall-clock time and as this process's CPU time
// (the engine is single-threaded, so CPU time stays comparable when other processes share the machine).
// FUNNEL_LENS_INTERRUPTIBLE=1 runs every query as the app's coordinator does (values in a session
// variable). No worker round trip is paid here: the browser adds one per statement.

import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import { funnelMetric } from "../../src/metrics/funnel";
import { pipelineMetric } from "../../src/metrics/pipeline";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { type FunnelFilters, NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";
import { CAMPAIGN_NAMES, ensurePipelineFiles, TEAM_NAMES } from "./dealsDataset";
import { applyStep, filterSteps } from "./filterSteps";
import { median, percentile, round } from "./stats";
import { timed } from "./timedEngine";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const rows = Number(arg("rows") ?? 200_000);
const reps = Number(arg("reps") ?? 3);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const { deals } = ensurePipelineFiles(rows);
  const raw = await createNodeEngine();
  const engine = timed(raw, (sql) => sql.replace(/\s+/g, " ").slice(0, 48));
  const started = performance.now();
  const prepared = await prepareFiles(raw, [{ name: deals.fileName, data: await readFile(deals.path) }]);
  const importStarted = performance.now();
  await applyImport(raw, prepared, prepared.map(planFor), DEFAULT_DERIVE_SETTINGS);
  const done = performance.now();
  const [{ n } = { n: 0 }] = await raw.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM deal_stages");
  console.log(
    `read ${round(importStarted - started)} ms, import ${round(done - importStarted)} ms; deal_stages ${n} rows`,
  );

  const ctx = (filters: FunnelFilters) => ({
    filters,
    windowDays: null,
    stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays,
    count: "cohort" as const,
  });
  const steps = filterSteps(CAMPAIGN_NAMES, TEAM_NAMES);
  // Warm-up (the first query of a table pays for loading it); the audit follows no filter: compared once.
  const { audit } = await pipelineMetric.run(engine, ctx(NO_FILTERS), undefined);
  const answers: unknown[] = [{ audit }];
  const times: { pipeline: number[]; pipelineCpu: number[]; overview: number[]; statements: number[][] } = {
    pipeline: [],
    pipelineCpu: [],
    overview: [],
    statements: [],
  };
  let filters: FunnelFilters = NO_FILTERS;
  for (const step of steps) {
    filters = applyStep(filters, step);
    const wall: number[] = [];
    const cpu: number[] = [];
    const over: number[] = [];
    let statements: number[] = [];
    let answer: unknown;
    for (let r = 0; r < reps; r++) {
      engine.reset();
      const c0 = cpuMs();
      const t0 = performance.now();
      answer = await pipelineMetric.run(engine, ctx(filters), undefined);
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
      statements = engine.steps.map((s) => s.ms);
      const t1 = performance.now();
      await funnelMetric.run(engine, ctx(filters), DEFAULT_BENCHMARKS);
      over.push(performance.now() - t1);
    }
    times.pipeline.push(median(wall));
    times.pipelineCpu.push(median(cpu));
    times.overview.push(median(over));
    times.statements.push(statements);
    const { audit: _, ...rest } = answer as { audit?: unknown };
    answers.push({ step, answer: rest });
    console.log(
      `${step.control} = "${step.value}": pipeline ${round(median(wall))} ms (cpu ${round(median(cpu))}; ${statements.map((s) => round(s)).join(" + ")}), overview ${round(median(over))} ms`,
    );
  }
  const p = (xs: number[], q: number) => round(percentile(xs, q));
  console.log(
    `pipeline p50 / p95 ${p(times.pipeline, 50)} / ${p(times.pipeline, 95)} ms (cpu ${p(times.pipelineCpu, 50)} / ${p(times.pipelineCpu, 95)}); overview ${p(times.overview, 50)} / ${p(times.overview, 95)} ms`,
  );
  const out = arg("answers");
  if (out) writeFileSync(out, JSON.stringify(answers, null, 1));
  const compare = arg("compare");
  if (compare) {
    const earlier = JSON.parse(readFileSync(compare, "utf8")) as unknown[];
    const now = JSON.parse(JSON.stringify(answers)) as unknown[];
    const differ = now.filter((a, i) => JSON.stringify(a) !== JSON.stringify(earlier[i])).length;
    console.log(differ === 0 ? "answers: identical" : `answers: ${differ} of ${now.length} differ`);
    if (differ > 0) process.exitCode = 1;
  }
}

await main();
