// The built app in Chromium: opens on the sample, imports a fixture through "Import data", stays offline.
// One page for the file: the sample is shown, a file that cannot be mapped leaves it loaded, then a
// fixture replaces it (the tests run in this order; each starts from what the one before left).

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import {
  browserForFile,
  importFiles,
  KPI_IDS,
  kpiValue,
  LOAD_TIMEOUT,
  type OpenedApp,
  offOrigin,
  openApp,
  openOnSample,
  SAMPLE_LEADS,
} from "./browser";

const browser = browserForFile();
let app: OpenedApp;

beforeAll(async () => {
  app = await openApp(browser());
});

describe("Overview in the browser", () => {
  it("opens on the bundled sample with every KPI tile and no request off its origin", async () => {
    const { page, requests } = app;
    await page.locator('[data-metric="leads"]').waitFor({ timeout: LOAD_TIMEOUT });
    for (const id of KPI_IDS) {
      const tile = page.locator(`[data-metric="${id}"]`);
      await expect(tile.count()).resolves.toBe(1);
      const value = await tile.getAttribute("data-value");
      expect(Number(value), `${id} = ${value}`).toBeGreaterThan(0);
    }
    // The sample has 3,000 leads (sample-data/README.md).
    expect(await kpiValue(page, "leads")).toBe("3000");
    await expect(page.getByRole("group", { name: "Leads" }).count()).resolves.toBe(1);
    expect(offOrigin(requests)).toEqual([]);
  });

  it("keeps the previous data and names the missing column when a file cannot be mapped", async () => {
    const { page } = app;
    await page
      .locator(`[data-metric="leads"][data-value="${SAMPLE_LEADS}"]`)
      .waitFor({ timeout: LOAD_TIMEOUT });
    await page.getByLabel("Import data file").setInputFiles({
      name: "contacts.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,city\nAda,London\n"),
    });
    // The mapping step offers no column for Lead ID: applying is refused until one is chosen.
    await expect(page.getByRole("button", { name: "Apply mapping" }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText("contacts.csv: choose a column for Lead ID").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Cancel" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: LOAD_TIMEOUT });
    const message = await alert.textContent();
    expect(message).toContain("The import was cancelled; the previous data is still loaded.");
    expect(await kpiValue(page, "leads")).toBe("3000");
  });

  it("replaces the KPIs with the fixture's hand-checked values after Import data", async () => {
    const { page } = app;
    await importFiles(page, path.join(FIXTURES, "funnel-basic.csv"), 10);
    // test/metrics/funnel.test.ts works these out: reached 10, 8, 7, 5, 3, 2.
    expect(await kpiValue(page, "mqls")).toBe("8");
    expect(await kpiValue(page, "sals")).toBe("7");
    expect(await kpiValue(page, "sqls")).toBe("5");
    expect(await kpiValue(page, "opportunities")).toBe("3");
    expect(await kpiValue(page, "deals")).toBe("2");
    expect(Number(await kpiValue(page, "mql_to_sql"))).toBeCloseTo(0.625, 10);
    expect(Number(await kpiValue(page, "sales_acceptance"))).toBeCloseTo(0.875, 10);
    expect(Number(await kpiValue(page, "sql_to_opportunity"))).toBeCloseTo(0.6, 10);
    expect(Number(await kpiValue(page, "win_rate"))).toBeCloseTo(2 / 3, 10);
    await expect(page.getByText("The biggest leak is SQL → Opportunity").count()).resolves.toBeGreaterThan(0);
  });
});

describe("the first screen on a laptop (issue 19)", () => {
  it("shows every KPI figure and the whole funnel above the fold at 1440×900", async () => {
    const { page } = await openOnSample(browser(), undefined, { viewport: { width: 1440, height: 900 } });
    // Boxes in page coordinates at scroll 0: the fold is the viewport's height.
    const bottoms = await page.evaluate(`(() => {
      const bottom = (el) => Math.round(el.getBoundingClientRect().bottom + window.scrollY);
      return {
        values: [...document.querySelectorAll(".kpi-tile[data-metric] .kpi-value")].map(bottom),
        // The funnel's plot: the tallest SVG in its card (legend glyphs are SVGs too).
        funnelPlot: Math.max(...[...document.querySelectorAll(".overview .funnel-chart svg")].map(bottom)),
        sideways: document.scrollingElement.scrollWidth - window.innerWidth,
      };
    })()`);
    const { values, funnelPlot, sideways } = bottoms as {
      values: number[];
      funnelPlot: number;
      sideways: number;
    };
    expect(values).toHaveLength(KPI_IDS.length);
    for (const bottom of values) expect(bottom).toBeLessThanOrEqual(900);
    expect(funnelPlot).toBeGreaterThan(0);
    expect(funnelPlot).toBeLessThanOrEqual(900);
    expect(sideways).toBeLessThanOrEqual(0);
    // The rarely used filters wait behind "More filters"; the compact row is one line.
    const filterRow = await page.locator(".filter-bar").boundingBox();
    expect(filterRow?.height ?? 999).toBeLessThan(90);
    await page.context().close();
  });
});
