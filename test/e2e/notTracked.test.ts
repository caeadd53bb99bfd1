// Numbers the data cannot support, as the Overview shows them in the browser (issue 15): a step the CRM
// sets and a closed win rate without lost deals. The log is built below and worked out by hand.

import { describe, expect, it } from "vitest";
import { browserForFile, importFiles, openOnSample } from "./browser";

const browser = browserForFile();

/**
 * 30 leads: lead 03-01, SQL 03-02. L1–L25 get an opportunity, on the SQL's day for L1–L24 (24 of 25 =
 * 96 %: set by the CRM) and on 03-09 for L25. L1–L10 are won on 03-20; no deal is ever lost.
 * SQL → opportunity 25 / 30 (not compared with its band); win rate (opportunity → deal) 10 / 25 = 0.4;
 * closed win rate: not tracked (10 won, 0 lost would be 100 % by construction).
 */
function log(): string {
  const rows = ["lead_id,occurred_at,activity,campaign"];
  for (let i = 1; i <= 30; i++) {
    rows.push(`L${i},2025-03-01 10:00:00,became_lead,Web`, `L${i},2025-03-02 10:00:00,became_sql,Web`);
    if (i <= 25) rows.push(`L${i},2025-03-${i <= 24 ? "02" : "09"} 11:00:00,opportunity_created,Web`);
    if (i <= 10) rows.push(`L${i},2025-03-20 10:00:00,deal_won,Web`);
  }
  return rows.join("\n");
}

describe("not tracked on the Overview", () => {
  it("shows no benchmarked rate for a CRM-set step and no closed win rate without lost deals", async () => {
    const { page } = await openOnSample(browser());
    await importFiles(page, { name: "crm-log.csv", mimeType: "text/csv", buffer: Buffer.from(log()) }, 30);

    const sqlToOpp = page.locator('[data-metric="sql_to_opportunity"]');
    expect(await sqlToOpp.getAttribute("data-value")).toBe("");
    expect(await sqlToOpp.getAttribute("data-status")).toBeNull();
    expect(await sqlToOpp.textContent()).toContain(
      "set by the CRM (e.g. lead conversion creates the opportunity)",
    );
    expect(Number(await page.locator('[data-metric="win_rate"]').getAttribute("data-value"))).toBeCloseTo(
      0.4,
      10,
    );

    const closed = page.locator('[data-metric="closed_win_rate"]');
    expect(await closed.getAttribute("data-value")).toBe("");
    expect(await closed.textContent()).toContain("Not tracked: the data records no lost deal");
    await expect(page.locator(".benchmark-chart").textContent()).resolves.not.toMatch(/meet or beat/);
  });
});
