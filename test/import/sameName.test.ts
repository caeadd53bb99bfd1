// Two files with the same name in one import (from different folders) are kept apart by position.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { applyImport, planFor, prepareFiles } from "../../src/import/load";
import { queryRejectedRows } from "../../src/import/rejects";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe("files that share a name", () => {
  it("keeps each file's rows, rejects and counts apart, naming the file by its position", async () => {
    // File 1 (e.g. march/leads.csv): rows 2–3 good, row 4 has a value too many.
    // File 2 (e.g. april/leads.csv): row 2 has no date, row 3 good.
    // Rejected rows are matched by file and row: file 2's row 2 must not take file 1's row 2 with it.
    const prepared = await prepareFiles(engine, [
      {
        name: "leads.csv",
        data: bytes(
          "lead_id,occurred_at,activity\nA,2024-01-01,page_view\nB,2024-01-02,page_view\nC,2024-01-02,page_view,x\n",
        ),
      },
      {
        name: "leads.csv",
        data: bytes("lead_id,occurred_at,activity\nD,not a date,page_view\nE,2024-01-03,page_view\n"),
      },
    ]);
    expect(prepared.map((f) => f.name)).toEqual(["leads.csv (file 1)", "leads.csv (file 2)"]);
    const summary = await applyImport(engine, prepared, prepared.map(planFor), DEFAULT_DERIVE_SETTINGS);
    expect(summary.files.map((f) => [f.fileName, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ["leads.csv (file 1)", 3, 2, 1],
      ["leads.csv (file 2)", 2, 1, 1],
    ]);
    expect(summary.rejectGroups.map((g) => g.message)).toEqual([
      "leads.csv (file 2): 1 row: 'occurred_at' is not a date, e.g. row 2: 'not a date'",
      "leads.csv (file 1): 1 row: the row has more values than the header has columns (3), e.g. row 4",
    ]);
    const events = await engine.query<{ lead_id: string; source_file: string; source_row: number }>(
      "SELECT lead_id, source_file, source_row FROM events ORDER BY lead_id",
    );
    expect(events).toEqual([
      { lead_id: "A", source_file: "leads.csv (file 1)", source_row: 2 },
      { lead_id: "B", source_file: "leads.csv (file 1)", source_row: 3 },
      { lead_id: "E", source_file: "leads.csv (file 2)", source_row: 3 },
    ]);
    expect((await queryRejectedRows(engine)).map((r) => [r.file, r.row])).toEqual([
      ["leads.csv (file 1)", 4],
      ["leads.csv (file 2)", 2],
    ]);
  });

  it("keeps plans apart by position even when they name the same file", async () => {
    // A caller that builds its own plans with the bare name still gets each file's rows kept.
    const prepared = await prepareFiles(engine, [
      { name: "a.csv", data: bytes("lead_id,occurred_at,activity\nA,2024-01-01,page_view\n") },
      { name: "b.csv", data: bytes("lead_id,occurred_at,activity\nB,nope,page_view\n") },
    ]);
    const plans = prepared.map((file) => ({ ...planFor(file), fileName: "export.csv" }));
    const summary = await applyImport(engine, prepared, plans, DEFAULT_DERIVE_SETTINGS);
    expect(summary.files.map((f) => [f.fileName, f.rowsLoaded, f.rowsRejected])).toEqual([
      ["export.csv (file 1)", 1, 0],
      ["export.csv (file 2)", 0, 1],
    ]);
    expect(summary.rowsLoaded).toBe(1);
  });

  it("leaves a name alone when no other file shares it, and never makes two labels equal", async () => {
    const { uniqueFileNames } = await import("../../src/import/load");
    expect(uniqueFileNames(["a.csv", "b.csv"])).toEqual(["a.csv", "b.csv"]);
    const labels = uniqueFileNames(["a.csv", "a.csv", "a.csv (file 2)"]);
    expect(new Set(labels).size).toBe(3);
    expect(labels.slice(0, 2)).toEqual(["a.csv (file 1)", "a.csv (file 2)"]);
  });
});
