// Which figures a campaign report may show when the data does not track every stage.
import { describe, expect, it } from "vitest";
import { ALL_TRACKED, firstUntracked, notTrackedNote } from "../../src/model/campaigns";

const DEALS_ONLY = { ...ALL_TRACKED, lead: false, mql: false, sal: false, sql: false };

describe("not tracked", () => {
  it("names the first stage a figure needs that the data does not record", () => {
    // SQL of MQLs needs MQL and SQL: in a deals-only export MQL is the first one missing.
    expect(firstUntracked(DEALS_ONLY, ["mql", "sql"])).toBe("mql");
    // Deal of opportunities needs only stages a deals export records.
    expect(firstUntracked(DEALS_ONLY, ["opportunity", "deal"])).toBeNull();
    expect(notTrackedNote({ ...ALL_TRACKED, sql: false }, ["mql", "sql"])).toBe(
      "SQL not tracked: no lead in this data has an SQL date",
    );
    expect(notTrackedNote(ALL_TRACKED, ["mql", "sql", "opportunity", "deal"])).toBeNull();
  });
});
