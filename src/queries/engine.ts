// The app's SqlEngine, started as the page loads; start-up progress lands in the store.

import { browserEngine } from "../db/browser";
import type { SqlEngine } from "../db/engine";
import { userMessage } from "../db/errors";
import { useAppStore } from "../store";

let started: Promise<SqlEngine> | null = null;

export function appEngine(): Promise<SqlEngine> {
  if (!started) {
    started = browserEngine();
    started.then(
      () => {
        performance.mark("duckdb-ready");
        useAppStore.getState().setEngine({ state: "ready" });
      },
      (error: unknown) => useAppStore.getState().setEngine({ state: "failed", message: userMessage(error) }),
    );
  }
  return started;
}
