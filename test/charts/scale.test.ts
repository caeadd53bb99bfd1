// Nice axis ticks for the hand-drawn bar plots.

import { describe, expect, it } from "vitest";
import { labelLines } from "../../src/charts/HorizontalBarPlot";
import { niceTicks } from "../../src/charts/scale";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 × 10ⁿ and ends at or past the maximum", () => {
    expect(niceTicks(3000)).toEqual([0, 1000, 2000, 3000]);
    expect(niceTicks(1175)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(45)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("keeps fractions exact for percentage axes", () => {
    expect(niceTicks(0.6)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("has an axis for nothing to draw", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("labelLines", () => {
  it("keeps a short label on one line and splits a long one at the space nearest its middle", () => {
    expect(labelLines("MQL → SQL", 190, 14)).toEqual(["MQL → SQL"]);
    expect(labelLines("Win rate (opportunity → deal)", 190, 14)).toEqual([
      "Win rate",
      "(opportunity → deal)",
    ]);
  });

  it("wraps by the measured width, not the number of letters", () => {
    // Ten wide glyphs overflow 100 px; twenty narrow ones fit it.
    const measure = (text: string) => text.length * (text.startsWith("W") ? 12 : 4);
    expect(labelLines("WWWWW WWWW", 100, 14, measure)).toEqual(["WWWWW", "WWWW"]);
    expect(labelLines("iiiiiiiiii iiiiiiiii", 100, 14, measure)).toEqual(["iiiiiiiiii iiiiiiiii"]);
  });
});
