// The screens other than the Overview, loaded on first use: they carry Recharts and the slide deck,
// which the first dashboard does not need (a smaller first bundle leaves the CPU to DuckDB's wasm
// compile on a first visit). `preloadScreens` fetches them once the first numbers are on screen.

import { lazy } from "react";

const loaders = {
  leaks: () => import("./Leaks/LeaksView"),
  campaigns: () => import("./Campaigns/CampaignsView"),
  alignment: () => import("./Alignment/AlignmentView"),
  pipeline: () => import("./Pipeline/PipelineView"),
  presentation: () => import("./Presentation/PresentationScreens"),
};

export const LazyLeaksView = lazy(() => loaders.leaks().then((m) => ({ default: m.LeaksView })));
export const LazyCampaignsView = lazy(() => loaders.campaigns().then((m) => ({ default: m.CampaignsView })));
export const LazyAlignmentView = lazy(() => loaders.alignment().then((m) => ({ default: m.AlignmentView })));
export const LazyPipelineView = lazy(() => loaders.pipeline().then((m) => ({ default: m.PipelineView })));
export const LazyDeck = lazy(() => loaders.presentation().then((m) => ({ default: m.Deck })));
export const LazyReport = lazy(() => loaders.presentation().then((m) => ({ default: m.Report })));

let preloaded = false;

/** Starts loading every lazy screen (once), so switching tabs later does not wait for a download. */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}
