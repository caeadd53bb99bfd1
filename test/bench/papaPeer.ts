// The naive peer: PapaParse in the browser parses the file to objects, then a JS loop counts stages.

import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { BENCH_URL, benchContext } from "./chromium";
import type { Dataset } from "./datasets";
import { withTimeout } from "./timeout";

const PEER_URL = `${BENCH_URL}__bench/papaparse-peer.html`;
const TIMEOUT_MS = 10 * 60_000;

export interface PeerResult {
  ok: boolean;
  error?: string;
  /** File chosen → parsed and counted, in the page. */
  ms?: number;
  parseMs?: number;
  rows?: number;
  /** Leads that reached lead, MQL, SAL, SQL, opportunity, deal (the app's rule: that stage or later). */
  reached?: number[];
}

interface PeerOutcome {
  ms: number;
  parseMs: number;
  rows: number;
  reached: number[];
}

declare global {
  interface Window {
    Papa: {
      parse(
        file: File,
        config: {
          header: boolean;
          skipEmptyLines: boolean;
          complete(results: { data: Record<string, string>[] }): void;
          error(error: Error): void;
        },
      ): void;
    };
    __peer: Promise<PeerOutcome> | undefined;
  }
}

/** In the page: on the next file choice, parse it to objects and count leads per furthest stage. */
function armPeer(): void {
  const input = document.querySelector<HTMLInputElement>("#file");
  window.__peer = new Promise<PeerOutcome>((resolve, reject) => {
    input?.addEventListener("change", () => {
      const started = performance.now();
      const file = input.files?.[0];
      if (!file) return reject(new Error("no file"));
      window.Papa.parse(file, {
        header: true,
        skipEmptyLines: true,
        error: reject,
        complete: (results) => {
          const parsed = performance.now();
          const order: Record<string, number> = {
            became_mql: 1,
            sales_accepted: 2,
            became_sql: 3,
            opportunity_created: 4,
            deal_won: 5,
          };
          const furthest = new Map<string, number>();
          for (const row of results.data) {
            const lead = row.lead_id;
            if (!lead) continue;
            const stage = order[row.activity ?? ""] ?? 0;
            const seen = furthest.get(lead);
            if (seen === undefined || stage > seen) furthest.set(lead, stage);
          }
          const reached = [0, 0, 0, 0, 0, 0];
          for (const stage of furthest.values())
            for (let s = 0; s <= stage; s++) reached[s] = (reached[s] ?? 0) + 1;
          resolve({
            ms: performance.now() - started,
            parseMs: parsed - started,
            rows: results.data.length,
            reached,
          });
        },
      });
    });
  });
}

export async function benchPapaParse(browser: Browser, dataset: Dataset): Promise<PeerResult> {
  const context = await benchContext(browser);
  try {
    const page = await context.newPage();
    // A blank page on the preview origin: the app's code and DuckDB stay out of the measurement.
    await page.route(PEER_URL, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><title>PapaParse peer</title><input id="file" type="file">',
      }),
    );
    await page.goto(PEER_URL);
    const papa = createRequire(import.meta.url).resolve("papaparse/papaparse.min.js");
    await page.addScriptTag({ path: papa });
    await page.evaluate(armPeer);
    await page.locator("#file").setInputFiles(dataset.path);
    const outcome = await withTimeout(
      page.evaluate(() => window.__peer ?? Promise.reject(new Error("not armed"))),
      TIMEOUT_MS,
      "PapaParse",
    );
    return { ok: true, ...outcome };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await context.close().catch(() => {});
  }
}
