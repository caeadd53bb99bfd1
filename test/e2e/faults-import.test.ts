// Fault injection on imports (issue 16 item 1): a cancelled import never replaces or re-saves the
// workspace. Each phase is covered on the engine in test/import/cancel.test.ts; here the user's path.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { browserForFile, importFiles, LOAD_TIMEOUT, openOnSample, showsLeads } from "./browser";

const CANCELLED = "The import was cancelled; the previous data is still loaded.";
const browser = browserForFile();

/** funnel-basic.csv's columns with 400,000 rows (100,000 leads): seconds of work to cancel in. */
function bigLog(): Buffer {
  const rows = ["lead_id,occurred_at,activity,campaign,team"];
  for (let i = 0; i < 100_000; i++) {
    rows.push(
      `B${i},2025-01-05 10:00:00,became_lead,Big,Regional`,
      `B${i},2025-01-06 10:00:00,page_view,Big,Regional`,
      `B${i},2025-01-10 10:00:00,became_mql,Big,Regional`,
      `B${i},2025-01-20 10:00:00,became_sql,Big,Regional`,
    );
  }
  return Buffer.from(rows.join("\n"));
}

describe("a cancelled import", () => {
  it("keeps the previous data loaded and saved, from the mapping step and while reading", async () => {
    const { page } = await openOnSample(browser());
    await importFiles(page, path.join(FIXTURES, "funnel-basic.csv"), 10);
    await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });

    // A file of another shape opens the mapping step; its Cancel drops it.
    await page.getByLabel("Import data file").setInputFiles(path.join(FIXTURES, "alignment-handoff.csv"));
    await page.getByRole("button", { name: "Apply mapping" }).waitFor({ timeout: LOAD_TIMEOUT });
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(CANCELLED).waitFor({ timeout: LOAD_TIMEOUT });
    await showsLeads(page, 10);

    // Same columns as funnel-basic: the remembered mapping applies without asking, so Cancel is
    // pressed while it reads (before, the apply step made a new switch and finished anyway).
    await page
      .getByLabel("Import data file")
      // 20 MB through Playwright's pipe: over 30 s when the machine is busy.
      .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: bigLog() }, { timeout: LOAD_TIMEOUT });
    const cancel = page.locator(".import-progress").getByRole("button", { name: "Cancel" });
    await cancel.click({ timeout: LOAD_TIMEOUT });
    await page.getByText(CANCELLED).waitFor({ timeout: 120_000 });
    // The stopped import does not come back to finish (before, its steps went on and overwrote this).
    await expect(page.locator(".import-progress").count()).resolves.toBe(0);
    await expect(page.getByText(CANCELLED).count()).resolves.toBe(1);
    await showsLeads(page, 10);
    await expect(page.locator(".app-header .dataset-label").textContent()).resolves.toBe("funnel-basic.csv");

    // Nothing was saved over the kept workspace.
    await page.reload();
    await showsLeads(page, 10);
    await expect(page.locator(".app-header .dataset-label").textContent()).resolves.toBe("funnel-basic.csv");
    await page.context().close();
  }, 240_000);
});
