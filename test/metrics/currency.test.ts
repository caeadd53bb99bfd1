// Amounts written with their currency are read as numbers, and the currency they state is found, on
// DuckDB-WASM's Node build.
//
// Fixture (by hand): three won deals, "€1,200", "€300" and "2 500 EUR" → 1,200 + 300 + 2,500 = 4,000
// in won amounts; a second file adds one "£50" deal, so the two together mix EUR and GBP.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { queryAmountMarks } from "../../src/metrics/currency";
import { statedCurrency } from "../../src/model/currency";
import { LIVE_TABLES } from "../../src/warehouse/derive";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const EUROS = [
  "Deal ID,Create Date,Close Date,Deal Stage,Amount",
  'D1,2025-01-02,2025-02-02,closedwon,"€1,200"',
  "D2,2025-01-03,2025-02-03,closedwon,€300",
  "D3,2025-01-04,2025-02-04,closedwon,2 500 EUR",
].join("\n");

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

describe("amounts with their currency", () => {
  it("reads the numbers and finds the one currency they state", async () => {
    await importText(engine, "deals-eur.csv", EUROS);
    const [won] = await engine.query<{ total: number; deals: number }>(
      `SELECT sum(amount)::DOUBLE AS total, count(amount)::INTEGER AS deals FROM ${LIVE_TABLES.events} WHERE activity = 'deal_won'`,
    );
    expect(won).toEqual({ total: 4000, deals: 3 });
    const marks = await queryAmountMarks(engine);
    expect(marks.sort()).toEqual(["EUR", "€"]);
    expect(statedCurrency(["Amount"], marks)).toEqual({
      state: "stated",
      currency: "EUR",
      from: "the amounts as written",
    });
  });

  it("says a file that mixes currencies mixes them", async () => {
    await importText(engine, "deals-mixed.csv", `${EUROS}\nD4,2025-01-05,2025-02-05,closedwon,£50`);
    expect(statedCurrency(["Amount"], await queryAmountMarks(engine))).toEqual({
      state: "mixed",
      currencies: ["EUR", "GBP"],
    });
  });
});
