// The Count control in the built app (issue 20, part 1): a period preset counts In period by default, as
// a CRM's "MQLs this month" report does; Cohort counts the leads that became leads in the period. Both
// checked against a count made here, independently of the app, from the sample's events file.
//
// Rules used for the independent count (SPEC "Two ways of counting"): In period, a stage counts the
// leads whose first entry into it falls in the period (for MQL: the first `became_mql`); by Cohort, the
// leads whose first `became_lead` falls in the period and that reached MQL or any later stage at any
// time (skipped stages count as passed).

import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, kpiValue, LOAD_TIMEOUT, metricsSettled, openOnSample } from "./browser";

const browser = browserForFile();
const JUNE = { from: "2026-06-01", to: "2026-07-01" }; // the sample's last month ("This month")
const AT_OR_AFTER_MQL = new Set([
  "became_mql",
  "sales_accepted",
  "became_sql",
  "opportunity_created",
  "deal_won",
]);

let expected: { inPeriodMqls: number; cohortLeads: number; cohortMqls: number };

beforeAll(async () => {
  const text = await readFile("sample-data/sample.events.csv", "utf8");
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const firstLead = new Map<string, string>();
  const firstMql = new Map<string, string>();
  const reachedMql = new Set<string>();
  for (const row of rows) {
    const id = row.lead_id as string;
    const at = row.occurred_at as string;
    if (row.activity === "became_lead" && !(at >= (firstLead.get(id) ?? "9999"))) firstLead.set(id, at);
    if (row.activity === "became_mql" && !(at >= (firstMql.get(id) ?? "9999"))) firstMql.set(id, at);
    if (AT_OR_AFTER_MQL.has(row.activity as string)) reachedMql.add(id);
  }
  const inJune = (at: string) => at >= JUNE.from && at < JUNE.to;
  const cohort = [...firstLead].filter(([, at]) => inJune(at)).map(([id]) => id);
  expected = {
    inPeriodMqls: [...firstMql.values()].filter(inJune).length,
    cohortLeads: cohort.length,
    cohortMqls: cohort.filter((id) => reachedMql.has(id)).length,
  };
});

describe("counting a period", () => {
  it("counts This month In period by default, and by cohort on request, each as worked out here", async () => {
    const { page } = await openOnSample(browser());
    const filters = page.getByRole("region", { name: "Filters" });
    // Without a period the two ways are the same, and the control says so instead of offering a choice.
    await expect(filters.getByText("Same either way (no period)").count()).resolves.toBe(1);

    await filters.getByLabel("Period", { exact: true }).selectOption("this_month");
    await page.waitForURL(/count=period/, { timeout: LOAD_TIMEOUT });
    await page.locator('html[data-count="period"]').waitFor({ timeout: LOAD_TIMEOUT });
    await page
      .locator('[data-query-state="ready"] [data-counting="period"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    await metricsSettled(page);
    expect(Number(await kpiValue(page, "mqls"))).toBe(expected.inPeriodMqls);
    // The two days now bound when stage entries are counted, and are labelled so.
    await expect(filters.getByLabel("Counted from").inputValue()).resolves.toBe("2026-06-01");
    await expect(page.locator("[data-flow-ratio]").first().isVisible()).resolves.toBe(true);

    // The funnel table's CSV says how it was counted on every row, and holds the in-period MQLs.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download funnel table" }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, "utf8");
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header?.startsWith("about_data,about_filters,about_period,about_counting,")).toBe(true);
    const mqlRow = rows.find((row) => row.includes(",mql,"));
    expect(mqlRow).toContain("In period (each stage counts the leads that entered it in the period)");
    expect(mqlRow).toContain(`,mql,${expected.inPeriodMqls},`);

    await filters.getByRole("radio", { name: "Cohort" }).check();
    // Cohort is what a link without `count` means, so the address drops it.
    await page.waitForURL((url) => url.searchParams.get("count") === null && url.searchParams.has("from"), {
      timeout: LOAD_TIMEOUT,
    });
    await page.locator('html[data-count="cohort"]').waitFor({ timeout: LOAD_TIMEOUT });
    await page
      .locator('[data-query-state="ready"] [data-counting="cohort"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    await metricsSettled(page);
    expect(Number(await kpiValue(page, "leads"))).toBe(expected.cohortLeads);
    expect(Number(await kpiValue(page, "mqls"))).toBe(expected.cohortMqls);
    await expect(filters.getByLabel("Cohort from").inputValue()).resolves.toBe("2026-06-01");
    // By cohort the note no longer claims agreement with the CRM's reports.
    await expect(page.locator('[data-counting="cohort"]').textContent()).resolves.not.toContain(
      "agree with your CRM",
    );
    await page.context().close();
  });
});
