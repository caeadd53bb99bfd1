// The built app under its own Content-Security-Policy: the policy is in the page and in the static-host
// header example, a violation is noticed, and no screen, slide, print or export causes one.

import { readFile } from "node:fs/promises";
import type { Download, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_POLICY, policyText } from "../../vite.config";
import {
  APP_URL,
  browserForFile,
  LOAD_TIMEOUT,
  metricsShown,
  metricsShownAfter,
  offOrigin,
  SAMPLE_LEADS,
  showsLeads,
} from "./browser";

/** A URL on this machine that no server answers; the probe's request to it is also aborted by a route. */
const OFF_ORIGIN_IMAGE = "http://127.0.0.1:9/csp-probe.png";
const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

const browser = browserForFile();
let page: Page;
/** Every request the page made and every CSP violation it reported, from its first script on. */
let requests: string[];
let violations: string[];

/**
 * A page that reports each CSP violation twice over: the document's securitypolicyviolation event
 * (listening from before the app's first script) and Chromium's console message or page error. A
 * violation inside DuckDB's worker is reported in the worker, which Playwright does not pass on; but
 * there the policy governs only the worker's script, wasm compile and fetch, and blocking any of them
 * stops DuckDB, so no numbers would show.
 */
async function openRecordedApp(): Promise<{ page: Page; requests: string[]; violations: string[] }> {
  const context = await browser().newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const violations: string[] = [];
  page.on("request", (request) => {
    requests.push(request.url());
  });
  page.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (CSP_MESSAGE.test(error.message)) violations.push(`error: ${error.message}`);
  });
  await page.exposeFunction("reportCspViolation", (text: string) => {
    violations.push(`event: ${text}`);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}`;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "(empty)"} at ${where}`);
    });
  });
  await page.goto(APP_URL);
  await showsLeads(page, SAMPLE_LEADS);
  return { page, requests, violations };
}

async function download(button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  // Waits until the file is saved: whatever the export did in the page is over.
  await file.path();
  return file;
}

/** Opens a tab and waits until its analysis queries are all answered on screen. */
async function openTab(name: string, ready: string): Promise<void> {
  const shownBefore = await metricsShown(page);
  await page.getByRole("tab", { name }).click();
  await page.locator(ready).first().waitFor({ timeout: LOAD_TIMEOUT });
  await metricsShownAfter(page, shownBefore);
}

/** Saves the first chart on screen as a PNG, html-to-image's path (the export most likely to trip a policy). */
async function exportFirstChartPng(): Promise<void> {
  const figure = page.locator("figure:has(.chart-plot svg)").first();
  const file = await download(figure.getByRole("button", { name: /^Download .* as PNG$/ }));
  expect(file.suggestedFilename()).toMatch(/\.png$/);
}

beforeAll(async () => {
  ({ page, requests, violations } = await openRecordedApp());
});

describe("the built app under its Content-Security-Policy", () => {
  it("carries the policy in a <meta> before any script or stylesheet, and the same policy in public/_headers", async () => {
    const meta = await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null,
    );
    expect(meta).toContain("default-src 'self'");
    expect(meta).toBe(policyText(CONTENT_SECURITY_POLICY));
    // A <meta> policy only covers what comes after it.
    const html = await (await fetch(APP_URL)).text();
    const metaAt = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(metaAt).toBeGreaterThan(0);
    expect(metaAt).toBeLessThan(html.search(/<script|<link/));
    // The header example is copied into the build, with the header-only directives added.
    const headers = await (await fetch(`${APP_URL}_headers`)).text();
    const header = policyText({ ...CONTENT_SECURITY_POLICY, ...HEADER_ONLY_POLICY });
    expect(headers).toContain(`Content-Security-Policy: ${header}\n`);
    expect(header).toContain("frame-ancestors 'none'");
  });

  it("starts, draws the Overview and saves its chart as PNG, SVG and CSV and the funnel table as CSV", async () => {
    const figure = page.locator("figure.funnel-chart");
    for (const format of ["PNG", "SVG", "CSV"]) {
      const file = await download(
        figure.getByRole("button", { name: new RegExp(`^Download .* as ${format}$`) }),
      );
      expect(file.suggestedFilename().endsWith(`.${format.toLowerCase()}`)).toBe(true);
    }
    const table = await download(page.getByRole("button", { name: "Download funnel table" }));
    expect(table.suggestedFilename()).toBe("funnel-table.csv");
    // The table's own columns follow the about_… columns (what the table is about).
    expect((await readFile(await table.path())).toString("utf8")).toMatch(/^about_data,.*,stage,reached,/);
    expect(violations).toEqual([]);
  });

  it("shows Leaks, Campaigns and Alignment and saves a chart and a table from them", async () => {
    await openTab("Leaks", "p.headline[data-biggest-leak]");
    await exportFirstChartPng();
    expect(violations).toEqual([]);

    await openTab("Campaigns", "table.campaign-table tbody tr");
    await exportFirstChartPng();
    const campaigns = await download(page.getByRole("button", { name: "Download campaign table" }));
    expect(campaigns.suggestedFilename()).toMatch(/\.csv$/);
    expect(violations).toEqual([]);

    await openTab("Alignment", 'td[data-metric="handoffs"]');
    await exportFirstChartPng();
    const scorecard = await download(page.getByRole("button", { name: "Download team scorecard as CSV" }));
    expect(scorecard.suggestedFilename()).toMatch(/\.csv$/);
    expect(violations).toEqual([]);

    await page.getByRole("tab", { name: "Overview" }).click();
    await page.locator("figure.funnel-chart").waitFor();
  });

  it("presents every slide with the arrow key and leaves on Esc", async () => {
    await page.getByRole("button", { name: "Present" }).click();
    const deck = page.getByRole("dialog", { name: "Presentation" });
    const number = deck.locator(".slide-number");
    await number.filter({ hasText: /^1 \/ \d+$/ }).waitFor({ timeout: LOAD_TIMEOUT });
    const total = Number((await number.textContent())?.split(" / ")[1]);
    // The sample (no deal stage history): a title slide, then six slides with a chart each.
    expect(total).toBe(7);
    for (let slide = 1; slide <= total; slide++) {
      if (slide > 1) await page.keyboard.press("ArrowRight");
      await number.filter({ hasText: `${slide} / ${total}` }).waitFor();
      if (slide > 1) await deck.locator(".chart-plot svg").first().waitFor({ timeout: LOAD_TIMEOUT });
    }
    await page.keyboard.press("Escape");
    await deck.waitFor({ state: "detached" });
    expect(violations).toEqual([]);
  });

  it("builds the print report", async () => {
    // Stands in for the print dialog: counts the report's pages when print is called.
    await page.evaluate(() => {
      const printed: number[] = [];
      Object.assign(window, { printed });
      window.print = () => {
        printed.push(document.querySelectorAll(".presentation-print-report .print-page").length);
      };
    });
    await page.getByRole("button", { name: "Print report" }).click();
    await page.waitForFunction(() => (window as unknown as { printed: number[] }).printed.length > 0, null, {
      timeout: LOAD_TIMEOUT,
    });
    expect(await page.evaluate(() => (window as unknown as { printed: number[] }).printed)).toEqual([7]);
    await page.locator(".presentation-print-report").waitFor({ state: "detached" });
    expect(violations).toEqual([]);
  });

  it("made no request outside its own origin", () => {
    expect(offOrigin(requests)).toEqual([]);
  });

  // Last, so it also shows the recorder was still listening after everything above.
  it("notices a violation: an injected inline script and an off-origin image are blocked and reported", async () => {
    // Nothing may leave the machine, even if the policy failed to block the image: the route aborts it
    // (and counts it; the policy stops the request before it gets that far).
    const before = violations.length;
    let routed = 0;
    await page.route(OFF_ORIGIN_IMAGE, (route) => {
      routed++;
      return route.abort();
    });
    const [imageFailed, inlineRan] = await Promise.all([
      page.waitForEvent("requestfailed", (request) => request.url() === OFF_ORIGIN_IMAGE),
      page.evaluate((src) => {
        const script = document.createElement("script");
        script.textContent = "window.cspProbeRan = true;";
        document.head.append(script);
        new Image().src = src;
        return (window as unknown as { cspProbeRan?: boolean }).cspProbeRan === true;
      }, OFF_ORIGIN_IMAGE),
    ]);
    expect(inlineRan).toBe(false);
    const reported = (how: string) => violations.slice(before).filter((v) => v.startsWith(how));
    await expect.poll(() => [reported("event:").length, reported("console:").length]).toEqual([2, 2]);
    expect(reported("event:")).toEqual([
      expect.stringMatching(/^event: script-src-elem blocked inline /),
      expect.stringContaining(`event: img-src blocked ${OFF_ORIGIN_IMAGE} `),
    ]);
    expect(imageFailed.failure()?.errorText).toBe("csp");
    expect(routed).toBe(0);
  });
});
