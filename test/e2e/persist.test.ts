// The built app keeps an imported workspace in the browser across reloads and restarts, until "Clear workspace".
// The first and last tests share one page: the last starts where the first leaves it, on the sample
// with nothing kept (funnel-basic.csv's mapping may be remembered: importFixture confirms it if asked).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import {
  APP_ORIGIN,
  APP_URL,
  browserForFile,
  CHROMIUM_LAUNCH,
  importFiles,
  LOAD_TIMEOUT,
  openApp,
  SAMPLE_LEADS,
  showsLeads,
} from "./browser";

const FIXTURE = path.join(FIXTURES, "funnel-basic.csv");
/** A test here loads the sample up to three times; each load takes seconds on a 2-core machine. */
const TEST_TIMEOUT = 180_000;

const browser = browserForFile();
/** The page the first and last tests share (a fresh browser profile when the file starts). */
let page: Page;

beforeAll(async () => {
  ({ page } = await openApp(browser()));
});

/** Imports funnel-basic.csv over the sample, confirming the proposed mapping when the app asks for it. */
async function importFixture(page: Page): Promise<void> {
  await showsLeads(page, SAMPLE_LEADS);
  await importFiles(page, FIXTURE, 10, "if-asked");
}

const datasetLabel = (page: Page) => page.locator(".app-header .dataset-label").textContent();

/** Every request that left the page: method and URL. Saving must not add any. */
function recordRequests(context: BrowserContext): string[] {
  const requests: string[] = [];
  context.on("request", (request) => {
    requests.push(`${request.method()} ${request.url()}`);
  });
  return requests;
}

describe("saved workspace in the browser", () => {
  it(
    "keeps an imported file across reloads until Clear workspace brings back the sample",
    async () => {
      const requests = recordRequests(page.context());
      await importFixture(page);
      // The save finishes after the numbers show; reloading before it would find nothing kept.
      await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });

      await page.reload();
      await showsLeads(page, 10);
      expect(await datasetLabel(page)).toBe("funnel-basic.csv");

      await page.getByRole("button", { name: "Clear workspace…" }).click();
      await page
        .getByRole("alertdialog", { name: "Clear workspace?" })
        .getByRole("button", { name: "Delete" })
        .click();
      await showsLeads(page, 3000);
      await page.reload();
      await showsLeads(page, 3000);
      expect(await datasetLabel(page)).not.toBe("funnel-basic.csv");

      // Stored in this browser only: nothing was posted, nothing went off the app's origin.
      const sent = requests.filter((r) => {
        const [method = "", url = ""] = r.split(" ");
        const local = url.startsWith(APP_ORIGIN) || url.startsWith("data:") || url.startsWith("blob:");
        return method !== "GET" || !local;
      });
      expect(sent).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps a workspace larger than one snapshot slice: 60,000 events, saved in two and reopened whole",
    async () => {
      // 30,000 leads × 2 events: more rows than one 50,000-row COPY, so the save writes two slices and
      // joins them (in a worker: joinBytes.ts). Reopened, every lead and its MQL are there.
      const lines = ["lead_id,timestamp,activity"];
      for (let i = 1; i <= 30_000; i++) {
        const day = String((i % 28) + 1).padStart(2, "0");
        lines.push(`L${i},2025-03-${day},form_submit`, `L${i},2025-04-${day},became_mql`);
      }
      const { page: own } = await openApp(browser());
      try {
        await showsLeads(own, SAMPLE_LEADS);
        await importFiles(
          own,
          { name: "large-log.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) },
          30_000,
          "if-asked",
        );
        await own.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });
        await own.reload();
        await showsLeads(own, 30_000);
        expect(await datasetLabel(own)).toBe("large-log.csv");
        expect(await own.locator('[data-metric="mqls"]').getAttribute("data-value")).toBe("30000");
      } finally {
        await own.context().close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "keeps an imported file when the browser is closed and opened again",
    async () => {
      const profile = await mkdtemp(path.join(tmpdir(), "funnel-lens-profile-"));
      // A persistent profile on disk, as a user's browser has; the same flags as launchBrowser().
      const launch = () => chromium.launchPersistentContext(profile, CHROMIUM_LAUNCH);
      try {
        const first = await launch();
        const page = first.pages()[0] ?? (await first.newPage());
        await page.goto(APP_URL);
        await importFixture(page);
        await page.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });
        await first.close();

        const second = await launch();
        const reopened = second.pages()[0] ?? (await second.newPage());
        await reopened.goto(APP_URL);
        await showsLeads(reopened, 10);
        expect(await datasetLabel(reopened)).toBe("funnel-basic.csv");
        await second.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );

  it(
    "says an import could not be kept when the browser's storage is full, and keeps it loaded",
    async () => {
      // Chromium's own quota override: the save fails the way it does on a full disk.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Storage.overrideQuotaForOrigin", { origin: APP_ORIGIN, quotaSize: 1024 });
      await importFixture(page);
      await page
        .getByText(/could not be kept in this browser: the browser has no storage left/)
        .waitFor({ timeout: LOAD_TIMEOUT });
      expect(await datasetLabel(page)).toBe("funnel-basic.csv");

      await page.reload();
      await showsLeads(page, SAMPLE_LEADS);
    },
    TEST_TIMEOUT,
  );
});
