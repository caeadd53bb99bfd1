// Command-line options of the benchmark: which sizes to run (`npm run bench -- --sizes 100k,1m`).

import { parseArgs } from "node:util";
import { SIZES, type SizeLabel } from "./datasets";
import { PIPELINE_ROWS } from "./dealsDataset";

export interface BenchOptions {
  sizes: SizeLabel[];
  /** Also time each import statement in DuckDB-WASM's Node build (sizes ≤ 1M by default). */
  steps: boolean;
  /** Wait (up to 3 min per part) until other processes leave the CPU mostly idle. */
  waitQuiet: boolean;
  /** Skip the start-up loads (keeps the previous figures), e.g. when adding large sizes. */
  startup: boolean;
  out: string;
  /** Also run the pipeline bench (issue #18): deals export vs lead table, Pipeline vs Overview filters. */
  pipeline: boolean;
  /** Only the pipeline bench: no sizes, native runs, start-up loads or peer. */
  pipelineOnly: boolean;
  /** Deals (and lead-table rows) in the pipeline bench's files. */
  pipelineRows: number;
}

function isSize(label: string): label is SizeLabel {
  return SIZES.some((s) => s.label === label);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string" },
      "no-steps": { type: "boolean" },
      "no-wait-quiet": { type: "boolean" },
      "no-startup": { type: "boolean" },
      out: { type: "string" },
      pipeline: { type: "boolean" },
      "pipeline-only": { type: "boolean" },
      "pipeline-rows": { type: "string" },
    },
  });
  const requested = (values.sizes ?? SIZES.map((s) => s.label).join(","))
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "");
  const unknown = requested.filter((s) => !isSize(s));
  if (unknown.length > 0)
    throw new Error(
      `Unknown size(s) ${unknown.join(", ")}; choose from ${SIZES.map((s) => s.label).join(", ")}`,
    );
  // Keep the canonical order (small first) whatever order was typed.
  const pipelineOnly = values["pipeline-only"] === true;
  const sizes = pipelineOnly ? [] : SIZES.map((s) => s.label).filter((label) => requested.includes(label));
  const pipelineRows = Number(values["pipeline-rows"] ?? PIPELINE_ROWS);
  if (!Number.isInteger(pipelineRows) || pipelineRows < 100)
    throw new Error(`--pipeline-rows must be a whole number ≥ 100, got ${values["pipeline-rows"]}`);
  return {
    sizes,
    steps: !values["no-steps"],
    waitQuiet: !values["no-wait-quiet"],
    startup: !values["no-startup"] && !pipelineOnly,
    out: values.out ?? "test/bench/results.json",
    pipeline: pipelineOnly || values.pipeline === true,
    pipelineOnly,
    pipelineRows,
  };
}
