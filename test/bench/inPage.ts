// Code that runs inside the page: long-task recording, and waits for the app to show new numbers.

/**
 * Runs before the app's scripts in every document. tsx compiles with esbuild's keepNames, which
 * wraps named functions in `__name(...)` when Playwright serialises them into the page; define it.
 * The long-task observer is buffered, so tasks from before it was registered are kept too.
 */
export const INIT_SCRIPT = `
window.__name = (fn) => fn;
window.__benchLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
} catch {}
`;

export interface LongTask {
  start: number;
  duration: number;
}

export type UpdateOutcome =
  | {
      ok: true;
      changedAt: number;
      shownAt: number;
      update: number;
      queryMs: number | null;
      /** Alerts the app showed meanwhile that did not stop the numbers (when failOnAlert is off). */
      alerts: string[];
    }
  | { ok: false; changedAt: number | null; message: string };

declare global {
  interface Window {
    __benchLongTasks: LongTask[];
    __benchWait: Promise<UpdateOutcome> | undefined;
  }
}

export interface ArmOptions {
  /** The `.dataset-label` text to wait for (an import); null = any label (a filter change). */
  label: string | null;
  timeoutMs: number;
  /** End as a failure when a new role="alert" appears (an import); else note it and keep waiting. */
  failOnAlert: boolean;
}

/**
 * Installs, inside the page, a wait that starts at the next `input`/`change` event (the user's action)
 * and ends one animation frame after `main[data-funnel-update]` grows (for an import: after the
 * label shows the new file), i.e. when the new numbers are on screen. A new role="alert" ends it as a
 * failure with its text, or is noted (`failOnAlert: false`).
 * Passed to page.evaluate; everything it uses must be defined inside it.
 */
export function armUpdateWait(options: ArmOptions): void {
  const main = () => document.querySelector("main[data-funnel-update]");
  const updateOf = () => Number(main()?.getAttribute("data-funnel-update") ?? "0");
  const before = updateOf();
  const alertsBefore = new Set(document.querySelectorAll('[role="alert"]'));
  const alerts: string[] = [];
  const queriesBefore = performance.getEntriesByName("funnel-query", "measure").length;
  let changedAt: number | null = null;
  let baseline: number | null = options.label === null ? before : null;
  const onAction = () => {
    changedAt ??= performance.now();
  };
  window.addEventListener("input", onAction, true);
  window.addEventListener("change", onAction, true);
  window.__benchWait = new Promise<UpdateOutcome>((resolve) => {
    let done = false;
    const finish = (outcome: UpdateOutcome) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener("input", onAction, true);
      window.removeEventListener("change", onAction, true);
      resolve(outcome);
    };
    const check = () => {
      if (done) return;
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        if (alertsBefore.has(alert)) continue;
        if (options.failOnAlert) {
          finish({ ok: false, changedAt, message: alert.textContent ?? "" });
          return;
        }
        alertsBefore.add(alert);
        alerts.push(alert.textContent ?? "");
      }
      const update = updateOf();
      if (baseline === null) {
        // An import: numbers shown before the label switched are the old data's (the app re-queries
        // when the import starts), so count only updates after the label shows the new file.
        const label = document.querySelector(".app-header .dataset-label")?.textContent ?? "";
        if (label === options.label) baseline = update;
        return;
      }
      if (update <= baseline) return;
      requestAnimationFrame(() => {
        const shownAt = performance.now();
        const queries = performance.getEntriesByName("funnel-query", "measure");
        const last = queries.length > queriesBefore ? queries[queries.length - 1] : undefined;
        finish({
          ok: true,
          changedAt: changedAt ?? shownAt,
          shownAt,
          update,
          queryMs: last?.duration ?? null,
          alerts,
        });
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const timer = setTimeout(
      () => finish({ ok: false, changedAt, message: `no new numbers within ${options.timeoutMs / 1000} s` }),
      options.timeoutMs,
    );
  });
}

export interface AppTimings {
  duckdbReady: number | null;
  imports: number[];
  queries: number[];
}

/** The app's own measures and marks, in ms; passed to page.evaluate. */
export function readAppTimings(): AppTimings {
  const ready = performance.getEntriesByName("duckdb-ready", "mark")[0];
  return {
    duckdbReady: ready ? ready.startTime : null,
    imports: performance.getEntriesByName("import", "measure").map((e) => e.duration),
    queries: performance.getEntriesByName("funnel-query", "measure").map((e) => e.duration),
  };
}

export type ViewOutcome =
  | { ok: true; changedAt: number; shownAt: number }
  | { ok: false; changedAt: number | null; message: string };

declare global {
  interface Window {
    __benchViewWait: Promise<ViewOutcome> | undefined;
  }
}

/**
 * For the analysis screens: a wait that starts at the next `input`/`change` event (or at once when
 * `now`), and ends one animation frame after every analysis query asked since is on screen:
 * `html[data-metrics-shown]` grew and `html[data-metrics-pending]` is back to 0 (see useMetric).
 * Passed to page.evaluate; everything it uses must be defined inside it.
 */
export function armViewWait(options: { timeoutMs: number; now: boolean; onClick?: boolean }): void {
  const root = document.documentElement;
  const shownOf = () => Number(root.dataset.metricsShown ?? "0");
  const pendingOf = () => Number(root.dataset.metricsPending ?? "0");
  const before = shownOf();
  let changedAt: number | null = options.now ? performance.now() : null;
  const onAction = () => {
    changedAt ??= performance.now();
  };
  window.addEventListener("input", onAction, true);
  window.addEventListener("change", onAction, true);
  // A tab switch starts at the click itself (not when the bench asked for it).
  if (options.onClick) window.addEventListener("click", onAction, true);
  // A tab switch starts at the click itself (not when the bench asked for it).
  if (options.onClick) window.addEventListener("click", onAction, true);
  window.__benchViewWait = new Promise<ViewOutcome>((resolve) => {
    let done = false;
    const finish = (outcome: ViewOutcome) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener("input", onAction, true);
      window.removeEventListener("change", onAction, true);
      window.removeEventListener("click", onAction, true);
      window.removeEventListener("click", onAction, true);
      resolve(outcome);
    };
    const check = () => {
      if (done || changedAt === null || shownOf() <= before || pendingOf() !== 0) return;
      requestAnimationFrame(() => {
        // Still settled one frame later (no new question was asked meanwhile)?
        if (pendingOf() !== 0) return;
        finish({ ok: true, changedAt: changedAt ?? performance.now(), shownAt: performance.now() });
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(root, {
      attributes: true,
      attributeFilter: ["data-metrics-shown", "data-metrics-pending"],
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          changedAt,
          message: `the view did not settle within ${options.timeoutMs / 1000} s`,
        }),
      options.timeoutMs,
    );
    check();
  });
}
