// Presentation mode in the browser: the deck moves with the arrow keys, shows each slide's headline, leaves
// on Esc; the print report holds every slide and nothing else. One page on the sample for the file; the
// last test leaves it under the print stylesheet.

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, LOAD_TIMEOUT, openOnSample } from "./browser";

/*
 * The sample's Overview (sample-data/README.md): MQL → SQL 27.7 %, within its 25–30 % band; sales
 * acceptance (MQL → SAL) 72.9 %, below its ≥ 80 % band; SQL → opportunity 48.5 %, within 40–50 %.
 */
const SAMPLE_OVERVIEW_HEADLINE =
  "MQL → SQL is 27.7 % — within the 25–30 % band; sales acceptance is 72.9 %, below its ≥ 80 % band";

/** The sample has every slide: overview, biggest leak, campaigns, alignment, trends. */
const SLIDES = 5;

/** What the stand-in print dialog saw. */
interface Printed {
  pages: number;
  charts: number;
  headlines: (string | null)[];
}

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

describe("Presentation mode in the browser", () => {
  it("moves with the arrow keys, shows each headline in large type and leaves on Esc", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });

    await page.getByRole("button", { name: "Present" }).click();
    const deck = page.getByRole("dialog", { name: "Presentation" });
    const headline = deck.getByRole("heading", { level: 2 });
    await deck.getByText(`1 / ${SLIDES}`, { exact: true }).waitFor({ timeout: LOAD_TIMEOUT });
    expect(await headline.textContent()).toBe(SAMPLE_OVERVIEW_HEADLINE);

    // On a 1080p screen the 960 × 540 slide is drawn at 2×: 14 px chart labels show at 28 px.
    await deck.locator(".recharts-cartesian-axis-tick-value, .chart-tick").first().waitFor();
    const sizes = await page.evaluate(() => {
      const canvas = document.querySelector(".presentation-canvas");
      const tick = document.querySelector(
        ".presentation-canvas .recharts-cartesian-axis-tick-value, .presentation-canvas .chart-tick",
      );
      const title = document.querySelector(".presentation-canvas .slide-headline");
      if (!canvas || !tick || !title) return null;
      const scale = canvas.getBoundingClientRect().width / 960;
      return {
        tick: Number.parseFloat(getComputedStyle(tick).fontSize) * scale,
        headline: Number.parseFloat(getComputedStyle(title).fontSize) * scale,
      };
    });
    expect(sizes?.tick).toBeGreaterThanOrEqual(28);
    expect(sizes?.headline).toBeGreaterThanOrEqual(2.5 * 28);

    await page.keyboard.press("ArrowRight");
    await deck.getByText(`2 / ${SLIDES}`, { exact: true }).waitFor();
    expect(await headline.textContent()).toMatch(/^The biggest leak is /);

    await page.keyboard.press("ArrowLeft");
    await deck.getByText(`1 / ${SLIDES}`, { exact: true }).waitFor();
    expect(await headline.textContent()).toBe(SAMPLE_OVERVIEW_HEADLINE);

    await page.keyboard.press("Escape");
    await deck.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Present");
    // Back to Playwright's default window (1280 × 720) for the next tests.
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("prints every slide with its chart and headline, then removes the report", async () => {
    // Stand in for the print dialog: record what the printed page holds when print is called.
    await page.evaluate(() => {
      const printed: Printed[] = [];
      Object.assign(window, { printed });
      window.print = () => {
        const report = document.querySelector(".presentation-print-report");
        printed.push({
          pages: report?.querySelectorAll(".print-page").length ?? 0,
          charts: report?.querySelectorAll(".chart-plot svg").length ?? 0,
          headlines: [...(report?.querySelectorAll(".slide-headline") ?? [])].map((h) => h.textContent),
        });
      };
    });
    await page.getByRole("button", { name: "Print report" }).click();
    await page.waitForFunction(() => (window as unknown as { printed: unknown[] }).printed.length > 0, null, {
      timeout: LOAD_TIMEOUT,
    });
    const [printed] = await page.evaluate(() => (window as unknown as { printed: Printed[] }).printed);
    expect(printed?.pages).toBe(SLIDES);
    expect(printed?.charts).toBeGreaterThanOrEqual(SLIDES);
    expect(printed?.headlines[0]).toBe(SAMPLE_OVERVIEW_HEADLINE);
    // The report is gone once printing is over.
    await page.locator(".presentation-print-report").waitFor({ state: "detached" });
  });

  it("prints only the report: the app and the buttons are hidden under the print stylesheet", async () => {
    await page.evaluate(() => {
      const seen: Record<string, string>[] = [];
      Object.assign(window, { seen });
      window.print = () => {
        const display = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).display : "missing";
        };
        seen.push({
          app: display("#root"),
          report: display(".presentation-print-report"),
          page: getComputedStyle(document.querySelector(".print-page") ?? document.body).breakAfter,
          buttons: [...document.querySelectorAll(".presentation-print-report button")]
            .map((b) => getComputedStyle(b).display)
            .filter((d) => d !== "none")
            .join(","),
        });
      };
    });
    // Under the print stylesheet the header's buttons are hidden too, so the button is pressed from script.
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() =>
      [...document.querySelectorAll("button")].find((b) => b.textContent === "Print report")?.click(),
    );
    await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length > 0, null, {
      timeout: LOAD_TIMEOUT,
    });
    const [seen] = await page.evaluate(() => (window as unknown as { seen: Record<string, string>[] }).seen);
    expect(seen).toEqual({ app: "none", report: "block", page: "page", buttons: "" });
  });
});
