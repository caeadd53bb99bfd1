// The one way a figure waits for its answer: loading, error, empty, or its numbers — and, while a newer
// question (other filters) runs, the previous numbers dimmed under "Updating…", never silently old.

import type { ReactNode } from "react";
import type { QueryView } from "../queries/useQuery";

interface Props<T> {
  state: QueryView<T>;
  /** What is being worked out, as a sentence: "Measuring the hand-off…". */
  loading: string;
  /** The heading over an error: "The hand-off could not be measured". */
  failed: string;
  /** A short line instead of a card (for a section inside a screen). */
  inline?: boolean;
  /** When the answer holds nothing to draw, what to say instead. */
  empty?: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ state, loading, failed, inline = false, empty, children }: Props<T>) {
  if (state.status === "loading")
    return inline ? (
      <p className="query-state-line" role="status" aria-live="polite">
        {loading}
      </p>
    ) : (
      <div className="view-state" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>{loading}</p>
      </div>
    );
  if (state.status === "error")
    return inline ? (
      <p className="query-state-line" role="alert">
        {failed}: {state.message}
      </p>
    ) : (
      <div className="view-state view-state-error" role="alert">
        <h2>{failed}</h2>
        <p>{state.message}</p>
      </div>
    );
  const nothing = empty?.(state.data) ?? null;
  const updating = state.stale || state.fromLastVisit;
  return (
    <div
      className={updating ? "query-state query-state-updating" : "query-state"}
      data-query-state={state.stale ? "stale" : state.fromLastVisit ? "last-visit" : "ready"}
      aria-busy={updating}
    >
      {updating && (
        <p className="query-state-badge" role="status" aria-live="polite">
          {state.fromLastVisit && !state.stale ? "From your last visit · updating…" : "Updating…"}
        </p>
      )}
      <div className="query-state-body">
        {nothing === null ? children(state.data) : <p className="view-note">{nothing}</p>}
      </div>
    </div>
  );
}
