// The pipeline bench (issue #18, `npm run bench -- --pipeline-only`): a HubSpot deals export with eight
// `Date entered` stage columns against a lead table of the same number of rows, each imported in a
// fresh page of the built app (file chosen → numbers on screen), then on the deals the bench's 20
// filter changes on the Pipeline screen and the same 20 on the Overview (change → every answer on
// screen and nothing pending). Each screen is measured in a page of its own, opened right after its own
// import, so neither reuses answers (the filter bar's counts) the other already asked for.

import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  applyInPage,
  confirmMappingOnce,
  showAllFilters,
  type ViewRun,
  waitOutcome,
  waitView,
} from "./appImport";
import { BENCH_URL, benchContext } from "./chromium";
import { CAMPAIGN_NAMES, type PipelineFile, TEAM_NAMES } from "./dealsDataset";
import { filterSteps } from "./filterSteps";
import { waitForSample } from "./firstRender";
import { armUpdateWait, armViewWait, type LongTask, readAppTimings } from "./inPage";
import { median, type Spread, spread } from "./stats";

const IMPORT_TIMEOUT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 60_000;
/** Imports of each file (alternating lead table, deals): the median is reported. */
export const IMPORT_REPEATS = 3;

export interface PipelineImport {
  file: string;
  rows: number;
  bytes: number;
  /** File chosen → new numbers on screen, each repeat (fresh page each), ms. */
  runs: number[];
  /** Median of `runs`. */
  importMs: number;
  /** The app's own `import` measure (file chosen → tables ready), median. */
  appImportMeasureMs?: number;
  /** Longest main-thread task during any of the imports. */
  longestTaskMs: number;
  /** The tile the import is checked on (`opportunities` for deals, `leads` for the lead table). */
  tile: "opportunities" | "leads";
  /** Its value after the last import: should be `rows`. */
  shown: number | null;
  /** Where the last import's time went, by the banner's steps; "on screen" = banner gone → numbers shown. */
  phases: ImportPhase[];
}

/** One step the import banner showed ("Reading …", "Mapping columns", …) and how long it showed, ms. */
export interface ImportPhase {
  step: string;
  ms: number;
}

export interface ScreenFilters {
  runs: ViewRun[];
  /** Change → every answer on screen, nothing pending (+ 1 frame). */
  total: Spread;
  /** Click on the tab → the screen's answers on screen, ms. */
  firstShowMs?: number;
}

export interface PipelineBenchResult {
  ok: boolean;
  failure?: { during: "import" | "filters"; message: string };
  rows: number;
  leads?: PipelineImport;
  deals?: PipelineImport;
  /** Deals import ÷ lead-table import (medians); target ≤ 2. */
  importRatio?: number;
  pipeline?: ScreenFilters;
  /**
   * The Overview measured as the Pipeline is: in a page of its own, opened right after its own import of
   * the deals (the workspace save running behind it, as behind the Pipeline's first changes).
   */
  overview?: ScreenFilters;
  /**
   * The Overview on the Pipeline's page after the Pipeline's 20 changes (how it was measured before
   * 2026-12-01): the filter bar's counts for the same 20 filter states are then already answered, so
   * it skips work the Pipeline paid for. Kept for the record, not compared with the target.
   */
  overviewAfterPipeline?: ScreenFilters;
  /** Deals the Pipeline's first stage counted as reached before any filter (a sanity check). */
  firstStageReached?: number;
  /** Stages the Pipeline screen showed. */
  stages?: string[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface ImportOnce {
  context: BrowserContext;
  page: Page;
  importMs: number;
  appImportMeasureMs?: number;
  longestTaskMs: number;
  shown: number | null;
  phases: ImportPhase[];
}

declare global {
  interface Window {
    __benchImportSteps: { at: number; step: string }[] | undefined;
  }
}

/** In the page: records when the import banner's step text changes (passed to page.evaluate). */
function recordImportSteps(): void {
  const steps: { at: number; step: string }[] = [];
  window.__benchImportSteps = steps;
  let last = "";
  const check = () => {
    const text = document.querySelector(".import-progress p")?.textContent ?? "";
    const step = text === "" ? "on screen" : (text.split(":")[0] ?? text);
    if (step === last) return;
    last = step;
    steps.push({ at: performance.now(), step });
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** Steps between the file chosen and the numbers on screen, each with the time until the next. */
function phasesOf(steps: { at: number; step: string }[], changedAt: number, shownAt: number): ImportPhase[] {
  const inside = steps.filter((s) => s.at >= changedAt && s.at <= shownAt);
  const marks = [{ at: changedAt, step: "file chosen" }, ...inside];
  return marks.map((m, i) => ({ step: m.step, ms: (marks[i + 1]?.at ?? shownAt) - m.at }));
}

/** One import in a fresh page (its mapping confirmed once on a few rows first, as appImport does). */
async function importOnce(browser: Browser, file: PipelineFile): Promise<ImportOnce> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(BENCH_URL, { timeout: STEP_TIMEOUT_MS });
    await waitForSample(page);
    await confirmMappingOnce(page, file);
    const importsBefore = (await page.evaluate(readAppTimings)).imports.length;
    await page.evaluate(armUpdateWait, {
      label: file.fileName,
      timeoutMs: IMPORT_TIMEOUT_MS,
      failOnAlert: true,
    });
    await page.evaluate(recordImportSteps);
    await page.getByLabel("Import data file").setInputFiles(file.path);
    const outcome = await waitOutcome(page, IMPORT_TIMEOUT_MS);
    if (!outcome.ok) throw new Error(`importing ${file.fileName}: ${outcome.message}`);
    const steps = await page.evaluate(() => window.__benchImportSteps ?? []);
    const { imports } = await page.evaluate(readAppTimings);
    const tasks: LongTask[] = await page.evaluate(() => window.__benchLongTasks);
    const during = tasks.filter(
      (t) => t.start + t.duration >= outcome.changedAt && t.start <= outcome.shownAt,
    );
    const tile = file.kind === "deals" ? "opportunities" : "leads";
    const ready = page.locator(`[data-query-state="ready"] [data-metric="${tile}"]`).first();
    await ready.waitFor({ timeout: STEP_TIMEOUT_MS });
    const value = await ready.getAttribute("data-value");
    return {
      context,
      page,
      importMs: outcome.shownAt - outcome.changedAt,
      ...(imports.length > importsBefore ? { appImportMeasureMs: imports[imports.length - 1] } : {}),
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      shown: value === null || value === "" ? null : Number(value),
      phases: phasesOf(steps, outcome.changedAt, outcome.shownAt),
    };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

function summarise(file: PipelineFile, runs: ImportOnce[]): PipelineImport {
  const appMeasures = runs.flatMap((r) => (r.appImportMeasureMs === undefined ? [] : [r.appImportMeasureMs]));
  return {
    file: file.fileName,
    rows: file.rows,
    bytes: file.bytes,
    runs: runs.map((r) => r.importMs),
    importMs: median(runs.map((r) => r.importMs)),
    ...(appMeasures.length > 0 ? { appImportMeasureMs: median(appMeasures) } : {}),
    longestTaskMs: Math.max(0, ...runs.map((r) => r.longestTaskMs)),
    tile: file.kind === "deals" ? "opportunities" : "leads",
    shown: runs[runs.length - 1]?.shown ?? null,
    phases: runs[runs.length - 1]?.phases ?? [],
  };
}

/** The menu's values once it lists the imported file's (not the sample's) and at least two of them. */
async function menu(page: Page, label: "Campaign" | "Team", known: readonly string[]): Promise<string[]> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const values = await page
      .getByLabel(label, { exact: true })
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""))
      .catch(() => [] as string[]);
    if (values.length >= 2 && values.every((v) => known.includes(v))) return values;
    if (Date.now() > deadline)
      throw new Error(`the ${label} menu does not list the generated values (it has ${values.join(", ")})`);
    await page.waitForTimeout(100);
  }
}

/** What must be on screen, ready, after each change (checked after the clock stops). */
const READY: Record<"Pipeline" | "Overview", string> = {
  Pipeline: '[data-query-state="ready"] .pipeline-view',
  Overview: '[data-query-state="ready"] [data-metric="opportunities"]',
};

/** Opens the tab, then times the bench's 20 filter changes there. */
async function screenFilters(
  page: Page,
  tab: "Pipeline" | "Overview",
  campaigns: readonly string[],
  teams: readonly string[],
  onOpened: (page: Page) => Promise<void> = async () => {},
): Promise<ScreenFilters> {
  const button = page.getByRole("tab", { name: tab, exact: true });
  let firstShowMs: number | undefined;
  // The Overview is on show after an import already: a click would ask nothing, and nothing would end.
  if ((await button.getAttribute("aria-selected")) !== "true") {
    await page.evaluate(armViewWait, { timeoutMs: STEP_TIMEOUT_MS * 5, now: false, onClick: true });
    await button.click();
    const opened = await waitView(page, STEP_TIMEOUT_MS * 5);
    if (!opened.ok) throw new Error(`opening ${tab}: ${opened.message}`);
    firstShowMs = opened.shownAt - opened.changedAt;
  }
  await page.locator(READY[tab]).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await showAllFilters(page);
  await onOpened(page);
  const runs: ViewRun[] = [];
  for (const step of filterSteps(campaigns, teams)) {
    await page.evaluate(armViewWait, { timeoutMs: STEP_TIMEOUT_MS, now: false });
    await applyInPage(page, step);
    const outcome = await waitView(page, STEP_TIMEOUT_MS);
    if (!outcome.ok) throw new Error(`${tab}: filter ${step.control} = "${step.value}": ${outcome.message}`);
    runs.push({ ...step, totalMs: outcome.shownAt - outcome.changedAt });
    await page.locator(READY[tab]).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  return {
    runs,
    total: spread(runs.map((r) => r.totalMs)),
    ...(firstShowMs === undefined ? {} : { firstShowMs }),
  };
}

/**
 * The whole part: `repeats` imports of each file (lead table first, alternating, a fresh page each),
 * then, on the last deals import's page, the Pipeline's 20 filter changes and the Overview's.
 */
export async function benchPipeline(
  browser: () => Promise<Browser>,
  files: { deals: PipelineFile; leads: PipelineFile },
  repeats = IMPORT_REPEATS,
  log: (text: string) => void = () => {},
): Promise<PipelineBenchResult> {
  const result: PipelineBenchResult = { ok: false, rows: files.deals.rows };
  const leadRuns: ImportOnce[] = [];
  const dealRuns: ImportOnce[] = [];
  let last: ImportOnce | undefined;
  try {
    for (let i = 0; i < repeats; i++) {
      const lead = await importOnce(await browser(), files.leads);
      await lead.context.close().catch(() => {});
      leadRuns.push(lead);
      const deal = await importOnce(await browser(), files.deals);
      dealRuns.push(deal);
      log(
        `  import ${i + 1}/${repeats}: lead table ${(lead.importMs / 1000).toFixed(2)} s, deals ${(deal.importMs / 1000).toFixed(2)} s`,
      );
      if (i < repeats - 1) await deal.context.close().catch(() => {});
      else last = deal;
    }
  } catch (error) {
    result.failure = { during: "import", message: errorText(error) };
  }
  if (leadRuns.length > 0) result.leads = summarise(files.leads, leadRuns);
  if (dealRuns.length > 0) result.deals = summarise(files.deals, dealRuns);
  if (result.leads && result.deals) result.importRatio = result.deals.importMs / result.leads.importMs;
  if (!last) {
    for (const run of dealRuns) await run.context.close().catch(() => {});
    return result;
  }
  try {
    const { page } = last;
    await showAllFilters(page);
    const campaigns = await menu(page, "Campaign", CAMPAIGN_NAMES);
    const teams = await menu(page, "Team", TEAM_NAMES);
    // Before any filter: the stages shown and the first one's deals reached, for the record.
    result.pipeline = await screenFilters(page, "Pipeline", campaigns, teams, async (opened) => {
      result.stages = await opened
        .locator("tr[data-deal-stage]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-deal-stage") ?? ""));
      const reached = await opened
        .locator('tr[data-deal-stage] [data-metric="reached"]')
        .first()
        .getAttribute("data-value");
      if (reached !== null) result.firstStageReached = Number(reached);
    });
    log(
      `  Pipeline filter p50 / p95: ${result.pipeline.total.p50.toFixed(0)} / ${result.pipeline.total.p95.toFixed(0)} ms`,
    );
    result.overviewAfterPipeline = await screenFilters(page, "Overview", campaigns, teams);
    log(
      `  Overview after the Pipeline, same page: ${result.overviewAfterPipeline.total.p50.toFixed(0)} / ${result.overviewAfterPipeline.total.p95.toFixed(0)} ms`,
    );
    await last.context.close().catch(() => {});
    // The compared Overview: its own import, opened right after it, as the Pipeline was.
    last = await importOnce(await browser(), files.deals);
    await showAllFilters(last.page);
    result.overview = await screenFilters(
      last.page,
      "Overview",
      await menu(last.page, "Campaign", CAMPAIGN_NAMES),
      await menu(last.page, "Team", TEAM_NAMES),
    );
    log(
      `  Overview filter p50 / p95 (own page): ${result.overview.total.p50.toFixed(0)} / ${result.overview.total.p95.toFixed(0)} ms`,
    );
    result.ok = result.failure === undefined;
  } catch (error) {
    result.failure = { during: "filters", message: errorText(error) };
  } finally {
    await last.context.close().catch(() => {});
  }
  return result;
}
