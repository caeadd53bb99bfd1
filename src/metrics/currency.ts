// Which currency marks the imported amounts carry ("€1,200", "1200 GBP"): one row per mark, so a
// single value in another currency among a million is still seen (model/currency.ts decides).

import type { SqlEngine } from "../db/engine";
import { CURRENCIES } from "../model/currency";
import { LIVE_TABLES } from "../warehouse/derive";

const MARK = `(${CURRENCIES.join("|")}|[A-Z]{1,2}\\$|[$€£¥₹])`;

export async function queryAmountMarks(engine: SqlEngine): Promise<string[]> {
  const rows = await engine.query<{ mark: string }>(
    `SELECT DISTINCT regexp_extract(raw_amount, '${MARK}', 1) AS mark FROM ${LIVE_TABLES.events}
WHERE raw_amount IS NOT NULL AND regexp_matches(raw_amount, '${MARK}')`,
  );
  return rows.map((r) => r.mark);
}
