// Light and dark themes in the built app: html[data-theme], the page colours and chart colours from CSS variables.

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { APP_URL, browserForFile, LOAD_TIMEOUT, SAMPLE_LEADS, showsLeads } from "./browser";

/** Where zustand's persist middleware keeps the settings: {"state": {...}, "version": 0}. */
const SETTINGS_KEY = "funnel-lens:settings";

const browser = browserForFile();

/** Opens the app with the system preferring `colorScheme` and, when given, a theme already saved in settings. */
async function openThemed(colorScheme: "light" | "dark", savedTheme?: "light" | "dark"): Promise<Page> {
  const context = await browser().newContext({ colorScheme });
  if (savedTheme) {
    await context.addInitScript(
      ([key, theme]) => localStorage.setItem(key, JSON.stringify({ state: { theme }, version: 0 })),
      [SETTINGS_KEY, savedTheme] as const,
    );
  }
  const page = await context.newPage();
  await page.goto(APP_URL);
  await showsLeads(page, SAMPLE_LEADS);
  await page.locator(".chart .chart-bar").first().waitFor({ timeout: LOAD_TIMEOUT });
  return page;
}

interface Colours {
  theme: string | undefined;
  colorScheme: string;
  page: string;
  axisText: string;
  grid: string;
  bar: string;
}

/** Computed colours of the page and of the first chart (the funnel): what the eye sees, vars resolved. */
function colours(page: Page): Promise<Colours> {
  return page.evaluate(() => {
    const computed = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      return getComputedStyle(element);
    };
    return {
      theme: document.documentElement.dataset.theme,
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
      page: computed("html").backgroundColor,
      axisText: computed(".chart .chart-tick").fill,
      grid: computed(".chart .chart-surface line").stroke,
      bar: computed(".chart .chart-bar").fill,
    };
  });
}

const LIGHT_PAGE = "rgb(246, 248, 250)";
const DARK_PAGE = "rgb(13, 17, 23)";
const LIGHT_INK = "rgb(31, 35, 40)";
const DARK_INK = "rgb(230, 237, 243)";
const OKABE_BLUE = "rgb(0, 114, 178)";

describe("themes in the browser", () => {
  it("follows the system preference while the theme is System, charts included, without a reload", async () => {
    const page = await openThemed("dark");
    const dark = await colours(page);
    expect(dark).toMatchObject({ theme: "dark", colorScheme: "dark", page: DARK_PAGE, axisText: DARK_INK });
    // var() in SVG fill/stroke attributes resolves (Okabe–Ito blue stays blue in both themes).
    expect(dark.bar).toBe(OKABE_BLUE);

    await page.emulateMedia({ colorScheme: "light" });
    await page.locator('html[data-theme="light"]').waitFor({ state: "attached" });
    const light = await colours(page);
    expect(light).toMatchObject({
      colorScheme: "light",
      page: LIGHT_PAGE,
      axisText: LIGHT_INK,
      bar: OKABE_BLUE,
    });
    expect(light.grid).not.toBe(dark.grid);
    expect(light.grid).toMatch(/^rgb\(/);
    await page.context().close();
  });

  it("keeps a theme saved in settings whatever the system prefers", async () => {
    const darkPage = await openThemed("light", "dark");
    expect(await colours(darkPage)).toMatchObject({ theme: "dark", page: DARK_PAGE, axisText: DARK_INK });
    await darkPage.context().close();

    const lightPage = await openThemed("dark", "light");
    expect(await colours(lightPage)).toMatchObject({ theme: "light", page: LIGHT_PAGE, axisText: LIGHT_INK });
    await lightPage.context().close();
  });
});
