// Category values that differ only in case are one value, on DuckDB-WASM's Node build.
//
// Fixture (by hand): channel "email" on 3 leads' rows (A, B, C: 2 rows each = 6 rows), "EMAIL" on
// D's 2 rows, "Email" on E's 2 rows → one channel "email" with 5 leads; "Paid" and "paid" 2 rows each
// → a tie, so the first in alphabetical order ("Paid") wins. Spend for "EMAIL" → campaign as spelt in
// the events. Region "EMEA" has one spelling: untouched.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import type { ImportSummary } from "../../src/import/load";
import { querySegmentOptions } from "../../src/metrics/segments";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const rows = (lead: string, channel: string, campaign: string) => [
  `${lead},2025-01-05 09:00:00,became_lead,${channel},${campaign},EMEA`,
  `${lead},2025-01-06 09:00:00,became_mql,${channel},${campaign},EMEA`,
];
const CSV = [
  "lead_id,occurred_at,activity,channel,campaign,region",
  ...rows("A", "email", "Spring"),
  ...rows("B", "email", "Spring"),
  ...rows("C", "email", "Spring"),
  ...rows("D", "EMAIL", "SPRING"),
  ...rows("E", "Email", "Spring"),
  ...rows("F", "Paid", "Ads"),
  ...rows("G", "paid", "Ads"),
].join("\n");

let engine: SqlEngine;
let summary: ImportSummary;

beforeAll(async () => {
  engine = await createNodeEngine();
  summary = await importText(engine, "case-variants.csv", CSV);
});

describe("values that differ only in case", () => {
  it("count as one value, spelt as most rows spell it (ties: alphabetical first)", async () => {
    const options = await querySegmentOptions(engine);
    expect(options.channel).toEqual([
      { value: "email", leads: 5 },
      { value: "Paid", leads: 2 },
    ]);
    expect(options.campaign).toEqual([
      { value: "Spring", leads: 5 },
      { value: "Ads", leads: 2 },
    ]);
    expect(options.region).toEqual([{ value: "EMEA", leads: 7 }]);
  });

  it("are listed in the import summary, never merged silently", () => {
    expect(summary.mergedSpellings).toEqual([
      { dimension: "campaign", spelling: "SPRING", canonical: "Spring", rows: 2 },
      { dimension: "channel", spelling: "EMAIL", canonical: "email", rows: 2 },
      { dimension: "channel", spelling: "Email", canonical: "email", rows: 2 },
      { dimension: "channel", spelling: "paid", canonical: "Paid", rows: 2 },
    ]);
  });
});
