// The Overview screen: funnel health at a glance, or a clear loading, error or empty state.

import type { Funnel } from "../../model/funnel";
import type { FunnelComparison } from "../../queries/useFunnel";
import { QueryState } from "../../ui/QueryState";
import { FunnelOverview } from "./FunnelOverview";

export type OverviewState =
  | { status: "loading"; message?: string }
  | { status: "error"; message: string }
  | { status: "empty" }
  | {
      status: "ready";
      funnel: Funnel;
      datasetLabel: string;
      comparison?: FunnelComparison;
      stale?: boolean;
      fromLastVisit?: boolean;
    };

export function OverviewView(props: { state: OverviewState; onImportClick?: () => void }) {
  const { state } = props;
  switch (state.status) {
    case "loading":
      return (
        <div className="view-state" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <p>{state.message ?? "Loading…"}</p>
        </div>
      );
    case "error":
      return (
        <div className="view-state view-state-error" role="alert">
          <h2>The funnel could not be shown</h2>
          <p>{state.message}</p>
        </div>
      );
    case "empty":
      return (
        <div className="view-state view-state-empty">
          <h2>No data loaded</h2>
          <p>
            No data is loaded yet. Import an activity log, a lead table or a deal export (CSV, TSV, JSON or
            Parquet) to see your funnel. Files are read in this browser and never uploaded.
          </p>
          {props.onImportClick && (
            <button type="button" className="button button-primary" onClick={props.onImportClick}>
              Choose files to import
            </button>
          )}
        </div>
      );
    case "ready":
      return (
        <QueryState
          state={{
            status: "ready",
            data: state,
            stale: state.stale ?? false,
            fromLastVisit: state.fromLastVisit ?? false,
          }}
          loading="Counting the funnel…"
          failed="The funnel could not be shown"
        >
          {(ready) => (
            <FunnelOverview
              funnel={ready.funnel}
              datasetLabel={ready.datasetLabel}
              comparison={ready.comparison ?? { state: "off" }}
            />
          )}
        </QueryState>
      );
  }
}
