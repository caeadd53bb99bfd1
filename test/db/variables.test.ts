// Interruptible queries bind their values through one session variable: the rewrite of `?` must skip
// quotes and comments, keep counts honest, and give numbers and NULLs the types a prepared statement would.
import { describe, expect, it } from "vitest";
import { PARAMS_VARIABLE, placeholdersToVariables, setParamsSql } from "../../src/db/variables";

const v = (n: number) => `getvariable('${PARAMS_VARIABLE}').p${n}`;

describe("placeholdersToVariables", () => {
  it("replaces each placeholder in order, leaving ? inside strings, identifiers and comments", () => {
    const sql = `SELECT '?', "a?b" FROM t -- why?\nWHERE x = ? /* ? */ AND y IN ('it''s ?') AND z >= ?`;
    expect(placeholdersToVariables(sql, ["O'Brien", "2025-01-01"])).toBe(
      `SELECT '?', "a?b" FROM t -- why?\nWHERE x = ${v(1)} /* ? */ AND y IN ('it''s ?') AND z >= ${v(2)}`,
    );
  });

  it("types whole numbers as BIGINT, leaves fractions and NULL as a prepared statement would", () => {
    expect(placeholdersToVariables("LIMIT ? OFFSET ? WHERE r > ? AND c = ?", [10, 0, 0.25, null])).toBe(
      `LIMIT (${v(1)})::BIGINT OFFSET (${v(2)})::BIGINT WHERE r > ${v(3)} AND c = NULL`,
    );
  });

  it("refuses a count of values that does not match the placeholders", () => {
    expect(() => placeholdersToVariables("x = ? AND y = ?", ["a"])).toThrow(/more placeholders/);
    expect(() => placeholdersToVariables("x = ?", ["a", "b"])).toThrow(/1 placeholders for 2 values/);
  });

  it("sets the variable from bound values, never from pasted ones", () => {
    expect(setParamsSql(2)).toBe(`SET VARIABLE ${PARAMS_VARIABLE} = {'p1': ?, 'p2': ?}`);
  });
});
