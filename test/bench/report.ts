// Turns results into the printed tables: figures per size, start-up and peer, and the targets.

import { ANALYSIS_VIEWS } from "./appImport";
import type { SizeLabel } from "./datasets";
import type { LoadMedians } from "./firstRender";
import type { Results, SizeResult } from "./results";
import type { Spread } from "./stats";

const seconds = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms) ? "—" : (ms / 1000).toFixed(2);
const millis = (ms: number | null | undefined) =>
  ms === undefined || ms === null || Number.isNaN(ms) ? "—" : ms.toFixed(ms < 10 ? 1 : 0);
const pair = (s: Spread | undefined) => (s ? `${millis(s.p50)} / ${millis(s.p95)}` : "—");
const mb = (value: number | undefined) => (value === undefined ? "—" : value.toFixed(0));

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function importRatio(size: SizeResult | undefined): number | undefined {
  const app = size?.browser.importMs;
  const native = size?.native.importMs;
  return app !== undefined && native !== undefined ? app / native : undefined;
}

/** The app's import against native DuckDB's plain read_csv + reached-stage funnel (issue #17's target). */
export function plainImportRatio(size: SizeResult | undefined): number | undefined {
  const app = size?.browser.importMs;
  const plain = size?.native.plainReference?.totalMs;
  return app !== undefined && plain !== undefined ? app / plain : undefined;
}

function status(size: SizeResult): string {
  const failures = [
    size.browser.failure ? `app ${size.browser.failure.during} failed: ${size.browser.failure.message}` : "",
    size.native.error ? `native failed: ${size.native.error}` : "",
    ...(size.browser.alerts ?? []).map((a) => `app alert: ${a}`),
  ].filter((f) => f !== "");
  return failures.length === 0 ? "ok" : failures.join("; ").replace(/\s+/g, " ").slice(0, 160);
}

export function sizeTable(results: Results): string {
  const sizes = Object.values(results.sizes).filter((s): s is SizeResult => s !== undefined);
  const column = (title: string, pick: (s: SizeResult) => string) => [title, ...sizes.map(pick)];
  const rows = [
    column("size", (s) => s.label),
    column("rows loaded (native)", (s) => s.native.rowsLoaded?.toLocaleString("en-US") ?? "—"),
    column("file (MB)", (s) => mb(s.bytes / 1e6)),
    column("import, app: chosen → on screen (s)", (s) => seconds(s.browser.importMs)),
    column('  app\'s own "import" measure (s)', (s) => seconds(s.browser.appImportMeasureMs)),
    column("native ingest+derive (s)", (s) => seconds(s.native.importMs)),
    column("ratio app / native", (s) => importRatio(s)?.toFixed(1) ?? "—"),
    column("native plain read_csv + funnel (s)", (s) => seconds(s.native.plainReference?.totalMs)),
    column("ratio app / native plain", (s) => plainImportRatio(s)?.toFixed(1) ?? "—"),
    column("filter total p50 / p95 (ms)", (s) => pair(s.browser.filters?.total)),
    column("  worker query p50 / p95 (ms)", (s) => pair(s.browser.filters?.query)),
    column("  render p50 / p95 (ms)", (s) => pair(s.browser.filters?.render)),
    column("native funnel query p50 / p95 (ms)", (s) => pair(s.native.funnelQuery)),
    ...ANALYSIS_VIEWS.map((view) =>
      column(`${view}: filter p50 / p95 (ms)`, (s) => pair(s.browser.views?.[view]?.total)),
    ),
    ...ANALYSIS_VIEWS.map((view) =>
      column(`  back to ${view}, answers cached (ms)`, (s) =>
        millis(s.browser.views?.[view]?.cachedReturnMs),
      ),
    ),
    column("longest task during import (ms)", (s) =>
      s.browser.longestTaskMs === undefined
        ? "—"
        : `${millis(s.browser.longestTaskMs)} (${s.browser.longTasks} ≥50)`,
    ),
    column("peak RSS, Chromium tree (MB)", (s) => mb(s.browser.memory?.rssMb)),
    column("  PSS tree / largest process RSS (MB)", (s) =>
      s.browser.memory ? `${mb(s.browser.memory.pssMb)} / ${mb(s.browser.memory.largestRssMb)}` : "—",
    ),
    column("peak JS heap, page (MB)", (s) => mb(s.browser.memory?.jsHeapMb)),
    column("other processes' CPU, native / app (%)", (s) =>
      s.otherCpu ? `${(s.otherCpu.native * 100).toFixed(0)} / ${(s.otherCpu.browser * 100).toFixed(0)}` : "—",
    ),
    column("measured (UTC), app revision", (s) => `${s.measuredAt.slice(0, 16)} ${s.app ?? "?"}`),
    column("status", status),
  ];
  // Transposed: one line per figure, one column per size.
  return table(rows);
}

export function headerLine(results: Results): string {
  const { app, machine, node, chromium, packages } = results.environment;
  return (
    `Funnel Lens ${app} benchmark — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${node}, ` +
    `Chromium ${chromium}, DuckDB-WASM ${packages["@duckdb/duckdb-wasm"]}, @duckdb/node-api ${packages["@duckdb/node-api"]}; ` +
    `load avg ${machine.loadavgStart.join(" ")} → ${machine.loadavgEnd?.join(" ") ?? "?"}`
  );
}

export function overallTable(results: Results): string {
  const start = results.startup?.summary;
  const papa = results.papaparse;
  const app1m = results.sizes["1m"]?.browser.importMs;
  const both = (pick: (m: LoadMedians) => number) =>
    start ? `${seconds(pick(start.cold))} / ${seconds(pick(start.warm))}` : "—";
  const rows = [
    ["wasm start-up (duckdb-ready mark), cold / warm (s)", both((m) => m.duckdbReadyMs)],
    ["  wasm downloaded at, cold / warm (s)", both((m) => m.wasmFetchedMs)],
    ["  DuckDB ready → sample on screen, cold / warm (s)", both((m) => m.afterReadyMs)],
    ["    of which first funnel query, cold / warm (s)", both((m) => m.firstQueryMs)],
    ["first dashboard on sample, cold / warm (s, median of 3)", both((m) => m.firstDashboardMs)],
    ["  … confirmed by the engine, cold / warm (s)", both((m) => m.confirmedDashboardMs)],
    [
      "  other processes' CPU meanwhile (%)",
      results.startup ? (results.startup.otherCpu * 100).toFixed(0) : "—",
    ],
    [
      "PapaParse 1M: parse + count (s)",
      papa?.ok
        ? `${seconds(papa.ms)} (parse ${seconds(papa.parseMs)}; other CPU ${(papa.otherCpu * 100).toFixed(0)} %)`
        : (papa?.error ?? "—"),
    ],
    [
      "ratio PapaParse / app import, 1M",
      papa?.ms !== undefined && app1m !== undefined ? (papa.ms / app1m).toFixed(2) : "—",
    ],
  ];
  return table(rows);
}

interface Target {
  name: string;
  measured: number | undefined;
  limit: number;
  /** "max": measured must be ≤ limit; "min": ≥ limit. */
  kind: "max" | "min";
  unit: string;
}

function targets(results: Results): Target[] {
  const size = (label: SizeLabel) => results.sizes[label];
  const papa = results.papaparse?.ms;
  const app1m = size("1m")?.browser.importMs;
  const p95 = (label: SizeLabel) => size(label)?.browser.filters?.total.p95;
  return [
    {
      name: "import 1M ≤ 2.5× native",
      measured: importRatio(size("1m")),
      limit: 2.5,
      kind: "max",
      unit: "×",
    },
    {
      name: "import 1M ≤ 2.5× native plain read_csv + funnel",
      measured: plainImportRatio(size("1m")),
      limit: 2.5,
      kind: "max",
      unit: "×",
    },
    {
      name: "import 1M ≥ 2.5× faster than PapaParse",
      measured: papa !== undefined && app1m !== undefined ? papa / app1m : undefined,
      limit: 2.5,
      kind: "min",
      unit: "×",
    },
    { name: "filter p95 at 1M ≤ 100 ms", measured: p95("1m"), limit: 100, kind: "max", unit: "ms" },
    { name: "filter p95 at 5M ≤ 100 ms", measured: p95("5m"), limit: 100, kind: "max", unit: "ms" },
    { name: "filter p95 at 10M ≤ 200 ms", measured: p95("10m"), limit: 200, kind: "max", unit: "ms" },
    {
      name: "sample dashboard cold ≤ 3 s",
      measured: results.startup?.summary.cold.firstDashboardMs,
      limit: 3000,
      kind: "max",
      unit: "ms",
    },
    {
      name: "sample dashboard warm ≤ 2 s",
      measured: results.startup?.summary.warm.firstDashboardMs,
      limit: 2000,
      kind: "max",
      unit: "ms",
    },
    {
      name: "longest task during 1M import ≤ 100 ms",
      measured: size("1m")?.browser.longestTaskMs,
      limit: 100,
      kind: "max",
      unit: "ms",
    },
  ];
}

export function targetTable(results: Results): string {
  const rows = [["target", "measured", "result"]];
  for (const t of targets(results)) {
    const shown =
      t.measured === undefined
        ? "—"
        : `${t.unit === "×" ? t.measured.toFixed(2) : t.measured.toFixed(0)} ${t.unit}`;
    const pass =
      t.measured === undefined
        ? "not measured"
        : (t.kind === "max" ? t.measured <= t.limit : t.measured >= t.limit)
          ? "PASS"
          : "FAIL";
    rows.push([t.name, shown, pass]);
  }
  return table(rows);
}

/** Where the import time goes, statement by statement: native vs DuckDB-WASM in Node. */
export function stepsTable(results: Results): string {
  const sizes = Object.values(results.sizes).filter(
    (s): s is SizeResult => s !== undefined && s.wasmNode !== undefined && s.native.steps !== undefined,
  );
  if (sizes.length === 0) return "";
  const names = [
    ...new Set(
      sizes.flatMap((s) => [...(s.native.steps ?? []), ...(s.wasmNode?.steps ?? [])].map((x) => x.step)),
    ),
  ];
  const ms = (steps: { step: string; ms: number }[] | undefined, name: string) =>
    millis(steps?.find((x) => x.step === name)?.ms);
  const rows = [
    ["import step (ms)", ...sizes.flatMap((s) => [`native ${s.label}`, `wasm-node ${s.label}`])],
    ...names.map((name) => [
      name,
      ...sizes.flatMap((s) => [ms(s.native.steps, name), ms(s.wasmNode?.steps, name)]),
    ]),
    ["total", ...sizes.flatMap((s) => [millis(s.native.importMs), millis(s.wasmNode?.importMs)])],
  ];
  return table(rows);
}

const phaseText = (phases: readonly { step: string; ms: number }[] | undefined) =>
  phases && phases.length > 0 ? phases.map((x) => `${x.step} ${seconds(x.ms)}`).join(" · ") : "—";

/** `--pipeline` (issue #18): deals export vs lead-table import, Pipeline vs Overview filter changes. */
export function pipelineTable(results: Results): string {
  const p = results.pipeline;
  if (!p) return "";
  const rows = p.deals?.rows.toLocaleString("en-US") ?? "?";
  const importRow = (name: string, i: NonNullable<typeof p.deals> | undefined) => [
    `${name}: chosen → on screen, median of ${i?.runs.length ?? 0} (s)`,
    i
      ? `${seconds(i.importMs)} (${i.runs.map((r) => seconds(r)).join(", ")}; app measure ${seconds(i.appImportMeasureMs)}; ${mb(i.bytes / 1e6)} MB; ${i.tile} shown ${i.shown?.toLocaleString("en-US") ?? "—"})`
      : "—",
  ];
  const figures = table([
    [`pipeline bench, ${rows} rows`, `measured ${p.measuredAt.slice(0, 16)} ${p.app}`],
    importRow("deals export (8 stage columns)", p.deals),
    importRow("lead table (HubSpot contacts)", p.leads),
    ["ratio deals / lead table", p.importRatio?.toFixed(2) ?? "—"],
    ["  deals import by step, last run (s)", phaseText(p.deals?.phases)],
    ["  lead-table import by step, last run (s)", phaseText(p.leads?.phases)],
    ["Pipeline: filter p50 / p95 (ms)", pair(p.pipeline?.total)],
    ["  first show after the tab click (ms)", millis(p.pipeline?.firstShowMs)],
    ["Overview (same deals, own page): filter p50 / p95 (ms)", pair(p.overview?.total)],
    ["  Overview after the Pipeline, same page (not compared)", pair(p.overviewAfterPipeline?.total)],
    ["other processes' CPU (%)", (p.otherCpu * 100).toFixed(0)],
    [
      "status",
      p.failure
        ? `${p.failure.during} failed: ${p.failure.message}`.replace(/\s+/g, " ").slice(0, 160)
        : "ok",
    ],
  ]);
  const verdict = (measured: number | undefined, limit: number | undefined) =>
    measured === undefined || limit === undefined ? "not measured" : measured <= limit ? "PASS" : "FAIL";
  const overviewP95 = p.overview?.total.p95;
  const pipelineP95 = p.pipeline?.total.p95;
  const targets = table([
    ["target", "measured", "result"],
    [
      "deals import ≤ 2× lead-table import",
      p.importRatio === undefined ? "—" : `${p.importRatio.toFixed(2)} ×`,
      verdict(p.importRatio, 2),
    ],
    [
      "Pipeline filter p95 ≤ Overview filter p95",
      pipelineP95 === undefined || overviewP95 === undefined
        ? "—"
        : `${millis(pipelineP95)} ms vs ${millis(overviewP95)} ms`,
      verdict(pipelineP95, overviewP95),
    ],
  ]);
  return `${figures}\n\n${targets}`;
}
