// Rows an import cannot use, grouped by reason, with the file's row numbers (header = row 1).

import type { SqlEngine } from "../db/engine";

export interface RejectGroup {
  fileName: string;
  column: string;
  problem: string;
  rows: number;
  exampleRow: number;
  exampleValue: string | null;
  /** "412 rows: 'MQL date' is not a date, e.g. row 17: '31/02/2024'" */
  message: string;
}

export interface RejectCount {
  source_file: string;
  column_name: string;
  problem: string;
  rows: number;
  example_row: number;
  example_value: string | null;
}

/** With several files, each message starts with the file it is about. */
export function groupRejects(rows: readonly RejectCount[], nameFiles: boolean): RejectGroup[] {
  return rows.map((r) => {
    const noun = r.rows === 1 ? "row" : "rows";
    const example =
      r.example_value === null ? `row ${r.example_row}` : `row ${r.example_row}: '${r.example_value}'`;
    const subject = r.column_name === "(whole row)" ? "the row" : `'${r.column_name}'`;
    const prefix = nameFiles ? `${r.source_file}: ` : "";
    return {
      fileName: r.source_file,
      column: r.column_name,
      problem: r.problem,
      rows: r.rows,
      exampleRow: r.example_row,
      exampleValue: r.example_value,
      message: `${prefix}${r.rows.toLocaleString("en-US")} ${noun}: ${subject} ${r.problem}, e.g. ${example}`,
    };
  });
}

export interface RejectedRow {
  file: string;
  row: number;
  column: string;
  problem: string;
  value: string | null;
  original_row: string | null;
}

/** The last import's rejected rows, one line per row and problem, for download. */
export async function queryRejectedRows(engine: SqlEngine): Promise<RejectedRow[]> {
  return engine.query<RejectedRow>(
    `SELECT source_file AS file, source_row AS row, column_name AS "column", problem, value, raw_row AS original_row
     FROM import_rejects ORDER BY source_file, source_row, column_name`,
  );
}
