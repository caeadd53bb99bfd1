// Amounts written with their currency are read as numbers, and the currency they state is found, on
// DuckDB-WASM's Node build.
//
// Fixture (by hand): three won deals, "€1,200", "€300" and "2 500 EUR" → 1,200 + 300 + 2,500 = 4,000
// in won amounts; a second file adds one "£50" deal, so the two together mix EUR and GBP. A HubSpot
// export with its own "Deal currency code" column: 1,200 EUR + 300 EUR read, "n/a" EUR unreadable → 1,500
// in two amounts, the currency EUR from that column, the unreadable amount still shown as written.

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

describe("a currency column of its own", () => {
  const HUBSPOT = [
    "Record ID,Create Date,Close Date,Deal Stage,Amount,Deal currency code",
    "H1,2025-01-02,2025-02-02,closedwon,1200,EUR",
    "H2,2025-01-03,2025-02-03,closedwon,300,eur",
    "H3,2025-01-04,2025-02-04,closedwon,n/a,EUR",
  ].join("\n");

  it("is read as the amounts' currency, and the amounts stay numbers", async () => {
    await importText(engine, "hubspot-deals-eur.csv", HUBSPOT);
    const [won] = await engine.query<{ total: number; deals: number; unread: string }>(
      `SELECT sum(amount)::DOUBLE AS total, count(amount)::INTEGER AS deals,
        any_value(raw_amount) FILTER (WHERE amount IS NULL AND raw_amount IS NOT NULL) AS unread
      FROM ${LIVE_TABLES.events} WHERE activity = 'deal_won'`,
    );
    expect(won).toEqual({ total: 1500, deals: 2, unread: "n/a" });
    const marks = await queryAmountMarks(engine);
    expect(marks).toEqual(["EUR"]);
    expect(statedCurrency(["Amount"], marks, ["Deal currency code"])).toEqual({
      state: "stated",
      currency: "EUR",
      from: "the column “Deal currency code”",
    });
  });

  it("says a column that names two currencies mixes them", async () => {
    await importText(
      engine,
      "salesforce-opportunities.csv",
      [
        "Opportunity ID,Created Date,Close Date,Stage,Amount,Opportunity Currency",
        "S1,2025-01-02,2025-02-02,Closed Won,100,GBP",
        "S2,2025-01-03,2025-02-03,Closed Won,200,USD",
      ].join("\n"),
    );
    expect(statedCurrency(["Amount"], await queryAmountMarks(engine), ["Opportunity Currency"])).toEqual({
      state: "mixed",
      currencies: ["GBP", "USD"],
    });
  });
});
