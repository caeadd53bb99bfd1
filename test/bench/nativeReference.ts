// The physical reference for the import target: native DuckDB reading the same file with a plain
// `read_csv` (sniffed types, no validation, no row numbers) and counting a reached-stage funnel.

import { createNativeEngine } from "../../build/nativeEngine";
import { quoteLiteral } from "../../src/db/sql";
import type { Dataset } from "./datasets";

export interface NativePlainReference {
  ok: boolean;
  error?: string;
  /** `CREATE TABLE … AS SELECT * FROM read_csv(file)`. */
  readMs?: number;
  /** The reached-stage funnel (a lead reached a stage if it has that stage or a later one). */
  funnelMs?: number;
  /** Read + funnel: what "≤ 2.5× native" compares the app's import with. */
  totalMs?: number;
  rows?: number;
  leads?: number;
}

/** The lifecycle stages as activity values, in funnel order (the generator writes canonical names). */
const STAGES = [
  "became_lead",
  "became_mql",
  "sales_accepted",
  "became_sql",
  "opportunity_created",
  "deal_won",
];

export const REACHED_FUNNEL_SQL = `WITH stage_index AS (
  SELECT * FROM (VALUES ${STAGES.map((s, i) => `(${quoteLiteral(s)}, ${i})`).join(", ")}) s(activity, idx)
),
furthest AS (
  SELECT e.lead_id, coalesce(max(s.idx), 0) AS furthest
  FROM plain_events e LEFT JOIN stage_index s ON s.activity = e.activity
  GROUP BY e.lead_id
)
SELECT s.idx, s.activity, count(*) FILTER (WHERE f.furthest >= s.idx)::INTEGER AS reached
FROM stage_index s CROSS JOIN furthest f
GROUP BY s.idx, s.activity ORDER BY s.idx`;

export async function nativePlainReference(dataset: Dataset): Promise<NativePlainReference> {
  const native = await createNativeEngine();
  try {
    const started = performance.now();
    await native.exec(`CREATE TABLE plain_events AS SELECT * FROM read_csv(${quoteLiteral(dataset.path)})`);
    const read = performance.now();
    const funnel = await native.query<{ idx: number; reached: number }>(REACHED_FUNNEL_SQL);
    const done = performance.now();
    const [counted] = await native.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM plain_events");
    return {
      ok: true,
      readMs: read - started,
      funnelMs: done - read,
      totalMs: done - started,
      rows: counted?.n ?? 0,
      leads: funnel[0]?.reached ?? 0,
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await native.close();
  }
}
