// @vitest-environment jsdom
// useMetric's public counters: questions asked and not yet on screen, and answers shown (README contract).
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useMetric } from "../../src/app/useMetric";
import type { SqlEngine } from "../../src/db/engine";
import type { FunnelFilters } from "../../src/model/filters";
import { useAppStore } from "../../src/store";

vi.mock("../../src/app/engine", () => ({ appEngine: () => Promise.resolve({} as SqlEngine) }));

const initialState = useAppStore.getState();
const answers: ((value: string) => void)[] = [];
const ask = (_engine: SqlEngine, ctx: { filters: FunnelFilters }) =>
  new Promise<string>((resolve) => answers.push((value) => resolve(`${value}:${ctx.filters.from ?? "all"}`)));

function Probe() {
  const state = useMetric(ask);
  return <p>{state.status === "ready" ? state.data : state.status}</p>;
}

const counters = () => ({
  pending: Number(document.documentElement.dataset.metricsPending),
  shown: Number(document.documentElement.dataset.metricsShown),
});

beforeEach(() => {
  answers.length = 0;
  useAppStore.setState({ ...initialState, dataset: { label: "test", version: 1 } }, true);
});

afterEach(() => {
  useAppStore.setState(initialState, true);
});

describe("useMetric counters", () => {
  it("counts a question as pending until its answer is on screen, and a superseded one once", async () => {
    const { unmount } = render(<Probe />);
    const start = counters();
    await act(async () => {});
    expect(counters().pending).toBe(start.pending);
    expect(start.pending).toBeGreaterThan(0);

    await act(async () => answers.shift()?.("first"));
    expect(screen.getByText("first:all")).toBeTruthy();
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 1 });

    // Two quick filter changes: the first answer is dropped, the question stays counted once.
    act(() => useAppStore.getState().setFilters({ segments: {}, from: "2025-01-01", to: null }));
    act(() => useAppStore.getState().setFilters({ segments: {}, from: "2025-02-01", to: null }));
    await act(async () => {});
    expect(counters().pending).toBe(start.pending);
    await act(async () => {
      answers.shift()?.("stale");
      answers.shift()?.("latest");
    });
    expect(screen.getByText("latest:2025-02-01")).toBeTruthy();
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 2 });

    // Closed while asking: no longer pending, nothing shown.
    act(() => useAppStore.getState().setFilters({ segments: {}, from: null, to: null }));
    expect(counters().pending).toBe(start.pending);
    unmount();
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 2 });
  });
});
