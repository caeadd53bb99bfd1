// Fault injection on files (issue 16 items 6–8): each wide, same-named or damaged file is imported
// through the UI and either loads with the right counts or is refused in one sentence, with the
// previous data still loaded. One page; every file is built here (the big ones in a temp folder).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserForFile, LOAD_TIMEOUT, openOnSample, showsLeads } from "./browser";

const HEADER = "lead_id,occurred_at,activity,campaign";
const browser = browserForFile();
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "faults-files-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** `rows` plain ASCII rows of leads L0–L99 (3,000 of them pass the first 64 KB). */
function asciiRows(rows: number): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(`L${r % 100},2024-03-05 10:00:00,page_view,Spring`);
  return lines.join("\n");
}

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

/** An activity log with 1,000 columns (HubSpot "all properties"), row 2 with a date that is not one. */
function wideLog(rows: number): Buffer {
  const header = ["lead_id", "occurred_at", "activity"];
  for (let i = 3; i < 1000; i++) header.push(`Property ${i}`);
  const lines = [header.join(",")];
  for (let r = 0; r < rows; r++) {
    const values = [`W${r % 50}`, r === 0 ? "not a date" : "2024-03-05", "page_view"];
    for (let i = 3; i < 1000; i++) values.push(i % 10 === 0 ? "2024-02-01" : `v${i}`);
    lines.push(values.join(","));
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

const file = (name: string, buffer: Buffer) => ({ name, mimeType: "text/csv", buffer });

async function shows(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: LOAD_TIMEOUT });
}

/** A refused file: its sentence in the alert, and the leads of the previous import still shown. */
async function refused(page: Page, sentence: string, leads: number): Promise<void> {
  const alert = page.getByRole("alert");
  await alert.getByText(sentence, { exact: false }).waitFor({ timeout: LOAD_TIMEOUT });
  await expect(alert.textContent()).resolves.toContain("The previous data is still loaded.");
  await showsLeads(page, leads);
}

describe("damaged and unusual files in the browser", () => {
  it("loads each file that can be read and refuses the rest in a sentence, keeping the data", async () => {
    const { page } = await openOnSample(browser());
    const input = page.getByLabel("Import data file");

    // A 1,000-column export: the mapping step, then 1,999 rows loaded and row 2 rejected with its text.
    await input.setInputFiles(file("all-properties.csv", wideLog(2000)));
    await page.getByRole("button", { name: "Apply mapping" }).click({ timeout: LOAD_TIMEOUT });
    await showsLeads(page, 50);
    await shows(page, "1,999 rows loaded from all-properties.csv, 1 rejected.");

    // Our activity log's columns: confirmed once, then remembered for every file below.
    await input.setInputFiles(
      file("good.csv", bytes(`${HEADER}\nG1,2024-01-01,page_view,x\nG2,2024-01-02,page_view,x\n`)),
    );
    await page.getByRole("button", { name: "Apply mapping" }).click({ timeout: LOAD_TIMEOUT });
    await showsLeads(page, 2);

    // Two leads.csv from different folders: each keeps its own rows and counts.
    await input.setInputFiles([
      file("leads.csv", bytes(`${HEADER}\nA,2024-01-01,page_view,x\nB,2024-01-02,page_view,x\n`)),
      file("leads.csv", bytes(`${HEADER}\nC,not a date,page_view,x\nD,2024-01-03,page_view,x\n`)),
    ]);
    await showsLeads(page, 3);
    await shows(page, "2 rows loaded from leads.csv (file 1), 0 rejected.");
    await shows(page, "1 row loaded from leads.csv (file 2), 1 rejected.");
    await shows(page, "leads.csv (file 2): 1 row: 'occurred_at' is not a date, e.g. row 2: 'not a date'");

    // Windows-1252 after 64 KB of ASCII, a quoted value starting with a line break, a NUL in a value.
    await input.setInputFiles(
      file("latin1.csv", bytes(`${HEADER}\n${asciiRows(3000)}\nX1,2024-03-06,page_view,Caf`, [0xe9, 0x0a])),
    );
    await showsLeads(page, 101);
    await shows(page, "3,001 rows loaded from latin1.csv, 0 rejected.");
    await shows(page, "Read as Windows-1252 / Latin-1 text (the file is not UTF-8 from line 3,002 on).");

    await input.setInputFiles(
      file("notes.csv", bytes(`${HEADER}\nN1,2024-01-01,page_view,"\nSpring sale"\n`)),
    );
    await showsLeads(page, 1);
    await shows(page, "1 row loaded from notes.csv, 0 rejected.");

    await input.setInputFiles(
      file("nul.csv", bytes(`${HEADER}\n${asciiRows(3000)}\nZ1,2024-03-06,page_view,Sum`, [0], "mer\n")),
    );
    await showsLeads(page, 101);
    await shows(
      page,
      "Removed zero bytes (NUL, a sign of a damaged file) from 1 value, e.g. row 3,002, 'campaign'.",
    );

    // Refused: a partial download padded with zeros, a cut-off last row, a 50 MB line.
    const padded = path.join(folder, "padded.csv");
    writeFileSync(padded, bytes(`${HEADER}\n${asciiRows(100)}\n`, new Uint8Array(20_000_000)));
    await input.setInputFiles(padded);
    await refused(
      page,
      "padded.csv ends in 20 MB of zero bytes: it looks like an incomplete download. Download it again and import the complete file.",
      101,
    );

    await input.setInputFiles(file("cut.csv", bytes(`${HEADER}\n${asciiRows(10)}\nL1,2024-03-0`)));
    await refused(
      page,
      "cut.csv ends in a cut-off row (the last row has 2 of 4 values and no line break after it): it looks like an incomplete download.",
      101,
    );

    const long = path.join(folder, "long.csv");
    writeFileSync(
      long,
      bytes(`${HEADER}\nA,2024-01-01,page_view,x\nB,2024-01-01,page_view,${"x".repeat(50_000_000)}\n`),
    );
    await input.setInputFiles(long);
    await refused(
      page,
      "long.csv: line 3 is 50 MB long, more than the 2.0 MB the reader takes for one row.",
      101,
    );
    await page.context().close();
  }, 240_000);
});
