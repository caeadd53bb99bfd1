// One filter change on the Pipeline screen asks two statements: the screen's answer and the filter bar's
// faceted counts. The app binds an interruptible statement's values through one session variable, set
// again (three worker round trips) whenever they differ from the last statement's; both statements
// must therefore bind exactly the filters' own values.

import { describe, expect, it } from "vitest";
import { filterWhere } from "../../src/metrics/filters";
import { segmentCountsSql } from "../../src/metrics/segments";
import type { FunnelFilters } from "../../src/model/filters";

const cases: [string, FunnelFilters][] = [
  ["no filter", { segments: {}, from: null, to: null }],
  ["a campaign", { segments: { campaign: ["Webinar"] }, from: null, to: null }],
  ["a period", { segments: {}, from: "2025-04-01", to: "2025-09-30" }],
  ["a start day and a team", { segments: { team: ["SMB"] }, from: "2025-07-01", to: null }],
];

describe("the filter bar's counts beside the Pipeline's answer", () => {
  it.each(cases)("bind the filters' own values (%s)", (_, filters) => {
    const counts = segmentCountsSql(filters);
    expect(counts.params).toEqual(filterWhere(filters).params);
    expect(counts.sql.split("?").length - 1).toBe(counts.params.length);
  });
});
