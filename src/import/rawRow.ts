// Rebuilds a raw table row as the CSV line the user wrote, for downloading rejected rows.

import { quoteIdentifier } from "../db/sql";

/** The original row as one CSV line, so rejected rows can be downloaded as the user wrote them. */
export function rawRowSql(headers: readonly string[]): string {
  return headers
    .map((h) => `'"' || replace(coalesce(r.${quoteIdentifier(h)}, ''), '"', '""') || '"'`)
    .join(" || ',' || ");
}
