// Presentation mode in the browser: the deck moves with the arrow keys, shows each slide's headline, leaves
// on Esc; the print report holds every slide and nothing else. One page on the sample for the file; the
// last test leaves it under the print stylesheet.

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, browserForFile, LOAD_TIMEOUT, openApp, openOnSample, SAMPLE_CONTEXT } from "./browser";

/*
 * The sample's Overview (sample-data/README.md): MQL → SQL 27.7 %, within its 25–30 % band; sales
 * acceptance (MQL → SAL) 72.9 %, below its ≥ 80 % band; SQL → opportunity 48.5 %, within 40–50 %.
 */
const SAMPLE_OVERVIEW_HEADLINE =
  "MQL → SQL is 27.7 % — within the 25–30 % band; sales acceptance is 72.9 %, below its ≥ 80 % band";

/**
 * The sample's deck: title, the funnel, benchmark bars, biggest leak, campaigns, alignment, trends (no
 * deal stage history, so no pipeline slide).
 */
const SLIDE_IDS = ["title", "funnel", "overview", "leak", "campaigns", "alignment", "trends"];
const SLIDES = SLIDE_IDS.length;
/** Where the benchmark finding stands in the deck. */
const OVERVIEW_SLIDE = SLIDE_IDS.indexOf("overview") + 1;

/** What the stand-in print dialog saw. */
interface Printed {
  pages: number;
  charts: number;
  headlines: (string | null)[];
  /** Each page's context footer, as text. */
  footers: (string | null)[];
  /** Each page's presenter notes (how many lines). */
  notes: number[];
  noteText: string[];
}

/** Enterprise, Q1 2026, In period, compared with Q4 2025, 90-day window: a link's view. */
const Q1_ENTERPRISE_LINK = `${APP_URL}?team=Enterprise&from=2026-01-01&to=2026-03-31&count=period&compare=1&window=90`;
const Q1_ENTERPRISE_CONTEXT = [
  "Data: Sample data (3,000 leads)",
  "Filters: Team: Enterprise",
  "Period: 1 Jan 2026 – 31 Mar 2026",
  "Counting: In period (each stage counts the leads that entered it in the period)",
  "Compared with: 1 Oct 2025 – 31 Dec 2025 (previous period)",
  "Conversion window: 90 days",
  "Amounts in: USD (from the sample)",
  "As of: 30 Jun 2026",
];

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

describe("Presentation mode in the browser", () => {
  it("opens full screen from the Present click, on the title, then the funnel, then the benchmark bars", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Full screen is asked for inside the click (the slides come seconds later): headless Chromium grants it.
    await page.getByRole("button", { name: "Present" }).click();
    await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    const deck = page.getByRole("dialog", { name: "Presentation" });
    const headline = deck.getByRole("heading", { level: 2 });
    await deck.getByText(`1 / ${SLIDES}`, { exact: true }).waitFor({ timeout: LOAD_TIMEOUT });
    expect(await page.evaluate(() => document.fullscreenElement?.localName)).toBe("html");

    // The title: whom and when, as of when, and the three headline numbers (no comparison: no change).
    expect(await headline.textContent()).toBe("All leads — All time");
    expect(await deck.locator(".slide-detail").textContent()).toBe("As of 30 Jun 2026 · counted by cohort.");
    expect(await deck.locator(".title-figure dt").allTextContents()).toEqual(["Leads", "MQL → SQL", "Deals"]);
    expect(await deck.locator('.title-figure[data-metric="leads"] .title-figure-value').textContent()).toBe(
      "3,000",
    );
    expect(await deck.locator(".title-figure-change").count()).toBe(0);

    await page.keyboard.press("ArrowRight");
    await deck.getByText(`2 / ${SLIDES}`, { exact: true }).waitFor();
    expect(await deck.locator(".slide").getAttribute("data-slide")).toBe("funnel");
    expect(await headline.textContent()).toMatch(/^3,000 leads /);
    await deck.locator(".slide figure.funnel-chart .chart-plot svg").waitFor();

    await page.keyboard.press("ArrowRight");
    await deck.getByText(`${OVERVIEW_SLIDE} / ${SLIDES}`, { exact: true }).waitFor();
    expect(await headline.textContent()).toBe(SAMPLE_OVERVIEW_HEADLINE);
    await deck.locator(".slide figure.benchmark-chart").waitFor();

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
    // Headlines shrink only as far as two lines need: never below 22 px on the canvas (44 px projected).
    expect(sizes?.headline).toBeGreaterThanOrEqual(44);

    await page.keyboard.press("ArrowRight");
    await deck.getByText(`${OVERVIEW_SLIDE + 1} / ${SLIDES}`, { exact: true }).waitFor();
    expect(await headline.textContent()).toMatch(/^The biggest leak is /);

    await page.keyboard.press("ArrowLeft");
    await deck.getByText(`${OVERVIEW_SLIDE} / ${SLIDES}`, { exact: true }).waitFor();
    expect(await headline.textContent()).toBe(SAMPLE_OVERVIEW_HEADLINE);

    await page.keyboard.press("Escape");
    await deck.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.fullscreenElement === null);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Present");
    // Back to Playwright's default window (1280 × 720) for the next tests.
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("fits every headline in two lines, draws every chart across the slide, and shows large, high-contrast controls", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("button", { name: "Present" }).click();
    const deck = page.getByRole("dialog", { name: "Presentation" });
    await deck.getByText(`1 / ${SLIDES}`, { exact: true }).waitFor({ timeout: LOAD_TIMEOUT });
    const seen: string[] = [];
    const sizedSlides: string[] = [];
    for (let n = 1; n <= SLIDES; n++) {
      await deck.getByText(`${n} / ${SLIDES}`, { exact: true }).waitFor();
      const id = (await deck.locator(".slide").getAttribute("data-slide")) ?? "";
      seen.push(id);
      if (id !== "title") await deck.locator(".slide .chart-plot svg").first().waitFor();
      const measured = await page.evaluate(() => {
        const h2 = document.querySelector<HTMLElement>(".presentation-canvas .slide-headline");
        const slide = document.querySelector(".presentation-canvas .slide");
        const plot = document.querySelector(".presentation-canvas .slide .chart-plot");
        const sized = document.querySelector(".presentation-canvas .slide-chart")?.getAttribute("data-sized");
        if (!h2 || !slide) return null;
        const lineHeight = Number.parseFloat(getComputedStyle(h2).lineHeight);
        return {
          lines: h2.scrollHeight / lineHeight,
          headlineCut: h2.scrollWidth > h2.clientWidth,
          slideWidth: slide.getBoundingClientRect().width,
          plotWidth: plot ? plot.getBoundingClientRect().width : null,
          sized: sized === "true",
        };
      });
      if (measured?.sized) sizedSlides.push(id);
      expect(measured?.lines, `headline of ${id}`).toBeLessThanOrEqual(2.05);
      expect(measured?.headlineCut).toBe(false);
      // Every chart is drawn to the slide's height and spans the slide between its 32 px margins (at 2×:
      // 1920 − 2 × 64 = 1792 px), never shrunk to fit.
      if (measured?.plotWidth != null) {
        const full = measured.slideWidth * (896 / 960);
        expect(measured.plotWidth, `chart of ${id}`).toBeCloseTo(full, 0);
      }
      await page.keyboard.press("ArrowRight");
    }
    expect(seen).toEqual(SLIDE_IDS);
    // Every slide's chart is drawn to the slide (the title slide holds figures, not a chart).
    expect(sizedSlides).toEqual(SLIDE_IDS.filter((id) => id !== "title"));

    // The controls: on screen, at least 48 px high with ≥ 20 px text, and full contrast against their fill.
    const controls = await page.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
          const v = Number(c) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        }) as [number, number, number];
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll<HTMLButtonElement>(".presentation-controls > button")].map((b) => {
        const box = b.getBoundingClientRect();
        const style = getComputedStyle(b);
        const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort(
          (x, y) => y - x,
        ) as [number, number];
        return {
          name: b.textContent,
          height: box.height,
          fontSize: Number.parseFloat(style.fontSize),
          inView:
            box.top >= 0 &&
            box.bottom <= window.innerHeight &&
            box.left >= 0 &&
            box.right <= window.innerWidth,
          opacity: Number(style.opacity),
          contrast: (light + 0.05) / (dark + 0.05),
        };
      });
    });
    expect(controls.map((c) => c.name)).toEqual(
      expect.arrayContaining(["‹ Previous", "Next ›", "Definitions", "Leave presentation"]),
    );
    for (const control of controls.filter((c) => c.name !== "Next ›")) {
      expect(control.height, control.name ?? "").toBeGreaterThanOrEqual(48);
      expect(control.fontSize).toBeGreaterThanOrEqual(20);
      expect(control.inView).toBe(true);
      expect(control.opacity).toBe(1);
      expect(control.contrast).toBeGreaterThanOrEqual(7);
    }
    // The controls never cover the slide's context footer.
    const overlap = await page.evaluate(() => {
      const footer = document.querySelector(".presentation-canvas .output-footer")?.getBoundingClientRect();
      const bar = document.querySelector(".presentation-controls")?.getBoundingClientRect();
      return footer && bar
        ? footer.bottom > bar.top && footer.top < bar.bottom && footer.right > bar.left
        : null;
    });
    expect(overlap).toBe(false);

    await deck.getByRole("button", { name: "Leave presentation" }).click();
    await deck.waitFor({ state: "detached" });
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
          notes: [...(report?.querySelectorAll(".print-page") ?? [])].map(
            (p) => p.querySelectorAll(".slide-notes li").length,
          ),
          noteText: [...(report?.querySelectorAll(".print-page") ?? [])].map(
            (p) => p.querySelector(".slide-notes")?.textContent ?? "",
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
    expect(printed?.headlines[OVERVIEW_SLIDE - 1]).toBe(SAMPLE_OVERVIEW_HEADLINE);
    // Every page has its presenter notes: the numbers behind its headline.
    expect(printed?.notes).toHaveLength(SLIDES);
    expect(printed?.noteText[OVERVIEW_SLIDE - 1]).toContain("MQL → SQL: ");
    for (const notes of printed?.notes ?? []) expect(notes).toBeGreaterThan(0);
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
        const id = await deck.locator(".slide").getAttribute("data-slide");
        const headline = (await deck.locator(".slide-headline").textContent()) ?? "";
        // Nothing on a Q1 slide talks about a month outside Q1 (a Q1 cohort still converts in April–June).
        expect(headline, `headline of ${id}`).not.toMatch(
          /(April|May|June|October|November|December) 20\d\d/,
        );
        if (id === "title") {
          expect(headline).toBe("Enterprise — 1 Jan 2026 – 31 Mar 2026");
          // The three headline numbers, each with its change against Q4 2025 as the Overview's tiles give it.
          const changes = await deck.locator(".title-figure-change").allTextContents();
          expect(changes).toHaveLength(3);
          for (const change of changes)
            expect(change).toMatch(/ vs previous period$|^too few leads to compare$/);
        }
        if (id === "trends") {
          // The trend chart is given the previous period too: the dotted line of the Leaks screen.
          expect(await deck.locator(".slide figure").first().textContent()).toContain("previous period");
        }
        if (id === "funnel" || id === "overview") {
          expect(await deck.locator(".slide-change").textContent()).toMatch(/^Change vs previous period: /);
          // The chart is given the previous period (ghost bars, and a column in its text alternative).
          expect(await deck.locator(".slide figure").first().textContent()).toContain("previous period");
        }
        await linked.keyboard.press("ArrowRight");
      }
    } finally {
      await linked.context().close();
    }
  });
});
