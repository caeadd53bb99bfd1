// The built app in Chromium: opens on the sample, imports a fixture through "Import data", stays offline.

import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { APP_URL, KPI_IDS, kpiValue, launchBrowser, openApp } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("Overview in the browser", () => {
  it("opens on the bundled sample with every KPI tile and no request off its origin", async () => {
    const { page, requests } = await openApp(browser);
    await page.locator('[data-metric="leads"]').waitFor({ timeout: 30_000 });
    for (const id of KPI_IDS) {
      const tile = page.locator(`[data-metric="${id}"]`);
      await expect(tile.count()).resolves.toBe(1);
      const value = await tile.getAttribute("data-value");
      expect(Number(value), `${id} = ${value}`).toBeGreaterThan(0);
    }
    // The sample has 3,000 leads (sample-data/README.md).
    expect(await kpiValue(page, "leads")).toBe("3000");
    await expect(page.getByRole("group", { name: "Leads" }).count()).resolves.toBe(1);
    const origin = new URL(APP_URL).origin;
    const offOrigin = requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"),
    );
    expect(offOrigin).toEqual([]);
    await page.context().close();
  });

  it("replaces the KPIs with the fixture's hand-checked values after Import data", async () => {
    const { page } = await openApp(browser);
    await page.locator('[data-metric="leads"][data-value="3000"]').waitFor({ timeout: 30_000 });
    await page.getByLabel("Import data file").setInputFiles(path.join(FIXTURES, "funnel-basic.csv"));
    await page.getByRole("button", { name: "Apply mapping" }).click();
    await page.locator('[data-metric="leads"][data-value="10"]').waitFor({ timeout: 30_000 });
    // test/metrics/funnel.test.ts works these out: reached 10, 8, 7, 5, 3, 2.
    expect(await kpiValue(page, "mqls")).toBe("8");
    expect(await kpiValue(page, "sals")).toBe("7");
    expect(await kpiValue(page, "sqls")).toBe("5");
    expect(await kpiValue(page, "opportunities")).toBe("3");
    expect(await kpiValue(page, "deals")).toBe("2");
    expect(Number(await kpiValue(page, "mql_to_sql"))).toBeCloseTo(0.625, 10);
    expect(Number(await kpiValue(page, "sales_acceptance"))).toBeCloseTo(0.875, 10);
    expect(Number(await kpiValue(page, "sql_to_opportunity"))).toBeCloseTo(0.6, 10);
    expect(Number(await kpiValue(page, "win_rate"))).toBeCloseTo(2 / 3, 10);
    await expect(page.getByText("The biggest leak is SQL → Opportunity").count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });

  it("keeps the previous data and names the missing column when a file cannot be mapped", async () => {
    const { page } = await openApp(browser);
    await page.locator('[data-metric="leads"][data-value="3000"]').waitFor({ timeout: 30_000 });
    await page.getByLabel("Import data file").setInputFiles({
      name: "contacts.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,city\nAda,London\n"),
    });
    // The mapping step offers no column for Lead ID: applying is refused until one is chosen.
    await expect(page.getByRole("button", { name: "Apply mapping" }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText("contacts.csv: choose a column for Lead ID").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Cancel" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.textContent();
    expect(message).toContain("The import was cancelled; the previous data is still loaded.");
    expect(await kpiValue(page, "leads")).toBe("3000");
    await page.context().close();
  });
});
