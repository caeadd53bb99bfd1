// Category values that differ only in case ("EMAIL", "Email", "email") are one value: a CRM's picklist
// export and a hand-typed sheet spell the same channel differently, and the screens would otherwise
// count them as two campaigns, two channels, two filter entries. Each group takes its most frequent
// spelling (ties: the first in alphabetical order); what was merged is listed in the import summary.

import type { SqlEngine } from "../db/engine";
import { quoteLiteral } from "../db/sql";
import { DIMENSIONS } from "../model/filters";

export interface MergedSpelling {
  dimension: string;
  spelling: string;
  canonical: string;
  rows: number;
}

/** The spellings of one column to merge: every spelling of a case-insensitive group but its most frequent. */
export function caseVariantsSql(table: string, column: string): string {
  return `WITH spellings AS (
  SELECT ${column} AS spelling, lower(${column}) AS key, count(*)::INTEGER AS rows
  FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column}
),
groups AS (
  SELECT key, arg_min(spelling, (-rows, spelling)) AS canonical
  FROM spellings GROUP BY key HAVING count(*) > 1
)
SELECT '${column}' AS dimension, s.spelling, g.canonical, s.rows
FROM spellings s JOIN groups g USING (key)
WHERE s.spelling <> g.canonical
ORDER BY s.rows DESC, s.spelling`;
}

/**
 * Merges case variants in the staged events' filter dimensions (and the spend file's campaign names, to
 * the events' spelling), before the funnel is built. One statement finds every dimension's variants; a
 * dimension is rewritten only when it has some (the usual file has none). Returns what was merged, most
 * rows first within each dimension.
 */
export async function mergeCaseVariants(
  engine: SqlEngine,
  events: string,
  spend: string,
): Promise<MergedSpelling[]> {
  const merged = await engine.query<MergedSpelling>(
    DIMENSIONS.map((d) => `(${caseVariantsSql(events, d)})`).join("\nUNION ALL\n"),
  );
  // UNION ALL keeps no order: dimensions in their order, most rows first, then by spelling.
  const rank = (d: string) => DIMENSIONS.indexOf(d as (typeof DIMENSIONS)[number]);
  merged.sort(
    (a, b) =>
      rank(a.dimension) - rank(b.dimension) ||
      b.rows - a.rows ||
      (a.spelling < b.spelling ? -1 : a.spelling > b.spelling ? 1 : 0),
  );
  for (const dimension of DIMENSIONS) {
    const pairs = merged
      .filter((m) => m.dimension === dimension)
      .map((m) => `(${quoteLiteral(m.spelling)}, ${quoteLiteral(m.canonical)})`);
    if (pairs.length === 0) continue;
    await engine.exec(
      `UPDATE ${events} SET ${dimension} = m.canonical
FROM (VALUES ${pairs.join(", ")}) AS m(spelling, canonical) WHERE ${events}.${dimension} = m.spelling`,
    );
  }
  // Spend names a campaign as the events do, whatever its case there.
  await engine.exec(
    `UPDATE ${spend} SET campaign = e.campaign
FROM (SELECT DISTINCT campaign FROM ${events} WHERE campaign IS NOT NULL) e
WHERE lower(${spend}.campaign) = lower(e.campaign) AND ${spend}.campaign <> e.campaign`,
  );
  return merged;
}
