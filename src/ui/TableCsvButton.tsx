// A "Download … as CSV" button for any data table on screen: saves the table as shown, formula-safe.

import type { RefObject } from "react";
import { csvWithContext } from "../app/outputContext";
import { downloadText } from "./download";
import { fileNameFromTitle } from "./fileName";
import { tableRows } from "./tableCsv";

export function TableCsvButton(props: {
  table: RefObject<HTMLTableElement | null>;
  /** What the table holds, lower case as in a sentence: "stage velocity". */
  label: string;
}) {
  return (
    <button
      type="button"
      className="button table-csv-button no-print"
      onClick={async () => {
        const table = props.table.current;
        if (!table) return;
        // Read before waiting for the context, so the file holds the table as it was clicked.
        const rows = tableRows(table);
        downloadText(
          fileNameFromTitle(props.label, "csv", "table"),
          await csvWithContext(rows),
          "text/csv;charset=utf-8",
        );
      }}
    >
      Download {props.label} as CSV
    </button>
  );
}
