// Amounts carry their currency (issue 19): the sample's in US dollars, as the data states, and in the
// currency the user picks under More filters → Amounts in (never converted, only named).

import { describe, expect, it } from "vitest";
import { browserForFile, LOAD_TIMEOUT, openOnSample } from "./browser";

const browser = browserForFile();

/** The Revenue column's cells of the campaign table (its 8th column: name, then seven figures). */
const revenueCells = `table tr[data-campaign] td:nth-of-type(7)`;

describe("amounts and their currency", () => {
  it("writes the sample's revenue in dollars, and in the currency the user picks", async () => {
    const { page } = await openOnSample(browser());
    await page.getByRole("tab", { name: "Campaigns" }).click();
    await page.locator(revenueCells).first().waitFor({ timeout: LOAD_TIMEOUT });
    const texts = () => page.locator(revenueCells).allTextContents();
    // Some campaigns won deals: their revenue is in dollars; none is written without the currency.
    const dollars = (await texts()).filter((t) => t !== "—");
    expect(dollars.length).toBeGreaterThan(0);
    for (const text of dollars) expect(text).toMatch(/^\$[\d,]+$/);

    const filters = page.getByRole("region", { name: "Filters" });
    await filters.getByRole("button", { name: "More filters" }).click();
    const amountsIn = filters.getByLabel("Amounts in");
    await expect(amountsIn.locator("option").first().textContent()).resolves.toBe("USD (from the sample)");
    await amountsIn.selectOption("EUR");
    await expect.poll(async () => (await texts()).filter((t) => t !== "—")[0]).toMatch(/^€[\d,]+$/);
    // Only the name changes: the same amounts, now in euros.
    const euros = (await texts()).filter((t) => t !== "—");
    expect(euros.map((t) => t.slice(1))).toEqual(dollars.map((t) => t.slice(1)));

    await amountsIn.selectOption("");
    await expect.poll(async () => (await texts()).filter((t) => t !== "—")[0]).toMatch(/^\$/);
    await page.context().close();
  });
});
