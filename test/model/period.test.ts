// Date-range presets anchored on the data's last day, and the previous period they compare with.

import { describe, expect, it } from "vitest";
import {
  formatDayText,
  formatPeriod,
  matchingPreset,
  monthsBetween,
  presetPeriod,
  previousPeriod,
  shiftMonthKey,
} from "../../src/model/period";

describe("presetPeriod", () => {
  const asOf = "2025-11-14";
  it.each([
    ["all", null, null],
    ["this_month", "2025-11-01", "2025-11-14"],
    ["last_month", "2025-10-01", "2025-10-31"],
    ["this_quarter", "2025-10-01", "2025-11-14"],
    ["last_quarter", "2025-07-01", "2025-09-30"],
    ["this_year", "2025-01-01", "2025-11-14"],
    ["last_year", "2024-01-01", "2024-12-31"],
  ] as const)("%s on 14 Nov 2025 is %s – %s", (preset, from, to) => {
    expect(presetPeriod(preset, asOf)).toEqual({ from, to });
  });

  it("crosses the year boundary for last month and last quarter in January", () => {
    expect(presetPeriod("last_month", "2026-01-05")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetPeriod("last_quarter", "2026-01-05")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
  });

  it("knows February's length in a leap year", () => {
    expect(presetPeriod("last_month", "2024-03-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });
});

describe("matchingPreset", () => {
  it("names the preset a range matches on this data, or null for a custom range", () => {
    expect(matchingPreset({ from: null, to: null }, null)).toBe("all");
    expect(matchingPreset({ from: "2025-10-01", to: "2025-12-31" }, "2026-01-05")).toBe("last_quarter");
    expect(matchingPreset({ from: "2025-10-02", to: "2025-12-31" }, "2026-01-05")).toBeNull();
  });
});

describe("previousPeriod", () => {
  it("moves a whole month, quarter or year back by one", () => {
    expect(previousPeriod({ from: "2025-10-01", to: "2025-10-31" }, "2025-11-14")).toEqual({
      from: "2025-09-01",
      to: "2025-09-30",
    });
    expect(previousPeriod({ from: "2025-07-01", to: "2025-09-30" }, "2025-11-14")).toEqual({
      from: "2025-04-01",
      to: "2025-06-30",
    });
    expect(previousPeriod({ from: "2024-01-01", to: "2024-12-31" }, "2025-11-14")).toEqual({
      from: "2023-01-01",
      to: "2023-12-31",
    });
  });

  it("compares a period to date with the same days of the previous unit", () => {
    // Quarter to date (1 Oct – 14 Nov) against 1 Jul – 14 Aug, not the 45 days before.
    expect(previousPeriod({ from: "2025-10-01", to: "2025-11-14" }, "2025-11-14")).toEqual({
      from: "2025-07-01",
      to: "2025-08-14",
    });
    // Year to date against last year's same days.
    expect(previousPeriod({ from: "2025-01-01", to: "2025-11-14" }, "2025-11-14")).toEqual({
      from: "2024-01-01",
      to: "2024-11-14",
    });
    // 31 March to date compares with February, clamped to its last day.
    expect(previousPeriod({ from: "2025-03-01", to: "2025-03-30" }, "2025-03-30")).toEqual({
      from: "2025-02-01",
      to: "2025-02-28",
    });
  });

  it("shifts a custom range by its own length", () => {
    // 10 days (5–14 Nov) → the 10 days before (26 Oct – 4 Nov).
    expect(previousPeriod({ from: "2025-11-05", to: "2025-11-14" }, "2025-11-30")).toEqual({
      from: "2025-10-26",
      to: "2025-11-04",
    });
  });

  it("has none for all time or an open start, and reads an open end as the data's last day", () => {
    expect(previousPeriod({ from: null, to: null }, "2025-11-14")).toBeNull();
    expect(previousPeriod({ from: null, to: "2025-06-30" }, "2025-11-14")).toBeNull();
    expect(previousPeriod({ from: "2025-11-10", to: null }, "2025-11-14")).toEqual({
      from: "2025-11-05",
      to: "2025-11-09",
    });
  });
});

describe("formatDayText", () => {
  it("writes a day as every screen does, and leaves anything else alone", () => {
    expect(formatDayText("2026-06-30")).toBe("30 Jun 2026");
    expect(formatDayText("2025-01-05")).toBe("5 Jan 2025");
    expect(formatDayText("2025-Q1")).toBe("2025-Q1");
    expect(formatDayText("")).toBe("");
  });
});

describe("formatPeriod", () => {
  it("writes the range in words", () => {
    expect(formatPeriod({ from: "2025-10-01", to: "2025-12-31" })).toBe("1 Oct 2025 – 31 Dec 2025");
    expect(formatPeriod({ from: null, to: null })).toBe("all time");
  });
});

describe("month arithmetic", () => {
  it("counts calendar months between days and moves month keys across years", () => {
    expect(monthsBetween("2025-07-15", "2025-10-01")).toBe(3);
    expect(monthsBetween("2025-11-01", "2026-02-28")).toBe(3);
    expect(shiftMonthKey("2025-11", 3)).toBe("2026-02");
    expect(shiftMonthKey("2026-01", -1)).toBe("2025-12");
  });
});
