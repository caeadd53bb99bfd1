// Chart and table exports in the browser: a 2× PNG of the expected size, a self-contained SVG, and CSVs
// in which a campaign named like a spreadsheet formula cannot run.

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Download, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import {
  browserForFile,
  importFiles,
  LOAD_TIMEOUT,
  offOrigin,
  openOnSample,
  SAMPLE_CONTEXT,
} from "./browser";

const HOSTILE = '=HYPERLINK("http://evil.example","click")';
/** The hostile name as a neutralised, RFC 4180-quoted CSV cell. */
const NEUTRALISED = `"'${HOSTILE.replaceAll('"', '""')}"`;
/** A cell (start of a line or after a comma, quoted or not) that a spreadsheet would run. */
const RAW_FORMULA_CELL = /(^|,)"?=HYPERLINK/m;

const browser = browserForFile();
let page: Page;
let requests: string[];

beforeAll(async () => {
  ({ page, requests } = await openOnSample(browser()));
});

async function download(button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return file;
}

async function downloadedBytes(file: Download): Promise<Buffer> {
  return readFile(await file.path());
}

describe("exports in the browser", () => {
  it("saves the Overview funnel chart as a PNG at twice its on-screen size, the context footer included", async () => {
    const figure = page.locator("figure.funnel-chart");
    // The footer is put in the frame for the capture only: record it while it is there.
    await figure.evaluate((element: HTMLElement) => {
      const seen: { lines: string[]; bottom: number }[] = [];
      Object.assign(window, { footersSeen: seen });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes) {
            if (!(node instanceof HTMLElement) || !node.classList.contains("output-footer")) continue;
            seen.push({
              lines: [...node.children].map((line) => line.textContent ?? ""),
              bottom: node.getBoundingClientRect().bottom - element.getBoundingClientRect().top,
            });
          }
      }).observe(element, { childList: true });
    });
    const file = await download(figure.getByRole("button", { name: /^Download .* as PNG$/ }));
    expect(file.suggestedFilename()).toMatch(/^3-000-leads-became-[a-z0-9-]+\.png$/);
    const png = await downloadedBytes(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // html-to-image sizes the image as clientWidth + borders; the height runs from the frame's top to the
    // end of its plot and notes plus its bottom padding and border (the table toggle is left out).
    const box = await figure.evaluate((element: HTMLElement) => {
      const style = getComputedStyle(element);
      const px = (value: string) => Number.parseFloat(value) || 0;
      const top = element.getBoundingClientRect().top;
      const lastShown = element.querySelector(":scope > details")?.previousElementSibling;
      return {
        width: element.clientWidth + px(style.borderLeftWidth) + px(style.borderRightWidth),
        height: Math.ceil(
          (lastShown?.getBoundingClientRect().bottom ?? 0) -
            top +
            px(style.paddingBottom) +
            px(style.borderBottomWidth),
        ),
        paddingBottom: px(style.paddingBottom),
        borderBottom: px(style.borderBottomWidth),
        plotBottom: (element.querySelector(".chart-plot")?.getBoundingClientRect().bottom ?? 0) - top,
      };
    });
    const [footer] = await page.evaluate(
      () => (window as unknown as { footersSeen: { lines: string[]; bottom: number }[] }).footersSeen,
    );
    expect(footer?.lines).toEqual(SAMPLE_CONTEXT);
    // The footer was gone again once the picture was made.
    await expect(figure.locator(".output-footer").count()).resolves.toBe(0);
    expect(width).toBe(Math.floor(box.width * 2));
    // The picture runs to the footer's end: its height is the frame's down to the footer, plus padding and border.
    expect(height).toBe(Math.ceil((footer?.bottom ?? 0) + box.paddingBottom + box.borderBottom) * 2);
    expect(height).toBeGreaterThan(box.height * 2);
    expect(height).toBeGreaterThan(box.plotBottom * 2);
  });

  it("saves the same chart as a standalone SVG with no custom property left in it", async () => {
    const figure = page.locator("figure.funnel-chart");
    const title = (await figure.locator(".chart-title").textContent()) ?? "";
    const file = await download(figure.getByRole("button", { name: `Download ${title} as SVG` }));
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    const svg = (await downloadedBytes(file)).toString("utf8");
    expect(svg).not.toContain("var(");
    const parsed = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, "image/svg+xml");
      const root = xml.documentElement;
      return {
        error: xml.querySelector("parsererror")?.textContent ?? null,
        root: root.localName,
        namespace: root.namespaceURI,
        width: Number(root.getAttribute("width")),
        height: Number(root.getAttribute("height")),
        title: root.querySelector("title")?.textContent ?? null,
        unfilledText: [...root.querySelectorAll("text")].filter((t) => !t.closest("[fill]")).length,
        footer: [...root.querySelectorAll("g.output-footer text")].map((t) => t.textContent),
        footerTop: Math.min(
          ...[...root.querySelectorAll("g.output-footer text")].map((t) => Number(t.getAttribute("y")) - 12),
        ),
        footerBottom: Math.max(
          ...[...root.querySelectorAll("g.output-footer text")].map((t) => Number(t.getAttribute("y"))),
        ),
        texts: root.querySelectorAll("text").length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("svg");
    expect(parsed.namespace).toBe("http://www.w3.org/2000/svg");
    expect(parsed.width).toBeGreaterThan(0);
    expect(parsed.height).toBeGreaterThan(0);
    expect(parsed.title).toBe(title);
    // The context footer is text in the file, below the chart.
    expect(parsed.footer).toEqual(SAMPLE_CONTEXT);
    const chartHeight = await figure
      .locator(".chart-plot svg.recharts-surface, .chart-plot svg.chart-surface")
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().height);
    expect(parsed.footerTop).toBeGreaterThanOrEqual(chartHeight);
    expect(parsed.footerBottom).toBeLessThanOrEqual(parsed.height);
    // Every label carries its colour in the file itself (on it or on an ancestor).
    expect(parsed.texts).toBeGreaterThan(0);
    expect(parsed.unfilledText).toBe(0);
    // Exports are made in the page: nothing was fetched from anywhere else.
    expect(offOrigin(requests)).toEqual([]);
  });

  it("neutralises a campaign named =HYPERLINK(…) in the campaign table and chart CSVs", async () => {
    // exports-hostile.csv: X1 and X2 came from the hostile campaign, X3 from Webinar A.
    await importFiles(page, path.join(FIXTURES, "exports-hostile.csv"), 3);
    await page.getByRole("tab", { name: "Campaigns" }).click();
    await page.locator("table.campaign-table tbody tr").first().waitFor({ timeout: LOAD_TIMEOUT });
    await expect(page.locator("table.campaign-table tbody tr").count()).resolves.toBe(2);

    const table = (
      await downloadedBytes(await download(page.getByRole("button", { name: "Download campaign table" })))
    ).toString("utf8");
    const hostileRow = table.split("\r\n").find((line) => line.includes("HYPERLINK"));
    // After the about_… columns, the row's first own cell is the neutralised campaign name.
    expect(table.split("\r\n")[0]?.startsWith("about_data,")).toBe(true);
    expect(hostileRow).toContain(`,${NEUTRALISED},`);
    expect(table).not.toMatch(RAW_FORMULA_CELL);

    // The MQL-yield chart's CSV comes from its text-alternative table.
    const chart = page.locator(".chart-grid figure").first();
    const chartCsv = (
      await downloadedBytes(await download(chart.getByRole("button", { name: /^Download .* as CSV$/ })))
    ).toString("utf8");
    expect(chartCsv).toContain(NEUTRALISED);
    expect(chartCsv).not.toMatch(RAW_FORMULA_CELL);
  });
});
