// Date formats: the ones we read, their names, and the SQL that parses a text column in each.

import { cellTextSql } from "./cellText";

export type DateFormat = "iso" | "dmy" | "mdy" | "dmy2" | "mdy2" | "ymd2" | "epoch_s" | "epoch_ms" | "excel";

/** Every format, in the order the mapping step lists them. */
export const DATE_FORMATS: readonly DateFormat[] = [
  "iso",
  "dmy",
  "mdy",
  "dmy2",
  "mdy2",
  "ymd2",
  "epoch_s",
  "epoch_ms",
  "excel",
];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "ISO 8601 (YYYY-MM-DD, optional time and zone)",
  dmy: "Day first (DD-MM-YYYY or DD/MM/YYYY)",
  mdy: "Month first (MM/DD/YYYY)",
  dmy2: "Day first, two-digit year (DD-MM-YY)",
  mdy2: "Month first, two-digit year (MM/DD/YY)",
  ymd2: "Year first, two-digit year (YY-MM-DD)",
  epoch_s: "Unix epoch seconds",
  epoch_ms: "Unix epoch milliseconds",
  excel: "Excel serial day number",
};

/** The format's short name in a sentence: "they look like DD-MM-YYYY". */
export const DATE_FORMAT_SHORT: Record<DateFormat, string> = {
  iso: "ISO dates (YYYY-MM-DD)",
  dmy: "DD-MM-YYYY",
  mdy: "MM/DD/YYYY",
  dmy2: "DD-MM-YY",
  mdy2: "MM/DD/YY",
  ymd2: "YY-MM-DD",
  epoch_s: "Unix epoch seconds",
  epoch_ms: "Unix epoch milliseconds",
  excel: "Excel serial day numbers",
};

/** What a value is not when it does not read in the format: "values are not ISO dates". */
export const DATE_FORMAT_NOUNS: Record<DateFormat, string> = {
  iso: "ISO dates",
  dmy: "DD-MM-YYYY dates",
  mdy: "MM/DD/YYYY dates",
  dmy2: "DD-MM-YY dates",
  mdy2: "MM/DD/YY dates",
  ymd2: "YY-MM-DD dates",
  epoch_s: "epoch seconds",
  epoch_ms: "epoch milliseconds",
  excel: "Excel serial days",
};

/**
 * How a value of each format is written, for detection only: an ISO date also reads as DD-MM-YYYY
 * (that parser falls back to ISO) and any number reads as epoch seconds, so reading alone cannot
 * tell formats apart. The two-digit-year shapes include four-digit years, which those formats read too.
 */
export const DATE_SHAPES: Record<DateFormat, string> = {
  iso: "^\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}",
  dmy: "^\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}",
  mdy: "^\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}",
  dmy2: "^\\d{1,2}[./-]\\d{1,2}[./-](\\d{2}|\\d{4})(\\D|$)",
  mdy2: "^\\d{1,2}[./-]\\d{1,2}[./-](\\d{2}|\\d{4})(\\D|$)",
  ymd2: "^(\\d{2}|\\d{4})[./-]\\d{1,2}[./-]\\d{1,2}(\\D|$)",
  epoch_s: "^\\d{9,10}$",
  epoch_ms: "^\\d{12,13}$",
  excel: "^\\d{5}(\\.\\d+)?$",
};

/** Day and month in either order, then a two- or four-digit year: the values whose order is in question. */
export const DAY_MONTH = "^(\\d{1,2})[./-](\\d{1,2})[./-]\\d{2}";

const DAY_MONTH_YEAR = "^(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})";

/** 1000-01-01 00:00 UTC in microseconds since 1970: ISO dates before it had fewer than four year digits. */
const YEAR_1000_US = "-30610224000000000";

/** 9999-12-31 in milliseconds since 1970, with room: beyond it a number is no date. */
const MAX_EPOCH_MS = "253402300800000";

const TIME_SUFFIXES = ["", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f", " %I:%M %p", " %I:%M:%S %p"];

/** A trimmed value `v` read as ISO 8601. */
export function isoSql(v: string): string {
  // Without the ICU extension DuckDB's time zone is UTC: a value with an offset is converted to UTC and
  // one without is kept as written. (A TIMESTAMP cast would silently drop the offset.) The cast also
  // reads '31-12-17' as the year 31: an ISO date has a four-digit year, so years before 1000 are not
  // dates. greatest/nullif tests the parsed value without a second parse (a text test before the cast
  // evaluated the trimmed cell twice: +40 % on this expression at 1M rows).
  const cut = `${YEAR_1000_US}::BIGINT`;
  return `make_timestamp(nullif(greatest(epoch_us(TRY_CAST(${v} AS TIMESTAMPTZ)), ${cut}), ${cut}))`;
}

/** Day/month with a four-digit year, read by strptime once its separators are made '|'. */
function dayMonthStrptimeSql(v: string, format: "dmy" | "mdy"): string {
  const date = format === "dmy" ? "%d|%m|%Y" : "%m|%d|%Y";
  const formats = TIME_SUFFIXES.map((t) => `'${date}${t}'`).join(", ");
  return `TRY_STRPTIME(regexp_replace(${v}, '${DAY_MONTH_YEAR}', '\\1|\\2|\\3'), [${formats}])`;
}

/**
 * A two-digit year written out with the spreadsheet pivot: 00–69 → 20xx, 70–99 → 19xx (DuckDB's own
 * %y turns 69 into 1969). `yearFirst`: YY-MM-DD, else the year is last (DD-MM-YY, MM/DD/YY). A value
 * with a four-digit year is left as written.
 */
function pivotSql(v: string, yearFirst: boolean): string {
  const rewrite = (value: string, years: string, century: string) =>
    yearFirst
      ? `regexp_replace(${value}, '^(${years})[./-](\\d{1,2})[./-](\\d{1,2})(\\D.*)?$', '${century}\\1-\\2-\\3\\4')`
      : `regexp_replace(${value}, '^(\\d{1,2})([./-])(\\d{1,2})([./-])(${years})(\\D.*)?$', '\\1\\2\\3\\4${century}\\5\\6')`;
  return rewrite(rewrite(v, "[0-6]\\d", "20"), "[7-9]\\d", "19");
}

/**
 * The written formats other than ISO: a value matching `pattern` is read by `read`, any other value
 * as ISO (a column may mix them). strptime is only tried on values the pattern matches: a failing
 * TRY_STRPTIME is slow (ISO values read as DD-MM-YYYY: 1.8 s per 100k rows in DuckDB-WASM, 0.05 s
 * with the pattern tested first), and %Y would take the '16' of '20/10/16' as the year 16.
 */
const WRITTEN_FORMATS: Record<
  "dmy" | "mdy" | "dmy2" | "mdy2" | "ymd2",
  { pattern: string; read: (v: string) => string }
> = {
  dmy: { pattern: DAY_MONTH_YEAR, read: (v) => dayMonthStrptimeSql(v, "dmy") },
  mdy: { pattern: DAY_MONTH_YEAR, read: (v) => dayMonthStrptimeSql(v, "mdy") },
  dmy2: { pattern: DATE_SHAPES.dmy2, read: (v) => dayMonthStrptimeSql(pivotSql(v, false), "dmy") },
  mdy2: { pattern: DATE_SHAPES.mdy2, read: (v) => dayMonthStrptimeSql(pivotSql(v, false), "mdy") },
  ymd2: { pattern: DATE_SHAPES.ymd2, read: (v) => isoSql(pivotSql(v, true)) },
};

/**
 * A trimmed value `v` read in a format that is written out (not a number), given the SQL of the same
 * value read as ISO (`iso`): the import passes isoSql(v); the date profile passes a column computed
 * once, so it runs the very expression the import runs without repeating the ISO cast per format.
 */
export function writtenDateSql(
  v: string,
  format: Exclude<DateFormat, NumericDateFormat>,
  iso: string,
): string {
  if (format === "iso") return iso;
  const { pattern, read } = WRITTEN_FORMATS[format];
  return `CASE WHEN regexp_matches(${v}, '${pattern}') THEN ${read(v)} ELSE ${iso} END`;
}

export type NumericDateFormat = "epoch_s" | "epoch_ms" | "excel";

export const isNumericDateFormat = (format: DateFormat): format is NumericDateFormat =>
  format === "epoch_s" || format === "epoch_ms" || format === "excel";

/**
 * A number read as a date, NULL outside the years 0–9999: a number far out of range (an epoch value
 * read as Excel days) would otherwise stop the whole query with a conversion error. `msPerUnit` is
 * the milliseconds one unit of the number stands for; `body` turns the number's SQL into a TIMESTAMP.
 */
function numberSql(v: string, msPerUnit: string, body: (number: string) => string): string {
  const number = `TRY_CAST(${v} AS DOUBLE)`;
  return `CASE WHEN abs(${number} * ${msPerUnit}) < ${MAX_EPOCH_MS} THEN ${body(number)} END`;
}

/** SQL turning a text column into a TIMESTAMP (NULL when a value is not a date in that format). */
export function timestampSql(columnSql: string, format: DateFormat): string {
  const v = cellTextSql(columnSql);
  switch (format) {
    case "epoch_s":
      return numberSql(v, "1000", (n) => `epoch_ms((${n} * 1000)::BIGINT)`);
    case "epoch_ms":
      return numberSql(v, "1", (n) => `epoch_ms(${n}::BIGINT)`);
    case "excel":
      return numberSql(
        v,
        "86400000",
        (n) => `(TIMESTAMP '1899-12-30' + to_microseconds((${n} * 86400000000)::BIGINT))`,
      );
    default:
      return writtenDateSql(v, format, isoSql(v));
  }
}
