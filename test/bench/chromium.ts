// Serves dist/ with `vite preview` and launches headless Debian Chromium the way the browser tests do.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { INIT_SCRIPT } from "./inPage";

/** Not the browser tests' 4173, so a bench can run while `npm test` does. */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4193);
export const BENCH_URL = `http://127.0.0.1:${BENCH_PORT}/`;

// The same flags as test/e2e/browser.ts, plus precise performance.memory figures.
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-precise-memory-info",
];

export async function startPreview(): Promise<PreviewServer> {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` first");
  return preview({ preview: { port: BENCH_PORT, strictPort: true, host: "127.0.0.1" }, logLevel: "warn" });
}

const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ARGS,
};

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/** A fresh context (own HTTP cache) whose pages record long tasks from their first script on. */
export async function benchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(INIT_SCRIPT);
  return context;
}

/**
 * A fresh browser profile on disk (empty HTTP and code caches), as a first-time visitor has. Not an
 * incognito context: those keep no compiled-code cache, so a "warm" reload there recompiles
 * DuckDB's wasm as no returning user's browser does. `close` also deletes the profile.
 */
export async function freshProfile(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "funnel-lens-bench-profile-"));
  const context = await chromium.launchPersistentContext(dir, LAUNCH);
  await context.addInitScript(INIT_SCRIPT);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
