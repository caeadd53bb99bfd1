// Takes README's screenshot of the Overview (docs/overview.png, 1440×900, light theme) from the built
// app: `npm run build && npx tsx scripts/screenshot.ts`. Needs /usr/bin/chromium (see README).

import { spawn } from "node:child_process";
import { chromium } from "playwright-core";
import { CHROMIUM_LAUNCH } from "../test/e2e/browser";

const PORT = 4310;
const URL_TO_SHOOT = `http://127.0.0.1:${PORT}/`;

const preview = spawn(
  "npx",
  ["vite", "preview", "--port", String(PORT), "--strictPort", "--host", "127.0.0.1"],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
try {
  await new Promise<void>((resolve, reject) => {
    preview.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(String(PORT))) resolve();
    });
    preview.on("exit", (code) => reject(new Error(`vite preview exited (${code})`)));
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
    await page.goto(URL_TO_SHOOT);
    await page
      .locator('[data-query-state="ready"] [data-metric="leads"][data-value="3000"]')
      .waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => document.documentElement.dataset.metricsPending === "0");
    await page.screenshot({ path: "docs/overview.png" });
    console.log("wrote docs/overview.png");
  } finally {
    await browser.close();
  }
} finally {
  preview.kill();
}
