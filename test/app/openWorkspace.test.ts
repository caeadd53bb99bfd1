// @vitest-environment jsdom
// Reopening the kept workspace (issue 16, item 5): when the saved stalled threshold makes DuckDB refuse
// to derive the data, the setting is reset with a notice and the data comes back — never "No data loaded".
// The engine is DuckDB's Node build; only the browser's IndexedDB and the sample download are stood in for.

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { snapshotEvents } from "../../src/app/workspaceSnapshot";
import type { SqlEngine } from "../../src/db/engine";
import { useAppStore } from "../../src/store";
import { importFixture } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const kept: { engine: SqlEngine | null; snapshot: Uint8Array | null } = { engine: null, snapshot: null };

vi.mock("../../src/queries/engine", () => ({
  appEngine: async () => kept.engine,
}));

vi.mock("../../src/app/sampleFile", () => ({
  prefetchSample: async () => {
    throw new Error("the sample is not served in this test");
  },
}));

vi.mock("../../src/app/persist", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/app/persist")>();
  const { restoreEvents } = await import("../../src/app/workspaceSnapshot");
  return {
    ...actual,
    // What IndexedDB would hand back: funnel-basic.csv's snapshot, reopened with the given settings.
    loadSavedWorkspace: async (engine: SqlEngine, settings: { asOf: null; stalledDays: number }) => {
      try {
        const { leads } = await restoreEvents(engine, kept.snapshot as Uint8Array, settings);
        return { label: "funnel-basic.csv", leads };
      } catch (error) {
        throw new actual.SavedWorkspaceError(`could not be reopened: ${String(error)}`, error);
      }
    },
  };
});

const initialState = useAppStore.getState();

beforeAll(async () => {
  const source = await createNodeEngine();
  await importFixture(source, "funnel-basic.csv");
  kept.snapshot = await snapshotEvents(source);
  kept.engine = await createNodeEngine();
});

beforeEach(() => {
  localStorage.clear();
  useAppStore.setState(initialState, true);
});

describe("openWorkspace", () => {
  it("resets a stalled threshold DuckDB cannot derive with, says so and reopens the data", async () => {
    // A value no control or link accepts any more, as an older version could have saved it.
    useAppStore.setState({ stalledDays: 200_000_000 });
    const { openWorkspace } = await import("../../src/app/importFiles");
    await openWorkspace();
    const state = useAppStore.getState();
    expect(state.dataset?.label).toBe("funnel-basic.csv");
    expect(state.stalledDays).toBe(30);
    expect(state.settingsNotice).toBe(
      "The saved workspace could not be reopened with the stalled threshold at 200000000 days; it is back to 30 days.",
    );
    expect(state.storageProblem).toBeNull();
    expect(localStorage.getItem("funnel-lens:settings:stalledDays")).toBe("30");
    const [leads] = await (kept.engine as SqlEngine).query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM lead_stages",
    );
    expect(leads?.n).toBe(10);
  });
});
