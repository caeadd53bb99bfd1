// The team's stage definitions one click away: from the header on every screen (editable) and from the
// deck (read in large type over the slide), their text never cut off. One page on the sample.

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForFile, LOAD_TIMEOUT, openOnSample } from "./browser";

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  ({ page } = await openOnSample(browser()));
});

/** A definition far longer than the three rows a textarea starts with. */
const LONG_DEFINITION = Array.from(
  { length: 12 },
  (_, i) =>
    `Rule ${i + 1}: a lead becomes an MQL when its score reaches 75 points from behaviour and fit, or on a demo request.`,
).join(" ");

/** Every text in the open Definitions dialog that is clipped: its content larger than its box. */
async function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dialog = document.querySelector("dialog[open].definitions-dialog");
    if (!dialog) return ["no open dialog"];
    const clipped = (e: Element) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
    return [...dialog.querySelectorAll("textarea, dd, dt")].filter(clipped).map((e) => e.textContent ?? "");
  });
}

describe("definitions one click away", () => {
  it("opens from the header on every screen, every definition shown whole, even a long one", async () => {
    const tabs = await page.getByRole("tab").allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(5);
    for (const tab of tabs) {
      await page.getByRole("tab", { name: tab }).click();
      await page.getByRole("button", { name: "Definitions" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Stage definitions" });
      await dialog.waitFor();
      // The team's own wording, one field per stage, each as tall as its text.
      expect(await dialog.getByRole("textbox").count()).toBe(5);
      expect(await clippedTexts(page), `on ${tab}`).toEqual([]);
      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "hidden" });
    }

    // A long definition grows its field instead of hiding behind a scroll bar.
    await page.getByRole("button", { name: "Definitions" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Stage definitions" });
    const mql = dialog.getByRole("textbox", { name: "MQL definition" });
    const before = await mql.evaluate((e) => e.clientHeight);
    await mql.fill(LONG_DEFINITION);
    expect(await mql.evaluate((e) => e.clientHeight)).toBeGreaterThan(before);
    expect(await clippedTexts(page)).toEqual([]);
    // Esc closes the dialog.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  it("opens from the deck over the slide, in large type, and Esc closes it without leaving the deck", async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("button", { name: "Present" }).click();
    const deck = page.getByRole("dialog", { name: "Presentation" });
    await deck.locator(".slide").waitFor({ timeout: LOAD_TIMEOUT });
    await deck.getByRole("button", { name: "Definitions" }).click();
    const dialog = page.getByRole("dialog", { name: "Stage definitions" });
    await dialog.waitFor();
    // The team's own wording, as edited in the test before.
    expect(await dialog.locator('[data-stage="mql"] dd').textContent()).toBe(LONG_DEFINITION);
    expect(await clippedTexts(page)).toEqual([]);
    const shown = await page.evaluate(() => {
      const element = document.querySelector("dialog[open].definitions-dialog");
      const dd = element?.querySelector("dd");
      if (!element || !dd) return null;
      const box = element.getBoundingClientRect();
      // What the screen shows at the dialog's centre is the dialog itself, not the slide under it.
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + 40);
      return { onTop: element.contains(top), fontSize: Number.parseFloat(getComputedStyle(dd).fontSize) };
    });
    expect(shown?.onTop).toBe(true);
    expect(shown?.fontSize).toBeGreaterThanOrEqual(24);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // The deck is still there, on the same slide.
    expect(await deck.isVisible()).toBe(true);
    await deck.getByRole("button", { name: "Leave presentation" }).click();
    await deck.waitFor({ state: "detached" });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
