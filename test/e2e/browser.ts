// Opens the built app in Debian's Chromium with playwright-core: one browser per test file, the app on
// the sample, imports through the UI, the requests it makes. What every browser test file shares.

import {
  type Browser,
  type BrowserContextOptions,
  chromium,
  type LaunchOptions,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** The Overview's KPI tiles (README, public contract). */
export const KPI_IDS = [
  "leads",
  "mqls",
  "sals",
  "sqls",
  "opportunities",
  "deals",
  "mql_to_sql",
  "sales_acceptance",
  "sql_to_opportunity",
  "win_rate",
] as const;

export const APP_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;
export const APP_ORIGIN = new URL(APP_URL).origin;

/** Leads in the bundled sample (sample-data/README.md): what a first visit shows. */
export const SAMPLE_LEADS = 3000;

/**
 * The sample, all time, as every slide, printed page and exported picture states it about itself
 * (model/outputContext): one line per field of the context footer.
 */
export const SAMPLE_CONTEXT = [
  "Data: Sample data (3,000 leads)",
  "Filters: none (all leads)",
  "Period: all time",
  "Counting: Cohort (leads grouped by the day they became a lead)",
  "Conversion window: none (every later conversion counts)",
  "Amounts in: USD (from the sample)",
  "As of: 30 Jun 2026",
];

/**
 * How long one page load or one import may take. A load of the sample takes 5–10 s on this 2-core
 * machine when quiet and 20–30 s when other work shares it (measured 2026-11-30), so 30 s flaked.
 */
export const LOAD_TIMEOUT = 60_000;

/**
 * The flags every browser test runs Chromium with. `--liftoff-only` keeps DuckDB's wasm on V8's
 * baseline compiler: without it V8 re-compiles the hot parts of the 34 MB module with TurboFan in
 * background threads, which on 2 cores take the CPU from the page itself. Measured on the sample
 * (3 loads each, machine busy): leads shown after 11–21 s instead of 23–28 s, the sample's restore
 * 2–5 s instead of 6–8 s. It changes how fast the wasm runs, never what it computes.
 */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--js-flags=--liftoff-only",
  ],
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/**
 * One browser for every test of the calling file, launched before its first test and closed after
 * its last. Returns a getter: the browser exists only once beforeAll has run.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is launched in beforeAll");
    return browser;
  };
}

export interface OpenedApp {
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Opens the app in a new context (a new browser profile: nothing saved) and records its requests. */
export async function openApp(
  browser: Browser,
  url = APP_URL,
  options: BrowserContextOptions = {},
): Promise<OpenedApp> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    requests.push(request.url());
  });
  await page.goto(url);
  return { page, requests };
}

/**
 * Waits until the Leads tile shows `leads`, confirmed by the engine: the data asked for is loaded and
 * on screen (not numbers kept from a last visit, not the previous filters' numbers).
 */
export async function showsLeads(page: Page, leads: number): Promise<void> {
  await page
    .locator(`[data-query-state="ready"] [data-metric="leads"][data-value="${leads}"]`)
    .waitFor({ timeout: LOAD_TIMEOUT });
}

/** Opens the app as on a first visit and waits until it shows the bundled sample. */
export async function openOnSample(
  browser: Browser,
  url = APP_URL,
  options: BrowserContextOptions = {},
): Promise<OpenedApp> {
  const opened = await openApp(browser, url, options);
  await showsLeads(opened.page, SAMPLE_LEADS);
  return opened;
}

/** Files for "Import data": fixture paths, or files built in the test (Playwright's FilePayload). */
export type ImportFiles = Parameters<Locator["setInputFiles"]>[0];

/**
 * Imports `files` through "Import data" and waits until the Overview shows `leads`. `mapping`:
 * "confirm" presses Apply mapping (a file of a new shape, which must ask); "if-asked" presses it only
 * when the app asks (a shape whose mapping this profile may already remember). The caller chooses
 * `leads` different from what is on screen, so the wait cannot be met by the previous data.
 */
export async function importFiles(
  page: Page,
  files: ImportFiles,
  leads: number,
  mapping: "confirm" | "if-asked" = "confirm",
): Promise<void> {
  await page.getByLabel("Import data file").setInputFiles(files);
  const apply = page.getByRole("button", { name: "Apply mapping" });
  if (mapping === "confirm") {
    await apply.click({ timeout: LOAD_TIMEOUT });
  } else {
    const loaded = page.locator(`[data-metric="leads"][data-value="${leads}"]`);
    await apply.or(loaded).first().waitFor({ timeout: LOAD_TIMEOUT });
    if (await apply.isVisible()) await apply.click();
  }
  await showsLeads(page, leads);
}

/** The raw value of a KPI tile (data-value). */
export async function kpiValue(page: Page, metric: string): Promise<string | null> {
  return page.locator(`[data-metric="${metric}"]`).getAttribute("data-value");
}

/** The requests that left the app's origin (data: and blob: URLs never leave the page). */
export function offOrigin(requests: string[]): string[] {
  return requests.filter((url) => !/^(blob:|data:)/.test(url) && !url.startsWith(APP_ORIGIN));
}

/**
 * Waits until every analysis query asked so far is on screen (README: `<html data-metrics-pending>`
 * is 0) and at least one answer newer than `shownBefore` was shown.
 */
export async function metricsShownAfter(page: Page, shownBefore: number): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const { metricsPending, metricsShown } = document.documentElement.dataset;
      return metricsPending === "0" && Number(metricsShown) > before;
    },
    shownBefore,
    { timeout: LOAD_TIMEOUT },
  );
}

/** Waits until no analysis query asked so far is still waiting to be shown (`data-metrics-pending` 0). */
export async function metricsSettled(page: Page): Promise<void> {
  await page.locator('html[data-metrics-pending="0"]').waitFor({ state: "attached", timeout: LOAD_TIMEOUT });
}

/** How many analysis answers the page has shown so far (README: `<html data-metrics-shown>`). */
export async function metricsShown(page: Page): Promise<number> {
  return Number(await page.locator("html").getAttribute("data-metrics-shown"));
}
