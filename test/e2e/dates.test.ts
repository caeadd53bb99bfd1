// Dates through the real import UI: a hand-picked DD-MM-YYYY column, and a deals export with two-digit
// years whose data-quality line must show 2017, not the year 31. One page for the file: the second
// export is imported over the first (the two have different columns, so each asks for its mapping).

import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { browserForFile, kpiValue, LOAD_TIMEOUT, openOnSample } from "./browser";

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

const fixture = (name: string) => path.join(FIXTURES, name);

describe("dates in the browser", () => {
  it("reads a DD-MM-YYYY column picked by hand as MQL date, after warning about ISO", async () => {
    // test/import/dates.test.ts: 8 leads, 5 first contact dates (20-10-2017 …), all day first.
    await page.getByLabel("Import data file").setInputFiles(fixture("dates-dmy-leads.csv"));
    const card = page.getByRole("article", { name: "Mapping for dates-dmy-leads.csv" });
    await card.getByLabel("MQL date", { exact: true }).selectOption("first_contact_date");
    const format = card.getByLabel("Date format of MQL date");
    await expect(format.inputValue()).resolves.toBe("dmy");
    await format.selectOption("iso");
    await card
      .getByText(
        "5 of 5 values are not ISO dates; they look like DD-MM-YYYY (e.g. '20-10-2017'). Rows with such a value would be rejected.",
      )
      .waitFor();
    await format.selectOption("dmy");
    await expect(card.getByRole("list", { name: "Check MQL date" }).count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Apply mapping" }).click();
    await page.locator('[data-metric="leads"][data-value="8"]').waitFor({ timeout: LOAD_TIMEOUT });
    expect(await kpiValue(page, "mqls")).toBe("5");
    await expect(page.getByText("8 rows loaded from dates-dmy-leads.csv").count()).resolves.toBe(1);
  });

  it("reads a deals export's two-digit years as 2016–2017 and says where its funnel starts", async () => {
    // 4 deals: opportunities 2016-10-20 … 2017-12-05, won 2017-12-31 and 2017-03-01, lost 2017-01-15.
    await page.getByLabel("Import data file").setInputFiles(fixture("deals-two-digit-years.csv"));
    const card = page.getByRole("article", { name: "Mapping for deals-two-digit-years.csv" });
    await expect(card.getByLabel("Created date", { exact: true }).inputValue()).resolves.toBe("engage_date");
    await expect(card.getByLabel("Amount", { exact: true }).inputValue()).resolves.toBe("close_value");
    await expect(card.getByLabel("Date format of Created date").inputValue()).resolves.toBe("dmy2");
    await expect(card.getByLabel("Date format of Close date").inputValue()).resolves.toBe("dmy2");
    await page.getByRole("button", { name: "Apply mapping" }).click();
    await page.locator('[data-metric="opportunities"][data-value="4"]').waitFor({ timeout: LOAD_TIMEOUT });
    expect(await kpiValue(page, "deals")).toBe("2");
    const quality = page.getByRole("region", { name: "Data quality" });
    await quality.getByText("as-of date 31 Dec 2017").waitFor({ timeout: LOAD_TIMEOUT });
    const text = await quality.textContent();
    expect(text).toContain("Checked 7 rows from 4 opportunities · as-of date 31 Dec 2017.");
    expect(text).toContain("The funnel starts at opportunity: the data holds deals / opportunities only");
    expect(text).not.toContain("no lead has an MQL date");
  });
});
