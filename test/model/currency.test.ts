// The currency amounts are in: read from what the file states, never guessed, and written with it.

import { afterEach, describe, expect, it } from "vitest";
import {
  currencyInText,
  currencyInWords,
  type StatedCurrency,
  statedCurrency,
} from "../../src/model/currency";
import { formatMoney, setShownCurrency } from "../../src/model/format";

afterEach(() => setShownCurrency(null));

describe("currencyInText", () => {
  it("reads ISO codes as words and symbols, the longer symbol first", () => {
    expect(currencyInText("Amount (EUR)")).toBe("EUR");
    expect(currencyInText("1200 GBP")).toBe("GBP");
    expect(currencyInText("€1.200")).toBe("EUR");
    expect(currencyInText("A$3,000")).toBe("AUD");
    expect(currencyInText("$3,000")).toBe("USD");
    // Letters around a code make it no code: "EURO" and "Amount" are not currencies.
    expect(currencyInText("EUROPE")).toBeNull();
    expect(currencyInText("Amount")).toBeNull();
    expect(currencyInText("1200")).toBeNull();
  });
});

describe("statedCurrency", () => {
  it("takes the amount header's currency first", () => {
    expect(statedCurrency(["Amount (CHF)"], ["$100"])).toEqual({
      state: "stated",
      currency: "CHF",
      from: "the column “Amount (CHF)”",
    });
  });

  it("takes the values' one currency, says when they mix, and says nothing when they state none", () => {
    expect(statedCurrency(["Amount"], ["€100", "200", "€3,000"])).toEqual({
      state: "stated",
      currency: "EUR",
      from: "the amounts as written",
    });
    expect(statedCurrency(["Amount"], ["€100", "$200"])).toEqual({
      state: "mixed",
      currencies: ["EUR", "USD"],
    });
    expect(statedCurrency(["Amount"], ["100", "200"])).toEqual({ state: "unstated" });
    expect(statedCurrency([], [])).toEqual({ state: "unstated" });
  });
});

describe("formatMoney", () => {
  it("writes whole amounts with the shown currency, or plain when none is known", () => {
    expect(formatMoney(12000)).toBe("12,000");
    setShownCurrency("EUR");
    expect(formatMoney(12000)).toBe("€12,000");
    expect(formatMoney(12000.6, "USD")).toBe("$12,001");
    expect(formatMoney(5000, "CHF")).toBe("CHF\u00a05,000");
    expect(formatMoney(null)).toBe("—");
    expect(formatMoney(1, null)).toBe("1");
  });
});

describe("currencyInWords (the outputs' 'Amounts in' line)", () => {
  it.each([
    [
      { state: "stated", currency: "EUR", from: "the column “Amount (EUR)”" },
      null,
      "EUR (from the column “Amount (EUR)”)",
    ],
    [
      { state: "stated", currency: "EUR", from: "the amounts as written" },
      "USD",
      "USD (chosen in settings; amounts are not converted)",
    ],
    [
      { state: "mixed", currencies: ["EUR", "GBP"] },
      null,
      "no currency shown: the data mixes EUR and GBP (amounts are not converted)",
    ],
    [{ state: "unstated" }, null, "not stated in the data (plain numbers)"],
  ] as const)("%j with choice %s reads %s", (stated, choice, words) => {
    expect(currencyInWords(stated as StatedCurrency, choice)).toBe(words);
  });
});
