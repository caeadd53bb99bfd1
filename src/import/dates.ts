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

function isoSql(v: string): string {
  // Without the ICU extension DuckDB's time zone is UTC: a value with an offset is converted to UTC and
  // one without is kept as written. (A TIMESTAMP cast would silently drop the offset.) The cast also
  // reads '31-12-17' as the year 31: an ISO date has a four-digit year, so years before 1000 are not
  // dates. greatest/nullif tests the parsed value without a second parse (a text test before the cast
  // evaluated the trimmed cell twice: +40 % on this expression at 1M rows).
  const cut = `${YEAR_1000_US}::BIGINT`;
  return `make_timestamp(nullif(greatest(epoch_us(TRY_CAST(${v} AS TIMESTAMPTZ)), ${cut}), ${cut}))`;
}

/**
 * Day/month dates with a four-digit year. The separators become '|', which the value cannot hold
 * where it matched, so a value the pattern does not match (a two-digit year, '20/10/16') is not read
 * by these formats: strptime's %Y would take '16' as the year 16.
 */
function dayMonthSql(v: string, format: "dmy" | "mdy"): string {
  const date = format === "dmy" ? "%d|%m|%Y" : "%m|%d|%Y";
  const formats = TIME_SUFFIXES.map((t) => `'${date}${t}'`).join(", ");
  const marked = `regexp_replace(${v}, '${DAY_MONTH_YEAR}', '\\1|\\2|\\3')`;
  return `coalesce(TRY_STRPTIME(${marked}, [${formats}]), ${isoSql(v)})`;
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
    case "iso":
      return isoSql(v);
    case "dmy":
    case "mdy":
      return dayMonthSql(v, format);
    case "dmy2":
      return dayMonthSql(pivotSql(v, false), "dmy");
    case "mdy2":
      return dayMonthSql(pivotSql(v, false), "mdy");
    case "ymd2":
      return isoSql(pivotSql(v, true));
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
  }
}
