// Two tabs of the app in one browser (issue 16 item 3): one saved workspace, the other tab told and
// offered a reload; a setting changed in one tab is not wiped by the other.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/fixtures";
import { APP_URL, browserForFile, importFiles, LOAD_TIMEOUT, SAMPLE_LEADS, showsLeads } from "./browser";

const browser = browserForFile();

describe("two tabs", () => {
  it("tells the other tab the saved workspace changed, and keeps both tabs' settings", async () => {
    // One context = one browser profile: both tabs share localStorage, IndexedDB and BroadcastChannel.
    const context = await browser().newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(APP_URL);
    await second.goto(APP_URL);
    await showsLeads(first, SAMPLE_LEADS);
    await showsLeads(second, SAMPLE_LEADS);

    await importFiles(first, path.join(FIXTURES, "funnel-basic.csv"), 10);
    await first.getByText("Kept in this browser").waitFor({ timeout: LOAD_TIMEOUT });

    const notice = second.locator('[data-notice="changed-elsewhere"]');
    await notice.waitFor({ timeout: LOAD_TIMEOUT });
    await expect(notice.textContent()).resolves.toContain(
      "The saved workspace was changed in another tab: it now holds funnel-basic.csv.",
    );
    await expect(second.getByText("Kept in this browser", { exact: true }).count()).resolves.toBe(0);
    await expect(first.locator('[data-notice="changed-elsewhere"]').count()).resolves.toBe(0);

    // Settings: the first tab picks the dark theme, the second a 30-day window; neither wipes the other.
    await first.getByLabel("Theme").selectOption("dark");
    await second.locator("html[data-theme='dark']").waitFor({ timeout: LOAD_TIMEOUT });
    await second.getByRole("button", { name: "More filters" }).click();
    await second.getByLabel("Conversion window (days)").fill("30");
    // The first tab reads the second's window back from storage (its own theme stays), and opens its
    // "More filters" row to show the window now in force.
    await first.waitForFunction(
      () => document.querySelector<HTMLInputElement>('.filter-bar input[type="number"]')?.value === "30",
      undefined,
      { timeout: LOAD_TIMEOUT },
    );
    await expect(first.locator("html").getAttribute("data-theme")).resolves.toBe("dark");
    const savedSettings = await first.evaluate(() => ({
      theme: localStorage.getItem("funnel-lens:settings:theme"),
      windowDays: localStorage.getItem("funnel-lens:settings:windowDays"),
    }));
    expect(savedSettings).toEqual({ theme: '"dark"', windowDays: "30" });

    await notice.getByRole("button", { name: "Reload to open the saved workspace" }).click();
    await showsLeads(second, 10);
    await expect(second.locator('[data-notice="changed-elsewhere"]').count()).resolves.toBe(0);
    await context.close();
  });
});
