// Fault injection on the kept workspace (issue 16): Clear workspace asks first and shows the sample
// again every time, even after the sample was the first thing loaded.

import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { browserForFile, importFiles, LOAD_TIMEOUT, openOnSample, showsLeads } from "./browser";

const browser = browserForFile();

/** funnel-basic.csv has 10 leads; its mapping is remembered after the first import. */
async function importFixture(page: Page): Promise<void> {
  await importFiles(page, path.join(FIXTURES, "funnel-basic.csv"), 10, "if-asked");
  await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });
}

describe("Clear workspace", () => {
  it("asks first, then shows the sample again, every time", async () => {
    // The first visit opens the sample: its bytes went to the worker once already.
    const { page } = await openOnSample(browser());
    await importFixture(page);

    const dialog = page.getByRole("alertdialog", { name: "Clear workspace?" });
    await page.getByRole("button", { name: "Clear workspace…" }).click();
    await dialog.getByRole("button", { name: "Keep" }).click();
    await expect(dialog.count()).resolves.toBe(0);
    await showsLeads(page, 10);
    await expect(page.getByText("Kept in this browser").count()).resolves.toBe(1);

    for (let round = 0; round < 2; round++) {
      await page.getByRole("button", { name: "Clear workspace…" }).click();
      await dialog.getByRole("button", { name: "Delete" }).click();
      await showsLeads(page, 3000);
      await expect(page.locator(".app-header .dataset-label").textContent()).resolves.toMatch(/^Sample data/);
      await expect(page.getByText("Kept in this browser").count()).resolves.toBe(0);
      await expect(page.locator(".banner-error").count()).resolves.toBe(0);
      if (round === 0) await importFixture(page);
    }
    await page.context().close();
  });
});
