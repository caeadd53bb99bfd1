// `npm run bench`: native DuckDB, the built app in headless Chromium, and a PapaParse peer, per size.

import os from "node:os";
import type { Browser } from "playwright-core";
import { type BrowserSizeResult, benchAppSize } from "./appImport";
import { parseBenchArgs } from "./args";
import { launchChromium, startPreview } from "./chromium";
import { type Dataset, ensureDataset } from "./datasets";
import { ensurePipelineFiles } from "./dealsDataset";
import { measureStartup } from "./firstRender";
import { benchNativeSize, type WasmNodeSteps, wasmNodeSteps } from "./native";
import { benchPapaParse } from "./papaPeer";
import { benchPipeline } from "./pipelineBench";
import { startContention, waitForQuiet } from "./quiet";
import { headerLine, overallTable, pipelineTable, sizeTable, stepsTable, targetTable } from "./report";
import {
  appRevision,
  environment,
  loadResults,
  type Results,
  SCHEMA,
  type SizeResult,
  saveResults,
} from "./results";

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function appSize(browser: Browser, dataset: Dataset): Promise<BrowserSizeResult> {
  try {
    return await benchAppSize(browser, dataset);
  } catch (error) {
    return { ok: false, failure: { during: "import", message: errorText(error) } };
  }
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2).filter((a) => a !== "--"));
  const reportContention = (otherCpu: number) => {
    if (otherCpu > 0.1) log(`  other processes used ${(otherCpu * 100).toFixed(0)} % of the CPU meanwhile`);
  };
  /** Waits for a quiet machine (unless --no-wait-quiet), then names the part about to run. */
  const begin = async (what: string) => {
    if (options.waitQuiet) await waitForQuiet();
    log(what);
  };
  /** Runs one part of the benchmark on a quiet machine and reports how busy others kept the CPU. */
  const measured = async <T>(what: string, work: () => Promise<T>): Promise<[T, number]> => {
    await begin(what);
    const contention = startContention();
    const result = await work();
    const otherCpu = contention.stop();
    reportContention(otherCpu);
    return [result, otherCpu];
  };

  const datasets = options.sizes.map(ensureDataset);
  const pipelineFiles = options.pipeline ? ensurePipelineFiles(options.pipelineRows) : null;
  const previous = loadResults(options.out);
  /** Results merge across runs, so every entry says which app revision it measured. */
  const stamp = () => ({ measuredAt: new Date().toISOString(), app: appRevision() });
  const natives = new Map<string, Omit<SizeResult, "browser" | "otherCpu"> & { otherCpu: number }>();
  for (const dataset of datasets) {
    const [native, otherCpu] = await measured(`native DuckDB: ${dataset.fileName}`, () =>
      benchNativeSize(dataset),
    );
    let wasmNode: WasmNodeSteps | undefined;
    if (options.steps && dataset.events <= 1_000_000) {
      log(`DuckDB-WASM in Node (step breakdown): ${dataset.fileName}`);
      wasmNode = await wasmNodeSteps(dataset).catch((error: unknown) => {
        log(`  step breakdown failed: ${errorText(error)}`);
        return undefined;
      });
    }
    const { label, events, bytes } = dataset;
    natives.set(label, {
      label,
      events,
      bytes,
      ...stamp(),
      native,
      ...(wasmNode ? { wasmNode } : {}),
      otherCpu,
    });
  }

  const server = await startPreview();
  let browser = await launchChromium();
  const results: Results = {
    schema: SCHEMA,
    environment: environment(browser.version()),
    ...(previous?.startup ? { startup: previous.startup } : {}),
    ...(previous?.papaparse ? { papaparse: previous.papaparse } : {}),
    ...(previous?.pipeline ? { pipeline: previous.pipeline } : {}),
    sizes: { ...previous?.sizes },
  };
  const reopen = async () => {
    if (!browser.isConnected()) browser = await launchChromium();
    return browser;
  };
  try {
    if (options.startup) {
      // Not `measured`: each run's Chromium exits inside this part, so it counts other processes'
      // CPU per run itself (see StartupResult.otherCpu).
      await begin("start-up and first dashboard (3 cold + 3 warm loads)");
      const startup = await measureStartup();
      reportContention(startup.otherCpu);
      results.startup = { ...startup, ...stamp() };
      saveResults(options.out, results);
    }

    for (const dataset of datasets) {
      const [app, otherCpu] = await measured(
        `app import + 20 filter changes: ${dataset.fileName}`,
        async () => appSize(await reopen(), dataset),
      );
      if (app.failure) log(`  failed during ${app.failure.during}: ${app.failure.message}`);
      const native = natives.get(dataset.label);
      if (native)
        results.sizes[dataset.label] = {
          ...native,
          browser: app,
          otherCpu: { native: native.otherCpu, browser: otherCpu },
        };
      saveResults(options.out, results);
    }

    const peerFile = datasets.find((d) => d.label === "1m");
    if (peerFile) {
      const [peer, otherCpu] = await measured(`PapaParse peer: ${peerFile.fileName}`, async () =>
        benchPapaParse(await reopen(), peerFile),
      );
      results.papaparse = {
        ...peer,
        file: peerFile.fileName,
        ...stamp(),
        otherCpu,
      };
    }

    if (pipelineFiles) {
      const [pipeline, otherCpu] = await measured(
        `pipeline: ${pipelineFiles.deals.fileName} vs ${pipelineFiles.leads.fileName}, then Pipeline vs Overview filters`,
        () => benchPipeline(reopen, pipelineFiles, undefined, log),
      );
      if (pipeline.failure) log(`  failed during ${pipeline.failure.during}: ${pipeline.failure.message}`);
      results.pipeline = { ...pipeline, ...stamp(), otherCpu };
      saveResults(options.out, results);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  results.environment.machine.loadavgEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  saveResults(options.out, results);

  const steps = stepsTable(results);
  const pipeline = pipelineTable(results);
  if (options.pipelineOnly) {
    process.stdout.write(`${[headerLine(results), pipeline, `Wrote ${options.out}`].join("\n\n")}\n`);
    return;
  }
  process.stdout.write(
    `${[
      headerLine(results),
      sizeTable(results),
      overallTable(results),
      targetTable(results),
      ...(steps ? [steps] : []),
      ...(pipeline ? [pipeline] : []),
      "DuckDB-WASM's memory is capped at 4 GB (wasm32); the RSS figures include it (its worker is in the renderer).",
      `Wrote ${options.out}`,
    ].join("\n\n")}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
