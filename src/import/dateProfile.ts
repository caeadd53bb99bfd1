// How a file's columns read as dates: every format tried on each column's first values, the format
// the data supports, and what the mapping step must say before Apply (values a format would reject,
// dates before 1970 or more than a year ahead).

import type { SqlEngine } from "../db/engine";
import { quoteIdentifier } from "../db/sql";
import { formatCount } from "../model/format";
import {
  DATE_FORMAT_NOUNS,
  DATE_FORMAT_SHORT,
  DATE_FORMATS,
  DATE_SHAPES,
  DAY_MONTH,
  type DateFormat,
  isNumericDateFormat,
  isoSql,
  timestampSql,
  writtenDateSql,
} from "./dates";
import { type RawFile, SOURCE_ROW } from "./read";

/**
 * Values per column the formats are tried on; the day/month order alone is decided from the whole
 * column. Nine readings of 2,000 values cost about 10 µs a value in DuckDB-WASM: 40 date columns
 * (a wide HubSpot export) took 1.2 s against 2.4 s at 5,000, an activity log's one date column 0.1 s.
 */
export const DATE_SAMPLE_ROWS = 2_000;

/** Rows scanned for which columns can hold dates at all; a column empty in them is scanned whole. */
export const CANDIDATE_SCAN_ROWS = 20_000;

import { EARLIEST_PLAUSIBLE_DAY, latestPlausibleDay } from "../model/plausibleDates";

export { EARLIEST_PLAUSIBLE_DAY, latestPlausibleDay };

/** How a column's values read in one format. */
export interface FormatFit {
  /** Values that read as a date in this format: what an import in this format accepts. */
  parsed: number;
  /** Of those, values written in the format's own shape (DATE_SHAPES). */
  shaped: number;
  /** Of the shaped ones, dates from 1970 up to a year after the day the file was read. */
  plausible: number;
  /** Dates read before 1970, and after `latestPlausibleDay`. */
  early: number;
  late: number;
  /** The earliest and latest date read, YYYY-MM-DD. */
  earliest: string | null;
  latest: string | null;
  /** The first value (in file order) that does not read in this format. */
  unreadExample: string | null;
}

export interface DateColumnProfile {
  /** Non-empty values looked at: the column's first DATE_SAMPLE_ROWS (or, when none can be a date,
   * those in its first CANDIDATE_SCAN_ROWS rows). */
  values: number;
  /** True when those are all of the column's non-empty values. */
  complete: boolean;
  fits: Record<DateFormat, FormatFit>;
  /** Of the values looked at, those written day/month/year or month/day/year, and those with - or . */
  dayMonth: number;
  dashOrDot: number;
  /** Over the whole column: day/month values whose first / second part is above 12. */
  firstOver12: number;
  secondOver12: number;
  /** The last day a date may fall on without a warning: a year after the file was read, YYYY-MM-DD. */
  latestPlausibleDay: string;
  /** The format the data supports (chooseDateFormat); the user may choose another. */
  detected: DateFormat;
}

/** What chooseDateFormat decides from. */
export type DateEvidence = Pick<
  DateColumnProfile,
  "dayMonth" | "dashOrDot" | "firstOver12" | "secondOver12"
> & { fits: Record<DateFormat, Pick<FormatFit, "shaped" | "plausible">> };

/**
 * Day first unless the column says otherwise. Any first part above 12 means day first, any second
 * part above 12 month first (both: the larger count wins); when nothing decides, dashes or dots
 * suggest day first (DD-MM-YYYY) and slashes month first (MM/DD/YYYY).
 */
function dayFirst(evidence: DateEvidence): boolean {
  const { firstOver12, secondOver12 } = evidence;
  if (firstOver12 > 0 || secondOver12 > 0) return firstOver12 >= secondOver12;
  return evidence.dashOrDot * 2 >= evidence.dayMonth;
}

/**
 * The format most values are written in and read as plausible dates (1970 to a year ahead), then the
 * most values written in it at all. Ties go to four-digit years, then the column's day/month order,
 * then year last over year first ('20-10-16' is 20 October 2016 before it is 16 October 2020).
 * A column where nothing looks like a date keeps ISO.
 */
export function chooseDateFormat(evidence: DateEvidence): DateFormat {
  const dayMonth: DateFormat[] = dayFirst(evidence) ? ["dmy", "mdy"] : ["mdy", "dmy"];
  const preference: DateFormat[] = [
    "iso",
    ...dayMonth,
    ...dayMonth.map((f): DateFormat => (f === "dmy" ? "dmy2" : "mdy2")),
    "ymd2",
    "epoch_ms",
    "epoch_s",
    "excel",
  ];
  const ranked = [...preference].sort(
    (a, b) =>
      evidence.fits[b].plausible - evidence.fits[a].plausible ||
      evidence.fits[b].shaped - evidence.fits[a].shaped ||
      preference.indexOf(a) - preference.indexOf(b),
  );
  const best = ranked[0] ?? "iso";
  return evidence.fits[best].shaped > 0 ? best : "iso";
}

const key = (format: DateFormat, measure: string) => `${format}_${measure}`;

/**
 * One row per column (`column_index`: its place in `columnsSql`): every format tried on the column's
 * first DATE_SAMPLE_ROWS non-empty values. All columns go in one query because planning these nine
 * parses costs about 70 ms in DuckDB-WASM, more than running them on 5,000 values. The bound
 * parameter is the latest plausible day, 'YYYY-MM-DD'.
 */
export function dateProfileSql(columnsSql: readonly string[], tableSql: string): string {
  // Each format is read with the import's own SQL (timestampSql, writtenDateSql). The written formats
  // read a value that is not in their own pattern as ISO, so the ISO reading is computed once, and
  // only for values that start with digits and a separator, as every written format and DuckDB's
  // date cast need (the cast's word 'epoch' aside): failing casts of plain numbers are slow.
  const parsed = DATE_FORMATS.map(
    (f) =>
      `${isNumericDateFormat(f) ? timestampSql("v", f) : writtenDateSql("v", f, "iso_read")} AS ${key(f, "t")}`,
  ).join(",\n    ");
  const shaped = DATE_FORMATS.map((f) => `regexp_matches(v, '${DATE_SHAPES[f]}') AS ${key(f, "s")}`).join(
    ",\n    ",
  );
  const measures = DATE_FORMATS.map((f) => {
    const t = key(f, "t");
    const plausible = `${t} >= TIMESTAMP '${EARLIEST_PLAUSIBLE_DAY}' AND CAST(${t} AS DATE) <= last_day`;
    return `count(${t})::INTEGER AS ${key(f, "parsed")},
  count(${t}) FILTER (WHERE ${key(f, "s")})::INTEGER AS ${key(f, "shaped")},
  count(${t}) FILTER (WHERE ${key(f, "s")} AND ${plausible})::INTEGER AS ${key(f, "plausible")},
  count(*) FILTER (WHERE ${t} < TIMESTAMP '${EARLIEST_PLAUSIBLE_DAY}')::INTEGER AS ${key(f, "early")},
  count(*) FILTER (WHERE CAST(${t} AS DATE) > last_day)::INTEGER AS ${key(f, "late")},
  strftime(min(${t}), '%Y-%m-%d') AS ${key(f, "earliest")},
  strftime(max(${t}), '%Y-%m-%d') AS ${key(f, "latest")},
  arg_min(v, n) FILTER (WHERE ${t} IS NULL) AS ${key(f, "unread")}`;
  }).join(",\n  ");
  const samples = columnsSql.map(
    (column, i) => `(SELECT ${i} AS column_index, ${SOURCE_ROW} AS n, trim(${column}) AS v FROM ${tableSql}
  WHERE ${column} IS NOT NULL AND trim(${column}) <> '' LIMIT ${DATE_SAMPLE_ROWS})`,
  );
  return `WITH sample AS (
  ${samples.join("\n  UNION ALL\n  ")}
),
written AS (
  SELECT column_index, n, v, CASE WHEN regexp_matches(v, '^\\d+[./-]') THEN ${isoSql("v")} END AS iso_read
  FROM sample
),
read AS (
  SELECT column_index, n, v,
    ${parsed},
    ${shaped},
    regexp_matches(v, '${DAY_MONTH}') AS day_month
  FROM written
)
SELECT
  column_index,
  count(*)::INTEGER AS "values",
  count(*) FILTER (WHERE day_month)::INTEGER AS day_month,
  count(*) FILTER (WHERE day_month AND regexp_matches(v, '^\\d{1,2}[.-]'))::INTEGER AS dash_or_dot,
  ${measures}
FROM read, (SELECT CAST(? AS DATE) AS last_day)
GROUP BY column_index`;
}

/** Over the whole column: how many day/month dates have a first or second part above 12. */
export function dayMonthOrderSql(columnSql: string, tableSql: string): string {
  return `SELECT
  count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '${DAY_MONTH}', 1) AS INTEGER) > 12)::INTEGER AS "firstOver12",
  count(*) FILTER (WHERE TRY_CAST(regexp_extract(v, '${DAY_MONTH}', 2) AS INTEGER) > 12)::INTEGER AS "secondOver12"
FROM (SELECT DISTINCT trim(${columnSql}) AS v FROM ${tableSql})`;
}

/**
 * Per column: non-empty values, the first of them in sort order (an example), and whether any value
 * can be a date at all: starts with a digit, a sign, a dot or a space to trim (the date cast's word
 * 'epoch' aside). Comparisons only, no regex. `limit`: over the first rows only. One row per column
 * with a value (`name`: its header), from the cells unpivoted: three FILTER aggregates per column in
 * one SELECT ran out of DuckDB-WASM's memory at 200 columns and took 4 s in chunks at 1,000 columns
 * × 3,000 rows; unpivoted: 1.2 s, and 0.25 s against 0.43 s at 10 columns × 20,000 rows.
 */
function candidatesSql(columns: readonly { header: string }[], tableSql: string, limit: number | null) {
  const list = columns.map(({ header }) => quoteIdentifier(header)).join(", ");
  const rows = `(SELECT ${list} FROM ${tableSql}${limit === null ? "" : ` LIMIT ${limit}`})`;
  return `SELECT name,
  count(*) FILTER (WHERE v <> '')::INTEGER AS n,
  min(v) FILTER (WHERE v <> '') AS e,
  coalesce(bool_or((v < '!' AND v <> '') OR (v >= '+' AND v < ':')), FALSE) AS d
FROM (UNPIVOT ${rows} ON ${list} INTO NAME name VALUE v)
GROUP BY name`;
}

/** Dated columns profiled per query: one UNION ALL branch each, so a query's plan stays small. */
const PROFILE_COLUMNS_PER_QUERY = 50;

const EMPTY_FIT: FormatFit = {
  parsed: 0,
  shaped: 0,
  plausible: 0,
  early: 0,
  late: 0,
  earliest: null,
  latest: null,
  unreadExample: null,
};

interface CandidateRow {
  name: string;
  n: number;
  e: string | null;
  d: boolean;
}

/**
 * Profiles every column of a raw table. A column with no value that can be a date gets a profile in
 * which no format reads anything. `now` sets what "more than a year ahead" is.
 */
export async function profileDateColumns(
  engine: SqlEngine,
  file: Pick<RawFile, "table" | "headers" | "rows">,
  now: Date,
): Promise<Record<string, DateColumnProfile>> {
  const { table, headers } = file;
  const lastDay = latestPlausibleDay(now);
  const profiles: Record<string, DateColumnProfile> = {};
  if (headers.length === 0) return profiles;
  const columns = headers.map((header, i) => ({ header, i }));
  const scannedWhole = file.rows <= CANDIDATE_SCAN_ROWS;
  const candidates = new Map<string, CandidateRow>();
  for (const row of await engine.query<CandidateRow>(candidatesSql(columns, table, CANDIDATE_SCAN_ROWS)))
    candidates.set(row.name, row);
  // A column empty in the first rows (a stage date few leads reach) may still hold dates further down.
  const unseen = scannedWhole ? [] : columns.filter(({ header }) => !candidates.get(header)?.n);
  if (unseen.length > 0) {
    for (const row of await engine.query<CandidateRow>(candidatesSql(unseen, table, null)))
      candidates.set(row.name, row);
  }
  for (const { header, i } of columns) {
    const unreadExample = candidates.get(header)?.e ?? null;
    const fits = Object.fromEntries(DATE_FORMATS.map((f) => [f, { ...EMPTY_FIT, unreadExample }])) as Record<
      DateFormat,
      FormatFit
    >;
    const profile: DateColumnProfile = {
      values: candidates.get(header)?.n ?? 0,
      complete: scannedWhole || unseen.some((c) => c.i === i),
      fits,
      dayMonth: 0,
      dashOrDot: 0,
      firstOver12: 0,
      secondOver12: 0,
      latestPlausibleDay: lastDay,
      detected: "iso",
    };
    profiles[header] = profile;
  }
  const dated = columns.filter(({ header }) => candidates.get(header)?.d);
  const rows: Record<string, number | string | null>[] = [];
  for (let start = 0; start < dated.length; start += PROFILE_COLUMNS_PER_QUERY) {
    const part = await engine.query<Record<string, number | string | null>>(
      dateProfileSql(
        dated.slice(start, start + PROFILE_COLUMNS_PER_QUERY).map(({ header }) => quoteIdentifier(header)),
        table,
      ),
      [lastDay],
    );
    for (const row of part) rows.push({ ...row, column_index: Number(row.column_index) + start });
  }
  for (const row of rows) {
    const header = dated[Number(row.column_index)]?.header;
    const profile = header === undefined ? undefined : profiles[header];
    if (header === undefined || !profile) continue;
    const n = (name: string) => Number(row[name] ?? 0);
    const s = (name: string) => (row[name] === null || row[name] === undefined ? null : String(row[name]));
    profile.values = n("values");
    profile.complete = profile.values < DATE_SAMPLE_ROWS;
    profile.dayMonth = n("day_month");
    profile.dashOrDot = n("dash_or_dot");
    for (const f of DATE_FORMATS) {
      profile.fits[f] = {
        parsed: n(key(f, "parsed")),
        shaped: n(key(f, "shaped")),
        plausible: n(key(f, "plausible")),
        early: n(key(f, "early")),
        late: n(key(f, "late")),
        earliest: s(key(f, "earliest")),
        latest: s(key(f, "latest")),
        unreadExample: s(key(f, "unread")),
      };
    }
    if (profile.dayMonth > 0) {
      const [order] = await engine.query<{ firstOver12: number; secondOver12: number }>(
        dayMonthOrderSql(quoteIdentifier(header), table),
      );
      profile.firstOver12 = order?.firstOver12 ?? 0;
      profile.secondOver12 = order?.secondOver12 ?? 0;
    }
    profile.detected = chooseDateFormat(profile);
  }
  return profiles;
}

/** "1 of 6 values is a date", "2 of 6 values are dates". */
const isAre = (count: number) => (count === 1 ? "values is a date" : "values are dates");

/**
 * What the mapping step says about a date column read in `format`, before Apply: when the format
 * would reject more than half of the values, and when it reads dates before 1970 or more than a
 * year ahead (kept, but never silently). Empty when there is nothing to say.
 */
export function dateWarnings(profile: DateColumnProfile, format: DateFormat): string[] {
  const fit = profile.fits[format];
  const of = profile.complete ? formatCount(profile.values) : `the first ${formatCount(profile.values)}`;
  const warnings: string[] = [];
  const unread = profile.values - fit.parsed;
  if (unread * 2 > profile.values) {
    const better = profile.fits[profile.detected].parsed > fit.parsed ? profile.detected : null;
    const example = fit.unreadExample === null ? "" : ` (e.g. '${fit.unreadExample}')`;
    warnings.push(
      `${formatCount(unread)} of ${of} values are not ${DATE_FORMAT_NOUNS[format]}` +
        (better === null
          ? `${example} and read as no date format we know`
          : `; they look like ${DATE_FORMAT_SHORT[better]}${example}`) +
        ". Rows with such a value would be rejected.",
    );
  }
  if (fit.early > 0) {
    warnings.push(
      `${formatCount(fit.early)} of ${of} ${isAre(fit.early)} before 1970 ` +
        `(earliest ${fit.earliest}): a wrong format or a placeholder? They are kept and counted in the data-quality check.`,
    );
  }
  if (fit.late > 0) {
    warnings.push(
      `${formatCount(fit.late)} of ${of} ${isAre(fit.late)} more than a year after today ` +
        `(latest ${fit.latest}): a wrong format or a placeholder? They are kept and counted in the data-quality check.`,
    );
  }
  return warnings;
}
