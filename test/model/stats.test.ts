// The Wilson interval against published values.

import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/model/stats";

describe("Wilson score interval", () => {
  it("matches the textbook example: 81 of 263 → 25.6 %–36.5 %", () => {
    // Wilson (1927) as worked in Newcombe (1998), Statistics in Medicine 17, table I, case 1.
    const interval = wilsonInterval(81, 263);
    expect(interval?.low).toBeCloseTo(0.2553, 4);
    expect(interval?.high).toBeCloseTo(0.3662, 4);
  });

  it("stays inside 0–1 at the extremes and is null without trials", () => {
    expect(wilsonInterval(0, 10)?.low).toBe(0);
    expect(wilsonInterval(10, 10)?.high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
