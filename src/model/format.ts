// The one place numbers become text: percentages with one decimal, counts with separators, amounts in
// the workspace's currency.

import type { Currency } from "./currency";

const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 1234 → "1,234"; null → "—". */
export function formatCount(value: number | null): string {
  return value === null || Number.isNaN(value) ? "—" : countFormat.format(value);
}

/** 0.27314 → "27.3 %"; null → "—". */
export function formatPercent(fraction: number | null): string {
  return fraction === null || Number.isNaN(fraction) ? "—" : `${percentFormat.format(fraction * 100)} %`;
}

/** "27.3 % · 412 of 1,508" — a rate with the counts behind it. */
export function formatRateWithCounts(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || denominator === 0) return "—";
  return `${formatPercent(numerator / denominator)} · ${formatCount(numerator)} of ${formatCount(denominator)}`;
}

/**
 * The currency amounts are shown in: set by the shell from the store (the file's stated currency or the
 * user's choice) before the screens render; null writes plain numbers, as nothing says which currency.
 */
let shownCurrency: Currency | null = null;
const currencyFormats = new Map<Currency, Intl.NumberFormat>();

export function setShownCurrency(currency: Currency | null): void {
  shownCurrency = currency;
}

/** 12000 → "$12,000" (or "€12,000", …, "12,000" with no currency known); null → "—". */
export function formatMoney(value: number | null, currency: Currency | null = shownCurrency): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (currency === null) return moneyFormat.format(value);
  let format = currencyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    currencyFormats.set(currency, format);
  }
  return format.format(value);
}

/** Hours as "45 min", "3.5 h" or "2.1 d". */
export function formatHours(hours: number | null): string {
  if (hours === null || Number.isNaN(hours)) return "—";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}

/** A UTC-naive epoch-milliseconds timestamp as YYYY-MM-DD (never the viewer's time zone). */
export function formatDay(epochMs: number | null): string {
  if (epochMs === null) return "—";
  return new Date(epochMs).toISOString().slice(0, 10);
}
