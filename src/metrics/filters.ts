// Builds the WHERE clause for the shared filters: dates as bound parameters, value lists escaped, a
// company-size band ("1000+ employees") as a numeric range on the head count.

import type { SqlValue } from "../db/engine";
import { literalList, quoteLiteral } from "../db/sql";
import { DIMENSIONS, type Dimension, type FunnelFilters } from "../model/filters";
import { HEAD_COUNT_PATTERN, parseSizeBand } from "../model/sizeBands";

export interface WhereClause {
  sql: string;
  params: SqlValue[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A VARCHAR column's head count: "1,200" → 1200, "25" → 25, NULL for anything that is not whole digits
 * with optional comma separators ("51-200", "1000+", "unknown"), as parseHeadCount reads it.
 */
export function headCountSql(column: string): string {
  return `TRY_CAST(CASE WHEN regexp_full_match(trim(${column}), ${quoteLiteral(HEAD_COUNT_PATTERN)}) THEN replace(trim(${column}), ',', '') END AS DOUBLE)`;
}

/**
 * One dimension's condition. Values match as stored; on company_size a band value also matches every
 * head count in its range (its numbers come from our own parser, written as numeric literals). The
 * value itself stays in the IN list, so a stored size that happens to read "200-999 employees" matches too.
 */
function segmentCondition(dimension: Dimension, values: readonly string[]): string {
  const ranges =
    dimension === "company_size"
      ? values.flatMap((value) => {
          const band = parseSizeBand(value);
          if (band === null) return [];
          const count = headCountSql(dimension);
          const upper = band.max === null ? "" : ` AND ${count} <= ${quoteLiteral(band.max)}`;
          return [`(${count} >= ${quoteLiteral(band.min)}${upper})`];
        })
      : [];
  const listed = `${dimension} IN ${literalList(values)}`;
  return ranges.length === 0 ? listed : `(${[listed, ...ranges].join(" OR ")})`;
}

/** Works on any relation with the DIMENSIONS columns and `cohort_day` (lead_stages, funnel_cube). */
export function filterWhere(filters: FunnelFilters): WhereClause {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  for (const dimension of DIMENSIONS) {
    const values = filters.segments[dimension];
    // Dimension names are our constants; values are user strings and go through the one literal helper.
    if (values && values.length > 0) conditions.push(segmentCondition(dimension, values));
  }
  if (filters.from !== null) {
    if (!DAY.test(filters.from)) throw new Error(`Invalid start date: ${filters.from}`);
    conditions.push("cohort_day >= CAST(? AS DATE)");
    params.push(filters.from);
  }
  if (filters.to !== null) {
    if (!DAY.test(filters.to)) throw new Error(`Invalid end date: ${filters.to}`);
    conditions.push("cohort_day <= CAST(? AS DATE)");
    params.push(filters.to);
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", params };
}
