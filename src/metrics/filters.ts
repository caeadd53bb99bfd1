// Builds the WHERE clause for the shared filters: dates as bound parameters, value lists escaped.

import type { SqlValue } from "../db/engine";
import { literalList } from "../db/sql";
import { DIMENSIONS, type FunnelFilters } from "../model/filters";

export interface WhereClause {
  sql: string;
  params: SqlValue[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Works on any relation with the DIMENSIONS columns and `cohort_day` (lead_stages, funnel_cube). */
export function filterWhere(filters: FunnelFilters): WhereClause {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  for (const dimension of DIMENSIONS) {
    const values = filters.segments[dimension];
    // Dimension names are our constants; values are user strings and go through the one literal helper.
    if (values && values.length > 0) conditions.push(`${dimension} IN ${literalList(values)}`);
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
