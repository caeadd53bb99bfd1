// The guarded trim gives exactly what nullif(trim(cell), '') gives, and the guarded blank test what
// `cell IS NULL OR trim(cell) = ''` gives, in DuckDB-WASM itself.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { blankCellSql, cellTextSql } from "../../src/import/cellText";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const CELLS = [
  "Webinar",
  " Webinar ",
  "  ",
  "",
  "\u00a0Paid Search\u00a0", // no-break spaces (exports from spreadsheets)
  "\u3000東京\u3000", // ideographic space
  "Événements",
  " Événements",
  "a\u2003", // em space
  "\tTabbed\t", // trim() keeps tabs: so must the guard
  "x\u00a0y", // inner no-break space stays
];

describe("cell text", () => {
  it.each(CELLS.map((cell) => [JSON.stringify(cell), cell]))(
    "%s is trimmed exactly as trim() trims it",
    async (_label, cell) => {
      const [row] = await engine.query<{ guarded: string | null; plain: string | null }>(
        `SELECT ${cellTextSql("c")} AS guarded, nullif(trim(c), '') AS plain FROM (SELECT ?::VARCHAR AS c)`,
        [cell],
      );
      expect(row?.guarded).toBe(row?.plain);
    },
  );

  it("turns empty and space-only cells into NULL and keeps NULL", async () => {
    const rows = await engine.query<{ v: string | null }>(
      `SELECT ${cellTextSql("c")} AS v FROM (VALUES (''), (' '), ('\u00a0'), (NULL)) t(c)`,
    );
    expect(rows.map((r) => r.v)).toEqual([null, null, null, null]);
  });

  it.each(CELLS.map((cell) => [JSON.stringify(cell), cell]))(
    "%s is blank exactly when trim() leaves nothing of it",
    async (_label, cell) => {
      const [row] = await engine.query<{ guarded: boolean; plain: boolean }>(
        `SELECT ${blankCellSql("c")} AS guarded, (c IS NULL OR trim(c) = '') AS plain FROM (SELECT ?::VARCHAR AS c)`,
        [cell],
      );
      expect(row?.guarded).toBe(row?.plain);
    },
  );

  it("counts NULL, empty and space-only cells as blank, and nothing else", async () => {
    const rows = await engine.query<{ v: boolean }>(
      `SELECT ${blankCellSql("c")} AS v FROM (VALUES (''), (' '), ('\u00a0'), ('\u3000 '), (NULL), ('\t'), (' x'), ('.')) t(c)`,
    );
    expect(rows.map((r) => r.v)).toEqual([true, true, true, true, true, false, false, false]);
  });
});
