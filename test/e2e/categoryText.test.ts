// Category values and company sizes as a newcomer reads them, in the browser (issue 19, part 5): enum
// codes tidied with the stored value in the tooltip, head counts as the routing's bands, a band filter
// that selects its leads and travels in the URL. The log is built below and worked out by hand.

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, importFiles, LOAD_TIMEOUT, openOnSample, showsLeads } from "./browser";

const browser = browserForFile();
let page: Page;

/**
 * 40 leads, all on 2025-03-01. L1–L20 come through PAID_SOCIAL, L21–L40 through organic_search.
 * Lead i works at a company of i × 60 employees: under the default routing (1 → Inside Sales, 100 →
 * Regional, 1000 → Enterprise) L1 (60) is 1–99, L2–L16 (120–960) 100–999, L17–L40 (1,020–2,400) 1,000+.
 * Every even lead became an MQL on 03-02.
 */
function log(): string {
  const rows = ["lead_id,occurred_at,activity,campaign,channel,company_size"];
  for (let i = 1; i <= 40; i++) {
    const channel = i <= 20 ? "PAID_SOCIAL" : "organic_search";
    const size = i * 60 >= 1000 ? `"${(i * 60).toLocaleString("en-US")}"` : String(i * 60);
    rows.push(`L${i},2025-03-01 10:00:00,became_lead,Webinar Series,${channel},${size}`);
    if (i % 2 === 0) rows.push(`L${i},2025-03-02 10:00:00,became_mql,Webinar Series,${channel},${size}`);
  }
  return rows.join("\n");
}

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
  await importFiles(page, { name: "enum-codes.csv", mimeType: "text/csv", buffer: Buffer.from(log()) }, 40);
});

const option = (menu: string, value: string) =>
  page.getByRole("combobox", { name: menu, exact: true }).locator(`option[value="${value}"]`);

describe("category values and company sizes in the browser", () => {
  it("offers channels tidied, the stored code as the option's value and tooltip", async () => {
    const paid = option("Channel", "PAID_SOCIAL");
    expect(await paid.textContent()).toBe("Paid social (20)");
    expect(await paid.getAttribute("title")).toBe("PAID_SOCIAL");
    expect(await option("Channel", "organic_search").textContent()).toBe("Organic search (20)");
  });

  it("filters by a company-size band of the routing and writes it in the URL", async () => {
    await page.getByRole("button", { name: /More filters/ }).click();
    const sizes = page.getByRole("combobox", { name: "Company size", exact: true });
    const texts = await sizes.locator("option").allTextContents();
    expect(texts).toEqual([
      "All",
      "1–99 (Inside Sales) (1)",
      "100–999 (Regional) (15)",
      "1,000+ (Enterprise) (24)",
    ]);
    await sizes.selectOption("1000+ employees");
    await showsLeads(page, 24);
    expect(page.url()).toContain("company_size=1000%2B+employees");
    // Under the band, the channel menu counts its leads: L17–L20 PAID_SOCIAL, L21–L40 organic_search.
    await page
      .locator('option[value="PAID_SOCIAL"]', { hasText: "Paid social (4)" })
      .waitFor({ state: "attached", timeout: LOAD_TIMEOUT });
    await sizes.selectOption("");
    await showsLeads(page, 40);
  });

  it("shows the channels tidied in the campaign table and on the yield chart's axis, the code in the tooltip", async () => {
    await page.getByRole("tab", { name: "Campaigns" }).click();
    await page.getByLabel("Group by").selectOption("channel");
    const row = page.locator('table.campaign-table tbody tr[data-campaign="PAID_SOCIAL"] th span').first();
    await row.waitFor({ timeout: LOAD_TIMEOUT });
    expect(await row.textContent()).toBe("Paid social");
    expect(await row.getAttribute("title")).toBe("PAID_SOCIAL");
    const tick = page.locator(".chart-category-tick", { hasText: "Paid social" });
    await tick.first().waitFor({ timeout: LOAD_TIMEOUT });
    expect(await tick.first().locator("title").textContent()).toBe("PAID_SOCIAL");
    expect(await tick.first().locator("text").textContent()).toBe("Paid social");
  });
});
