// The app's one coordinator, over the app's engine; it follows the loaded data's identity.

import { type LoadedData, useAppStore } from "../store";
import { QueryCoordinator } from "./coordinator";
import { appEngine } from "./engine";

export const appCoordinator = new QueryCoordinator(appEngine);

const follow = (dataset: LoadedData | null) =>
  appCoordinator.setDataVersion(dataset?.identity ?? null, !dataset?.restoring);
follow(useAppStore.getState().dataset);
useAppStore.subscribe((state, previous) => {
  if (state.dataset !== previous.dataset) follow(state.dataset);
});
