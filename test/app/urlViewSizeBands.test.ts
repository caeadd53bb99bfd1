// A company-size band travels in a link as its readable filter value and comes back as the same band,
// which the filters turn into a head-count range.

import { describe, expect, it } from "vitest";
import { DEFAULT_STALLED_DAYS, decodeView, encodeView, readLink, type UrlView } from "../../src/app/urlView";
import { filterWhere } from "../../src/metrics/filters";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_SCORING } from "../../src/model/scoring";

const VIEW: UrlView = {
  tab: "alignment",
  filters: { ...NO_FILTERS, segments: { company_size: ["200-999 employees", "1000+ employees", "unknown"] } },
  count: "cohort",
  compare: false,
  windowDays: null,
  stalledDays: DEFAULT_STALLED_DAYS,
  benchmarks: DEFAULT_BENCHMARKS,
  alignment: DEFAULT_ALIGNMENT,
  scoring: DEFAULT_SCORING,
  aidaMapping: {},
};

describe("company-size bands in a link", () => {
  it("writes each band as its range in words and reads it back as the same filter", () => {
    const query = encodeView(VIEW);
    expect(query).toBe(
      "tab=alignment&company_size=200-999+employees&company_size=1000%2B+employees&company_size=unknown",
    );
    expect(decodeView(`?${query}`)).toEqual(VIEW);
  });

  it("restores a hand-written band link as a head-count range, not as a stored value", () => {
    const { view, ignored } = readLink("?company_size=1000%2B+employees");
    expect(ignored).toEqual([]);
    expect(view.filters?.segments.company_size).toEqual(["1000+ employees"]);
    const where = filterWhere(view.filters ?? NO_FILTERS);
    expect(where.sql).toMatch(/>= 1000\)\)$/);
  });
});
