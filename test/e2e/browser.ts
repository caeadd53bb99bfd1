// Opens the built app in Debian's Chromium with playwright-core and records every request it makes.

import { type Browser, chromium, type Page } from "playwright-core";

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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
    ],
  });
}

export interface OpenedApp {
  page: Page;
  requests: string[];
}

export async function openApp(browser: Browser, url = APP_URL): Promise<OpenedApp> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => {
    requests.push(request.url());
  });
  await page.goto(url);
  return { page, requests };
}

/** The raw value of a KPI tile (data-value), waiting until it shows `expected` when given. */
export async function kpiValue(page: Page, metric: string): Promise<string | null> {
  return page.locator(`[data-metric="${metric}"]`).getAttribute("data-value");
}
