// Every screen legible on a laptop (1440×900) and on slides (1920×1080), light and dark (issue #19): no
// text over text or crossed by a whisker or a trend line, none cut by its SVG or its card, no sideways
// scrolling, and WCAG AA contrast (4.5:1, 3:1 for large text; 3:1 for a Sankey ribbon) from the rendered
// colours. Screenshots of each screen × size × theme go to test-results/layout/ for review. The checker is
// test/e2e/layout.ts; what it judges and what it leaves alone (a label inside its own bar, a <tspan> in
// its <text>, text in a box that scrolls, a disabled control) is written there.
//
// The whole page is checked on every screen, the header, filter bar, tiles and data-quality panel
// included: they pass today, so none is in KNOWN_PROBLEMS and a regression there fails here too. The deck
// and the print report are not visited (they were being reworked; see the report of #19).

import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, browserForFile, LOAD_TIMEOUT, openOnSample, SAMPLE_LEADS, showsLeads } from "./browser";
import {
  describeProblem,
  hubspotDealsWithHistory,
  type LayoutProblem,
  measureLayout,
  settled,
} from "./layout";

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ["light", "dark"] as const;
const SCREENSHOTS = "test-results/layout";

/**
 * Problems seen and not fixed yet, each with who can fix it: each must still be found (so the list
 * shrinks when someone fixes one), everything else fails. `screen`, `kind` and a pattern on the line.
 * Empty: every problem the test found on the old main is fixed.
 */
interface KnownProblem {
  screen: string;
  kind: LayoutProblem["kind"];
  matches: RegExp;
  why: string;
}
const KNOWN_PROBLEMS: readonly KnownProblem[] = [];

const browser = browserForFile();
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ page } = await openOnSample(browser(), undefined, { colorScheme: "light" }));
});

/** Visits the open screen at every size and theme; returns every problem found, one line each. */
async function checkScreen(screen: string): Promise<string[]> {
  const lines: string[] = [];
  for (const size of SIZES)
    for (const theme of THEMES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: "attached" });
      await page.evaluate(() => window.scrollTo(0, 0));
      await settled(page);
      const context = `${screen} ${size.width}×${size.height} ${theme}`;
      const name = `${screen.toLowerCase().replace(/\W+/g, "-")}-${size.width}x${size.height}-${theme}.png`;
      await page.screenshot({ path: `${SCREENSHOTS}/${name}`, fullPage: true });
      for (const problem of await measureLayout(page)) lines.push(describeProblem(context, problem));
    }
  return lines;
}

/** Fails on every problem not in KNOWN_PROBLEMS, and on every known problem no longer found. */
function expectOnlyKnown(screen: string, lines: string[]): void {
  const known = KNOWN_PROBLEMS.filter((k) => k.screen === screen);
  const isKnown = (line: string) =>
    known.some((k) => line.includes(`] ${k.kind} in`) && k.matches.test(line));
  const unexpected = lines.filter((line) => !isKnown(line));
  const fixed = known.filter(
    (k) => !lines.some((line) => line.includes(`] ${k.kind} in`) && k.matches.test(line)),
  );
  // One line per problem (screen, size, theme, the texts and their boxes) rather than an array diff.
  if (unexpected.length > 0) expect.fail(`${unexpected.length} layout problems:\n${unexpected.join("\n")}`);
  if (fixed.length > 0)
    expect.fail(
      `no longer found, remove from KNOWN_PROBLEMS: ${fixed.map((k) => `${k.kind} ${k.matches}`).join("; ")}`,
    );
}

async function openTab(name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.locator(`[role="tabpanel"][aria-labelledby="tab-${name.toLowerCase()}"]`).waitFor();
}

describe("every screen legible at both sizes and both themes", () => {
  for (const screen of ["Overview", "Leaks", "Campaigns", "Alignment"])
    it(`${screen} on the sample`, async () => {
      await openTab(screen);
      await page.locator('[data-query-state="ready"]').first().waitFor({ timeout: LOAD_TIMEOUT });
      expectOnlyKnown(screen, await checkScreen(screen));
    });

  it("Alignment with a campaign filter", async () => {
    await openTab("Alignment");
    // Filtered, the scorecard's "too few to judge" cells once made the page 1,450 px wide at 1,440.
    await page.goto(
      `${page.url().split("?")[0]}?tab=alignment&campaign=Events%20-%20Trade%20Shows%2C%20Spring%20%26%20Fall`,
    );
    await page.locator('[data-query-state="ready"]').first().waitFor({ timeout: LOAD_TIMEOUT });
    expectOnlyKnown("Alignment filtered", await checkScreen("Alignment filtered"));
  });

  it("Pipeline on a deals export with stage history", async () => {
    // Back to the unfiltered sample first: the filtered link above would filter the import too.
    await page.goto(APP_URL);
    await showsLeads(page, SAMPLE_LEADS);
    await page.getByLabel("Import data file").setInputFiles({
      name: "hubspot-deals.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(hubspotDealsWithHistory()),
    });
    await page.locator("tr[data-stage-source]").first().waitFor({ timeout: LOAD_TIMEOUT });
    await page.getByRole("button", { name: "Apply mapping" }).click({ timeout: LOAD_TIMEOUT });
    await page
      .locator('[data-query-state="ready"] [data-metric="opportunities"][data-value="120"]')
      .waitFor({ timeout: LOAD_TIMEOUT });
    await openTab("Pipeline");
    await page.locator("tr[data-deal-stage]").first().waitFor({ timeout: LOAD_TIMEOUT });
    expectOnlyKnown("Pipeline", await checkScreen("Pipeline"));
  });
});
