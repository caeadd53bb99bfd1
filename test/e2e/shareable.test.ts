// A view's link: filters, period and comparison chosen in one tab reopen to the same numbers in another.

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForFile, KPI_IDS, LOAD_TIMEOUT, openOnSample } from "./browser";

const browser = browserForFile();

async function kpis(page: Page): Promise<Record<string, string | null>> {
  const values: Record<string, string | null> = {};
  for (const id of KPI_IDS)
    values[id] = await page.locator(`[data-metric="${id}"]`).getAttribute("data-value");
  return values;
}

/** Waits until the Overview has shown a newer answer than `after` (the data-funnel-update counter). */
async function nextUpdate(page: Page, after: number): Promise<number> {
  await page.waitForFunction(
    (n) => Number(document.querySelector("main")?.getAttribute("data-funnel-update") ?? 0) > n,
    after,
    { timeout: LOAD_TIMEOUT },
  );
  return Number(await page.locator("main").getAttribute("data-funnel-update"));
}

describe("shareable view links", () => {
  it("reloads a filtered, compared view from its URL to the same KPI values", async () => {
    const { page } = await openOnSample(browser());
    const filters = page.getByRole("region", { name: "Filters" });
    let update = Number(await page.locator("main").getAttribute("data-funnel-update"));

    await filters.getByRole("button", { name: "More filters" }).click();
    await filters.getByLabel("Team", { exact: true }).selectOption("Regional");
    update = await nextUpdate(page, update);
    await filters.getByLabel("Period", { exact: true }).selectOption("last_quarter");
    update = await nextUpdate(page, update);
    await filters.getByLabel("Compare with previous period").check();
    update = await nextUpdate(page, update);
    await page.locator('[data-comparison="ready"]').waitFor();

    await page.waitForURL(/compare=1/);
    const url = new URL(page.url());
    expect(url.searchParams.get("team")).toBe("Regional");
    expect(url.searchParams.get("compare")).toBe("1");
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    const shown = await kpis(page);
    expect(Number(shown.leads)).toBeGreaterThan(0);
    expect(Number(shown.leads)).toBeLessThan(3000);
    const deltas = await page.locator(".kpi-delta").count();
    expect(deltas).toBeGreaterThan(0);

    // A new tab (same browser profile, as a colleague with the same workspace would have) opens the link.
    const second = await page.context().newPage();
    await second.goto(url.toString());
    await second.locator('[data-comparison="ready"]').waitFor({ timeout: LOAD_TIMEOUT });
    await second
      .locator(`[data-metric="leads"][data-value="${shown.leads}"]`)
      .waitFor({ timeout: LOAD_TIMEOUT });
    expect(await kpis(second)).toEqual(shown);
    const secondFilters = second.getByRole("region", { name: "Filters" });
    await expect(secondFilters.getByLabel("Team", { exact: true }).inputValue()).resolves.toBe("Regional");
    await expect(secondFilters.getByLabel("Period", { exact: true }).inputValue()).resolves.toBe(
      "last_quarter",
    );
    await expect(secondFilters.getByLabel("Compare with previous period").isChecked()).resolves.toBe(true);
    await expect(second.locator(".kpi-delta").count()).resolves.toBe(deltas);
    expect(new URL(second.url()).search).toBe(url.search);

    // The comparison reaches the other screens: the trend chart gains the previous period as a ghost line.
    await second.getByRole("tab", { name: "Leaks" }).click();
    await second
      .getByText("Dotted grey line: the previous period", { exact: false })
      .waitFor({ timeout: LOAD_TIMEOUT });
    expect(new URL(second.url()).searchParams.get("tab")).toBe("leaks");

    // A filter changed on another screen: back on the Overview, the first tiles shown are the new
    // numbers (all teams ≥ Regional alone), never the old ones held while the Overview was hidden.
    await secondFilters.getByLabel("Team", { exact: true }).selectOption("");
    await second.getByRole("tab", { name: "Overview" }).click();
    const leads = second.locator('[data-metric="leads"]');
    await leads.waitFor({ timeout: LOAD_TIMEOUT });
    expect(Number(await leads.getAttribute("data-value"))).toBeGreaterThan(Number(shown.leads));
    await page.context().close();
  });
});
