// A temporary table for one answer that several queries read: the expensive part (a scan of every
// event) runs once per filter change instead of once per query.

import type { SqlEngine, SqlValue } from "../db/engine";

let made = 0;

/**
 * Creates a temporary table from `select` (a WITH … SELECT), runs `use` on its name, then drops it.
 * Each call gets its own name, so overlapping requests (quick filter changes) never share a table.
 */
export async function withTempTable<T>(
  engine: SqlEngine,
  prefix: string,
  select: string,
  params: readonly SqlValue[],
  use: (table: string) => Promise<T>,
): Promise<T> {
  const table = `${prefix}_${++made}`;
  await engine.exec(`CREATE TEMP TABLE ${table} AS ${select}`, params);
  try {
    return await use(table);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}
