// A "Download … as CSV" button for any data table on screen: saves the table as shown, formula-safe.

import type { RefObject } from "react";
import { toCsv } from "../model/csv";
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
      onClick={() => {
        const table = props.table.current;
        if (!table) return;
        downloadText(
          fileNameFromTitle(props.label, "csv", "table"),
          toCsv(tableRows(table)),
          "text/csv;charset=utf-8",
        );
      }}
    >
      Download {props.label} as CSV
    </button>
  );
}
