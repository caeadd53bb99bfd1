// Signs of a damaged or incomplete file, found in its bytes: zero padding at the end, a cut-off
// last row, zero bytes inside values, a line longer than DuckDB's CSV reader takes.

import Papa from "papaparse";

/** Bytes read per step when a whole file is scanned: a Blob is never held in memory at once. */
const CHUNK = 16 * 1024 * 1024;

export type Bytes = Blob | Uint8Array;

export async function bytesOf(data: Bytes, start = 0, end?: number): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(start, end);
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

export const sizeOf = (data: Bytes) => (data instanceof Uint8Array ? data.byteLength : data.size);

/** "512 bytes", "64 KB", "979 MB", "1.2 GB": sizes in sentences. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const [value, unit] =
    bytes < 1e6 ? [bytes / 1e3, "KB"] : bytes < 1e9 ? [bytes / 1e6, "MB"] : [bytes / 1e9, "GB"];
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US")} ${unit}`;
}

/**
 * How many zero bytes end the file. A download that stopped part-way can leave the space it
 * reserved filled with zeros: one log ended in 979 MB of them, and DuckDB read the rows before
 * and said nothing. Only the last byte is read unless it is zero; in UTF-16 a zero byte ends every
 * ASCII character, so there only whole zero characters count.
 */
export async function trailingZeroBytes(data: Bytes, utf16: boolean): Promise<number> {
  const size = sizeOf(data);
  if (size === 0 || (await bytesOf(data, size - 1, size))[0] !== 0) return 0;
  let end = size;
  let zeros = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const bytes = await bytesOf(data, start, end);
    let i = bytes.length - 1;
    while (i >= 0 && bytes[i] === 0) i--;
    if (i >= 0) {
      zeros = size - (start + i + 1);
      break;
    }
    end = start;
  }
  return utf16 ? zeros - (zeros % 2) : zeros;
}

/**
 * Whether any byte of the file is zero. Text never holds one, but DuckDB reads it into the value,
 * and a value with a NUL breaks every query that names it later (a filter on it). A scan at
 * memchr speed (Uint8Array.indexOf): 30 ms per 100 MB in memory, 0.2–0.5 s from a Blob (Node).
 */
export async function hasZeroByte(data: Bytes): Promise<boolean> {
  const size = sizeOf(data);
  for (let start = 0; start < size; start += CHUNK) {
    if ((await bytesOf(data, start, Math.min(size, start + CHUNK))).indexOf(0) >= 0) return true;
  }
  return false;
}

/** The first line longer than `limit` bytes: its 1-based line number and length. */
export async function firstLongLine(
  data: Bytes,
  limit: number,
): Promise<{ line: number; bytes: number } | null> {
  const size = sizeOf(data);
  let line = 1;
  let lineStart = 0;
  for (let start = 0; start < size; start += CHUNK) {
    const bytes = await bytesOf(data, start, Math.min(size, start + CHUNK));
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
      const end = start + i;
      if (end - lineStart > limit) return { line, bytes: end - lineStart };
      line++;
      lineStart = end + 1;
    }
  }
  return size - lineStart > limit ? { line, bytes: size - lineStart } : null;
}

export type CutOff =
  | { kind: "short"; values: number }
  /** The last line opens a quote it never closes: cut off, or the end of a multi-line value. */
  | { kind: "open-quote" };

/**
 * Whether the file's last row looks cut off: no line break after it and fewer values than the
 * header, or a quote left open. `tail` is the end of the file as text. Report footers (a single
 * "Grand Totals" cell) are short on purpose and are not cut off.
 */
export function cutOffRow(
  tail: string,
  delimiter: string,
  headerCount: number,
  footer: RegExp,
): CutOff | null {
  if (tail === "" || /[\r\n]$/.test(tail)) return null;
  const lineBreak = Math.max(tail.lastIndexOf("\n"), tail.lastIndexOf("\r"));
  // Without a line break in the tail the last line started before it: too long to judge here.
  if (lineBreak < 0) return null;
  const line = tail.slice(lineBreak + 1);
  if (line.trim() === "" || footer.test(line.replace(/^"/, "").trim())) return null;
  if ((line.match(/"/g) ?? []).length % 2 === 1) return { kind: "open-quote" };
  const values = Papa.parse<string[]>(line, { delimiter }).data[0]?.length ?? 0;
  return values < headerCount ? { kind: "short", values } : null;
}
