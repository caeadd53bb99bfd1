// Importing activity logs through DuckDB-WASM: dates, vocabulary, rejects and keeping the previous data.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { ImportError } from "../../src/import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const events = () =>
  engine.query<{ lead_id: string; at: string; activity: string; campaign: string | null }>(
    `SELECT lead_id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS at, activity, campaign FROM events ORDER BY source_row`,
  );

describe("activity log import", () => {
  it("skips empty rows and drops a report footer, keeping the file's row numbers", async () => {
    // Data rows are file lines 2 and 5; lines 3–4 are empty (one only spaces), line 6 a footer.
    const summary = await importText(
      engine,
      "footer.csv",
      "lead_id,occurred_at,activity\nA,2024-03-05,page_view\n,,\n ,  , \nB,2024-03-06,form_submit\nGrand Total,,\n",
    );
    expect(summary.files[0]?.notes).toEqual([
      "Dropped 1 report footer row (totals, confidentiality or copyright lines).",
      "Skipped 2 empty rows.",
    ]);
    expect(summary.rowsRead).toBe(2);
    expect(summary.rowsRejected).toBe(0);
    const rows = await engine.query<{ lead_id: string; source_row: number }>(
      "SELECT lead_id, source_row FROM events ORDER BY source_row",
    );
    expect(rows).toEqual([
      { lead_id: "A", source_row: 2 },
      { lead_id: "B", source_row: 5 },
    ]);
  });

  it.each([
    ["ISO with zone (converted to UTC)", "2024-03-05T10:00:00+02:00", "2024-03-05 08:00:00"],
    ["ISO with Z", "2024-03-05T10:00:00Z", "2024-03-05 10:00:00"],
    ["ISO date only", "2024-03-05", "2024-03-05 00:00:00"],
    ["epoch seconds", "1709632800", "2024-03-05 10:00:00"],
    ["epoch milliseconds", "1709632800000", "2024-03-05 10:00:00"],
    ["Excel serial", "45356.5", "2024-03-05 12:00:00"],
  ])("parses %s", async (_name, value, expected) => {
    await importText(engine, "dates.csv", `lead_id,occurred_at,activity\nA,${value},page_view\n`);
    expect((await events())[0]?.at).toBe(expected);
  });

  it("decides day/month order from the whole column", async () => {
    // Only the last row (31/12) proves the column is day first; 03/04 is then 3 April, not 4 March.
    await importText(engine, "dmy.csv", "id,date,event\nA,03/04/2024,visit\nA,31/12/2024 14:30,visit\n");
    expect((await events()).map((e) => e.at)).toEqual(["2024-04-03 00:00:00", "2024-12-31 14:30:00"]);
    await importText(engine, "mdy.csv", "id,date,event\nA,03/04/2024,visit\nA,12/31/2024,visit\n");
    expect((await events()).map((e) => e.at)).toEqual(["2024-03-04 00:00:00", "2024-12-31 00:00:00"]);
  });

  it("normalises activities and keeps unknown ones, listing them", async () => {
    const summary = await importText(
      engine,
      "vocab.csv",
      "Contact ID,Timestamp,Activity Type\nA,2024-01-01,Closed Won\nA,2024-01-02,Podcast Listen\nB,2024-01-02,Website Visit\n",
    );
    expect((await events()).map((e) => e.activity)).toEqual(["deal_won", "podcast listen", "page_view"]);
    expect(summary.unknownActivities).toEqual([{ activity: "podcast listen", rows: 1 }]);
    expect(summary.leads).toBe(2);
  });

  it("rejects unusable rows with the file's row numbers and reasons, and loads the rest", async () => {
    const csv = [
      "lead_id,occurred_at,activity",
      "A,2024-01-01,page_view", // row 2
      ",2024-01-02,page_view", // row 3: no lead id
      "B,2024-02-31,page_view", // row 4: impossible date
      "C,not a date,page_view", // row 5
      "D,,page_view", // row 6: empty date
      "E,2024-01-03,", // row 7: no activity
    ].join("\n");
    const summary = await importText(engine, "bad.csv", csv);
    expect(summary).toMatchObject({ rowsRead: 6, rowsLoaded: 1, rowsRejected: 5 });
    expect(summary.rejectGroups.map((g) => g.message)).toEqual([
      "2 rows: 'occurred_at' is not a date, e.g. row 4: '2024-02-31'",
      "1 row: 'lead_id' is empty, e.g. row 3",
      "1 row: 'occurred_at' is empty, e.g. row 6",
      "1 row: 'activity' is empty, e.g. row 7",
    ]);
  });

  it("treats hostile headers and values as text, never as SQL", async () => {
    const csv = `lead_id,occurred_at,activity,"""); DROP TABLE events; --"\nA,2024-01-01,page_view,x\n`;
    const summary = await importText(engine, "hostile.csv", csv);
    expect(summary.rowsLoaded).toBe(1);
    const csv2 = `lead_id,occurred_at,activity,campaign\nA,2024-01-01,page_view,"O'Brien'); DROP TABLE events; --"\n`;
    await importText(engine, "hostile2.csv", csv2);
    expect((await events())[0]?.campaign).toBe("O'Brien'); DROP TABLE events; --");
  });

  it.each([
    ["an empty file", "empty.csv", "", "empty.csv is empty (0 bytes)."],
    [
      "a header without rows",
      "header.csv",
      "lead_id,occurred_at,activity\n",
      "header.csv has a header but no data rows.",
    ],
    [
      "a file without the required columns",
      "contacts.csv",
      "name,city\nAda,London\n",
      'contacts.csv: no column found for Lead ID (needed for a lead / contact table). The file has the columns "name", "city".',
    ],
    [
      "a file whose rows are all unusable",
      "dates.csv",
      "lead_id,occurred_at,activity\nA,yesterday,visit\n",
      "dates.csv: none of the 1 rows could be used — 1 row: 'occurred_at' is not a date, e.g. row 2: 'yesterday'.",
    ],
  ])("refuses %s and keeps the previous data", async (_name, fileName, csv, message) => {
    await importText(
      engine,
      "good.csv",
      "lead_id,occurred_at,activity\nA,2024-01-01,page_view\nB,2024-01-01,page_view\n",
    );
    const attempt = importText(engine, fileName, csv);
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(message);
    const [count] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM lead_stages");
    expect(count?.n).toBe(2);
  });

  it("refuses a file too large for the tab's memory before reading any of it, keeping the data", async () => {
    await importText(
      engine,
      "good.csv",
      "lead_id,occurred_at,activity\nA,2024-01-01,page_view\nB,2024-01-01,page_view\n",
    );
    // Only its size is looked at: a Blob that would fail if anything tried to read it.
    const huge = {
      size: 1_490_001_305,
      slice: () => {
        throw new Error("the file was read");
      },
    } as unknown as Blob;
    const { importActivityLog, MAX_IMPORT_BYTES } = await import("../../src/import/load");
    const attempt = importActivityLog(
      engine,
      { name: "events-10m.csv", data: huge },
      DEFAULT_DERIVE_SETTINGS,
    );
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(
      "events-10m.csv is 1.49 GB: more than the 1.00 GB this browser tab can analyse in its memory",
    );
    const [count] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM lead_stages");
    expect(count?.n).toBe(2);
    // At the limit itself a file is read (this one as far as its first bytes).
    const atLimit = { size: MAX_IMPORT_BYTES, slice: huge.slice } as unknown as Blob;
    await expect(
      importActivityLog(engine, { name: "big.csv", data: atLimit }, DEFAULT_DERIVE_SETTINGS),
    ).rejects.toThrow("the file was read");
  });

  it("refuses a binary file (an .xlsx renamed .csv) in one sentence", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    await expect(
      import("../../src/import/load").then(({ importActivityLog }) =>
        importActivityLog(engine, { name: "report.csv", data: zip }, { asOf: null, stalledDays: 30 }),
      ),
    ).rejects.toThrow(
      "report.csv is not a text table (CSV or TSV). It looks like a spreadsheet or zip archive (.xlsx).",
    );
  });
});
