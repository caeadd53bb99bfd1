// Presentation mode in the browser: the deck moves with the arrow keys, shows each slide's headline, leaves
// on Esc; the print report holds every slide and nothing else. One page on the sample for the file; the
// last test leaves it under the print stylesheet.

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, browserForFile, LOAD_TIMEOUT, openApp, openOnSample } from "./browser";

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
  /** Each page's context footer, as text. */
  footers: (string | null)[];
}

/** The context of the sample, all time, as every slide and page states it (model/outputContext). */
const SAMPLE_CONTEXT = [
  "Data: Sample data (3,000 leads)",
  "Filters: none (all leads)",
  "Period: all time",
  "Counting: Cohort (leads grouped by the day they became a lead)",
  "Conversion window: none (every later conversion counts)",
  "As of: 30 Jun 2026",
];

/** Enterprise, Q1 2026, In period, compared with Q4 2025, 90-day window: a link's view. */
const Q1_ENTERPRISE_LINK = `${APP_URL}?team=Enterprise&from=2026-01-01&to=2026-03-31&count=period&compare=1&window=90`;
const Q1_ENTERPRISE_CONTEXT = [
  "Data: Sample data (3,000 leads)",
  "Filters: Team: Enterprise",
  "Period: 1 Jan 2026 – 31 Mar 2026",
  "Counting: In period (each stage counts the leads that entered it in the period)",
  "Compared with: 1 Oct 2025 – 31 Dec 2025 (previous period)",
  "Conversion window: 90 days",
  "As of: 30 Jun 2026",
];

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
          footers: [...(report?.querySelectorAll(".print-page") ?? [])].map(
            (p) => p.querySelector(".output-footer")?.textContent ?? null,
          ),
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
    // Every printed page says what it is about.
    expect(printed?.footers).toHaveLength(SLIDES);
    for (const footer of printed?.footers ?? []) expect(footer).toBe(SAMPLE_CONTEXT.join(""));
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

  it("puts the view's context on every slide: team, period, way of counting, comparison, window, as-of", async () => {
    const { page: linked } = await openApp(browser(), Q1_ENTERPRISE_LINK);
    try {
      await linked
        .locator('[data-query-state="ready"] [data-metric="leads"]')
        .waitFor({ timeout: LOAD_TIMEOUT });
      await linked.getByRole("button", { name: "Present" }).click();
      const deck = linked.getByRole("dialog", { name: "Presentation" });
      await deck.locator(".slide").waitFor({ timeout: LOAD_TIMEOUT });
      const total = Number((await deck.locator(".slide-number").textContent())?.split(" / ")[1]);
      expect(total).toBeGreaterThan(1);
      for (let n = 1; n <= total; n++) {
        await deck.getByText(`${n} / ${total}`, { exact: true }).waitFor();
        const fields = await deck.locator(".slide .output-footer-field").allTextContents();
        expect(fields).toEqual(Q1_ENTERPRISE_CONTEXT);
        // Shown, not just present: the footer lies inside the slide's box.
        const inside = await linked.evaluate(() => {
          const slide = document.querySelector(".presentation-canvas .slide")?.getBoundingClientRect();
          const footer = document
            .querySelector(".presentation-canvas .output-footer")
            ?.getBoundingClientRect();
          return Boolean(slide && footer && footer.height > 0 && footer.bottom <= slide.bottom + 0.5);
        });
        expect(inside).toBe(true);
        await linked.keyboard.press("ArrowRight");
      }
    } finally {
      await linked.context().close();
    }
  });
});
