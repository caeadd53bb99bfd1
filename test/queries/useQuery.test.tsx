// @vitest-environment jsdom
// useQuery: the public counters (README contract), old numbers marked stale while the new ones come,
// a cached answer drawn at once, and a superseded question stopped in the engine.
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { defineMetric } from "../../src/metrics/metric";
import { useAppStore } from "../../src/store";
import { fakeEngine, flush } from "./fakeEngine";

const fake = fakeEngine();
vi.mock("../../src/queries/engine", () => ({ appEngine: () => Promise.resolve(fake.engine as SqlEngine) }));
const { useQuery } = await import("../../src/queries/useQuery");

const initialState = useAppStore.getState();
const probe = defineMetric("probe", ["filters"], async (engine, ctx) => {
  const [row] = await engine.query<{ value: string }>("probe", [ctx.filters.from ?? "all"]);
  return `${row?.value}:${ctx.filters.from ?? "all"}`;
});

function Probe({ enabled = true }: { enabled?: boolean }) {
  const state = useQuery(probe, undefined, { enabled });
  if (state.status !== "ready") return <p>{state.status}</p>;
  return <p data-stale={state.stale}>{state.data}</p>;
}

const counters = () => ({
  pending: Number(document.documentElement.dataset.metricsPending),
  shown: Number(document.documentElement.dataset.metricsShown),
});
const setFrom = (from: string | null) =>
  act(() => useAppStore.getState().setFilters({ segments: {}, from, to: null }));

beforeEach(() => {
  useAppStore.setState(
    {
      ...initialState,
      dataset: {
        label: "test",
        identity: `test-${Date.now()}-${Math.random()}`,
        restoring: false,
      },
    },
    true,
  );
});

afterEach(() => {
  useAppStore.setState(initialState, true);
});

describe("useQuery", () => {
  it("counts a question as pending until its answer is on screen, keeps old numbers marked stale, and stops a superseded one", async () => {
    const { unmount } = render(<Probe />);
    await act(flush);
    const start = counters();
    expect(start.pending).toBeGreaterThan(0);
    expect(screen.getByText("loading")).toBeTruthy();

    await act(() => fake.answerNext([{ value: "first" }]).then(() => undefined));
    expect(screen.getByText("first:all").dataset.stale).toBe("false");
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 1 });

    // Two quick filter changes: the old numbers stay, marked stale; the first question is interrupted.
    setFrom("2025-01-01");
    await act(flush);
    expect(screen.getByText("first:all").dataset.stale).toBe("true");
    const cancelsBefore = fake.cancels();
    setFrom("2025-02-01");
    await act(flush);
    expect(fake.cancels()).toBe(cancelsBefore + 1);
    expect(counters().pending).toBe(start.pending);
    await act(() => fake.answerNext([{ value: "latest" }]).then(() => undefined));
    expect(screen.getByText("latest:2025-02-01").dataset.stale).toBe("false");
    expect(fake.log.filter((sql) => sql === "probe")).toHaveLength(3);
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 2 });

    // Back to a question answered before: drawn from the cache, nothing asked of the engine.
    setFrom(null);
    expect(screen.getByText("first:all").dataset.stale).toBe("false");
    await act(flush);
    expect(fake.log.filter((sql) => sql === "probe")).toHaveLength(3);
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 3 });

    // Closed while asking: no longer pending, nothing shown.
    setFrom("2025-03-01");
    await act(flush);
    expect(counters().pending).toBe(start.pending);
    unmount();
    expect(counters()).toEqual({ pending: start.pending - 1, shown: start.shown + 3 });
  });

  it("never offers numbers held while switched off as stale: back on other filters it is loading", async () => {
    const { rerender } = render(<Probe />);
    await act(() => fake.answerNext([{ value: "shown" }]).then(() => undefined));
    expect(screen.getByText("shown:all").dataset.stale).toBe("false");
    rerender(<Probe enabled={false} />);
    setFrom("2025-05-01");
    await act(flush);
    rerender(<Probe enabled />);
    expect(screen.getByText("loading")).toBeTruthy();
    await act(() => fake.answerNext([{ value: "fresh" }]).then(() => undefined));
    expect(screen.getByText("fresh:2025-05-01").dataset.stale).toBe("false");
  });
});
