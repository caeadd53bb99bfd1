// Work that needs the engine's tables (an import, a download) waits while a saved workspace or the
// sample is still being reopened: the screens may already show answers kept from the last visit.

import { useAppStore } from "../store";

/** Resolves once no data is being reopened (at once when none is). */
export function whenDataLoaded(): Promise<void> {
  const loaded = () => !useAppStore.getState().dataset?.restoring;
  if (loaded()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const stop = useAppStore.subscribe(() => {
      if (!loaded()) return;
      stop();
      resolve();
    });
  });
}
