// The currency amounts are in (issue 19): stated by the file where it says (an amount column named
// "Amount (EUR)", values written "€1,200" or "1200 GBP"), or chosen by the user. Amounts are never
// converted: one workspace is taken to hold one currency, and a file that mixes them is said to.

export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "JPY",
  "CNY",
  "INR",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "BRL",
  "MXN",
  "SGD",
  "HKD",
  "ZAR",
] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return (CURRENCIES as readonly unknown[]).includes(value);
}

/** Symbols read as one currency; checked longest first so "A$" is not read as "$". */
const SYMBOLS: readonly [string, Currency][] = [
  ["CA$", "CAD"],
  ["AU$", "AUD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["S$", "SGD"],
  ["C$", "CAD"],
  ["A$", "AUD"],
  ["R$", "BRL"],
  ["US$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["₹", "INR"],
  ["¥", "JPY"],
  ["$", "USD"],
];

const CODE = new RegExp(`(?:^|[^A-Za-z])(${CURRENCIES.join("|")})(?:$|[^A-Za-z])`);

/** The currency one text names: an ISO code as a word ("Amount (EUR)", "1200 GBP") or a symbol; else null. */
export function currencyInText(text: string): Currency | null {
  const code = CODE.exec(text);
  if (code) return code[1] as Currency;
  for (const [symbol, currency] of SYMBOLS) if (text.includes(symbol)) return currency;
  return null;
}

export type StatedCurrency =
  | { state: "stated"; currency: Currency; from: string }
  | { state: "mixed"; currencies: Currency[] }
  | { state: "unstated" };

/**
 * What the amount column's header and its values say. A header naming a currency decides; otherwise
 * the values that name one must all name the same one (one value in another currency makes it "mixed":
 * sums would add euros to dollars, so no symbol is put on them).
 */
export function statedCurrency(
  amountHeaders: readonly string[],
  values: readonly string[],
  currencyColumns: readonly string[] = [],
): StatedCurrency {
  for (const header of amountHeaders) {
    const currency = currencyInText(header);
    if (currency) return { state: "stated", currency, from: `the column “${header}”` };
  }
  const seen = new Map<Currency, number>();
  for (const value of values) {
    const currency = currencyInText(value);
    if (currency) seen.set(currency, (seen.get(currency) ?? 0) + 1);
  }
  if (seen.size === 0) return { state: "unstated" };
  if (seen.size > 1) return { state: "mixed", currencies: [...seen.keys()].sort() };
  const [currency] = [...seen.keys()] as [Currency];
  const column = currencyColumns[0];
  return { state: "stated", currency, from: column ? `the column “${column}”` : "the amounts as written" };
}

/**
 * The currency in words for an output's context ("Amounts in: EUR (from the column “Amount (EUR)”)"): a
 * reader of a slide or CSV learns what the amounts are in, and that they were never converted.
 */
export function currencyInWords(stated: StatedCurrency, choice: Currency | null): string {
  if (choice !== null) return `${choice} (chosen in settings; amounts are not converted)`;
  switch (stated.state) {
    case "stated":
      return `${stated.currency} (from ${stated.from})`;
    case "mixed":
      return `no currency shown: the data mixes ${stated.currencies.join(" and ")} (amounts are not converted)`;
    case "unstated":
      return "not stated in the data (plain numbers)";
  }
}

/** The currency amounts are shown in: the user's choice, else the one the data states, else none. */
export function shownCurrencyOf(stated: StatedCurrency, choice: Currency | null): Currency | null {
  return choice ?? (stated.state === "stated" ? stated.currency : null);
}

/** The sample's amounts are in US dollars (sample-data/README.md). */
export const SAMPLE_CURRENCY: StatedCurrency = { state: "stated", currency: "USD", from: "the sample" };
