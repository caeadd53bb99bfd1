// What the import is doing or did: progress with Cancel, rows loaded and rejected with reasons, or why it failed.

import { FIELDS } from "../../import/fields";
import type { ImportSummary } from "../../import/load";
import { DIMENSION_LABELS } from "../../model/filters";
import { formatCount } from "../../model/format";
import { unitNoun } from "../../model/stages";
import type { ImportStatus } from "../../store";

export interface ImportStatusActions {
  /** Absent while nothing cancellable runs (the sample or a saved workspace reopening). */
  onCancel?: () => void;
  onDownloadRejects: () => void;
  onEditMapping?: () => void;
}

const SHOWN_MERGES = 8;

/** The filter dimension's name, lower case, for sentences. */
const DIMENSION_NOUNS: Record<string, string> = Object.fromEntries(
  Object.entries(DIMENSION_LABELS).map(([d, label]) => [d, label.toLowerCase()]),
);

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

function Summary(props: { summary: ImportSummary } & ImportStatusActions) {
  const s = props.summary;
  const kind = s.files[0]?.kind ?? "activity";
  const label = (id: string) => FIELDS[kind].find((f) => f.id === id)?.label ?? id;
  const mapped = Object.entries(s.mapping)
    .map(([field, header]) => `${label(field)} ← "${header}"`)
    .join(", ");
  return (
    <div className="banner" role="status">
      {s.files.map((f) => (
        <p key={f.fileName}>
          {formatCount(f.rowsLoaded)} {f.rowsLoaded === 1 ? "row" : "rows"} loaded from {f.fileName},{" "}
          {formatCount(f.rowsRejected)} rejected.
          {f.notes.length > 0 && <span className="view-note"> {f.notes.join(" ")}</span>}
        </p>
      ))}
      <p>
        {formatCount(s.leads)} {unitNoun(s.unit, s.leads)} in the workspace
        {s.spendRows > 0 ? `; campaign spend for ${formatCount(s.spendRows)} rows` : ""}.
      </p>
      {s.rejectGroups.length > 0 && (
        <>
          <ul className="reject-list" aria-label="Rejected rows by reason">
            {s.rejectGroups.map((g) => (
              <li key={`${g.fileName}-${g.column}-${g.problem}`}>{g.message}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={props.onDownloadRejects}>
            Download rejected rows
          </button>
        </>
      )}
      {s.mergedSpellings.length > 0 && (
        <p data-merged-spellings={s.mergedSpellings.length}>
          Values that differ only in case are counted as one:{" "}
          {s.mergedSpellings
            .slice(0, SHOWN_MERGES)
            .map(
              (m) =>
                `${DIMENSION_NOUNS[m.dimension] ?? m.dimension} “${m.spelling}” as “${m.canonical}” (${formatCount(m.rows)} ${m.rows === 1 ? "row" : "rows"})`,
            )
            .join(", ")}
          {s.mergedSpellings.length > SHOWN_MERGES &&
            ` and ${formatCount(s.mergedSpellings.length - SHOWN_MERGES)} more`}
          .
        </p>
      )}
      {s.unknownActivities.length > 0 && (
        <p>
          Activities not in the vocabulary (kept as written):{" "}
          {s.unknownActivities.map((a) => `${a.activity} (${formatCount(a.rows)})`).join(", ")}.
        </p>
      )}
      <details>
        <summary>Column mapping</summary>
        <p>{mapped}</p>
        {props.onEditMapping && (
          <button type="button" className="button" onClick={props.onEditMapping}>
            Edit mapping
          </button>
        )}
      </details>
    </div>
  );
}

export function ImportStatusBanner(props: { status: ImportStatus } & ImportStatusActions) {
  const { status } = props;
  if (status.state === "idle" || status.state === "mapping") return null;
  if (status.state === "importing") {
    const size = status.bytes > 0 ? ` (${formatBytes(status.bytes)})` : "";
    return (
      <div className="banner import-progress" role="status">
        <p>
          {status.step}: {status.fileNames.join(", ")}
          {size}…
        </p>
        <progress max={Math.max(1, status.total)} value={status.done} aria-label="Import progress" />
        {props.onCancel && status.step !== "Cancelling" && (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    );
  }
  if (status.state === "failed") {
    return (
      <div className="banner banner-error" role="alert">
        <strong>Import failed.</strong> {status.message} The previous data is still loaded.
      </div>
    );
  }
  return <Summary summary={status.summary} {...props} />;
}
