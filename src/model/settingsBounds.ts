// The one place the settings' bounds live: the controls (min/max, what they accept), the link parser
// and the check of settings saved in this browser all read them here, so a value a control refuses can
// never arrive through a link or a stale saved setting either.

import { formatCount } from "./format";

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Conversion window and stalled threshold, in whole days. Ten years is past any real sales cycle, and
 * far below what DuckDB's date arithmetic overflows on ("Date and time not in timestamp range").
 */
export const WINDOW_DAYS: Bounds = { min: 1, max: 3650 };
export const STALLED_DAYS: Bounds = { min: 1, max: 3650 };

/** Benchmark band edges, as fractions. */
export const BENCHMARK_RATE: Bounds = { min: 0, max: 1 };

/** SLA targets in hours (the form's step is 0.5 h; a year is past any hand-off SLA). */
export const SLA_HOURS: Bounds = { min: 0.1, max: 8760 };
/** Share of hand-offs within SLA goal, as a fraction (the form shows it in %). */
export const SLA_GOAL: Bounds = { min: 0, max: 1 };
/** Company-size routing: a band's "from employees" is a whole number (SQL casts it to INTEGER). */
export const ROUTING_EMPLOYEES: Bounds = { min: 0, max: 10_000_000 };
export const MAX_ROUTING_BANDS = 10;

/** Scoring weights and thresholds: negatives allowed (a disqualifying behaviour), small enough to sum. */
export const SCORE_POINTS: Bounds = { min: -10_000, max: 10_000 };

/** Team names, scoring target-list entries: at most this long, at most this many per list. */
export const MAX_SETTING_TEXT = 200;
export const MAX_LIST_ITEMS = 100;

/** Filter values from a link: at most this long, at most this many per filter. */
export const MAX_FILTER_VALUE = 500;
export const MAX_FILTER_VALUES = 100;

/** Cohort days (YYYY-MM-DD) a period may start or end on. */
export const COHORT_DAYS = { min: "1900-01-01", max: "2999-12-31" } as const;

/** A JSON setting in a link (sla, score, aida) is at most this many characters. */
export const MAX_JSON_SETTING = 20_000;

export function withinBounds(value: number, bounds: Bounds): boolean {
  return Number.isFinite(value) && value >= bounds.min && value <= bounds.max;
}

export function isWholeDays(value: unknown, bounds: Bounds): value is number {
  return typeof value === "number" && Number.isInteger(value) && withinBounds(value, bounds);
}

/** "1–3,650" for a notice or a control's hint. */
export function boundsText(bounds: Bounds): string {
  const n = (v: number) => (v < 0 ? `−${formatCount(-v)}` : formatCount(v));
  return `${n(bounds.min)}–${n(bounds.max)}`;
}

/** Plain decimal digits only: "0x10", "1e3", " 16", "+16" and "16.0" are not whole days. */
const WHOLE_NUMBER = /^[0-9]{1,9}$/;

/** A link's or a control's text as whole days within `bounds`; null when it is anything else. */
export function parseWholeDays(text: string, bounds: Bounds): number | null {
  if (!WHOLE_NUMBER.test(text)) return null;
  const days = Number(text);
  return isWholeDays(days, bounds) ? days : null;
}

/** A decimal fraction as written in a link ("0.25", "1", "2.5e-7"); no hex, no sign, no spaces. */
const DECIMAL = /^[0-9]+(\.[0-9]+)?(e-?[0-9]+)?$/;

export function parseDecimal(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

const CONTROL_CHARACTER = /\p{Cc}/u;

/** NUL, tab, newline, DEL…: never in a setting or a filter value (they break SQL literals and layouts). */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Settings text (a team name, a target-list entry): short, printable. */
export function isSettingText(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_SETTING_TEXT && !hasControlCharacter(value);
}

/** A real calendar day as YYYY-MM-DD within COHORT_DAYS: 2024-02-29 is one, 2024-02-30 and 2023-02-29 are not. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    value >= COHORT_DAYS.min &&
    value <= COHORT_DAYS.max
  );
}
