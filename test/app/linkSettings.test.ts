// @vitest-environment jsdom
// Settings in this browser (issue 16): a link's own settings are shown but saved only when the user keeps
// them; saved settings out of bounds (as links could save them before) are reset with a notice.

import { beforeEach, describe, expect, it } from "vitest";
import { openLink } from "../../src/app/useUrlView";
import { DEFAULT_ALIGNMENT, validAlignmentSettings } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { DEFAULT_SCORING, normaliseScoring } from "../../src/model/scoring";
import { checkAlignment, checkScoring } from "../../src/model/settingsCheck";
import { readSavedSettings, useAppStore } from "../../src/store";

const KEY = "funnel-lens:settings";
const initialState = useAppStore.getState();

function saved(): Record<string, unknown> {
  // One entry per setting (src/store/settingsStorage.ts): `funnel-lens:settings:<key>`.
  const state: Record<string, unknown> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(`${KEY}:`))
      state[key.slice(KEY.length + 1)] = JSON.parse(localStorage.getItem(key) ?? "null");
  }
  return state;
}

beforeEach(() => {
  localStorage.clear();
  useAppStore.setState(initialState, true);
});

describe("a link's own settings", () => {
  it("shows them without saving them, and names how they differ from mine", () => {
    useAppStore.setState({ stalledDays: 45 });
    expect(saved().stalledDays).toBe(45);

    openLink("?stalled=60&window=30&tab=leaks");
    const state = useAppStore.getState();
    expect(state.stalledDays).toBe(60);
    expect(state.windowDays).toBe(30);
    expect(state.tab).toBe("leaks");
    expect(state.linkSettings?.differences).toEqual(["stalled 60 days", "conversion window 30 days"]);
    // Saved settings stay mine, also after other changes to the store.
    useAppStore.getState().setCompare(true);
    expect(saved()).toMatchObject({ stalledDays: 45, windowDays: null });
  });

  it("reads the same link twice (React's strict mode) to the same state", () => {
    useAppStore.setState({ stalledDays: 45 });
    openLink("?stalled=60");
    openLink("?stalled=60");
    expect(useAppStore.getState().linkSettings).toMatchObject({
      mine: { stalledDays: 45 },
      differences: ["stalled 60 days"],
    });
  });

  it("saves them on Keep them", () => {
    openLink("?stalled=60");
    expect(saved().stalledDays).toBe(30);
    useAppStore.getState().keepLinkSettings();
    expect(useAppStore.getState().linkSettings).toBeNull();
    expect(saved().stalledDays).toBe(60);
  });

  it("shows mine again on Go back to mine, even after an edit made meanwhile", () => {
    useAppStore.setState({ windowDays: 14 });
    openLink("?stalled=60");
    useAppStore.getState().setWindowDays(90);
    expect(saved().windowDays).toBe(14);
    useAppStore.getState().restoreMySettings();
    expect(useAppStore.getState()).toMatchObject({ stalledDays: 30, windowDays: 14, linkSettings: null });
    expect(saved()).toMatchObject({ stalledDays: 30, windowDays: 14 });
  });

  it("asks nothing when the link's settings are mine, and notes ignored values in one list", () => {
    openLink("?tab=campaigns&stalled=200000000&from=2024-02-30");
    const state = useAppStore.getState();
    expect(state.linkSettings).toBeNull();
    expect(state.stalledDays).toBe(30);
    expect(state.linkProblems).toHaveLength(2);
    expect(saved().stalledDays).toBe(30);
  });
});

describe("settings saved in this browser", () => {
  it("resets the out-of-range ones a link saved before, with a notice, and keeps the others", async () => {
    // Saved by an older version: one entry holding every setting, none of the per-setting entries.
    localStorage.clear();
    localStorage.setItem(
      KEY,
      JSON.stringify({
        state: {
          stalledDays: 200_000_000,
          windowDays: 1_000_000_000,
          scoring: { ...DEFAULT_SCORING, mqlThreshold: 60 },
          theme: "dark",
        },
        version: 0,
      }),
    );
    await useAppStore.persist.rehydrate();
    const state = useAppStore.getState();
    expect(state).toMatchObject({ stalledDays: 30, windowDays: null, theme: "dark" });
    expect(state.scoring.mqlThreshold).toBe(60);
    expect(state.settingsNotice).toBe(
      "Saved settings that could not be used are back to their defaults: " +
        "conversion window (1,000,000,000), stalled days (200,000,000).",
    );
  });

  it("reads each setting with the link's rules: unknown keys dropped, bad values named", () => {
    const { settings, reset } = readSavedSettings({
      benchmarks: DEFAULT_BENCHMARKS.map((b) => (b.id === "mql_to_sql" ? { ...b, low: 2 } : b)),
      alignment: { ...DEFAULT_ALIGNMENT, extra: 1 },
      scoring: { ...DEFAULT_SCORING, behaviour: { ...DEFAULT_SCORING.behaviour, webinar: -20 } },
      aidaMapping: { pricing_visit: "interest", nonsense: "decision" },
      definitions: { mql: "Score ≥ 75", unknown: "x", sql: 5 },
      theme: "neon",
    });
    expect(reset).toEqual(["benchmark bands"]);
    expect(settings).toEqual({
      alignment: DEFAULT_ALIGNMENT,
      scoring: { ...DEFAULT_SCORING, behaviour: { ...DEFAULT_SCORING.behaviour, webinar: -20 } },
      aidaMapping: { pricing_visit: "interest" },
      definitions: { mql: "Score ≥ 75" },
    });
  });
});

describe("the saved currency", () => {
  it("keeps a known currency choice and a well-formed stated currency, and drops the rest", () => {
    expect(
      readSavedSettings({
        currencyChoice: "EUR",
        statedCurrency: { state: "stated", currency: "GBP", from: "the column “Amount (GBP)”" },
      }).settings,
    ).toEqual({
      currencyChoice: "EUR",
      statedCurrency: { state: "stated", currency: "GBP", from: "the column “Amount (GBP)”" },
    });
    expect(
      readSavedSettings({
        currencyChoice: "DOGE",
        statedCurrency: { state: "stated", currency: "<script>", from: "x" },
      }).settings,
    ).toEqual({});
    expect(
      readSavedSettings({ statedCurrency: { state: "mixed", currencies: ["EUR", "XXX", "USD"] } }).settings,
    ).toEqual({ statedCurrency: { state: "mixed", currencies: ["EUR", "USD"] } });
  });
});

describe("the controls and the checks share their bounds", () => {
  it("keeps out of the scoring form what a reload would refuse: long, control-character or surplus targets", () => {
    const roles = ["CEO", "x".repeat(201), "A\tB", ...Array.from({ length: 120 }, (_, i) => `R${i}`)];
    const model = normaliseScoring({ ...DEFAULT_SCORING, targets: { ...DEFAULT_SCORING.targets, roles } });
    expect(model.targets.roles).toHaveLength(100);
    expect(model.targets.roles.slice(0, 2)).toEqual(["CEO", "R0"]);
    expect(checkScoring(model)).toEqual({ ok: true, value: model });
  });

  it("refuses in the SLA form exactly what a link or a reload refuses", () => {
    const cases = [
      { ...DEFAULT_ALIGNMENT, targets: { ...DEFAULT_ALIGNMENT.targets, reviewHours: 0.05 } },
      { ...DEFAULT_ALIGNMENT, targets: { ...DEFAULT_ALIGNMENT.targets, contactHours: 8761 } },
      { ...DEFAULT_ALIGNMENT, routing: [{ minEmployees: 10_000_001, team: "Big" }] },
      { ...DEFAULT_ALIGNMENT, routing: [{ minEmployees: 1, team: "x".repeat(201) }] },
    ];
    for (const settings of cases) {
      expect(validAlignmentSettings(settings)).toBe(false);
      expect(checkAlignment(settings).ok).toBe(false);
    }
    expect(validAlignmentSettings(DEFAULT_ALIGNMENT)).toBe(true);
    expect(checkAlignment(DEFAULT_ALIGNMENT).ok).toBe(true);
  });
});
