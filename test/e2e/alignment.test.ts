// The Alignment tab in the built app: imports the hand-checked hand-off fixtures and reads the team scorecard,
// including one that records no sales review, feedback or acceptance (no SAL date) at all. One page for
// the file: the second fixture is imported over the first, with the SLA targets back at their defaults.

import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { browserForFile, importFiles, LOAD_TIMEOUT, metricsSettled, openOnSample } from "./browser";

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

const cell = (page: Page, team: string, metric: string) =>
  page.locator(`td[data-team="${team}"][data-metric="${metric}"]`).getAttribute("data-value");

describe("Alignment in the browser", () => {
  it("shows the fixture's hand-checked team scorecard and names the team that misses the SLA", async () => {
    await importFiles(page, path.join(FIXTURES, "alignment-handoff.csv"), 12);
    await page.getByRole("tab", { name: "Alignment" }).click();
    await page.locator('td[data-team="Regional"][data-metric="handoffs"]').waitFor({ timeout: LOAD_TIMEOUT });

    // test/metrics/alignment.test.ts works these out by hand.
    expect(await cell(page, "Enterprise", "handoffs")).toBe("3");
    expect(await cell(page, "Regional", "handoffs")).toBe("4");
    expect(await cell(page, "Inside Sales", "handoffs")).toBe("3");
    expect(Number(await cell(page, "Enterprise", "median_review_hours"))).toBeCloseTo(1.5, 10);
    expect(Number(await cell(page, "Regional", "median_contact_hours"))).toBeCloseTo(39, 10);
    expect(Number(await cell(page, "Inside Sales", "median_feedback_hours"))).toBeCloseTo(5, 10);
    expect(Number(await cell(page, "Enterprise", "sla_compliance"))).toBeCloseTo(1, 10);
    expect(Number(await cell(page, "Regional", "sla_compliance"))).toBeCloseTo(0.25, 10);
    expect(Number(await cell(page, "Inside Sales", "sla_compliance"))).toBeCloseTo(0.5, 10);
    expect(Number(await cell(page, "Regional", "acceptance"))).toBeCloseTo(0.5, 10);
    expect(Number(await cell(page, "Regional", "alignment_score"))).toBeCloseTo(0.375, 10);
    expect(Number(await cell(page, "Inside Sales", "alignment_score"))).toBeCloseTo(
      (1 + 0.5 + 1 + 2 / 3) / 4,
      10,
    );
    expect(Number(await cell(page, "Enterprise", "opportunity_win_rate"))).toBeCloseTo(2 / 3, 10);
    const regionalRow = page.locator('tr[data-team="Regional"]');
    // Its SLA % rests on 4 hand-offs: flagged, not judged; the median contact time is judged.
    await expect(
      regionalRow.locator('[data-metric="sla_compliance"]').getByText("Too few to judge").count(),
    ).resolves.toBe(1);
    await expect(regionalRow.getByText("over 24 h").count()).resolves.toBe(1);

    // Every team has fewer than 20 hand-offs: no team is named as missing the SLA, rates are flagged.
    await expect(page.locator('[data-headline="alignment"]').textContent()).resolves.toContain(
      "Too few hand-offs per team to judge SLA compliance",
    );
    await expect(page.locator('td[data-small-sample="true"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("[data-misrouted]").getAttribute("data-misrouted")).resolves.toBe("1");

    // Loosening the contact target to 100 h re-judges R4 and I2 as within SLA for contact.
    const contact = page.getByLabel("First contact within (hours)");
    await contact.fill("100");
    await page
      .locator('td[data-team="Inside Sales"][data-metric="sla_compliance"][data-value="1"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    // Back to the default 24 h for the next test: Inside Sales is at 50 % again.
    await contact.fill("24");
    await page
      .locator('td[data-team="Inside Sales"][data-metric="sla_compliance"][data-value="0.5"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
  });

  it("says 'not tracked' for review, feedback and acceptance when the log records none of them", async () => {
    // test/fixtures/alignment-untracked.csv, worked in test/metrics/alignment.test.ts: only sales_contact is
    // recorded, so the SLA is judged on contact alone (Enterprise 2 of 3, Regional 0 of 2) and the score is
    // contact's rate (Enterprise 66.7 %, Regional 0 %), not 0 % within SLA and a halved score.
    // Same columns as alignment-handoff.csv: the mapping confirmed for it may be applied without asking.
    await page.getByRole("tab", { name: "Overview" }).click();
    await importFiles(page, path.join(FIXTURES, "alignment-untracked.csv"), 6, "if-asked");
    await page.getByRole("tab", { name: "Alignment" }).click();
    // This file's scorecard, not the previous file's: acceptance has no value (no SAL date at all).
    await page
      .locator('td[data-team="Enterprise"][data-metric="acceptance"][data-value=""]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    await metricsSettled(page);

    expect(await cell(page, "Enterprise", "handoffs")).toBe("3");
    expect(Number(await cell(page, "Enterprise", "sla_compliance"))).toBeCloseTo(2 / 3, 10);
    expect(await cell(page, "Regional", "sla_compliance")).toBe("0");
    expect(Number(await cell(page, "Enterprise", "alignment_score"))).toBeCloseTo(2 / 3, 10);
    expect(await cell(page, "Regional", "alignment_score")).toBe("0");
    expect(Number(await cell(page, "Enterprise", "median_contact_hours"))).toBeCloseTo(6, 10);
    for (const team of ["Enterprise", "Regional"]) {
      for (const metric of ["median_review_hours", "median_feedback_hours", "acceptance"]) {
        expect(await cell(page, team, metric)).toBe("");
      }
    }
    const enterprise = (metric: string) =>
      page.locator(`td[data-team="Enterprise"][data-metric="${metric}"]`).textContent();
    await expect(enterprise("median_review_hours")).resolves.toBe(
      "not tracked: no sales review (sales_review) events in the data",
    );
    await expect(enterprise("acceptance")).resolves.toBe(
      "not tracked: no lead in the data has a SAL (sales-accepted) date",
    );
    await expect(enterprise("alignment_score")).resolves.toContain("mean of contact SLA only");
    await expect(page.locator("[data-not-tracked]").getAttribute("data-not-tracked")).resolves.toBe(
      "review feedback acceptance",
    );
    // Three hand-offs a team: no team is named as missing the SLA.
    await expect(page.locator('[data-headline="alignment"]').textContent()).resolves.toBe(
      "Too few hand-offs per team to judge SLA compliance (fewer than 20 due in every team).",
    );
  });
});
