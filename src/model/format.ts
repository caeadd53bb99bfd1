// The one place numbers become text: percentages with one decimal, counts with separators.

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

export function formatMoney(value: number | null): string {
  return value === null || Number.isNaN(value) ? "—" : moneyFormat.format(value);
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
