// What the last import did: rows loaded and rejected with reasons, or why it failed.

import { FIELDS } from "../../import/fields";
import { formatCount } from "../../model/format";
import type { ImportStatus } from "../../store";

export function ImportStatusBanner(props: { status: ImportStatus }) {
  const { status } = props;
  if (status.state === "idle") return null;
  if (status.state === "importing") {
    return (
      <p className="banner" role="status">
        Importing {status.fileName}…
      </p>
    );
  }
  if (status.state === "failed") {
    return (
      <div className="banner banner-error" role="alert">
        <strong>Import failed.</strong> {status.message} The previous data is still loaded.
      </div>
    );
  }
  const s = status.summary;
  const kind = s.files[0]?.kind ?? "activity";
  const label = (id: string) => FIELDS[kind].find((f) => f.id === id)?.label ?? id;
  const mapped = Object.entries(s.mapping)
    .map(([field, header]) => `${label(field)} ← "${header}"`)
    .join(", ");
  return (
    <div className="banner" role="status">
      <p>
        {formatCount(s.rowsLoaded)} rows loaded from {s.fileName} ({formatCount(s.leads)} leads),{" "}
        {formatCount(s.rowsRejected)} rejected.
      </p>
      {s.rejectGroups.length > 0 && (
        <ul className="reject-list">
          {s.rejectGroups.map((g) => (
            <li key={`${g.column}-${g.problem}`}>{g.message}</li>
          ))}
        </ul>
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
      </details>
    </div>
  );
}
