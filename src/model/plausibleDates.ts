// Which dates are plausible: from 1970 up to a year after the day of the check. Anything else is a
// mis-read format, a typo or a placeholder (2099-12-31): kept, reported, never "now".

/** The earliest plausible date: before it a date is a mis-read format, a typo or a placeholder. */
export const EARLIEST_PLAUSIBLE_DAY = "1970-01-01";

/** The day a year after `now` (UTC), YYYY-MM-DD: later dates are flagged. */
export function latestPlausibleDay(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return day.toISOString().slice(0, 10);
}
