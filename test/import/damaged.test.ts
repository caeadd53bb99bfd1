// Damaged and unusual files (issue 16): each is loaded correctly or refused in a sentence that names
// the problem, and a refused file leaves the loaded data as it was. Files are built here, not committed.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { ImportError, importActivityLog } from "../../src/import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const HEADER = "lead_id,occurred_at,activity,campaign";

/** `rows` plain ASCII rows (~40 bytes each: 3,000 of them pass the first 64 KB), leads L0–L99. */
function asciiRows(rows: number): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(`L${r % 100},2024-03-05 10:00:00,page_view,Spring`);
  return lines.join("\n");
}

function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

const importBytes = (name: string, data: Uint8Array) =>
  importActivityLog(engine, { name, data }, DEFAULT_DERIVE_SETTINGS);

const campaigns = () =>
  engine.query<{ source_row: number; campaign: string | null }>(
    "SELECT source_row, campaign FROM events WHERE campaign IS DISTINCT FROM 'Spring' ORDER BY source_row",
  );

async function loadGood(): Promise<void> {
  await importText(engine, "good.csv", `${HEADER}\nA,2024-01-01,page_view,x\nB,2024-01-01,page_view,x\n`);
}

async function leadsLoaded(): Promise<number> {
  const [row] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM lead_stages");
  return row?.n ?? -1;
}

describe("damaged and unusual files", () => {
  it("reads a Windows-1252 file whose first 64 KB are plain ASCII", async () => {
    // Row 3,002 is the first with a byte that is not UTF-8: 'Café' with é as 0xE9.
    const data = concat(
      `${HEADER}\n${asciiRows(3000)}\nL1,2024-03-06,page_view,Caf`,
      new Uint8Array([0xe9, 0x0a]),
    );
    const summary = await importBytes("latin1.csv", data);
    expect(summary).toMatchObject({ rowsRead: 3001, rowsLoaded: 3001, rowsRejected: 0 });
    expect(await campaigns()).toEqual([{ source_row: 3002, campaign: "Café" }]);
    expect(summary.files[0]?.notes).toEqual([
      "Read as Windows-1252 / Latin-1 text (the file is not UTF-8 from line 3,002 on).",
    ]);
  });

  it("reads a quoted value that starts with a line break", async () => {
    const summary = await importText(
      engine,
      "notes.csv",
      `${HEADER}\nA,2024-01-01,page_view,"\nSpring sale"\nB,2024-01-02,page_view,"x\n"\n`,
    );
    expect(summary).toMatchObject({ rowsRead: 2, rowsLoaded: 2 });
    expect((await campaigns()).map((r) => r.campaign)).toEqual(["\nSpring sale", "x\n"]);
  });

  it("removes a zero byte from a value after the first 64 KB, with a note naming the row", async () => {
    const data = concat(
      `${HEADER}\n${asciiRows(3000)}\nL1,2024-03-06,page_view,Sum`,
      new Uint8Array([0]),
      "mer\n",
    );
    const summary = await importBytes("nul.csv", data);
    expect(summary).toMatchObject({ rowsRead: 3001, rowsLoaded: 3001 });
    expect(await campaigns()).toEqual([{ source_row: 3002, campaign: "Summer" }]);
    expect(summary.files[0]?.notes).toEqual([
      "Removed zero bytes (NUL, a sign of a damaged file) from 1 value, e.g. row 3,002, 'campaign'.",
    ]);
    // Every campaign can be named in SQL again (a NUL cut the filter's literal short).
    const [row] = await engine.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM events WHERE campaign = 'Summer'",
    );
    expect(row?.n).toBe(1);
  });

  it.each([
    [
      "ends in zero bytes (a partial download)",
      "padded.csv",
      concat(`${HEADER}\n${asciiRows(3000)}\n`, new Uint8Array(3_000_000)),
      "padded.csv ends in 3.0 MB of zero bytes: it looks like an incomplete download. Download it again and import the complete file.",
    ],
    [
      "is small and ends in zero bytes",
      "short-padded.csv",
      concat(`${HEADER}\nA,2024-01-01,page_view,x\n`, new Uint8Array(500)),
      "short-padded.csv ends in 500 zero bytes: it looks like an incomplete download.",
    ],
    [
      "ends inside a quoted value",
      "cut-quote.csv",
      concat(`${HEADER}\n${asciiRows(10)}\nL1,2024-03-06,page_view,"Spr`),
      "cut-quote.csv ends in a cut-off row (the last row opens a quoted value that never closes, and no line break follows it): it looks like an incomplete download.",
    ],
    [
      "has a line longer than the reader takes",
      "long.csv",
      concat(
        `${HEADER}\nA,2024-01-01,page_view,x\nB,2024-01-01,page_view,${"x".repeat(50_000_000)}\nC,2024-01-01,page_view,x\n`,
      ),
      "long.csv: line 3 is 50 MB long, more than the 2.0 MB the reader takes for one row.",
    ],
  ])(
    "refuses a file that %s, keeping the data",
    async (_what, name, data, message) => {
      await loadGood();
      const attempt = importBytes(name, data);
      await expect(attempt).rejects.toBeInstanceOf(ImportError);
      await expect(attempt).rejects.toThrow(message);
      expect(await leadsLoaded()).toBe(2);
    },
    60_000,
  );

  it("refuses a cut-off last row, but loads a whole last row or a report footer without a line break", async () => {
    await loadGood();
    const cut = importBytes("cut.csv", concat(`${HEADER}\n${asciiRows(10)}\nL1,2024-03-0`));
    await expect(cut).rejects.toThrow(
      "cut.csv ends in a cut-off row (the last row has 2 of 4 values and no line break after it): it looks like an incomplete download.",
    );
    expect(await leadsLoaded()).toBe(2);
    const whole = await importText(
      engine,
      "whole.csv",
      `${HEADER}\nA,2024-01-01,page_view,x\nB,2024-01-02,page_view,`,
    );
    expect(whole).toMatchObject({ rowsRead: 2, rowsLoaded: 2 });
    const footer = await importText(
      engine,
      "report.csv",
      `${HEADER}\nA,2024-01-01,page_view,x\n"Grand Totals (1 records)"`,
    );
    expect(footer).toMatchObject({ rowsRead: 1, rowsLoaded: 1 });
  });
});
