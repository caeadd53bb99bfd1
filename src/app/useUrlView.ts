// Keeps the address bar in step with the view, and opens the view a pasted link describes.

import { useEffect } from "react";
import { type AppState, linkSettingsOf, useAppStore } from "../store";
import { encodeView, readLink, settingsDifferences, type UrlView } from "./urlView";

function viewOf(state: AppState): UrlView {
  return {
    tab: state.tab,
    filters: state.filters,
    count: state.count,
    compare: state.compare,
    windowDays: state.windowDays,
    stalledDays: state.stalledDays,
    benchmarks: state.benchmarks,
    alignment: state.alignment,
    scoring: state.scoring,
    aidaMapping: state.aidaMapping,
  };
}

/**
 * Shows the view a link describes. Its settings apply to what it shows; the settings saved in this
 * browser stay the user's own (kept aside in `linkSettings.mine`) until they choose to keep the link's.
 * Reading it twice (React's strict mode) gives the same state.
 */
export function openLink(search: string): void {
  const { view, ignored } = readLink(search);
  if (Object.keys(view).length === 0) return;
  const state = useAppStore.getState();
  const mine = state.linkSettings?.mine ?? linkSettingsOf(state);
  const differences = settingsDifferences(linkSettingsOf(view as UrlView), mine);
  useAppStore.setState({
    ...view,
    linkSettings: differences.length > 0 ? { mine, differences } : null,
    linkProblems: ignored.length > 0 ? ignored : null,
  });
}

/** Applies the link's view once, then mirrors the store in the address bar. */
export function useUrlView(): void {
  useEffect(() => {
    openLink(window.location.search);
    let last: UrlView | null = null;
    let scheduled: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      scheduled = null;
      const query = encodeView(viewOf(useAppStore.getState()));
      const search = query === "" ? "" : `?${query}`;
      if (search !== window.location.search)
        window.history.replaceState(
          window.history.state,
          "",
          `${window.location.pathname}${search}${window.location.hash}`,
        );
    };
    const write = (state: AppState) => {
      const view = viewOf(state);
      // The store changes often (import progress, engine state); only a change of the view is written.
      if (last && (Object.keys(view) as (keyof UrlView)[]).every((key) => view[key] === last?.[key])) return;
      last = view;
      // replaceState costs a few ms: done in the next task, off the path of the filter change itself.
      scheduled ??= setTimeout(flush, 0);
    };
    write(useAppStore.getState());
    const unsubscribe = useAppStore.subscribe(write);
    return () => {
      unsubscribe();
      if (scheduled !== null) clearTimeout(scheduled);
    };
  }, []);
}
