// Bound values for a query that must stay interruptible. DuckDB-WASM can interrupt only a query it
// runs step by step (`conn.send`, polled), and a sent query takes no parameters; a prepared statement
// runs to the end in one go. So the values are bound — never pasted — into one session variable by a
// tiny prepared `SET VARIABLE`, and the query reads them back with `getvariable`.

import type { SqlValue } from "./engine";

/** The session variable that holds an interruptible query's parameters (one struct, fields p1…pN). */
export const PARAMS_VARIABLE = "funnel_lens_params";

/** `SET VARIABLE funnel_lens_params = {'p1': ?, …}`: prepared and bound with the query's values. */
export function setParamsSql(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `'p${i + 1}': ?`);
  return `SET VARIABLE ${PARAMS_VARIABLE} = {${fields.join(", ")}}`;
}

/**
 * Replaces each `?` placeholder with the matching field of the parameters variable, typed as the
 * value bound to it (a prepared statement would infer the type from where the `?` stands; a variable
 * knows only the value, so numbers keep their integer-ness and NULL is cast where it is compared).
 * `?` inside string literals, quoted identifiers and comments is left alone. Throws when the count of
 * placeholders differs from the values given.
 */
export function placeholdersToVariables(sql: string, params: readonly SqlValue[]): string {
  let out = "";
  let next = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "?") {
      if (next >= params.length)
        throw new Error(`The query has more placeholders than the ${params.length} values given`);
      out += variableRead(next, params[next] as SqlValue);
      next++;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  if (next !== params.length)
    throw new Error(`The query has ${next} placeholders for ${params.length} values`);
  return out;
}

/** The index just past the quote that closes the one at `start` ('' and "" are escaped quotes). */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

function variableRead(index: number, value: SqlValue): string {
  const read = `getvariable('${PARAMS_VARIABLE}').p${index + 1}`;
  // Whole numbers bound from JavaScript arrive as DOUBLE; the SQL compares them with INTEGER columns
  // and uses them in LIMIT and day arithmetic, where a prepared statement would have made them BIGINT.
  if (typeof value === "number" && Number.isInteger(value)) return `(${read})::BIGINT`;
  // A NULL value has no type of its own: left untyped, as a prepared statement leaves it.
  if (value === null) return "NULL";
  return read;
}
