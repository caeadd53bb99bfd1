// Rows an import cannot use: why, with the file's row numbers (the header is row 1, as in a spreadsheet).

import { quoteLiteral } from "../db/sql";
import type { ColumnMapping } from "./detect";

export interface RejectGroup {
  column: string;
  problem: string;
  rows: number;
  exampleRow: number;
  exampleValue: string | null;
  /** "412 rows: 'MQL date' is not a date, e.g. row 17: '31/02/2024'" */
  message: string;
}

/** One reject row per (row, problem) for the required fields of an activity log. */
export function rejectsSql(eventsTable: string, rejectsTable: string, mapping: ColumnMapping): string {
  const label = (header: string | undefined) => quoteLiteral(header ?? "");
  return `CREATE OR REPLACE TABLE ${rejectsTable} AS
SELECT source_file, source_row, ${label(mapping.lead_id)} AS column_name, 'is empty' AS problem, NULL::VARCHAR AS value
FROM ${eventsTable} WHERE lead_id IS NULL
UNION ALL
SELECT source_file, source_row, ${label(mapping.occurred_at)}, CASE WHEN raw_occurred_at IS NULL THEN 'is empty' ELSE 'is not a date' END, raw_occurred_at
FROM ${eventsTable} WHERE occurred_at IS NULL
UNION ALL
SELECT source_file, source_row, ${label(mapping.activity)}, 'is empty', NULL
FROM ${eventsTable} WHERE activity IS NULL`;
}

export function groupRejects(
  rows: {
    column_name: string;
    problem: string;
    rows: number;
    example_row: number;
    example_value: string | null;
  }[],
): RejectGroup[] {
  return rows.map((r) => {
    const noun = r.rows === 1 ? "row" : "rows";
    const example =
      r.example_value === null ? `row ${r.example_row}` : `row ${r.example_row}: '${r.example_value}'`;
    return {
      column: r.column_name,
      problem: r.problem,
      rows: r.rows,
      exampleRow: r.example_row,
      exampleValue: r.example_value,
      message: `${r.rows.toLocaleString("en-US")} ${noun}: '${r.column_name}' ${r.problem}, e.g. ${example}`,
    };
  });
}
