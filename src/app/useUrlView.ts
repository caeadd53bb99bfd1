// Keeps the address bar in step with the view, and opens the view a pasted link describes.

import { useEffect } from "react";
import { type AppState, useAppStore } from "../store";
import { decodeView, encodeView, type UrlView } from "./urlView";

function viewOf(state: AppState): UrlView {
  return {
    tab: state.tab,
    filters: state.filters,
    compare: state.compare,
    windowDays: state.windowDays,
    stalledDays: state.stalledDays,
    benchmarks: state.benchmarks,
    alignment: state.alignment,
    scoring: state.scoring,
    aidaMapping: state.aidaMapping,
  };
}

/** Applies the link's view once (it wins over the settings saved in this browser), then mirrors the store. */
export function useUrlView(): void {
  useEffect(() => {
    const linked = decodeView(window.location.search);
    if (Object.keys(linked).length > 0) useAppStore.setState(linked);
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
