// Downloads built from the workspace: the last import's rejected rows.

import { queryRejectedRows } from "../import/rejects";
import { toCsv } from "../model/csv";
import { downloadText } from "../ui/download";
import { appEngine } from "./engine";

export async function downloadRejectedRows(): Promise<void> {
  const rows = await queryRejectedRows(await appEngine());
  const csv = toCsv([
    ["file", "row", "column", "problem", "value", "original_row"],
    ...rows.map((r) => [r.file, r.row, r.column, r.problem, r.value, r.original_row]),
  ]);
  downloadText("rejected-rows.csv", csv, "text/csv;charset=utf-8");
}
