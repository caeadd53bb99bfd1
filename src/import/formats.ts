// Files DuckDB-WASM cannot read offline (JSON and Parquet need extensions from the network) are
// turned into CSV bytes here; text in Windows-1252/Latin-1 is re-encoded as UTF-8.

import Papa from "papaparse";

export type SourceFormat = "csv" | "utf16-csv" | "json" | "parquet";

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

export function sniffFormat(name: string, head: Uint8Array): SourceFormat {
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31]) || /\.parquet$/i.test(name)) return "parquet";
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return "utf16-csv";
  const text = new TextDecoder("utf-8")
    .decode(head.subarray(0, 64))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/\.(json|ndjson|jsonl)$/i.test(name) || text.startsWith("[") || text.startsWith("{")) return "json";
  return "csv";
}

/** True when the bytes are not valid UTF-8 (a trailing character cut by the sample is allowed). */
export function isLikelyLegacyEncoding(head: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder("windows-1252").decode(bytes));
}

type Row = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function rowsToCsv(rows: readonly Row[]): Uint8Array {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const data = rows.map((row) => columns.map((c) => cell(row[c])));
  return new TextEncoder().encode(Papa.unparse({ fields: columns, data }, { newline: "\n" }));
}

/** A JSON array of objects, or one object per line (NDJSON). */
export function jsonToCsv(text: string): Uint8Array {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  let rows: unknown;
  if (trimmed.startsWith("[")) rows = JSON.parse(trimmed);
  else
    rows = trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line));
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === "object" && r !== null && !Array.isArray(r))) {
    throw new Error("expected an array of objects or one object per line");
  }
  return rowsToCsv(rows as Row[]);
}

export async function parquetToCsv(bytes: Uint8Array): Promise<Uint8Array> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Loaded when a Parquet file is dropped, not with the app.
  const { parquetReadObjects } = await import("hyparquet");
  const rows = (await parquetReadObjects({ file: buffer })) as Row[];
  return rowsToCsv(rows);
}
