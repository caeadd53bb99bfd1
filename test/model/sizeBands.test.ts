import { describe, expect, it } from "vitest";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import {
  isHeadCountWorkspace,
  parseHeadCount,
  parseSizeBand,
  sizeBandLabel,
  sizeBands,
  sizeBandText,
  sizeBandValue,
  sizeMenu,
} from "../../src/model/sizeBands";

describe("parseHeadCount", () => {
  it.each([
    ["25", 25],
    ["2500", 2500],
    ["1,200", 1200],
    ["12,345,678", 12345678],
    [" 40 ", 40],
    ["0", 0],
  ])("reads %s as %d employees", (text, count) => {
    expect(parseHeadCount(text)).toBe(count);
  });

  it.each([["51-200"], ["1000+"], ["Enterprise"], ["unknown"], ["12.5"], ["1,20"], ["-5"], [""], ["(none)"]])(
    "reads %s as no head count",
    (text) => {
      expect(parseHeadCount(text)).toBeNull();
    },
  );
});

describe("isHeadCountWorkspace", () => {
  it("holds when at least 80 % of the leads with a size have a head count, leads without one left out", () => {
    // 8 of 10 sized leads: 80 %.
    expect(
      isHeadCountWorkspace([
        { value: "25", leads: 5 },
        { value: "1,200", leads: 3 },
        { value: "unknown", leads: 2 },
        { value: "(none)", leads: 50 },
      ]),
    ).toBe(true);
    // 7 of 10: the bands stay as the file wrote them.
    expect(
      isHeadCountWorkspace([
        { value: "25", leads: 7 },
        { value: "51-200", leads: 3 },
      ]),
    ).toBe(false);
    expect(isHeadCountWorkspace([{ value: "(none)", leads: 9 }])).toBe(false);
    expect(isHeadCountWorkspace([])).toBe(false);
  });
});

describe("sizeBands", () => {
  it("builds the default routing's bands, smallest first, with a band below the smallest threshold", () => {
    // Default routing: 1 → Inside Sales, 100 → Regional, 1000 → Enterprise.
    expect(sizeBands(DEFAULT_ALIGNMENT.routing)).toEqual([
      { min: 0, max: 0, team: null },
      { min: 1, max: 99, team: "Inside Sales" },
      { min: 100, max: 999, team: "Regional" },
      { min: 1000, max: null, team: "Enterprise" },
    ]);
  });

  it("starts at 0 without an extra band when a threshold is 0, and takes the first team of a shared threshold", () => {
    expect(
      sizeBands([
        { minEmployees: 200, team: "Regional" },
        { minEmployees: 0, team: "Inside Sales" },
        { minEmployees: 200, team: "Mid-market" },
      ]),
    ).toEqual([
      { min: 0, max: 199, team: "Inside Sales" },
      { min: 200, max: null, team: "Regional" },
    ]);
    expect(sizeBands([])).toEqual([{ min: 0, max: null, team: null }]);
  });

  it("labels a band by its range and team", () => {
    expect(sizeBandLabel({ min: 1000, max: null, team: "Enterprise" })).toBe("1,000+ (Enterprise)");
    expect(sizeBandLabel({ min: 100, max: 999, team: "Regional" })).toBe("100–999 (Regional)");
    expect(sizeBandLabel({ min: 0, max: 0, team: null })).toBe("0 (not routed)");
  });
});

describe("band filter values", () => {
  it("round-trips a band through its filter value", () => {
    for (const band of sizeBands(DEFAULT_ALIGNMENT.routing)) {
      expect(parseSizeBand(sizeBandValue(band))).toEqual({ min: band.min, max: band.max });
    }
    expect(sizeBandValue({ min: 1000, max: null })).toBe("1000+ employees");
    expect(sizeBandValue({ min: 200, max: 999 })).toBe("200-999 employees");
  });

  it("reads nothing else as a band", () => {
    for (const value of ["Enterprise", "250", "51-200", "1000+", "999-200 employees", "1000+ employees; --"])
      expect(parseSizeBand(value)).toBeNull();
  });

  it("names a band the menu no longer offers by its range", () => {
    expect(sizeBandText("1000+ employees")).toBe("1,000+ employees");
    expect(sizeBandText("250")).toBeNull();
  });
});

describe("sizeMenu", () => {
  const values = [
    { value: "25", leads: 4 },
    { value: "250", leads: 3 },
    { value: "1,200", leads: 2 },
    { value: "2500", leads: 1 },
    { value: "unknown", leads: 1 },
  ];

  it("groups head counts into the routing's bands, the other values after them as stored", () => {
    expect(sizeMenu(values, DEFAULT_ALIGNMENT.routing)).toEqual([
      {
        value: "1-99 employees",
        text: "1–99 (Inside Sales)",
        title: "Companies with 1 to 99 employees, routed to Inside Sales",
        leads: 4,
      },
      {
        value: "100-999 employees",
        text: "100–999 (Regional)",
        title: "Companies with 100 to 999 employees, routed to Regional",
        leads: 3,
      },
      {
        value: "1000+ employees",
        text: "1,000+ (Enterprise)",
        title: "Companies with 1,000 or more employees, routed to Enterprise",
        leads: 3,
      },
      { value: "unknown", text: "unknown", title: "unknown", leads: 1 },
    ]);
  });

  it("counts with the given counts (faceted) and says nothing when sizes are not head counts", () => {
    const faceted: Record<string, number> = { "25": 1, "2500": 1 };
    expect(sizeMenu(values, DEFAULT_ALIGNMENT.routing, (v) => faceted[v] ?? 0)?.map((e) => e.leads)).toEqual([
      1, 0, 1, 0,
    ]);
    expect(sizeMenu([{ value: "51-200", leads: 9 }], DEFAULT_ALIGNMENT.routing)).toBeNull();
  });
});
