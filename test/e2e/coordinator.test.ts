// The query coordinator in the browser (issue 17): a screen whose answers are cached opens with its
// numbers at once, and after a filter change the old numbers stay on screen dimmed under "Updating…"
// until the new ones land — never a blank loading card, never silently old.

import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, metricsSettled, type OpenedApp, openOnSample } from "./browser";

const browser = browserForFile();
let app: OpenedApp;

declare global {
  interface Window {
    __seen: string[];
  }
}

/** Records, from now on, every loading card and every "Updating…" badge the page shows. */
async function watchStates(): Promise<void> {
  await app.page.evaluate(() => {
    window.__seen = [];
    const note = (node: Node) => {
      if (!(node instanceof HTMLElement)) return;
      for (const el of [node, ...node.querySelectorAll("*")]) {
        if (el.classList.contains("view-state")) window.__seen.push(`loading: ${el.textContent}`);
        if (el.classList.contains("query-state-badge")) window.__seen.push(`badge: ${el.textContent}`);
      }
    };
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) note(node);
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const seen = () => app.page.evaluate(() => window.__seen);
const headline = () => app.page.locator("p.headline[data-biggest-leak]").textContent();

beforeAll(async () => {
  app = await openOnSample(browser());
});

describe("the query coordinator in the browser", () => {
  it("opens a screen whose answers are cached with its numbers at once", async () => {
    const { page } = app;
    await page.getByRole("tab", { name: "Leaks" }).click();
    await page.locator("p.headline[data-biggest-leak]").waitFor();
    await metricsSettled(page);
    const first = await headline();
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.locator('[data-metric="leads"]').waitFor();

    await watchStates();
    await page.getByRole("tab", { name: "Leaks" }).click();
    // Drawn in the click's own render: the headline is there and no loading card was ever shown.
    expect(await page.locator("p.headline[data-biggest-leak]").count()).toBe(1);
    expect(await headline()).toBe(first);
    expect(await seen()).toEqual([]);
  });

  it("keeps the old numbers under 'Updating…' while a filter change is answered, then shows the new ones", async () => {
    const { page } = app;
    const before = await headline();
    const channel = page.getByRole("combobox", { name: "Channel" });
    const options = await channel.locator("option").allTextContents();
    const one = options.find((o) => /\(\d[\d,]*\)$/.test(o) && !o.startsWith("All"));
    expect(one, `a channel option among ${options.join(" | ")}`).toBeDefined();

    await watchStates();
    await channel.selectOption({ label: one as string });
    await page.locator('[data-query-state="ready"] p.headline').first().waitFor();
    await metricsSettled(page);
    const states = await seen();
    expect(
      states.some((s) => s.startsWith("loading:")),
      states.join("\n"),
    ).toBe(false);
    expect(
      states.some((s) => s === "badge: Updating…"),
      states.join("\n"),
    ).toBe(true);
    expect(await page.locator('[data-query-state="stale"]').count()).toBe(0);
    expect(await headline()).not.toBe(before);

    // Back to every channel: answered from the cache, no "Updating…" at all.
    await watchStates();
    await channel.selectOption({ index: 0 });
    await page.waitForFunction(
      (text) => document.querySelector("p.headline[data-biggest-leak]")?.textContent === text,
      before,
    );
    await metricsSettled(page);
    expect(await seen()).toEqual([]);
  });
});
