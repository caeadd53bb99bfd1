// What every output (slide, printed page, exported picture or CSV) says about itself: the data, the
// filters, the period and the way of counting, the comparison, the conversion window, the currency of the
// amounts and the as-of day.

import { COUNT_LABELS, type CountMode, countIn } from "./counting";
import type { CsvCell } from "./csv";
import { DIMENSION_LABELS, DIMENSIONS, type FunnelFilters } from "./filters";
import { formatCount } from "./format";
import { formatDayText, formatPeriod, type Period } from "./period";

/** The plain values an output's context is made of (read from the store and the as-of query). */
export interface OutputContextInput {
  /** The loaded data's label: file names, or the sample's label; null when nothing is loaded. */
  dataLabel: string | null;
  filters: FunnelFilters;
  /** The way of counting chosen; without a period it is cohort whatever was chosen (model/counting). */
  count: CountMode;
  /** Compare with the previous period switched on. */
  compare: boolean;
  /** The previous period when comparing and there is one; null otherwise. */
  previous: Period | null;
  windowDays: number | null;
  /** The amounts' currency in words (model/currency's currencyInWords). */
  amountsIn: string;
  /** The data's as-of day (YYYY-MM-DD); null when unknown. */
  asOf: string | null;
}

/** One item of the context: a stable key (CSV column), a label and its value in words. */
export interface ContextField {
  key:
    | "data"
    | "filters"
    | "period"
    | "counting"
    | "compared_with"
    | "conversion_window"
    | "amounts_in"
    | "as_of";
  label: string;
  value: string;
}

/** "Team: Enterprise; Campaign: Webinar A, Spring launch" or "none (all leads)". */
export function filtersInWords(filters: FunnelFilters): string {
  const parts = DIMENSIONS.flatMap((dimension) => {
    const values = filters.segments[dimension] ?? [];
    return values.length > 0 ? [`${DIMENSION_LABELS[dimension]}: ${values.join(", ")}`] : [];
  });
  return parts.length > 0 ? parts.join("; ") : "none (all leads)";
}

/** "Sample data (3,000 leads)" stays as it is; a user's files are named as files. */
function dataInWords(label: string | null): string {
  if (label === null || label.trim() === "") return "nothing loaded";
  return label;
}

/**
 * Every field of the context, in reading order. The comparison appears only while it is switched on
 * (saying "none" when there is no previous period); the window says "none" rather than disappearing,
 * because a reader cannot tell a missing window from a forgotten one.
 */
export function outputContextFields(input: OutputContextInput): ContextField[] {
  const period: Period = { from: input.filters.from, to: input.filters.to };
  const counting = countIn(period, input.count);
  const fields: ContextField[] = [
    { key: "data", label: "Data", value: dataInWords(input.dataLabel) },
    { key: "filters", label: "Filters", value: filtersInWords(input.filters) },
    { key: "period", label: "Period", value: formatPeriod(period) },
    {
      key: "counting",
      label: "Counting",
      value:
        counting === "period"
          ? `${COUNT_LABELS.period} (each stage counts the leads that entered it in the period)`
          : `${COUNT_LABELS.cohort} (leads grouped by the day they became a lead)`,
    },
  ];
  if (input.compare) {
    fields.push({
      key: "compared_with",
      label: "Compared with",
      value: input.previous
        ? `${formatPeriod(input.previous)} (previous period)`
        : "none (a comparison needs a period with a start date)",
    });
  }
  fields.push(
    {
      key: "conversion_window",
      label: "Conversion window",
      value:
        input.windowDays === null
          ? "none (every later conversion counts)"
          : `${formatCount(input.windowDays)} ${input.windowDays === 1 ? "day" : "days"}`,
    },
    { key: "amounts_in", label: "Amounts in", value: input.amountsIn },
    { key: "as_of", label: "As of", value: input.asOf === null ? "unknown" : formatDayText(input.asOf) },
  );
  return fields;
}

/** "Period: 1 Jan 2026 – 31 Mar 2026" — one line per field, as footers show them. */
export function outputContextLines(input: OutputContextInput): string[] {
  return outputContextFields(input).map((field) => `${field.label}: ${field.value}`);
}

/** The CSV columns the context adds in front of every row: "about_data", "about_filters", … */
export function aboutColumnNames(fields: readonly ContextField[]): string[] {
  return fields.map((field) => `about_${field.key}`);
}

/**
 * A CSV's rows with the context as leading columns, repeated on every row: a spreadsheet opens it as one
 * plain table (no comment lines to break its parser), and the context survives sorting, filtering and
 * pasting rows elsewhere. The first row is the header. Cells are still written by toCsv, so a filter
 * value that looks like a formula is neutralised like any other cell.
 */
export function withAboutColumns(
  rows: readonly (readonly CsvCell[])[],
  fields: readonly ContextField[],
): CsvCell[][] {
  if (rows.length === 0) return [aboutColumnNames(fields), fields.map((f) => f.value)];
  const [header, ...body] = rows;
  const values = fields.map((f) => f.value);
  return [[...aboutColumnNames(fields), ...(header ?? [])], ...body.map((row) => [...values, ...row])];
}
