// The Leaks screen in the browser: leak counts by step and reason, the biggest leak, the leaked-lead list.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { browserForFile, importFiles, LOAD_TIMEOUT, openOnSample } from "./browser";

/** The leaked-lead lists' leading context columns, for funnel-basic.csv, all time (as of its last row). */
const ABOUT_HEADER =
  "about_data,about_filters,about_period,about_counting,about_conversion_window,about_amounts_in,about_as_of,";
const ABOUT =
  "funnel-basic.csv,none (all leads),all time,Cohort (leads grouped by the day they became a lead)," +
  "none (every later conversion counts),not stated in the data (plain numbers),30 Jun 2025,";

const browser = browserForFile();

describe("Leaks in the browser", () => {
  it("shows the fixture's hand-checked leaks, the biggest leak and its leaked leads", async () => {
    const { page } = await openOnSample(browser());
    // The sample's own leaks render first.
    await page.getByRole("tab", { name: "Leaks" }).click();
    const sampleHeadline = page.locator("p.headline[data-biggest-leak]");
    await sampleHeadline.waitFor({ timeout: LOAD_TIMEOUT });
    expect(await sampleHeadline.textContent()).toMatch(/^The biggest leak is /);
    await page.getByRole("tab", { name: "Overview" }).click();

    await importFiles(page, path.join(FIXTURES, "funnel-basic.csv"), 10);
    await page.getByRole("tab", { name: "Leaks" }).click();

    // test/metrics/funnel.test.ts works these out: SQL → Opportunity loses 2 stalled of 5 SQLs.
    const headline = page.locator('p.headline[data-biggest-leak="sql"]');
    await headline.waitFor({ timeout: LOAD_TIMEOUT });
    const sentence =
      "The biggest leak is SQL → Opportunity: 2 of 5 SQLs (40.0 %) went no further (2 stalled); 3 reached Opportunity.";
    expect(await headline.textContent()).toBe(sentence);
    const leaked = async (step: string) =>
      page.locator(`.leak-table tr[data-step="${step}"]`).getAttribute("data-leaked");
    const count = async (step: string, reason: string) =>
      page
        .locator(`.leak-table tr[data-step="${step}"] td[data-reason="${reason}"]`)
        .getAttribute("data-value");
    expect(await leaked("lead")).toBe("1");
    expect(await count("lead", "stalled")).toBe("1");
    expect(await count("lead", "in_progress")).toBe("1");
    expect(await leaked("mql")).toBe("1");
    expect(await count("mql", "rejected")).toBe("1");
    expect(await leaked("sal")).toBe("0");
    expect(await count("sal", "in_progress")).toBe("2");
    expect(await leaked("sql")).toBe("2");
    expect(await count("sql", "stalled")).toBe("2");
    expect(await leaked("opportunity")).toBe("1");
    expect(await count("opportunity", "lost")).toBe("1");
    // No sales contacts in this file: nobody is called never contacted.
    expect(await count("mql", "never_contacted")).toBe("0");

    // The list opens on the biggest leak, longest inactive first: L4 (last 02-01, 149 days), L9 (04-12, 79 days).
    const rows = page.locator(".leaked-leads tbody tr");
    await rows.first().waitFor({ timeout: LOAD_TIMEOUT });
    expect(await rows.locator("th").allTextContents()).toEqual(["L4", "L9"]);
    // Sorting asks the engine for the page in the new order (ascending, then descending by lead).
    await page.getByRole("button", { name: /^Lead/ }).click();
    await expect
      .poll(() => rows.locator("th").allTextContents(), { timeout: LOAD_TIMEOUT })
      .toEqual(["L4", "L9"]);
    await page.getByRole("button", { name: /^Lead/ }).click();
    await expect
      .poll(() => rows.locator("th").allTextContents(), { timeout: LOAD_TIMEOUT })
      .toEqual(["L9", "L4"]);

    await page.locator(".leaked-leads").getByLabel("Step").selectOption("opportunity");
    await page.locator(".leaked-leads").getByLabel("Reason").selectOption("lost");
    await page.locator('.leaked-leads [data-leaked-count="1"]').waitFor({ timeout: LOAD_TIMEOUT });
    expect(await rows.locator("th").allTextContents()).toEqual(["L2"]);

    const [selection] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download this list" }).click(),
    ]);
    expect(selection.suggestedFilename()).toBe("leaked-leads-opportunity-lost.csv");
    // Every row leads with what the list is about (model/outputContext): data, filters, period, counting…
    expect(readFileSync((await selection.path()) ?? "", "utf8")).toBe(
      `${ABOUT_HEADER}lead_id,campaign,team,last_activity,days_since_activity,stopped_at,reason\r\n` +
        `${ABOUT}L2,Spring Webinar,Enterprise,2025-03-15,107,opportunity,lost\r\n`,
    );

    // The main download holds every leaked lead of every step, with its step and reason (5 leaked in all).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download leaked leads" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("leaked-leads.csv");
    expect(readFileSync((await download.path()) ?? "", "utf8")).toBe(
      `${ABOUT_HEADER}lead_id,step,reason,campaign,team,last_activity,days_since_activity\r\n` +
        `${ABOUT}L5,Lead → MQL,stalled,Spring Webinar,Regional,2025-02-02,148\r\n` +
        `${ABOUT}L3,MQL → SAL,rejected,Spring Webinar,Regional,2025-01-16,165\r\n` +
        `${ABOUT}L4,SQL → Opportunity,stalled,Spring Webinar,Regional,2025-02-01,149\r\n` +
        `${ABOUT}L9,SQL → Opportunity,stalled,Paid Social,Regional,2025-04-12,79\r\n` +
        `${ABOUT}L2,Opportunity → Deal,lost,Spring Webinar,Enterprise,2025-03-15,107\r\n`,
    );

    // One answer per step: the Overview says the same sentence.
    await page.getByRole("tab", { name: "Overview" }).click();
    await expect(page.locator(".overview p.headline").textContent()).resolves.toBe(sentence);
    await page.context().close();
  });
});
