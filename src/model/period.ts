// Cohort periods: the date-range presets (anchored on the data's last day) and the previous period.

export const PERIOD_PRESETS = [
  "all",
  "this_month",
  "last_month",
  "this_quarter",
  "last_quarter",
  "this_year",
  "last_year",
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  all: "All time",
  this_month: "This month",
  last_month: "Last month",
  this_quarter: "This quarter",
  last_quarter: "Last quarter",
  this_year: "This year",
  last_year: "Last year",
};

/** An inclusive cohort range as YYYY-MM-DD; null ends are open. */
export interface Period {
  from: string | null;
  to: string | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number;
}

function parseDay(value: string): YearMonthDay {
  const match = DAY.exec(value);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): ${value}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function formatDay(d: YearMonthDay): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month `months` after (negative: before) the given year and month. */
function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthStart(year: number, month: number): string {
  return formatDay({ year, month, day: 1 });
}

function monthEnd(year: number, month: number): string {
  return formatDay({ year, month, day: daysInMonth(year, month) });
}

function addDays(value: string, days: number): string {
  const d = parseDay(value);
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return formatDay({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

/** Calendar months from one day's month to another's ("2025-07-15" → "2025-10-01" is 3). */
export function monthsBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** A "YYYY-MM" month moved by `months` calendar months. */
export function shiftMonthKey(month: string, months: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const moved = shiftMonth(year, m, months);
  return `${String(moved.year).padStart(4, "0")}-${String(moved.month).padStart(2, "0")}`;
}

/**
 * The range a preset stands for, anchored on `asOf` (the data's last day, so an export from last
 * year still has a "this month"). Periods that contain `asOf` end on it: "this month" is month to date.
 */
export function presetPeriod(preset: PeriodPreset, asOf: string): Period {
  const today = parseDay(asOf);
  const quarterFirstMonth = Math.floor((today.month - 1) / 3) * 3 + 1;
  switch (preset) {
    case "all":
      return { from: null, to: null };
    case "this_month":
      return { from: monthStart(today.year, today.month), to: asOf };
    case "last_month": {
      const m = shiftMonth(today.year, today.month, -1);
      return { from: monthStart(m.year, m.month), to: monthEnd(m.year, m.month) };
    }
    case "this_quarter":
      return { from: monthStart(today.year, quarterFirstMonth), to: asOf };
    case "last_quarter": {
      const first = shiftMonth(today.year, quarterFirstMonth, -3);
      const last = shiftMonth(first.year, first.month, 2);
      return { from: monthStart(first.year, first.month), to: monthEnd(last.year, last.month) };
    }
    case "this_year":
      return { from: monthStart(today.year, 1), to: asOf };
    case "last_year":
      return { from: monthStart(today.year - 1, 1), to: monthEnd(today.year - 1, 12) };
  }
}

/** The preset a range matches on this data, or null for a custom range. */
export function matchingPreset(period: Period, asOf: string | null): PeriodPreset | null {
  if (period.from === null && period.to === null) return "all";
  if (asOf === null) return null;
  return (
    PERIOD_PRESETS.find((preset) => {
      const candidate = presetPeriod(preset, asOf);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

const PRESET_MONTHS: Partial<Record<PeriodPreset, number>> = {
  this_month: 1,
  last_month: 1,
  this_quarter: 3,
  last_quarter: 3,
  this_year: 12,
  last_year: 12,
};

/**
 * The period just before. A range matching a preset shifts by the preset's unit (a quarter to date to
 * the previous quarter's same days; a year to date to last year's); another range starting on the
 * 1st shifts by the calendar months it spans; any other range by its own length in days. An open
 * start has no previous period; an open end stands for `asOf`.
 */
export function previousPeriod(period: Period, asOf: string | null): Period | null {
  if (period.from === null) return null;
  const to = period.to ?? asOf;
  if (to === null || daysBetween(period.from, to) < 0) return null;
  const from = parseDay(period.from);
  const end = parseDay(to);
  if (from.day === 1) {
    const preset = matchingPreset({ from: period.from, to }, asOf);
    const spanned = (end.year - from.year) * 12 + (end.month - from.month) + 1;
    const months = (preset && PRESET_MONTHS[preset]) ?? spanned;
    const start = shiftMonth(from.year, from.month, -months);
    const endMonth = shiftMonth(end.year, end.month, -months);
    const wholeMonths = end.day === daysInMonth(end.year, end.month);
    const endDay = wholeMonths
      ? daysInMonth(endMonth.year, endMonth.month)
      : Math.min(end.day, daysInMonth(endMonth.year, endMonth.month));
    return {
      from: monthStart(start.year, start.month),
      to: formatDay({ year: endMonth.year, month: endMonth.month, day: endDay }),
    };
  }
  const length = daysBetween(period.from, to) + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A calendar day (YYYY-MM-DD) as every screen writes it: "30 Jun 2026" (issue 19: one date style on
 * screen; CSV files keep YYYY-MM-DD). Fixed English month names, as the rest of the text is English and
 * locales disagree on abbreviations ("Sep" / "Sept"). Anything that is not a day is returned as it is.
 */
export function formatDayText(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = parseDay(value);
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** "1 Oct 2025 – 31 Dec 2025", for saying which period a comparison is against. */
export function formatPeriod(period: Period): string {
  const format = formatDayText;
  if (period.from === null && period.to === null) return "all time";
  if (period.from === null) return `until ${format(period.to as string)}`;
  if (period.to === null) return `from ${format(period.from)}`;
  return `${format(period.from)} – ${format(period.to)}`;
}
