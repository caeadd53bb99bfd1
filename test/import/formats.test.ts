// File formats and awkward CSV: each case is a file under test/fixtures/formats and what it must give.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { importFixture } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const rows = () =>
  engine.query<{ lead_id: string; activity: string; campaign: string | null; at: string }>(
    "SELECT lead_id, activity, campaign, strftime(occurred_at, '%Y-%m-%d %H:%M') AS at FROM events ORDER BY source_row, activity",
  );

describe("file formats", () => {
  it("reads Parquet (converted in the browser; DuckDB-WASM has no Parquet reader offline)", async () => {
    const summary = await importFixture(engine, "formats/activity.parquet");
    expect(summary).toMatchObject({ rowsRead: 3, rowsLoaded: 3, leads: 2 });
    expect((await rows()).map((r) => [r.lead_id, r.activity, r.at])).toEqual([
      ["P1", "became_lead", "2024-05-01 09:00"],
      ["P1", "became_mql", "2024-05-03 09:00"],
      ["P2", "became_lead", "2024-05-02 09:00"],
    ]);
  });

  it("reads a JSON array of objects", async () => {
    const summary = await importFixture(engine, "formats/activity.json");
    expect(summary).toMatchObject({ rowsRead: 3, rowsLoaded: 3, leads: 2 });
    expect((await rows()).map((r) => r.activity)).toEqual(["became_lead", "became_mql", "became_lead"]);
  });

  it("reads NDJSON (one object per line)", async () => {
    const summary = await importFixture(engine, "formats/activity.ndjson");
    expect(summary).toMatchObject({ rowsRead: 2, leads: 1 });
    expect((await rows()).map((r) => r.at)).toEqual(["2024-06-01 10:00", "2024-06-05 10:00"]);
  });

  it("keeps quoted commas, quotes and newlines, and rejects a row with more values than the header", async () => {
    const summary = await importFixture(engine, "formats/quoted-ragged.csv");
    expect(summary).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(summary.rejectGroups.map((g) => g.message)).toEqual([
      "1 row: the row has more values than the header has columns (4), e.g. row 3",
    ]);
    expect((await rows())[0]?.campaign).toBe('Spring, "VIP" edition\r\nsecond line');
  });

  it("reads a UTF-8 file with a byte-order mark, semicolons and CRLF", async () => {
    const summary = await importFixture(engine, "formats/bom-semicolon.csv");
    expect(summary).toMatchObject({ rowsRead: 1, rowsLoaded: 1 });
    expect(summary.mapping.lead_id).toBe("lead_id");
  });

  it("refuses a PDF renamed .csv in one sentence", async () => {
    await expect(importFixture(engine, "formats/report.pdf.csv")).rejects.toThrow(
      "report.pdf.csv is a PDF document, not a table. Export the data as CSV and import that.",
    );
  });
});
