// Tests for the activity → AIDA mapping: the vocabulary's standard mapping and the user's edits.
import { describe, expect, it } from "vitest";
import {
  AIDA_ACTIVITIES,
  type AidaMapping,
  defaultAidaMapping,
  resolveAidaMapping,
} from "../../src/model/aida";
import { ACTIVITY_VOCABULARY } from "../../src/model/vocabulary";

describe("defaultAidaMapping", () => {
  it("follows the vocabulary, with deal_won as Action", () => {
    const defaults = defaultAidaMapping();
    expect(Object.keys(defaults)).toEqual(ACTIVITY_VOCABULARY.map((d) => d.activity));
    expect(defaults).toMatchObject({
      page_view: "awareness",
      content_download: "interest",
      pricing_visit: "decision",
      deal_won: "action",
      became_mql: null,
    });
    expect(AIDA_ACTIVITIES.filter((a) => defaults[a] === "action")).toEqual(["deal_won"]);
  });
});

describe("resolveAidaMapping", () => {
  it("is the standard mapping without edits", () => {
    expect(resolveAidaMapping({})).toEqual(defaultAidaMapping());
  });

  it("overlays stage and none edits and leaves the rest standard", () => {
    const resolved = resolveAidaMapping({ pricing_visit: "interest", page_view: null, chat: "action" });
    expect(resolved).toMatchObject({
      pricing_visit: "interest",
      page_view: null,
      chat: "action",
      demo_request: "decision",
    });
  });

  it("ignores unknown activities and invalid stages", () => {
    const edits = { not_an_activity: "awareness", webinar: "purchase" } as unknown as Partial<AidaMapping>;
    const resolved = resolveAidaMapping(edits);
    expect(resolved).not.toHaveProperty("not_an_activity");
    expect(resolved.webinar).toBe("interest");
  });
});
