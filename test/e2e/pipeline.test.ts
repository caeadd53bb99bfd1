// The Pipeline screen (issue #18) on a generated HubSpot deals export with "Date entered" columns: each
// stage's reached / moved on / lost / open and step conversion, worked out by hand below.
//
// 40 deals in "Sales Pipeline", stages Appointment Scheduled → Qualified To Buy → Contract Sent → won:
// | deals | history                                           | ends               |
// | 10    | Appointment, Qualified, Contract, Closed Won      | won                |
// | 10    | Appointment, Qualified, Closed Lost               | lost at Qualified  |
// |  8    | Appointment, Closed Lost                          | lost at Appointment|
// | 12    | Appointment, Qualified, Contract                  | open at Contract   |
// Reached: Appointment 40, Qualified 32, Contract 22, Closed Won 10. Moved on: 32, 22, 10.
// Lost: 8, 10, 0. Open: 0, 0, 12. Step conversion: Qualified 32/40 = 0.8, Contract 22/32 = 0.6875,
// Closed Won 10/22. Closed win rate 10 / (10 + 18) = 0.357…

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, LOAD_TIMEOUT, metricsSettled, openOnSample } from "./browser";
import { HUBSPOT_STAGES, hubspotDealsExport } from "./hubspotDeals";

const browser = browserForFile();
let page: Page;

/** The export as HubSpot writes it: one row per deal, a "Date entered" column per stage. */
function hubspotDeals(): string {
  return hubspotDealsExport(
    [
      { n: 10, dates: [0, 7, 20, 40, null], stage: "Closed Won" },
      { n: 10, dates: [0, 9, null, null, 30], stage: "Closed Lost" },
      { n: 8, dates: [0, null, null, null, 15], stage: "Closed Lost" },
      { n: 12, dates: [0, 6, 25, null, null], stage: "Contract Sent" },
    ],
    { cycle: 60, amount: () => 1000 },
  );
}

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

const cell = (stage: string, metric: string) =>
  page.locator(`tr[data-deal-stage="${stage}"] [data-metric="${metric}"]`).getAttribute("data-value");

describe("the Pipeline screen", () => {
  it("follows a HubSpot deals export stage by stage", async () => {
    // A deals export starts the funnel at opportunity: the Overview's opportunities tile says it is in.
    await page.getByLabel("Import data file").setInputFiles({
      name: "hubspot-deals.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(hubspotDeals()),
    });
    // The mapping step shows the stages found, in order, and a rename reaches the Pipeline screen.
    await page.locator("tr[data-stage-source]").first().waitFor({ timeout: LOAD_TIMEOUT });
    expect(
      await page
        .locator("tr[data-stage-source]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-stage-source"))),
    ).toEqual(HUBSPOT_STAGES);
    await page.getByLabel("Name shown for Contract Sent").fill("Contract");
    await page.getByRole("button", { name: "Apply mapping" }).click({ timeout: LOAD_TIMEOUT });
    await page
      .locator('[data-query-state="ready"] [data-metric="opportunities"][data-value="40"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    await page.getByRole("tab", { name: "Pipeline" }).click();
    await page.locator('tr[data-deal-stage="Contract"]').waitFor();
    await metricsSettled(page);
    expect(new URL(page.url()).searchParams.get("tab")).toBe("pipeline");
    const stages = await page
      .locator("tr[data-deal-stage]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-deal-stage")));
    expect(stages).toEqual(["Appointment Scheduled", "Qualified To Buy", "Contract", "Closed Won"]);
    const figures = async (stage: string) =>
      Promise.all(["reached", "moved_on", "lost", "open"].map((m) => cell(stage, m)));
    expect(await figures("Appointment Scheduled")).toEqual(["40", "32", "8", "0"]);
    expect(await figures("Qualified To Buy")).toEqual(["32", "22", "10", "0"]);
    expect(await figures("Contract")).toEqual(["22", "10", "0", "12"]);
    expect(await cell("Qualified To Buy", "step_conversion")).toBe("0.8");
    expect(await cell("Contract", "step_conversion")).toBe("0.6875");
    expect(Number(await cell("Closed Won", "step_conversion"))).toBeCloseTo(10 / 22, 10);
    const winRate = await page
      .locator('.pipeline-view [data-metric="closed_win_rate"]')
      .getAttribute("data-value");
    expect(Number(winRate)).toBeCloseTo(10 / 28, 10);

    // The Overview's opportunity → deal step and the Leaks screen open into the same stages.
    for (const tab of ["Overview", "Leaks"]) {
      await page.getByRole("tab", { name: tab }).click();
      const brief = page.locator("details.pipeline-brief");
      await brief.locator("summary").click({ timeout: LOAD_TIMEOUT });
      const lost = (stage: string) =>
        brief.locator(`tr[data-brief-stage="${stage}"] [data-metric="lost"]`).getAttribute("data-value");
      expect([
        await lost("Appointment Scheduled"),
        await lost("Qualified To Buy"),
        await lost("Contract"),
      ]).toEqual(["8", "10", "0"]);
    }
  });

  it("says in words that the sample holds no stage history", async () => {
    await page.getByRole("tab", { name: "Pipeline" }).click();
    await page.getByRole("button", { name: "Clear workspace…" }).click();
    await page
      .getByRole("alertdialog", { name: "Clear workspace?" })
      .getByRole("button", { name: "Delete" })
      .click();
    // The Pipeline tab stays on show while the sample comes back.
    await page.getByText("No deal stage history is loaded").waitFor({ timeout: LOAD_TIMEOUT });
    expect(await page.locator("tr[data-deal-stage]").count()).toBe(0);
    // Without stage history the Overview has no pipeline breakdown to open.
    await page.getByRole("tab", { name: "Overview" }).click();
    await metricsSettled(page);
    expect(await page.locator("details.pipeline-brief").count()).toBe(0);
  });
});
