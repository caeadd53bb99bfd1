// Public contract (README): <html data-metrics-pending="N" data-metrics-shown="M">: analysis questions
// asked and not yet on screen, and answers put on screen so far. The benchmark and the browser tests
// wait on them instead of on time.

let pending = 0;
let shown = 0;

function publish(): void {
  if (typeof document === "undefined") return;
  document.documentElement.dataset.metricsPending = String(pending);
  document.documentElement.dataset.metricsShown = String(shown);
}

export function answerAsked(): void {
  pending++;
  publish();
}

export function answerShown(): void {
  pending--;
  shown++;
  publish();
}

/** The view closed before its answer came. */
export function answerDropped(): void {
  pending--;
  publish();
}
