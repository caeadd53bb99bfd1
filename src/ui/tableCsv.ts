// Reads an on-screen <table> back into CSV rows: header and body as shown, or a cell's raw data-csv value.

import type { CsvCell } from "../model/csv";

/** A plain number, or a count as src/model/format.ts writes it ("1,234", "-12", "3.5"). */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** What the formatting module shows for a missing value. */
const MISSING = "—";

function csvValue(text: string): CsvCell {
  if (text === MISSING) return null;
  return NUMBER.test(text) ? Number(text.replaceAll(",", "")) : text;
}

/** The text a reader sees: a line break reads as a space; decorative glyphs (aria-hidden) are left out. */
function visibleText(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) return node.textContent ?? "";
  if (!(node instanceof Element)) return "";
  if (node.localName === "br") return " ";
  if (node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return "";
  return [...node.childNodes].map(visibleText).join("");
}

/**
 * A cell's CSV value: its `data-csv` attribute when it has one (the raw fraction behind "27.7 %"),
 * otherwise its text with whitespace collapsed. Counts become numbers and "—" an empty cell; any other
 * text stays text, so csvCell neutralises it if a spreadsheet would run it as a formula.
 */
export function cellValue(cell: HTMLTableCellElement): CsvCell {
  const raw = cell.getAttribute("data-csv");
  return csvValue(raw ?? visibleText(cell).replace(/\s+/g, " ").trim());
}

/**
 * Every row of the table (head, body, foot) in order; a cell spanning columns is followed by empty
 * cells so the columns stay aligned. The caption names the table and is not a row.
 */
export function tableRows(table: HTMLTableElement): CsvCell[][] {
  return [...table.rows].map((row) =>
    [...row.cells].flatMap((cell) => [
      cellValue(cell),
      ...Array.from({ length: Math.max(0, cell.colSpan - 1) }, (): CsvCell => null),
    ]),
  );
}
