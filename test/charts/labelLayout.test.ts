// Label placement and axis ticks the charts share (src/charts/labelLayout.ts, chartParts.tsx): labels
// never overlap each other, a marker or the plot's edge; ticks are round.

import { describe, expect, it } from "vitest";
import { niceAxis } from "../../src/charts/chartParts";
import { type LabelBox, overlaps, placePointLabels, wrapLabel } from "../../src/charts/labelLayout";

/** 10 px per character: easy to work out by hand. */
const measure = (text: string) => text.length * 10;
const bounds: LabelBox = { x: 0, y: 0, width: 400, height: 300 };

describe("placePointLabels", () => {
  it("puts a lone point's label to the right of its marker", () => {
    const [label] = placePointLabels([{ id: "a", x: 100, y: 100, text: "Email", priority: 1 }], {
      fontSize: 12,
      bounds,
      radius: 5,
      limit: 5,
      measure,
    });
    // Right of the marker: radius 5 + 3 px gap; 15 px tall (12 × 1.25) centred on the point.
    expect(label?.box).toEqual({ x: 108, y: 92.5, width: 50, height: 15 });
  });

  it("moves a label left when the right side would leave the plot", () => {
    const [label] = placePointLabels([{ id: "a", x: 380, y: 100, text: "Email", priority: 1 }], {
      fontSize: 12,
      bounds,
      radius: 5,
      limit: 5,
      measure,
    });
    expect(label?.box.x).toBe(380 - 8 - 50);
  });

  it("never lets two labels overlap: a crowded point gives way to the more important one", () => {
    // Eleven campaigns piled within a few pixels, as on the Campaigns screen's scatter.
    const points = Array.from({ length: 11 }, (_, i) => ({
      id: `c${i}`,
      x: 200 + (i % 3) * 4,
      y: 150 + i * 3,
      text: `Campaign number ${i}`,
      priority: i,
    }));
    const placed = placePointLabels(points, { fontSize: 12, bounds, radius: 5, limit: 11, measure });
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(11);
    // The most important first.
    expect(placed[0]?.id).toBe("c10");
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
    // And no label covers any marker.
    for (const label of placed)
      for (const p of points)
        expect(overlaps(label.box, { x: p.x - 5, y: p.y - 5, width: 10, height: 10 })).toBe(false);
  });

  it("keeps clear of boxes already taken (a quadrant's name) and stops at the limit", () => {
    const taken = [{ x: 100, y: 90, width: 200, height: 30 }];
    const placed = placePointLabels(
      [
        { id: "a", x: 90, y: 100, text: "Email", priority: 2 },
        { id: "b", x: 200, y: 250, text: "Events", priority: 1 },
        { id: "c", x: 300, y: 200, text: "Webinar", priority: 0 },
      ],
      { fontSize: 12, bounds, radius: 5, limit: 2, measure, taken },
    );
    expect(placed.map((l) => l.id)).toEqual(["a", "b"]);
    expect(overlaps(placed[0]?.box as LabelBox, taken[0] as LabelBox)).toBe(false);
  });
});

describe("wrapLabel", () => {
  it("keeps words whole and ends a cut label with an ellipsis", () => {
    expect(wrapLabel("SQL → Opportunity", 200, 12, 2, measure)).toEqual(["SQL → Opportunity"]);
    expect(wrapLabel("SQL → Opportunity", 80, 12, 2, measure)).toEqual(["SQL →", "Opportunity"]);
    expect(wrapLabel("Paid Social - Awareness Q1", 60, 12, 2, measure)).toEqual(["Paid", "Social…"]);
  });
});

describe("niceAxis", () => {
  it("ends on a round tick instead of the data's maximum (no …900 / 1,022)", () => {
    expect(niceAxis(1022)).toEqual({ domain: [0, 1500], ticks: [0, 500, 1000, 1500] });
    expect(niceAxis(0.7)).toEqual({ domain: [0, 0.8], ticks: [0, 0.2, 0.4, 0.6, 0.8] });
  });
});
