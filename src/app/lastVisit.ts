// Keeps the answers the screens last showed with the saved workspace, so the next visit draws them at
// once (marked "From your last visit · updating…") while the data reopens.

import { appCoordinator } from "../queries/appCoordinator";
import { useAppStore } from "../store";
import { saveLastAnswers } from "./persist";

/** After the last answer of a burst (a screen's questions land within a second or so). */
const SAVE_DELAY_MS = 2_000;
/** Enough for every screen's answers under a few filter choices; small enough to read at once. */
export const KEPT_ANSWERS = { maxEntries: 60, maxChars: 2_000_000 } as const;

async function save(): Promise<void> {
  const { dataset, kept } = useAppStore.getState();
  // Only for data kept in this browser (the sample's first screen ships with the app).
  if (!dataset || dataset.restoring || !kept) return;
  try {
    await saveLastAnswers(dataset.identity, dataset.label, appCoordinator.confirmedAnswers(KEPT_ANSWERS));
  } catch {
    // Not keeping them costs the next visit a moment; the workspace itself is unaffected.
  }
}

/** Starts keeping answers; returns the stop. */
export function keepAnswersForNextVisit(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  const stopAnswers = appCoordinator.onAnswer(later);
  // Answers that came before the workspace was saved are kept once it is.
  const stopKept = useAppStore.subscribe((state, previous) => {
    if (state.kept && !previous.kept) later();
  });
  return () => {
    clearTimeout(timer);
    stopAnswers();
    stopKept();
  };
}
