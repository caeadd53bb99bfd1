// The app's one coordinator, over the app's engine; it follows the loaded data's version.

import { useAppStore } from "../store";
import { QueryCoordinator } from "./coordinator";
import { appEngine } from "./engine";

export const appCoordinator = new QueryCoordinator(appEngine);

const versionOf = (dataset: { version: number } | null) => (dataset ? String(dataset.version) : null);
appCoordinator.setDataVersion(versionOf(useAppStore.getState().dataset));
useAppStore.subscribe((state, previous) => {
  if (state.dataset !== previous.dataset) appCoordinator.setDataVersion(versionOf(state.dataset));
});
