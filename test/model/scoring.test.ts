// The scoring charts' findings from hand-built bands and tuning points: a comparison needs at least 20
// leads on each side, a share of no would-be MQLs is no point, and SQL must be tracked.
import { describe, expect, it } from "vitest";
import { bandComparisonTitle, tuningTitle } from "../../src/model/scoring";

describe("conversion by score band finding", () => {
  it("compares the highest and lowest bands with at least 20 leads, never a 3-lead top band", () => {
    // 150+ has 3 leads (3 of 3 reached SQL, 100 %): too few to judge, so it is left out of the
    // comparison. 75–99: 10 of 25 = 40.0 %; 0–24: 4 of 40 = 10.0 %.
    const bands = [
      { start: 0, leads: 40, sqlRate: 4 / 40 },
      { start: 75, leads: 25, sqlRate: 10 / 25 },
      { start: 150, leads: 3, sqlRate: 1 },
    ];
    expect(bandComparisonTitle(bands, true)).toBe(
      "Leads scoring 75–99 reach SQL 40.0 % of the time, against 10.0 % at 0–24",
    );
  });

  it("says too few to judge when fewer than two bands have 20 leads", () => {
    // 0–24 has 30 leads; 75–99 (19) and 150+ (3) are too small, so there is nothing to compare it with.
    const bands = [
      { start: 0, leads: 30, sqlRate: 0.1 },
      { start: 75, leads: 19, sqlRate: 0.5 },
      { start: 150, leads: 3, sqlRate: 1 },
    ];
    expect(bandComparisonTitle(bands, true)).toBe(
      "Conversion to SQL by score band: too few to judge (fewer than two bands with 20 leads or more)",
    );
  });

  it("says SQL is not tracked rather than comparing rates of 0 %", () => {
    const bands = [
      { start: 0, leads: 40, sqlRate: null },
      { start: 75, leads: 25, sqlRate: null },
    ];
    expect(bandComparisonTitle(bands, false)).toBe(
      "Conversion to SQL by score band is not tracked: no lead in this data has an SQL date",
    );
  });
});

describe("threshold-tuning finding", () => {
  const tuning = [
    { threshold: 0, wouldBeMqls: 100, becameSql: 30 },
    { threshold: 5, wouldBeMqls: 40, becameSql: 10 },
    { threshold: 10, wouldBeMqls: 5, becameSql: 2 },
  ];

  it("states the share at the current threshold: 10 of 40 = 25.0 %", () => {
    expect(tuningTitle(tuning, 5, 12, true)).toBe(
      "At 5 points, 40 leads would be MQLs and 25.0 % of them reached SQL",
    );
  });

  it("gives counts, not a percentage, for fewer than 20 would-be MQLs (2 of 5)", () => {
    expect(tuningTitle(tuning, 10, 12, true)).toBe(
      "At 10 points, 5 leads would be MQLs and 2 of 5 reached SQL: too few to judge",
    );
  });

  it("prints no share above the highest score, where no lead would be an MQL", () => {
    expect(tuningTitle(tuning, 75, 12, true)).toBe(
      "At 75 points no lead would be an MQL: the highest score is 12",
    );
  });

  it("says whether they reached SQL is not tracked without SQL dates", () => {
    const untracked = tuning.map((t) => ({ ...t, becameSql: null }));
    expect(tuningTitle(untracked, 0, 12, false)).toBe(
      "At 0 points, 100 leads would be MQLs; whether they reached SQL is not tracked: no lead in this data has an SQL date",
    );
  });
});
