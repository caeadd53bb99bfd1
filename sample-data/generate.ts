// CLI that streams a seeded sample activity-log CSV (N leads, or about N events) to a file.
import { closeSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  CSV_HEADER,
  DEFAULT_LEADS,
  DEFAULT_SEED,
  estimateEventsPerLead,
  formatTimestamp,
  generateLeads,
  leadToCsv,
} from "./world";

const CHUNK_CHARS = 1 << 20;

export interface WriteOptions {
  out: string;
  leads: number;
  seed: number;
}

export interface WriteResult {
  leads: number;
  rows: number;
  bytes: number;
  /** Latest timestamp written (epoch seconds), i.e. the data's as-of date. */
  asOf: number;
}

function writeAll(fd: number, text: string): number {
  const buffer = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
  return buffer.length;
}

/** Streams the CSV to `out` in ~1 MB chunks, so memory stays flat whatever the size. */
export function writeSampleCsv(options: WriteOptions): WriteResult {
  const fd = openSync(options.out, "w");
  let rows = 0;
  let bytes = 0;
  let leads = 0;
  let asOf = Number.NEGATIVE_INFINITY;
  try {
    let chunk = `${CSV_HEADER}\n`;
    for (const lead of generateLeads({ leads: options.leads, seed: options.seed })) {
      leads++;
      rows += lead.events.length;
      for (const e of lead.events) if (e.at > asOf) asOf = e.at;
      chunk += leadToCsv(lead);
      if (chunk.length >= CHUNK_CHARS) {
        bytes += writeAll(fd, chunk);
        chunk = "";
      }
    }
    if (chunk.length > 0) bytes += writeAll(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { leads, rows, bytes, asOf };
}

/** Lead count that yields roughly `events` rows for a seed. */
export function leadsForEvents(events: number, seed: number): number {
  return Math.max(1, Math.round(events / estimateEventsPerLead(seed)));
}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      leads: { type: "string" },
      events: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      "Usage: tsx sample-data/generate.ts [--leads N | --events N] [--out FILE] [--seed S]\n" +
        `Defaults: --leads ${DEFAULT_LEADS} --seed ${DEFAULT_SEED} --out sample-data/sample.csv\n`,
    );
    return;
  }
  const leadsArg = positiveInt("leads", values.leads);
  const eventsArg = positiveInt("events", values.events);
  if (leadsArg !== undefined && eventsArg !== undefined)
    throw new Error("pass either --leads or --events, not both");
  const seed = positiveInt("seed", values.seed) ?? DEFAULT_SEED;
  const leads = leadsArg ?? (eventsArg !== undefined ? leadsForEvents(eventsArg, seed) : DEFAULT_LEADS);
  const out = values.out ?? join(dirname(fileURLToPath(import.meta.url)), "sample.csv");

  const started = performance.now();
  const result = writeSampleCsv({ out, leads, seed });
  const seconds = (performance.now() - started) / 1000;
  const asOf = Number.isFinite(result.asOf) ? formatTimestamp(result.asOf) : "n/a";
  process.stderr.write(
    `wrote ${result.leads} leads, ${result.rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB to ${out} ` +
      `in ${seconds.toFixed(1)} s (seed ${seed}, as-of ${asOf})\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
