// Quoting helpers: the only places a user string may enter SQL text (identifiers and IN-lists).

/** "Campaign" → "Campaign"; a"b → "a""b". Every column name from a file goes through this. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** O'Brien → 'O''Brien'. Only for values that cannot be bound (lists, table-function arguments). */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a SQL literal`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `'${value.replaceAll("'", "''")}'`;
}

/** ('a', 'b''c') — for multi-select filters; DuckDB-WASM cannot bind arrays. */
export function literalList(values: readonly string[]): string {
  return `(${values.map(quoteLiteral).join(", ")})`;
}
