// Return visits (issue 17, part 4): the first screen draws the answers kept from the last visit — for
// the bundled sample, computed at build time — marked "From your last visit · updating…" while the
// data reopens, and then the engine's own (equal) numbers. Answers about other data are never shown.

import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { APP_URL, browserForFile, importFiles, LOAD_TIMEOUT, SAMPLE_LEADS, showsLeads } from "./browser";

const browser = browserForFile();
let page: Page;

declare global {
  interface Window {
    __leadsSeen: string[];
  }
}

/**
 * From the page's first script on, records each change of the Leads tile as "<state>:<value>", where
 * state is its data-query-state ("last-visit", "stale", "ready"). Runs on every load of the page.
 */
async function recordLeadsTile(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__leadsSeen = [];
    const look = () => {
      const tile = document.querySelector('[data-metric="leads"]');
      const state = tile?.closest("[data-query-state]")?.getAttribute("data-query-state") ?? "none";
      const entry = tile ? `${state}:${tile.getAttribute("data-value")}` : "";
      if (entry && window.__leadsSeen.at(-1) !== entry) window.__leadsSeen.push(entry);
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

const leadsSeen = () => page.evaluate(() => window.__leadsSeen);

/** Whether answers are kept in IndexedDB for the saved workspace. */
function answersInStorage(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("funnel-lens");
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction("workspace").objectStore("workspace").get("last-answers");
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => resolve(false);
          get.transaction?.addEventListener("complete", () => db.close());
        };
      }),
  );
}

beforeAll(async () => {
  const context = await browser().newContext();
  page = await context.newPage();
  await recordLeadsTile(page);
});

describe("return visits", () => {
  it("draws the sample's first screen from build-time answers, then the engine's equal numbers", async () => {
    const failed: string[] = [];
    const wasm: string[] = [];
    page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    page.on("request", (r) => {
      if (r.url().endsWith(".wasm")) wasm.push(r.url());
    });
    await page.goto(APP_URL);
    await showsLeads(page, SAMPLE_LEADS);
    // DuckDB's wasm is downloaded once, and no request is cancelled (it was: ERR_ABORTED on every load).
    expect(wasm).toHaveLength(1);
    expect(failed).toEqual([]);
    const seen = await leadsSeen();
    // First drawn from the kept answers, never from a loading card with no numbers in between.
    expect(seen[0]).toBe(`last-visit:${SAMPLE_LEADS}`);
    expect(seen.at(-1)).toBe(`ready:${SAMPLE_LEADS}`);
    expect(await page.getByText("From your last visit · updating…").count()).toBe(0);
  });

  it("reopens an imported workspace with its last answers at once, confirmed when the data is in", async () => {
    await importFiles(page, path.join(FIXTURES, "funnel-basic.csv"), 10);
    await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });
    await expect.poll(() => answersInStorage(page), { timeout: LOAD_TIMEOUT, interval: 250 }).toBe(true);

    await page.reload();
    await showsLeads(page, 10);
    const seen = await leadsSeen();
    expect(seen[0]).toBe("last-visit:10");
    expect(seen.at(-1)).toBe("ready:10");
    expect(seen.some((entry) => entry.endsWith(`:${SAMPLE_LEADS}`))).toBe(false);
  });

  it("never shows the answers of data the saved workspace has replaced", async () => {
    // funnel-basic.csv (10 leads) is kept with its answers; alignment-handoff.csv (12) replaces it.
    await importFiles(page, path.join(FIXTURES, "alignment-handoff.csv"), 12);
    await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });
    // Reloaded at once: this data's answers may not be kept yet; the old ones must not stand in for them.
    await page.reload();
    await showsLeads(page, 12);
    const seen = await leadsSeen();
    expect(seen.filter((entry) => !entry.endsWith(":12"))).toEqual([]);
    expect(seen.at(-1)).toBe("ready:12");
  });
});
