// The Campaigns screen in the browser on the bundled sample: the headline, and the scoring model's
// would-be MQLs following edited weights and thresholds.

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp } from "./browser";

// test/metrics/scoring.test.ts derives these for the sample in SQL and checks them against a
// plain-TypeScript computation over sample-data/sample.csv: default model 783, MQL threshold 100 → 412,
// demo request worth 40 instead of 50 → 736.
const WOULD_BE_MQLS = { default: "783", threshold100: "412", demo40: "736" };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe("Campaigns in the browser", () => {
  it("names the high-volume, worst-yield campaign and re-scores leads as the model is edited", async () => {
    const { page } = await openApp(browser);
    await page.locator('[data-metric="leads"][data-value="3000"]').waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Campaigns" }).click();

    // sample-data/README.md: Paid Social - Awareness Q1 brings the most leads and has the worst yield.
    const headline = page.locator("[data-campaign-headline]");
    await headline.waitFor({ timeout: 30_000 });
    expect(await headline.textContent()).toMatch(
      /^Paid Social - Awareness Q1 brings the most leads .*worst MQL yield/,
    );
    await expect(page.locator("table.campaign-table tbody tr").count()).resolves.toBe(8);

    const wouldBe = (value: string) =>
      page.locator(`[data-would-be-mqls="${value}"]`).waitFor({ timeout: 30_000 });
    await wouldBe(WOULD_BE_MQLS.default);
    await page.getByLabel("MQL threshold").fill("100");
    await wouldBe(WOULD_BE_MQLS.threshold100);
    await page.getByLabel("MQL threshold").fill("75");
    await wouldBe(WOULD_BE_MQLS.default);
    await page.getByLabel("Demo request points").fill("40");
    await wouldBe(WOULD_BE_MQLS.demo40);

    // Sorting by a header click puts the best yield first.
    await page.getByRole("button", { name: "MQL yield", exact: true }).click();
    const first = await page.locator("table.campaign-table tbody tr").first().getAttribute("data-campaign");
    expect(first).toBe("Webinars - Funnel Metrics Masterclass");
    await page.context().close();
  });
});
