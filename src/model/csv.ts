// CSV text for downloads: RFC 4180 quoting, CRLF line ends, and no spreadsheet formula injection.

export type CsvCell = string | number | null;

/** A cell a spreadsheet would read as a formula (or that hides one behind a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as CSV text. Strings that a spreadsheet would evaluate ("=HYPERLINK(…)", "-5", "@SUM")
 * get a leading apostrophe so they open as text; numbers are written as numbers and never touched.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows to CSV text; every line, including the last, ends with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
