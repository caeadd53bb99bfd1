// Tests for the stage definitions: standard wording with the thresholds in force, and per-stage edits.
import { describe, expect, it } from "vitest";
import {
  DEFINED_STAGES,
  defaultDefinitions,
  definitionFor,
  definitionForKpi,
  definitionsCsv,
  resolveDefinitions,
} from "../../src/model/definitions";
import { DEFAULT_SCORING } from "../../src/model/scoring";

describe("defaultDefinitions", () => {
  it("quotes the MQL and SQL-ready thresholds in force", () => {
    const defaults = defaultDefinitions(DEFAULT_SCORING);
    expect(defaults.mql).toBe(
      "Marketing judges the lead ready for sales: lead score of 75 points or more, or a recorded MQL date.",
    );
    expect(defaults.sql).toContain("above 100 points");
  });

  it("follows changed thresholds", () => {
    const defaults = defaultDefinitions({ mqlThreshold: 60, sqlReadyThreshold: 140 });
    expect(defaults.mql).toContain("60 points or more");
    expect(defaults.sql).toContain("above 140 points");
  });

  it("words every defined stage", () => {
    const defaults = defaultDefinitions(DEFAULT_SCORING);
    for (const stage of DEFINED_STAGES) expect(defaults[stage].length).toBeGreaterThan(10);
  });
});

describe("resolveDefinitions and definitionFor", () => {
  it("an edit overrides only its stage", () => {
    const defaults = defaultDefinitions(DEFAULT_SCORING);
    const resolved = resolveDefinitions({ mql: "Score of 80+ and a demo request." }, DEFAULT_SCORING);
    expect(definitionFor("mql", resolved)).toBe("Score of 80+ and a demo request.");
    for (const stage of DEFINED_STAGES.filter((s) => s !== "mql")) {
      expect(definitionFor(stage, resolved)).toBe(defaults[stage]);
    }
  });

  it("falls back to the standard wording for a blank edit", () => {
    const resolved = resolveDefinitions({ sal: "   " }, DEFAULT_SCORING);
    expect(resolved.sal).toBe(defaultDefinitions(DEFAULT_SCORING).sal);
  });

  it("has no definition for a deal", () => {
    expect(definitionFor("deal", defaultDefinitions(DEFAULT_SCORING))).toBeNull();
  });

  it("maps stage-count KPIs to their stage and rates to none", () => {
    const defaults = defaultDefinitions(DEFAULT_SCORING);
    expect(definitionForKpi("sqls", defaults)).toBe(defaults.sql);
    expect(definitionForKpi("opportunities", defaults)).toBe(defaults.opportunity);
    expect(definitionForKpi("mql_to_sql", defaults)).toBeNull();
    expect(definitionForKpi("deals", defaults)).toBeNull();
  });
});

describe("definitionsCsv", () => {
  it("writes one row per defined stage, quoting commas", () => {
    const csv = definitionsCsv(resolveDefinitions({ lead: "Anyone, anywhere" }, DEFAULT_SCORING));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("stage,label,definition");
    expect(lines[1]).toBe('lead,Lead,"Anyone, anywhere"');
    expect(lines).toHaveLength(DEFINED_STAGES.length + 2);
  });
});
