// Date formats: which one a column uses (decided from the whole column) and the SQL that parses it.

import { cellTextSql } from "./cellText";

export type DateFormat = "iso" | "dmy" | "mdy" | "epoch_s" | "epoch_ms" | "excel";

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "ISO 8601 (YYYY-MM-DD, optional time and zone)",
  dmy: "Day first (DD-MM-YYYY or DD/MM/YYYY)",
  mdy: "Month first (MM/DD/YYYY)",
  epoch_s: "Unix epoch seconds",
  epoch_ms: "Unix epoch milliseconds",
  excel: "Excel serial day number",
};

/** Counts of how the values of one column look; every non-empty value of the column is counted. */
export interface DateColumnStats {
  nonEmpty: number;
  iso: number;
  dayMonth: number;
  firstOver12: number;
  secondOver12: number;
  dashOrDot: number;
  epochS: number;
  epochMs: number;
  excel: number;
}

const DAY_MONTH = "^(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})";

/** Rows the format is guessed from; the day/month order alone is then decided from the whole column. */
export const DATE_SAMPLE_ROWS = 20_000;

/** Counts the shapes of a column's values in its first DATE_SAMPLE_ROWS rows. `columnSql` is quoted. */
export function dateStatsSql(columnSql: string, tableSql: string): string {
  const v = "v";
  return `SELECT
  count(*) FILTER (WHERE ${v} <> '')::INTEGER AS "nonEmpty",
  count(*) FILTER (WHERE regexp_matches(${v}, '^\\d{4}-\\d{1,2}-\\d{1,2}'))::INTEGER AS iso,
  count(*) FILTER (WHERE regexp_matches(${v}, '${DAY_MONTH}'))::INTEGER AS "dayMonth",
  0 AS "firstOver12",
  0 AS "secondOver12",
  count(*) FILTER (WHERE regexp_matches(${v}, '^\\d{1,2}[.-]\\d{1,2}[.-]\\d{4}'))::INTEGER AS "dashOrDot",
  count(*) FILTER (WHERE regexp_matches(${v}, '^\\d{9,10}$'))::INTEGER AS "epochS",
  count(*) FILTER (WHERE regexp_matches(${v}, '^\\d{12,13}$'))::INTEGER AS "epochMs",
  count(*) FILTER (WHERE regexp_matches(${v}, '^\\d{5}(\\.\\d+)?$'))::INTEGER AS excel
FROM (SELECT trim(${columnSql}) AS v FROM ${tableSql} WHERE ${columnSql} IS NOT NULL LIMIT ${DATE_SAMPLE_ROWS})`;
}

/** Over the whole column: how many day/month dates have a first or second part above 12. */
export function dayMonthOrderSql(columnSql: string, tableSql: string): string {
  return `SELECT
  count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '${DAY_MONTH}', 1) AS INTEGER) > 12)::INTEGER AS "firstOver12",
  count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '${DAY_MONTH}', 2) AS INTEGER) > 12)::INTEGER AS "secondOver12"
FROM (SELECT DISTINCT trim(${columnSql}) AS v FROM ${tableSql})`;
}

/**
 * The format most values follow. Day/month order is decided by the whole column: any first part
 * above 12 means day first, any second part above 12 means month first; when nothing decides,
 * dashes or dots suggest day first (DD-MM-YYYY) and slashes month first (MM/DD/YYYY).
 */
export function chooseDateFormat(stats: DateColumnStats): DateFormat {
  const candidates: [DateFormat, number][] = [
    ["iso", stats.iso],
    ["dmy", stats.dayMonth],
    ["epoch_ms", stats.epochMs],
    ["epoch_s", stats.epochS],
    ["excel", stats.excel],
  ];
  const [best] = [...candidates].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] === 0) return "iso";
  if (best[0] !== "dmy") return best[0];
  if (stats.firstOver12 > 0 && stats.secondOver12 === 0) return "dmy";
  if (stats.secondOver12 > 0 && stats.firstOver12 === 0) return "mdy";
  if (stats.firstOver12 > 0 && stats.secondOver12 > 0)
    return stats.firstOver12 >= stats.secondOver12 ? "dmy" : "mdy";
  return stats.dashOrDot * 2 >= stats.dayMonth ? "dmy" : "mdy";
}

const TIME_SUFFIXES = ["", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f", " %I:%M %p", " %I:%M:%S %p"];

function isoSql(v: string): string {
  // Without the ICU extension DuckDB's time zone is UTC: a value with an offset is converted to UTC and
  // one without is kept as written. (A TIMESTAMP cast would silently drop the offset.)
  return `make_timestamp(epoch_us(TRY_CAST(${v} AS TIMESTAMPTZ)))`;
}

/** SQL turning a text column into a TIMESTAMP (NULL when a value is not a date in that format). */
export function timestampSql(columnSql: string, format: DateFormat): string {
  const v = cellTextSql(columnSql);
  switch (format) {
    case "iso":
      return isoSql(v);
    case "dmy":
    case "mdy": {
      const date = format === "dmy" ? "%d/%m/%Y" : "%m/%d/%Y";
      const formats = TIME_SUFFIXES.map((t) => `'${date}${t}'`).join(", ");
      const slashed = `regexp_replace(${v}, '${DAY_MONTH}', '\\1/\\2/\\3')`;
      return `coalesce(TRY_STRPTIME(${slashed}, [${formats}]), ${isoSql(v)})`;
    }
    case "epoch_s":
      return `epoch_ms((TRY_CAST(${v} AS DOUBLE) * 1000)::BIGINT)`;
    case "epoch_ms":
      return `epoch_ms(TRY_CAST(${v} AS BIGINT))`;
    case "excel":
      return `(TIMESTAMP '1899-12-30' + to_microseconds((TRY_CAST(${v} AS DOUBLE) * 86400000000)::BIGINT))`;
  }
}
